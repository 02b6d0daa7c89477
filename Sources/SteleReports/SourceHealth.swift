public import Foundation
public import SteleStore

/// How each source fares: from `sources/<id>/state.json` (every feed's last poll, last success,
/// failures and next poll) and the index (releases known, translations pending).
public struct SourceHealth: Sendable {
    /// A source as the configuration describes it.
    public struct Configured: Sendable, Equatable {
        /// Its id.
        public var id: String
        /// Its name.
        public var name: String
        /// Its languages, primary first.
        public var languages: [String]
        /// Its feed addresses.
        public var feeds: [String]

        /// A configured source.
        public init(id: String, name: String, languages: [String], feeds: [String]) {
            self.id = id
            self.name = name
            self.languages = languages
            self.feeds = feeds
        }
    }

    /// One source's health.
    public struct Entry: Sendable, Equatable {
        /// Its id.
        public var id: String
        /// Its configuration, or `nil` when the store has it but the configuration no longer does.
        public var configured: Configured?
        /// The state of each feed, as the last poll left it (empty before the first poll).
        public var feeds: [FeedState]
        /// Releases in the store.
        public var releases: Int
        /// Translations pending (language versions whose address still serves another language).
        public var pending: Int
        /// Translations given up as missing.
        public var missing: Int

        /// The latest poll of any feed.
        public var lastPoll: Date? { feeds.compactMap(\.lastPoll).max() }
        /// The latest successful poll of any feed.
        public var lastSuccess: Date? { feeds.compactMap(\.lastSuccess).max() }
        /// The most failures in a row of any feed.
        public var consecutiveFailures: Int { feeds.map(\.consecutiveFailures).max() ?? 0 }
        /// The next poll due.
        public var nextPoll: Date? { feeds.compactMap(\.nextDue).min() }

        /// `ok`, `failing`, `never polled` or `not configured`.
        public var status: String {
            if configured == nil { return "not configured" }
            if feeds.isEmpty || lastPoll == nil { return "never polled" }
            return consecutiveFailures > 0 ? "failing" : "ok"
        }
    }

    /// Every configured source, then those the store has that the configuration lacks.
    public let entries: [SourceHealth.Entry]

    /// Reads the health of `configured` sources (and of any other source in the store).
    public init(store: Store, configured: [Configured]) throws(ReportError) {
        let (storeSources, summaries) = try ReportError.reading { () throws(StoreError) -> ([String], [ReleaseSummary]) in
            (try store.sources(), try store.summaries())
        }
        var releases: [String: Int] = [:], pending: [String: Int] = [:], missing: [String: Int] = [:]
        for summary in summaries {
            releases[summary.source, default: 0] += 1
            for language in summary.languages.values {
                if language.status == .pending { pending[summary.source, default: 0] += 1 }
                if language.status == .missing { missing[summary.source, default: 0] += 1 }
            }
        }
        let ids = configured.map(\.id) + storeSources.filter { id in !configured.contains { $0.id == id } }
        var entries: [Entry] = []
        for id in ids {
            let state = try ReportError.reading { () throws(StoreError) in try store.sourceState(id) }
            entries.append(Entry(
                id: id, configured: configured.first { $0.id == id }, feeds: state?.feeds ?? [],
                releases: releases[id] ?? 0, pending: pending[id] ?? 0, missing: missing[id] ?? 0))
        }
        self.entries = entries
    }

    /// A table, one line per source, then under each failing source its failing feeds and their errors.
    public func text(style: TextStyle = .plain, dates: DateStyle = DateStyle()) -> String {
        let idWidth = max(6, entries.map { TerminalWidth.of($0.id) }.max() ?? 0)
        let statusWidth = max(6, entries.map(\.status.count).max() ?? 0)
        var output = style.paint(
            "SOURCE".rightPadded(to: idWidth) + "  " + "STATUS".rightPadded(to: statusWidth) + "  " + "LAST POLL".rightPadded(to: 16) + "  "
                + "LAST SUCCESS".rightPadded(to: 16) + "  FAILURES  " + "NEXT POLL".rightPadded(to: 16) + "  RELEASES  PENDING  MISSING", .heading) + "\n"
        for entry in entries {
            let role: TextRole = entry.status == "ok" ? .plain : entry.status == "failing" ? .alert : .warning
            var line = entry.id.rightPadded(to: idWidth) + "  " + style.paint(entry.status, role) + String(repeating: " ", count: statusWidth - entry.status.count) + "  "
            line += (entry.lastPoll.map(dates.minutes) ?? "-").rightPadded(to: 16) + "  " + (entry.lastSuccess.map(dates.minutes) ?? "-").rightPadded(to: 16) + "  "
            line += String(entry.consecutiveFailures).leftPadded(to: 8) + "  " + (entry.nextPoll.map(dates.minutes) ?? "-").rightPadded(to: 16) + "  "
            line += String(entry.releases).leftPadded(to: 8) + "  " + String(entry.pending).leftPadded(to: 7) + "  " + String(entry.missing).leftPadded(to: 7)
            output += line + "\n"
            for feed in entry.feeds where feed.consecutiveFailures > 0 {
                let since = feed.lastSuccess.map { "last success \(dates.minutes($0))" } ?? "never succeeded"
                output += style.paint("  \(feed.url): \(feed.consecutiveFailures) failed \(feed.consecutiveFailures == 1 ? "poll" : "polls"), \(since)"
                    + (feed.lastError.map { ": \($0)" } ?? ""), .alert) + "\n"
            }
        }
        return output
    }

    /// A JSON array, one object per source: `id`, `name`, `status`, `configured`, `languages`,
    /// `lastPoll`, `lastSuccess`, `consecutiveFailures`, `nextPoll`, `releases`, `pending`,
    /// `missing`, and `feeds` with each feed's own state.
    public var json: String {
        ReportJSON.encode(entries.map(SourceJSON.init))
    }
}

private struct SourceJSON: Encodable {
    struct Feed: Encodable {
        var url: String
        var lastPoll: Date?
        var lastSuccess: Date?
        var consecutiveFailures: Int
        var lastError: String?
        var nextPoll: Date?
        var permanentURL: String?
    }

    var id: String
    var name: String?
    var status: String
    var configured: Bool
    var languages: [String]?
    var lastPoll: Date?
    var lastSuccess: Date?
    var consecutiveFailures: Int
    var nextPoll: Date?
    var releases: Int
    var pending: Int
    var missing: Int
    var feeds: [Feed]

    init(_ entry: SourceHealth.Entry) {
        id = entry.id
        name = entry.configured?.name
        status = entry.status
        configured = entry.configured != nil
        languages = entry.configured?.languages
        lastPoll = entry.lastPoll
        lastSuccess = entry.lastSuccess
        consecutiveFailures = entry.consecutiveFailures
        nextPoll = entry.nextPoll
        releases = entry.releases
        pending = entry.pending
        missing = entry.missing
        feeds = entry.feeds.map {
            Feed(url: $0.url, lastPoll: $0.lastPoll, lastSuccess: $0.lastSuccess, consecutiveFailures: $0.consecutiveFailures,
                 lastError: $0.lastError, nextPoll: $0.nextDue, permanentURL: $0.permanentURL)
        }
    }
}
