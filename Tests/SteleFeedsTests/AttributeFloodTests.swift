import SteleFeeds
import SteleText
import Testing

/// Feeds and sitemaps built to make libxml2's attribute duplicate check (quadratic in 2.9) run for
/// minutes are refused before the parser sees them; real documents read exactly as without the guard.
@Suite("Attribute floods in feeds")
struct AttributeFloodTests {
    /// Limits no document reaches: parsing as it was before the guard.
    private static let unguarded = FeedLimits(attributes: AttributeLimits(perElement: .max, comparisons: .max))

    private static func attributes(_ count: Int) -> String {
        (0..<count).map { " a\($0)=\"x\"" }.joined()
    }

    @Test("an RSS item with 240,000 attributes (2.7 MB) is refused, naming the count and where the element is")
    func rssItem() throws {
        let document = rss("<item><guid>1</guid></item>\n<item\(Self.attributes(240_000))><guid>2</guid></item>")
        #expect(document.utf8.count > 2_700_000)
        let error = try #require(parseError(Array(document.utf8)))
        #expect(error.code == "attribute-flood")
        #expect(error.line == 2 && error.column == 1)
        #expect(error.description.hasPrefix("line 2, column 1: an element with 240,000 attributes (more than 1,000): refused, a document built to slow the parser down"))
    }

    @Test("bare attribute names are counted too, though XML would stop at the first one")
    func bareNames() throws {
        let document = rss("<item" + (0..<40_000).map { " a\($0)" }.joined() + "><guid>1</guid></item>")
        #expect(try #require(parseError(Array(document.utf8))).code == "attribute-flood")
    }

    @Test("a sitemap of 101 elements with 1,000 attributes each is refused by its sum of comparisons")
    func manyModerateElements() throws {
        let url = "<url\(Self.attributes(1_000))><loc>https://example.org/</loc></url>"
        let document = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" + String(repeating: url, count: 101) + "</urlset>"
        let error = try #require(parseError(Array(document.utf8)))
        guard case .attributeFlood(let flood) = error.kind else { Issue.record("wrong error: \(error)"); return }
        #expect(flood.census.comparisons > 50_000_000)
        #expect(flood.census.largestElement == 1_000)
    }

    @Test("tags inside CDATA, comments and processing instructions are not counted; the feed reads as without the guard")
    func hiddenTags() throws {
        let tag = "<x" + (0..<5_000).map { " a\($0)=\($0)" }.joined() + ">"
        let document = rss("<item><guid>1</guid><description><![CDATA[\(tag) text]]></description></item><!-- \(tag) --><?pi \(tag) ?>")
        let feed = try parse(document)
        #expect(feed.items.map(\.id) == ["1"])
        #expect(feed == (try parse(document, limits: Self.unguarded)))
    }

    @Test("every fixture feed and sitemap reads exactly as without the guard", arguments: [
        "atom.xml", "nato.xml", "rss091.xml", "rss1.rdf", "rss2.xml", "sitemap-hreflang.xml", "sitemap-index.xml", "sitemap.xml", "feed.json",
    ])
    func fixtures(name: String) throws {
        #expect(try Fixtures.parse(name) == (try Fixtures.parse(name, limits: Self.unguarded)))
    }
}
