public import Foundation

/// One line of `events.jsonl`: something that happened in the store, for people and programs
/// that follow it (`tail -f`, a hook, a translation workflow).
public struct StoreEvent: Codable, Sendable, Equatable {
    /// Position in the log, from 1, increasing by one: a follower resumes after the last it saw.
    public var sequence: Int
    /// When it happened.
    public var time: Date
    /// What happened: `release`, `version`, `pending`, `available`, … (the sync engine's words).
    public var kind: String
    /// The source.
    public var source: String?
    /// The release key.
    public var release: String?
    /// The language.
    public var language: String?
    /// The version number.
    public var version: Int?
    /// Anything else, as text.
    public var details: [String: String]?

    /// An event; `sequence` is assigned when it is appended.
    public init(
        sequence: Int = 0, time: Date = Date(), kind: String, source: String? = nil, release: String? = nil,
        language: String? = nil, version: Int? = nil, details: [String: String]? = nil
    ) {
        self.sequence = sequence
        self.time = time
        self.kind = kind
        self.source = source
        self.release = release
        self.language = language
        self.version = version
        self.details = details
    }
}
