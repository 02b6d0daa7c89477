import Foundation
import SteleFeeds
import SteleFixtures
import Testing

@Suite("XML sitemaps")
struct SitemapTests {
    @Test("a urlset gives one item per loc, with lastmod as the update date")
    func urlset() throws {
        let feed = try Fixtures.parse("sitemap.xml", url: "https://museum.example.org/sitemap.xml")
        #expect(feed.format == .sitemap)
        #expect(feed.items == [
            FeedItem(id: "https://museum.example.org/", link: "https://museum.example.org/", updated: utc("2025-09-01T00:00:00Z")),
            FeedItem(
                id: "https://museum.example.org/exhibitions/maps?lang=en&page=2", link: "https://museum.example.org/exhibitions/maps?lang=en&page=2",
                updated: utc("2025-09-18T15:20:00Z")
            ),
            FeedItem(id: "https://museum.example.org/visit", link: "https://museum.example.org/visit"),
        ])
        #expect(feed.warnings.isEmpty)
    }

    @Test("xhtml:link hreflang alternates become the item's language versions")
    func hreflang() throws {
        let feed = try Fixtures.parse("sitemap-hreflang.xml")
        let base = "https://alliance.example.int"
        #expect(feed.items.count == 2)
        #expect(feed.items[0].id == "\(base)/en/news-and-events/articles/news/2025/09/19/winter-exercise")
        #expect(feed.items[0].updated == utc("2025-09-19T12:00:00Z"))
        #expect(feed.items[0].alternates == [
            "en": "\(base)/en/news-and-events/articles/news/2025/09/19/winter-exercise",
            "fr": "\(base)/fr/news-and-events/articles/news/2025/09/19/exercice-hivernal",
            "uk": "\(base)/uk/news-and-events/articles/news/2025/09/19/zymove-navchannia",
        ])
        #expect(feed.items[1].alternates == [
            "en": "\(base)/en/news-and-events/articles/news/2025/09/20/maritime-talks",
            "x-default": "\(base)/en/news-and-events/articles/news/2025/09/20/maritime-talks",
        ])
    }

    @Test("a sitemap index lists the further sitemaps as items")
    func index() throws {
        let feed = try Fixtures.parse("sitemap-index.xml")
        #expect(feed.format == .sitemapIndex)
        #expect(feed.items.map(\.link) == [
            "https://alliance.example.int/sitemaps/articles-2025-09.xml",
            "https://alliance.example.int/sitemaps/articles-2025-08.xml.gz",
        ])
        #expect(feed.items.map(\.updated) == [utc("2025-09-20T00:00:00Z"), utc("2025-08-31T23:59:59Z")])
    }

    @Test("a gzip-compressed sitemap is inflated and read like the plain one")
    func gzipped() throws {
        let plain = try Fixtures.bytes("sitemap-hreflang.xml")
        let feed = try FeedParser().parse(Gzip.compress(plain))
        #expect(feed == (try FeedParser().parse(plain)))
    }

    @Test("a gzip bomb stops at the size limit instead of filling memory")
    func gzipBomb() {
        let bomb = Gzip.compress([UInt8](repeating: 0x20, count: 64 * 1024 * 1024), level: 9)
        #expect(bomb.count < 100_000)
        let error = parseError(bomb)
        #expect(error == FeedError(.tooLarge(limit: 50 * 1024 * 1024)))
    }

    @Test("a truncated gzip sitemap gives the entries it held, a warning and the XML error")
    func truncatedGzip() throws {
        let compressed = Gzip.compress(try Fixtures.bytes("sitemap.xml"))
        let feed = try FeedParser().parse(Array(compressed.prefix(compressed.count * 3 / 4)))
        #expect(feed.format == .sitemap)
        #expect(!feed.isComplete)
        #expect(feed.warnings.first?.message.hasPrefix("the gzip data ends early (after ") == true)
    }

    @Test("Google News sitemaps give the title, publication date and language")
    func googleNews() throws {
        let feed = try parse("""
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
            <url><loc>https://news.example/a</loc><news:news>
            <news:publication><news:name>Example</news:name><news:language>fr</news:language></news:publication>
            <news:publication_date>2025-09-19T12:00:00+02:00</news:publication_date><news:title>Un titre</news:title>
            </news:news></url></urlset>
            """)
        #expect(feed.items == [FeedItem(id: "https://news.example/a", link: "https://news.example/a", title: "Un titre", published: utc("2025-09-19T10:00:00Z"), language: "fr")])
    }
}
