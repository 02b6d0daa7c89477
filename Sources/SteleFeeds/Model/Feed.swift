import Foundation

/// A parsed feed or sitemap: what it says about itself, its items, and how far it could be read.
///
/// A feed with a non-nil ``error`` is *partial*: ``items`` holds what was read before the fault, and
/// items missing from it must not be taken as removed from the source.
public struct Feed: Sendable, Equatable {
    /// The kind of document.
    public var format: FeedFormat
    /// The feed's title, as plain text.
    public var title: String?
    /// The address of the site the feed describes (RSS `<link>`, Atom `rel="alternate"`, JSON `home_page_url`), absolute when it could be resolved.
    public var link: String?
    /// The language the feed declares (RSS `<language>`, Atom `xml:lang`, JSON `language`), lower-cased.
    public var language: String?
    /// How often the publisher says to poll.
    public var hints: FeedHints
    /// The items, in document order, each id once.
    public var items: [FeedItem]
    /// Things that were odd but did not stop the reading (a bad date, a duplicate id, a replaced byte).
    public var warnings: [FeedWarning]
    /// Why the reading stopped before the end, or `nil` when the whole document was read.
    public var error: FeedError?

    /// An empty feed of `format`.
    public init(
        format: FeedFormat, title: String? = nil, link: String? = nil, language: String? = nil,
        hints: FeedHints = FeedHints(), items: [FeedItem] = [], warnings: [FeedWarning] = [], error: FeedError? = nil
    ) {
        self.format = format
        self.title = title
        self.link = link
        self.language = language
        self.hints = hints
        self.items = items
        self.warnings = warnings
        self.error = error
    }

    /// True when the whole document was read; false for a partial feed (see ``error``).
    public var isComplete: Bool { error == nil }
}

/// The kinds of document SteleFeeds reads. The raw values are the names `stele feed --json` prints.
public enum FeedFormat: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// RSS 2.0 (also 2.0.1 and an `<rss>` without a version).
    case rss2
    /// RSS 1.0, the RDF form.
    case rss1
    /// RSS 0.90 (RDF), 0.91, 0.92, 0.93 and 0.94.
    case rss09x
    /// Atom 1.0 (RFC 4287).
    case atom
    /// JSON Feed 1.0 or 1.1.
    case json
    /// A sitemaps.org `<urlset>`: one item per page.
    case sitemap
    /// A sitemaps.org `<sitemapindex>`: one item per further sitemap.
    case sitemapIndex = "sitemapindex"
}

/// What the publisher says about polling: RSS `<ttl>` and the RSS 1.0 syndication module.
public struct FeedHints: Sendable, Equatable, Hashable {
    /// RSS `<ttl>`: minutes the feed may be cached.
    public var timeToLiveMinutes: Int?
    /// `<sy:updatePeriod>`: the period in which the feed is updated ``updateFrequency`` times.
    public var updatePeriod: UpdatePeriod?
    /// `<sy:updateFrequency>`: updates per ``updatePeriod`` (1 when the period is given alone).
    public var updateFrequency: Int?

    /// Hints as read from a feed.
    public init(timeToLiveMinutes: Int? = nil, updatePeriod: UpdatePeriod? = nil, updateFrequency: Int? = nil) {
        self.timeToLiveMinutes = timeToLiveMinutes
        self.updatePeriod = updatePeriod
        self.updateFrequency = updateFrequency
    }

    /// The `<sy:updatePeriod>` values.
    public enum UpdatePeriod: String, Sendable, Equatable, Hashable, CaseIterable {
        /// Every hour.
        case hourly
        /// Every day.
        case daily
        /// Every week.
        case weekly
        /// Every month (counted as 30 days).
        case monthly
        /// Every year (counted as 365 days).
        case yearly

        /// The length of the period.
        public var duration: Duration {
            switch self {
            case .hourly: .seconds(3600)
            case .daily: .seconds(86_400)
            case .weekly: .seconds(7 * 86_400)
            case .monthly: .seconds(30 * 86_400)
            case .yearly: .seconds(365 * 86_400)
            }
        }
    }

    /// The shortest interval the publisher asks pollers to keep between polls, if it says: the
    /// larger of `ttl` and the syndication period divided by its frequency.
    public var minimumPollInterval: Duration? {
        let ttl = timeToLiveMinutes.map { Duration.seconds($0 * 60) }
        let syndication = updatePeriod.map { $0.duration / max(1, updateFrequency ?? 1) }
        switch (ttl, syndication) {
        case let (ttl?, syndication?): return max(ttl, syndication)
        case let (ttl?, nil): return ttl
        case let (nil, syndication?): return syndication
        case (nil, nil): return nil
        }
    }
}
