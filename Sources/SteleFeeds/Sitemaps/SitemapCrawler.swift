/// Follows a sitemap index to the sitemaps it lists (and indexes they list, to a bounded depth),
/// fetching through a closure the caller supplies, so that SteleFeeds itself never touches the network.
///
/// ```swift
/// let crawler = SitemapCrawler()
/// let crawl = await crawler.crawl(index, url: indexURL) { url in
///     let response = try await client.fetch(HTTPRequest(url: url))
///     return FetchedDocument(bytes: response.body, url: response.finalURL, charset: response.charset)
/// }
/// if !crawl.isComplete { /* pages missing from crawl.items are not gone from the site */ }
/// ```
public struct SitemapCrawler: Sendable {
    /// Fetches one address; throws when it cannot (the error's description is kept as the reason).
    public typealias Fetch = @Sendable (String) async throws -> FetchedDocument

    /// How each fetched sitemap is parsed.
    public var parser: FeedParser
    /// How far and how wide to follow.
    public var limits: SitemapCrawlLimits

    /// A crawler with a parser and limits.
    public init(parser: FeedParser = FeedParser(), limits: SitemapCrawlLimits = SitemapCrawlLimits()) {
        self.parser = parser
        self.limits = limits
    }

    /// The pages of every sitemap reachable from `root`, a parsed document fetched from `url`.
    /// A root that is not a sitemap index comes back as it is, with nothing fetched.
    public func crawl(_ root: Feed, url: String, fetch: @escaping Fetch) async -> SitemapCrawl {
        guard root.format == .sitemapIndex else {
            return SitemapCrawl(root: root, items: root.items, warnings: root.warnings, visits: [])
        }
        var crawl = SitemapCrawl(root: root, items: [], warnings: root.warnings, visits: [])
        var seen: Set<String> = [url]
        var level = Self.children(of: root, seen: &seen)
        var depth = 1
        while !level.isEmpty {
            let room = max(0, limits.maxSitemaps - crawl.visits.count)
            if level.count > room {
                crawl.skipped += level.count - room
                crawl.warnings.append(FeedWarning("\(level.count - room) sitemap\(level.count - room == 1 ? " was" : "s were") not followed: the limit of \(limits.maxSitemaps) sitemaps was reached"))
                level = Array(level.prefix(room))
            }
            let results = await fetchAll(level, fetch: fetch)
            var next: [String] = []
            for (address, result) in zip(level, results) {
                var visit = SitemapVisit(url: address, depth: depth)
                switch result {
                case .failure(let reason):
                    visit.failure = reason
                case .success(let feed):
                    visit.format = feed.format
                    visit.failure = feed.error.map { "\($0)" }
                    if feed.format == .sitemapIndex {
                        let children = Self.children(of: feed, seen: &seen)
                        if depth < limits.maxDepth {
                            next += children
                        } else if !children.isEmpty {
                            crawl.skipped += children.count
                            crawl.warnings.append(FeedWarning("the index \(address) lists \(children.count) more sitemap\(children.count == 1 ? "" : "s"), deeper than the limit of \(limits.maxDepth) levels; not followed"))
                        }
                    } else {
                        visit.items = feed.items.count
                        crawl.items += feed.items
                    }
                    crawl.warnings += feed.warnings.map { FeedWarning("\(address): \($0.description)") }
                }
                crawl.visits.append(visit)
            }
            level = next
            depth += 1
        }
        crawl.removeDuplicates()
        return crawl
    }

    private enum Outcome {
        case success(Feed)
        case failure(String)
    }

    /// Fetches and parses `addresses`, at most ``SitemapCrawlLimits/concurrentFetches`` at a time, results in order.
    private func fetchAll(_ addresses: [String], fetch: @escaping Fetch) async -> [Outcome] {
        var results = [Outcome?](repeating: nil, count: addresses.count)
        let parser = self.parser
        await withTaskGroup(of: (Int, Outcome).self) { group in
            var nextIndex = 0
            func startNext() {
                guard nextIndex < addresses.count else { return }
                let index = nextIndex
                let address = addresses[index]
                nextIndex += 1
                group.addTask {
                    do {
                        let document = try await fetch(address)
                        do {
                            return (index, .success(try parser.parse(document.bytes, url: document.url, charset: document.charset)))
                        } catch {
                            return (index, .failure("\(error)"))
                        }
                    } catch {
                        return (index, .failure("\(error)"))
                    }
                }
            }
            for _ in 0..<max(1, limits.concurrentFetches) { startNext() }
            for await (index, outcome) in group {
                results[index] = outcome
                startNext()
            }
        }
        return results.map { $0 ?? .failure("not fetched") }
    }

    /// The absolute http(s) addresses an index lists, each once across the whole crawl.
    private static func children(of index: Feed, seen: inout Set<String>) -> [String] {
        index.items.compactMap(\.link).filter { link in
            (link.hasPrefix("https://") || link.hasPrefix("http://")) && seen.insert(link).inserted
        }
    }
}

/// How far and how wide a ``SitemapCrawler`` follows.
public struct SitemapCrawlLimits: Sendable, Equatable, Hashable {
    /// Levels of index below the root index (the protocol allows 1: an index lists sitemaps).
    public var maxDepth: Int
    /// Sitemaps fetched in all.
    public var maxSitemaps: Int
    /// Fetches in flight at once.
    public var concurrentFetches: Int

    /// The defaults: 2 levels, 1,000 sitemaps, 4 at a time.
    public init(maxDepth: Int = 2, maxSitemaps: Int = 1000, concurrentFetches: Int = 4) {
        self.maxDepth = maxDepth
        self.maxSitemaps = maxSitemaps
        self.concurrentFetches = concurrentFetches
    }
}

/// A document as fetched, for ``SitemapCrawler``.
public struct FetchedDocument: Sendable, Equatable {
    /// The body (a gzip body is inflated by the parser).
    public var bytes: [UInt8]
    /// The address it finally came from, after redirects: the base for its relative links.
    public var url: String
    /// The HTTP `charset`, if the server sent one.
    public var charset: String?

    /// A fetched document.
    public init(bytes: [UInt8], url: String, charset: String? = nil) {
        self.bytes = bytes
        self.url = url
        self.charset = charset
    }
}
