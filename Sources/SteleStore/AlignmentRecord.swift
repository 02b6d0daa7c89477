public import Foundation
public import SteleAlign

/// `align/en-fr.json`: the latest paragraph alignment of two language versions, with the version
/// numbers it was computed on (so a reader can tell that it is stale, and which English version a
/// translation was made against).
public struct AlignmentRecord: Codable, Sendable, Equatable {
    /// One side of the alignment: a language and the version aligned.
    public struct Side: Codable, Sendable, Equatable, Hashable {
        /// The language code.
        public var language: String
        /// The version number aligned.
        public var version: Int

        /// A side.
        public init(language: String, version: Int) {
            self.language = language
            self.version = version
        }
    }

    /// The source language side (`en` of `en-fr`).
    public var source: Side
    /// The target language side (`fr` of `en-fr`).
    public var target: Side
    /// When the alignment was computed.
    public var computedAt: Date
    /// The aligner and its version, for reproducibility.
    public var method: String?
    /// The beads, in order.
    public var beads: [AlignmentBead]

    /// An alignment record.
    public init(source: Side, target: Side, computedAt: Date, method: String? = nil, beads: [AlignmentBead]) {
        self.source = source
        self.target = target
        self.computedAt = computedAt
        self.method = method
        self.beads = beads
    }

    /// The pair name used as the file name: `en-fr`.
    public var pair: String { "\(source.language)-\(target.language)" }
}
