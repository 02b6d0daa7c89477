/// What `stele check` found.
public struct CheckReport: Sendable, Codable, Equatable {
    /// Releases looked at.
    public var releases = 0
    /// Committed versions verified.
    public var versions = 0
    /// Alignments verified.
    public var alignments = 0
    /// Problems that remain.
    public var problems: [CheckProblem] = []
    /// Problems that `--repair` fixed.
    public var repaired: [CheckProblem] = []
    /// The pid of a writer that seemed to be running during the check (its writes in progress
    /// may show as leftovers).
    public var runningWriter: Int32?

    /// Whether nothing is wrong (after repairs).
    public var isClean: Bool { problems.isEmpty }

    /// Whether every remaining problem is one `--repair` can fix.
    public var isRepairable: Bool { problems.allSatisfy(\.repairable) }
}

/// One thing wrong in the store.
public struct CheckProblem: Sendable, Codable, Equatable, CustomStringConvertible {
    /// The kind of problem.
    public enum Kind: String, Sendable, Codable {
        /// A temporary file left by an interrupted write.
        case leftover
        /// Files of a version whose write did not reach its commit point (`.json`).
        case uncommittedVersion
        /// A committed version without its diff against the previous one.
        case missingDiff
        /// A diff that does not turn the previous version into this one.
        case wrongDiff
        /// A text whose SHA-256 is not the one its metadata records.
        case wrongHash
        /// A file that does not parse or lacks what it must hold.
        case unreadable
        /// A committed version whose text is missing, or version numbers with a hole.
        case missingVersion
        /// An alignment that points to versions or paragraphs that do not exist.
        case danglingAlignment
        /// The last line of the event log was cut by a crash.
        case cutEventLog
        /// `index.tsv` disagrees with the release folders.
        case staleIndex
        /// A file or folder that has no place in the layout, or a file where a folder belongs.
        case unexpectedFile
        /// A symbolic link where the store holds a real file or folder: never followed, never deleted through.
        case symbolicLink
        /// A language that `release.json`, an alignment or the index says has versions, without any committed version.
        case missingLanguage
        /// An alignment whose beads do not cover both versions' paragraphs once, in order, with confidences in 0…1.
        case invalidAlignment
    }

    /// The kind of problem.
    public var kind: Kind
    /// The file or folder concerned.
    public var path: String
    /// What is wrong, in words.
    public var message: String
    /// Whether `stele check --repair` can fix it without losing a committed version.
    public var repairable: Bool

    /// A problem.
    public init(_ kind: Kind, _ path: String, _ message: String, repairable: Bool) {
        self.kind = kind
        self.path = path
        self.message = message
        self.repairable = repairable
    }

    /// `path: message`, with `(repairable)` when `--repair` can fix it.
    public var description: String {
        "\(path): \(message)\(repairable ? " (repairable: run stele check --repair)" : "")"
    }
}
