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

    /// What makes the beads unusable for versions of `sourceParagraphs` and `targetParagraphs`
    /// paragraphs, or `nil` when they are sound: together the beads must cover every paragraph of
    /// both sides once and in order, each bead must hold a paragraph, and each confidence must lie in 0…1.
    public func flaw(sourceParagraphs: Int, targetParagraphs: Int) -> String? {
        for (side, indices, count) in [(source, beads.flatMap(\.source), sourceParagraphs), (target, beads.flatMap(\.target), targetParagraphs)] {
            if let bad = indices.first(where: { $0 < 0 || $0 >= count }) {
                return "points to paragraph \(bad) of \(side.language) version \(side.version), which has \(count)"
            }
            if indices != Array(0..<count) {
                let missing = Set(0..<count).subtracting(indices).sorted().first
                return missing.map { "its beads leave out paragraph \($0) of \(side.language) version \(side.version)" }
                    ?? "its beads do not take the paragraphs of \(side.language) version \(side.version) once each and in order"
            }
        }
        if let empty = beads.firstIndex(where: { $0.source.isEmpty && $0.target.isEmpty }) {
            return "bead \(empty) holds no paragraph"
        }
        if let bad = beads.firstIndex(where: { !(0...1).contains($0.confidence) }) {
            return "bead \(bad) has confidence \(beads[bad].confidence), outside 0…1"
        }
        return nil
    }
}
