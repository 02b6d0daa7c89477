public import Foundation
import SteleDiff
public import SteleStore

/// The history of a release: every version of every language (or of one), interleaved in time,
/// with what changed against the version before, and where each language stands now.
public struct VersionLog: Sendable {
    /// One version.
    public struct Entry: Sendable, Equatable {
        /// The language code.
        public var language: String
        /// Its metadata: number, fetch time, address, paragraphs, change statistics.
        public var metadata: VersionMetadata

        /// `en@2`.
        public var label: String { "\(language)@\(metadata.version)" }
    }

    /// One language now.
    public struct LanguageState: Sendable, Equatable {
        /// The language code.
        public var code: String
        /// Its entry in `release.json`, if it has one.
        public var entry: LanguageEntry?
        /// Committed versions.
        public var versions: Int
    }

    /// The release.
    public let release: ReleaseRef
    /// Its record, if any.
    public let record: ReleaseRecord?
    /// Every language (or the one asked for), in the release's order.
    public let languages: [LanguageState]
    /// The versions, oldest first; versions fetched at the same moment keep the languages' order.
    public let entries: [Entry]

    /// The log of `reader`'s release, of `language` only when given (an unknown language is an error).
    public init(_ reader: ReleaseReader, language: String? = nil) throws(ReportError) {
        if let language, !reader.languages.contains(language) {
            throw .unknownLanguage(language: language, release: reader.release.description, known: reader.languages,
                                   suggestions: EditDistance.suggestions(for: language, among: reader.languages))
        }
        let codes = language.map { [$0] } ?? reader.languages
        var entries: [Entry] = []
        for code in codes {
            entries += try reader.history(code).map { Entry(language: code, metadata: $0) }
        }
        let rank = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        entries.sort { a, b in
            a.metadata.fetchedAt != b.metadata.fetchedAt ? a.metadata.fetchedAt < b.metadata.fetchedAt
                : rank[a.language]! != rank[b.language]! ? rank[a.language]! < rank[b.language]! : a.metadata.version < b.metadata.version
        }
        release = reader.release
        record = reader.record
        languages = codes.map { LanguageState(code: $0, entry: reader.record?.languages[$0], versions: reader.versions[$0]?.count ?? 0) }
        self.entries = entries
    }

    /// For people: the release and its title, each language's state and address, then one line per
    /// version (time, `en@2`, paragraphs, changes against the version before, and the address it
    /// came from when that is not the language's address now). A language's next
    /// check is shown only when it is after `now`: the sync keeps its schedule in memory and
    /// rewrites `release.json` only when more than check times change, so a time already past is
    /// no longer what the sync will do.
    public func text(style: TextStyle = .plain, dates: DateStyle = DateStyle(), now: Date = Date()) -> String {
        var lines: [String] = []
        lines.append(style.paint(release.description + (record?.title(preferring: "en").map { "  " + $0 } ?? ""), .heading))
        if let record {
            var dated = record.published.map { "published \(dates.minutes($0)), " } ?? ""
            dated += "first seen \(dates.minutes(record.firstSeen))"
            if let originalID = record.originalID { dated += ", id \(originalID)" }
            lines.append(style.paint(dated, .dim))
        }
        var addresses: [String: String] = [:]
        for language in languages {
            lines.append("  " + language.code.rightPadded(to: 4) + state(language, style: style, dates: dates, now: now))
            if let url = language.entry?.url {
                addresses[language.code] = url
                lines.append("      " + style.paint(url, .dim))
            }
        }
        lines.append("")
        let labelWidth = entries.map { $0.label.count }.max() ?? 0
        let countWidth = entries.map { paragraphs($0.metadata.paragraphs).count }.max() ?? 0
        for entry in entries {
            var line = dates.minutes(entry.metadata.fetchedAt) + "  " + entry.label.rightPadded(to: labelWidth) + "  "
            line += paragraphs(entry.metadata.paragraphs).rightPadded(to: countWidth) + "  "
            line += style.paint(changes(entry), entry.metadata.changes == nil ? .dim : .plain)
            if entry.metadata.url != addresses[entry.language] { line += "  from " + entry.metadata.url }
            lines.append(line)
        }
        if entries.isEmpty { lines.append(style.paint("no version stored yet", .dim)) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func paragraphs(_ count: Int) -> String { count == 1 ? "1 paragraph" : "\(count) paragraphs" }

    private func changes(_ entry: Entry) -> String {
        guard let changes = entry.metadata.changes else { return "first version" }
        return changes.summary
    }

    private func state(_ language: LanguageState, style: TextStyle, dates: DateStyle, now: Date) -> String {
        let versions = language.versions == 1 ? "1 version" : "\(language.versions) versions"
        guard let entry = language.entry else { return versions }
        var text: String
        switch entry.status {
        case .present: text = versions
        case .pending: text = style.paint("pending", .warning) + (entry.statusSince.map { " since \(dates.minutes($0))" } ?? "")
        case .missing: text = style.paint("missing", .alert) + (entry.statusSince.map { ", given up \(dates.minutes($0))" } ?? "")
        case .gone: text = style.paint("gone", .dim) + (entry.statusSince.map { " since \(dates.minutes($0))" } ?? "") + (language.versions > 0 ? ", \(versions) kept" : "")
        }
        if let failures = entry.consecutiveFailures, failures > 0 {
            text += style.paint("; \(failures) failed \(failures == 1 ? "fetch" : "fetches")\(entry.lastError.map { " (\($0))" } ?? "")", .alert)
        }
        if let next = entry.nextCheck, next > now { text += style.paint("; next check \(dates.minutes(next))", .dim) }
        return text
    }

    /// Everything as one JSON object: `release`, `title`, `languages` (status, since, versions,
    /// failures, and the next check as `release.json` last recorded it), and `versions` in time order, each with `language`, `version`,
    /// `fetchedAt`, `lastSeenAt`, `seenCount`, `url`, `paragraphs`, `sha256` and `changes`.
    public var json: String {
        ReportJSON.encode(VersionLogJSON(self))
    }
}

private struct VersionLogJSON: Encodable {
    struct Language: Encodable {
        var status: String?
        var since: Date?
        var versions: Int
        var url: String?
        var nextCheck: Date?
        var consecutiveFailures: Int?
        var lastError: String?
    }

    struct Version: Encodable {
        var language: String
        var version: Int
        var fetchedAt: Date
        var lastSeenAt: Date
        var seenCount: Int
        var url: String
        var paragraphs: Int
        var sha256: String
        var changes: DiffStatistics?
    }

    var release: String
    var title: String?
    var published: Date?
    var firstSeen: Date?
    var languages: [String: Language]
    var versions: [Version]

    init(_ log: VersionLog) {
        release = log.release.description
        title = log.record?.title(preferring: "en")
        published = log.record?.published
        firstSeen = log.record?.firstSeen
        languages = Dictionary(uniqueKeysWithValues: log.languages.map { state in
            (state.code, Language(
                status: state.entry?.status.rawValue, since: state.entry?.statusSince, versions: state.versions, url: state.entry?.url,
                nextCheck: state.entry?.nextCheck, consecutiveFailures: state.entry?.consecutiveFailures, lastError: state.entry?.lastError))
        })
        versions = log.entries.map { entry in
            let metadata = entry.metadata
            return Version(
                language: entry.language, version: metadata.version, fetchedAt: metadata.fetchedAt, lastSeenAt: metadata.lastSeenAt,
                seenCount: metadata.seenCount, url: metadata.url, paragraphs: metadata.paragraphs, sha256: metadata.sha256, changes: metadata.changes)
        }
    }
}
