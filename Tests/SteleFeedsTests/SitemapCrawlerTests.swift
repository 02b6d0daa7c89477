import Foundation
import SteleFeeds
import SteleFixtures
import SteleHTTP
import Testing

/// The crawler against a real HTTP server on 127.0.0.1, fetching with Stele's libcurl client.
@Suite("Following sitemap indexes")
struct SitemapCrawlerTests {
    final class Site {
        let site = FixtureSite()
        let server: FixtureServer
        let client = HTTPClient()

        init() throws {
            let site = site
            server = try FixtureServer { site.respond(to: $0) }
        }

        func url(_ path: String) -> String { server.url(path) }

        func putIndex(_ path: String, listing paths: [String]) {
            let entries = paths.map { "<sitemap><loc>\(url($0))</loc></sitemap>" }.joined()
            site.put(path, text: "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\(entries)</sitemapindex>", contentType: "application/xml")
        }

        func putSitemap(_ path: String, pages: [String]) {
            site.put(path, text: Self.urlset(pages.map { url($0) }), contentType: "application/xml")
        }

        static func urlset(_ locations: [String]) -> String {
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" + locations.map { "<url><loc>\($0)</loc></url>" }.joined() + "</urlset>"
        }

        var fetch: SitemapCrawler.Fetch {
            let client = client
            return { address in
                let response = try await client.fetch(HTTPRequest(url: address))
                return FetchedDocument(bytes: response.body, url: response.finalURL, charset: response.charset)
            }
        }

        func crawl(_ path: String, limits: SitemapCrawlLimits = SitemapCrawlLimits()) async throws -> SitemapCrawl {
            let document = try await fetch(url(path))
            let root = try FeedParser().parse(document.bytes, url: document.url)
            return await SitemapCrawler(limits: limits).crawl(root, url: url(path), fetch: fetch)
        }

        func stop() {
            client.shutdown()
            server.stop()
        }
    }

    @Test("an index is followed to its sitemaps, plain and gzipped, and their pages come in index order")
    func followsIndex() async throws {
        let site = try Site()
        defer { site.stop() }
        site.putIndex("/sitemap.xml", listing: ["/sitemaps/a.xml", "/sitemaps/b.xml.gz"])
        site.putSitemap("/sitemaps/a.xml", pages: ["/en/1", "/en/2"])
        site.site.put("/sitemaps/b.xml.gz", FixtureSite.Document(body: Gzip.compress(Array(Site.urlset([site.url("/en/3")]).utf8)), contentType: "application/gzip"))

        let crawl = try await site.crawl("/sitemap.xml")

        #expect(crawl.items.map(\.id) == ["/en/1", "/en/2", "/en/3"].map(site.url))
        #expect(crawl.visits == [
            SitemapVisit(url: site.url("/sitemaps/a.xml"), depth: 1, format: .sitemap, items: 2),
            SitemapVisit(url: site.url("/sitemaps/b.xml.gz"), depth: 1, format: .sitemap, items: 1),
        ])
        #expect(crawl.isComplete)
        #expect(crawl.feed.format == .sitemapIndex)
        #expect(crawl.feed.error == nil)
    }

    @Test("a sitemap that fails leaves the crawl incomplete, with the others' pages and the reason")
    func failure() async throws {
        let site = try Site()
        defer { site.stop() }
        site.putIndex("/sitemap.xml", listing: ["/missing.xml", "/a.xml"])
        site.putSitemap("/a.xml", pages: ["/1"])

        let crawl = try await site.crawl("/sitemap.xml")

        #expect(crawl.items.map(\.id) == [site.url("/1")])
        #expect(!crawl.isComplete)
        #expect(crawl.visits.first?.failure == "\(site.url("/missing.xml")): the server answered HTTP 404")
        #expect(crawl.feed.error?.kind == .incompleteCrawl(unread: 1, listed: 2, first: "\(site.url("/missing.xml")): the server answered HTTP 404"))
    }

    @Test("indexes that list each other are fetched once each, and deeper levels stop at the depth limit")
    func loopsAndDepth() async throws {
        let site = try Site()
        defer { site.stop() }
        site.putIndex("/root.xml", listing: ["/level1.xml", "/root.xml"])
        site.putIndex("/level1.xml", listing: ["/level2.xml", "/root.xml"])
        site.putIndex("/level2.xml", listing: ["/pages.xml", "/level1.xml"])
        site.putSitemap("/pages.xml", pages: ["/p"])

        let crawl = try await site.crawl("/root.xml", limits: SitemapCrawlLimits(maxDepth: 2))

        #expect(crawl.visits.map(\.url) == ["/level1.xml", "/level2.xml"].map(site.url))
        #expect(crawl.items.isEmpty)
        #expect(crawl.skipped == 1)
        #expect(!crawl.isComplete)
        #expect(crawl.warnings.map(\.message) == ["the index \(site.url("/level2.xml")) lists 1 more sitemap, deeper than the limit of 2 levels; not followed"])
        #expect(site.server.requests.filter { $0.request.path == "/root.xml" }.count == 1)
    }

    @Test("no more sitemaps are fetched than the limit allows")
    func countLimit() async throws {
        let site = try Site()
        defer { site.stop() }
        let paths = (1...5).map { "/s\($0).xml" }
        site.putIndex("/sitemap.xml", listing: paths)
        for (number, path) in paths.enumerated() { site.putSitemap(path, pages: ["/page\(number)"]) }

        let crawl = try await site.crawl("/sitemap.xml", limits: SitemapCrawlLimits(maxSitemaps: 2))

        #expect(crawl.items.map(\.id) == ["/page0", "/page1"].map(site.url))
        #expect(crawl.skipped == 3)
        #expect(crawl.feed.error?.description == "3 of 5 sitemaps could not be read or were not followed; pages missing from them are not gone from the site")
        #expect(site.server.requests.count == 3)
    }

    @Test("a root that is not an index comes back unchanged and nothing is fetched")
    func notAnIndex() async throws {
        let site = try Site()
        defer { site.stop() }
        site.putSitemap("/sitemap.xml", pages: ["/a"])
        let crawl = try await site.crawl("/sitemap.xml")
        #expect(crawl.items.map(\.id) == [site.url("/a")])
        #expect(crawl.visits.isEmpty)
        #expect(site.server.requests.count == 1)
    }
}
