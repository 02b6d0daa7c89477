public import Foundation
import SteleLanguage

/// What one pass did: the summary `stele fetch` prints, and when the daemon should wake next.
public struct PassReport: Sendable, Equatable {
    /// One failed fetch.
    public struct Failure: Sendable, Equatable, CustomStringConvertible {
        /// The source it belongs to.
        public var source: String
        /// The address.
        public var url: String
        /// What went wrong, in words.
        public var message: String

        /// `nato: https://…: the server answered HTTP 503`
        public var description: String { "\(source): \(message)" }
    }

    /// An address left alone because it is pausing after failures.
    public struct Paused: Sendable, Equatable, CustomStringConvertible {
        /// The source it belongs to.
        public var source: String
        /// The address.
        public var url: String
        /// Failures in a row so far.
        public var failures: Int
        /// The last failure, in words, when it was recorded.
        public var lastError: String?
        /// When it is tried again.
        public var until: Date?

        /// `nato: https://…: paused after 3 failures until 2026-11-29T06:14:00Z (last: …)`
        public var description: String {
            var text = "\(source): \(url): paused after \(failures) failure\(failures == 1 ? "" : "s")"
            if let until { text += " until \(until.formatted(.iso8601))" }
            if let lastError { text += " (last: \(lastError))" }
            return text
        }
    }

    /// Feeds requested.
    public var feedsPolled = 0
    /// Feeds that answered 304 Not Modified.
    public var feedsNotModified = 0
    /// Feeds whose request or parse failed.
    public var feedsFailed = 0
    /// Pages requested.
    public var pagesFetched = 0
    /// Pages that answered 304 Not Modified.
    public var pagesNotModified = 0
    /// Pages whose request or extraction failed.
    public var pagesFailed = 0
    /// Releases the pass worked on (those due, or all of them in a manual pass).
    public var releasesWorked = 0
    /// Releases seen for the first time.
    public var newReleases = 0
    /// New versions stored, per language code.
    public var newVersions: [String: Int] = [:]
    /// Translations that became pending in this pass.
    public var newlyPending = 0
    /// Translations that arrived in this pass.
    public var nowAvailable = 0
    /// Language versions pending after this pass, over the releases it looked at.
    public var pending = 0
    /// Alignments computed.
    public var alignments = 0
    /// Fetches and parses that failed.
    public var failures: [Failure] = []
    /// Feeds and pages not requested because they are pausing after failures: a manual pass
    /// does not override the pause, but says so.
    public var paused: [Paused] = []
    /// The earliest moment some work becomes due again; `nil` when nothing is scheduled.
    public var nextDue: Date?

    /// An empty report.
    public init() {}

    /// Adds another report's counts to this one.
    mutating func merge(_ other: PassReport) {
        feedsPolled += other.feedsPolled
        feedsNotModified += other.feedsNotModified
        feedsFailed += other.feedsFailed
        pagesFetched += other.pagesFetched
        pagesNotModified += other.pagesNotModified
        pagesFailed += other.pagesFailed
        releasesWorked += other.releasesWorked
        newReleases += other.newReleases
        newVersions.merge(other.newVersions, uniquingKeysWith: +)
        newlyPending += other.newlyPending
        nowAvailable += other.nowAvailable
        pending += other.pending
        alignments += other.alignments
        failures += other.failures
        paused += other.paused
        nextDue = [nextDue, other.nextDue].compactMap { $0 }.min()
    }

    /// Lines for a person: what changed, what is pending, what failed.
    public var summary: [String] {
        func requests(_ count: Int, unchanged: Int, failed: Int) -> String {
            "\(count) requested" + (count == 0 ? "" : " (\(unchanged) unchanged, \(failed) failed)")
        }
        var lines = ["feeds: \(requests(feedsPolled, unchanged: feedsNotModified, failed: feedsFailed)); pages: \(requests(pagesFetched, unchanged: pagesNotModified, failed: pagesFailed))"]
        let versions = newVersions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        lines.append("new releases: \(newReleases); new versions: \(versions.isEmpty ? "none" : versions.joined(separator: ", ")); alignments: \(alignments)")
        lines.append("translations: \(nowAvailable) arrived, \(newlyPending) newly pending, \(pending) pending")
        lines.append(failures.isEmpty ? "failures: none" : "failures: \(failures.count)")
        lines += failures.map { "  \($0)" }
        if !paused.isEmpty {
            lines.append("paused after earlier failures, not requested: \(paused.count)")
            lines += paused.map { "  \($0)" }
        }
        return lines
    }
}
