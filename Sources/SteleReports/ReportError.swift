public import Foundation
public import SteleStore

/// Why a reading command could not answer, with what to type instead. Every case but
/// ``store(_:)``, ``output(path:reason:)`` and ``unreadableReleases(_:)`` is a mistake in the command line (exit status 2).
public enum ReportError: Error, Equatable, CustomStringConvertible {
    /// No release of the store is named `name`; `suggestions` are the names nearest to it.
    case unknownRelease(name: String, suggestions: [String])
    /// `name` starts the names of several releases: the first `matches`, `count` in all.
    case ambiguousRelease(name: String, matches: [String], count: Int)
    /// No source of the store is named `name`.
    case unknownSource(name: String, known: [String], suggestions: [String])
    /// No version of `language` exists in `release` (or anywhere in the store when `release` is
    /// `nil`), and nothing is known of that language there.
    case unknownLanguage(language: String, release: String?, known: [String], suggestions: [String])
    /// The release knows the language but has no version of it yet (pending, missing or gone).
    case noVersion(language: String, release: String, status: LanguageStatus?, since: Date?)
    /// The version `spec` names does not exist; `versions` are those that do.
    case unknownVersion(spec: String, release: String, versions: [Int])
    /// A version argument that is not `LANG`, `LANG@N` or `LANG@-N`.
    case invalidVersionSpec(String)
    /// A language pair that is not `SOURCE-TARGET`, such as `en-fr`.
    case invalidPair(String)
    /// A date or age argument that could not be read.
    case invalidDate(String)
    /// A comparison between languages needs the aligner, which knows `supported` only.
    case cannotAlign(language: String, supported: [String])
    /// A version has more paragraphs than the aligner takes (a page the sync stored unaligned).
    case tooManyParagraphs(count: Int, limit: Int)
    /// Options that do not go together, or an argument out of its range; the message says which.
    case invalidArgument(String)
    /// The store could not be read.
    case store(StoreError)
    /// The output could not be written.
    case output(path: String, reason: String)
    /// An export left out `count` releases it could not read (each named on standard error before).
    case unreadableReleases(Int)

    /// Whether the command line was at fault (exit status 2) rather than the store or the disk (1).
    public var isUsageError: Bool {
        switch self {
        case .store(let error): if case .notAStore = error { return true } else { return false }
        case .output, .unreadableReleases, .tooManyParagraphs: return false
        default: return true
        }
    }

    /// What failed and what to do.
    public var description: String {
        switch self {
        case .unknownRelease(let name, let suggestions):
            return "no release named \"\(name.prefix(200))\" in the store\(Self.didYouMean(suggestions)); stele list shows the releases"
        case .ambiguousRelease(let name, let matches, let count):
            let more = count > matches.count ? ", … (\(count) in all)" : ""
            return "\"\(name)\" names \(count) releases: \(matches.joined(separator: ", "))\(more); type more of the key, or SOURCE/KEY"
        case .unknownSource(let name, let known, let suggestions):
            let list = known.isEmpty ? "the store has no source yet" : "the store has \(known.joined(separator: ", "))"
            return "no source \"\(name.prefix(100))\" in the store\(Self.didYouMean(suggestions)); \(list)"
        case .unknownLanguage(let language, let release, let known, let suggestions):
            let place = release.map { "release \($0)" } ?? "the store"
            let list = known.isEmpty ? "it has no language yet" : "it has \(known.joined(separator: ", "))"
            return "no language \"\(language.prefix(40))\" in \(place)\(Self.didYouMean(suggestions)); \(list)"
        case .noVersion(let language, let release, let status, let since):
            let when = since.map { " since \(DateStyle.utc.minutes($0)) UTC" } ?? ""
            let state: String
            switch status {
            case .pending?: state = "the translation is pending\(when): its address still serves another language"
            case .missing?: state = "it was given up as missing\(when)"
            case .gone?: state = "it was withdrawn (410 Gone)\(when)"
            case .present?, nil: state = "no version is stored yet"
            }
            return "release \(release) has no \(language) version: \(state); stele log \(release) shows its history"
        case .unknownVersion(let spec, let release, let versions):
            let have: String
            switch versions.count {
            case 0: have = "none is stored"
            case 1: have = "only version \(versions[0]) exists"
            default: have = "versions \(versions.first!)–\(versions.last!) exist (\(spec.prefix { $0 != "@" })@-1 is the one before the newest)"
            }
            return "release \(release) has no version \(spec): \(have)"
        case .invalidVersionSpec(let text):
            return "\"\(text.prefix(80))\" is not a version: write LANG (the newest), LANG@N (version N) or LANG@-N (N before the newest), e.g. en, en@2, fr@-1"
        case .invalidPair(let text):
            return "\"\(text.prefix(80))\" is not a language pair: write SOURCE-TARGET, e.g. en-fr"
        case .invalidDate(let text):
            return "\"\(text.prefix(80))\" is not a date: write 2025-12-04, 2025-12-04T15:30, 2025-12-04T15:30:00Z, or an age such as 36h, 7d, 2w"
        case .cannotAlign(let language, let supported):
            return "cannot align \(language): the aligner knows \(supported.joined(separator: ", ")) only"
        case .tooManyParagraphs(let count, let limit):
            return "a version has \(count) paragraphs, more than the \(limit) the aligner takes (the sync stored it unaligned); read it with stele show"
        case .invalidArgument(let message):
            return message
        case .store(let error):
            return error.description
        case .output(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .unreadableReleases(let count):
            return "\(count) release(s) could not be read and were left out of the export (named above); run stele check to see the damage"
        }
    }

    private static func didYouMean(_ suggestions: [String]) -> String {
        switch suggestions.count {
        case 0: ""
        case 1: " (did you mean \(suggestions[0])?)"
        default: " (did you mean \(suggestions.dropLast().joined(separator: ", ")) or \(suggestions.last!)?)"
        }
    }
}

extension ReportError {
    /// Runs `body`, turning a store error into ``ReportError/store(_:)``.
    public static func reading<Value>(_ body: () throws(StoreError) -> Value) throws(ReportError) -> Value {
        do {
            return try body()
        } catch {
            throw .store(error)
        }
    }
}
