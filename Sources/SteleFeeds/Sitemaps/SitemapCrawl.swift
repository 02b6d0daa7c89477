/// What a ``SitemapCrawler`` found: every page of every sitemap it could read, and which it could not.
public struct SitemapCrawl: Sendable, Equatable {
    /// The index the crawl started from.
    public var root: Feed
    /// The pages, in the order of the index and of each sitemap, each id once.
    public var items: [FeedItem]
    /// The root's warnings, each sitemap's (prefixed with its address), and the crawl's own.
    public var warnings: [FeedWarning]
    /// Every sitemap fetched, in order.
    public var visits: [SitemapVisit]
    /// Sitemaps listed but not fetched because a limit was reached.
    public var skipped = 0

    /// True when every listed sitemap was fetched and read to its end. When false, pages missing
    /// from ``items`` must not be taken as removed from the site.
    public var isComplete: Bool {
        root.isComplete && skipped == 0 && visits.allSatisfy { $0.failure == nil }
    }

    /// The crawl as one feed: the root's format, title and link, all the pages, and an error when
    /// it is incomplete.
    public var feed: Feed {
        var feed = root
        feed.items = items
        feed.warnings = warnings
        if feed.error == nil, !isComplete {
            let failed = visits.filter { $0.failure != nil }
            feed.error = FeedError(.incompleteCrawl(unread: failed.count + skipped, listed: visits.count + skipped, first: failed.first.map(Self.describe)))
        }
        return feed
    }

    /// "address: reason", without repeating an address the reason already names.
    private static func describe(_ visit: SitemapVisit) -> String {
        let reason = visit.failure ?? ""
        return reason.contains(visit.url) ? reason : "\(visit.url): \(reason)"
    }

    mutating func removeDuplicates() {
        var seen: Set<String> = []
        var kept: [FeedItem] = []
        kept.reserveCapacity(items.count)
        var duplicates = 0
        for item in items {
            if seen.insert(item.id).inserted { kept.append(item) } else { duplicates += 1 }
        }
        if duplicates > 0 {
            warnings.append(FeedWarning("\(duplicates) page\(duplicates == 1 ? " is" : "s are") listed in more than one sitemap; each is kept once"))
        }
        items = kept
    }
}

/// One sitemap a crawl fetched.
public struct SitemapVisit: Sendable, Equatable, Hashable {
    /// Its address.
    public var url: String
    /// 1 for a sitemap the root index lists, 2 for one listed by an index it lists, ...
    public var depth: Int
    /// What it turned out to be, when it could be read.
    public var format: FeedFormat?
    /// Pages taken from it.
    public var items = 0
    /// Why it could not be read, or where its reading stopped; nil when it was read to its end.
    public var failure: String?

    /// A visit to `url` at `depth`.
    public init(url: String, depth: Int, format: FeedFormat? = nil, items: Int = 0, failure: String? = nil) {
        self.url = url
        self.depth = depth
        self.format = format
        self.items = items
        self.failure = failure
    }
}
