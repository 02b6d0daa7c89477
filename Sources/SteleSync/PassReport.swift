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

    /// Feeds requested, and of those answered 304.
    public var feedsPolled = 0
    /// Feeds that answered 304 Not Modified.
    public var feedsNotModified = 0
    /// Pages requested.
    public var pagesFetched = 0
    /// Pages that answered 304 Not Modified.
    public var pagesNotModified = 0
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
    /// The earliest moment some work becomes due again; `nil` when nothing is scheduled.
    public var nextDue: Date?

    /// An empty report.
    public init() {}

    /// Adds another report's counts to this one.
    mutating func merge(_ other: PassReport) {
        feedsPolled += other.feedsPolled
        feedsNotModified += other.feedsNotModified
        pagesFetched += other.pagesFetched
        pagesNotModified += other.pagesNotModified
        newReleases += other.newReleases
        newVersions.merge(other.newVersions, uniquingKeysWith: +)
        newlyPending += other.newlyPending
        nowAvailable += other.nowAvailable
        pending += other.pending
        alignments += other.alignments
        failures += other.failures
        nextDue = [nextDue, other.nextDue].compactMap { $0 }.min()
    }

    /// Lines for a person: what changed, what is pending, what failed.
    public var summary: [String] {
        var lines = ["feeds: \(feedsPolled) polled (\(feedsNotModified) unchanged); pages: \(pagesFetched) fetched (\(pagesNotModified) unchanged)"]
        let versions = newVersions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        lines.append("new releases: \(newReleases); new versions: \(versions.isEmpty ? "none" : versions.joined(separator: ", ")); alignments: \(alignments)")
        lines.append("translations: \(nowAvailable) arrived, \(newlyPending) newly pending, \(pending) pending")
        lines.append(failures.isEmpty ? "failures: none" : "failures: \(failures.count)")
        lines += failures.map { "  \($0)" }
        return lines
    }
}
