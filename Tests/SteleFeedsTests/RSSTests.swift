import Foundation
import SteleFeeds
import Testing

@Suite("RSS 0.9x, 1.0 and 2.0")
struct RSSTests {
    @Test("an RSS 2.0 feed gives its channel, hints and items with ids, absolute links, plain titles and UTC dates")
    func rss2() throws {
        let feed = try Fixtures.parse("rss2.xml", url: "https://council.example.org/feeds/press.xml")

        #expect(feed.format == .rss2)
        #expect(feed.title == "Harbour Council – Press releases")
        #expect(feed.link == "https://council.example.org/press/")
        #expect(feed.language == "en-gb")
        #expect(feed.hints == FeedHints(timeToLiveMinutes: 30, updatePeriod: .hourly, updateFrequency: 2))
        #expect(feed.hints.minimumPollInterval == .seconds(1800))
        #expect(feed.isComplete)
        #expect(feed.items.count == 4)

        let first = feed.items[0]
        #expect(first.id == "release-101")
        #expect(first.idSource == .declared)
        #expect(first.link == "https://council.example.org/press/101.htm")
        #expect(first.title == "Ministers meet on the new quay & the ferry")
        #expect(first.summary == "The ministers met on Tuesday. They agreed a plan & a budget.")
        #expect(first.published == utc("2025-09-16T07:30:00Z"))

        let second = feed.items[1]
        #expect(second.id == "https://council.example.org/press/102.htm")
        #expect(second.idSource == .link)
        #expect(second.title == "Statement on the lighthouse")
        #expect(second.summary == "The lighthouse stays open all winter.")
        #expect(second.published == utc("2025-09-17T08:00:00Z"))
        #expect(second.alternates == ["fr": "https://council.example.org/fr/press/102.htm"])

        let third = feed.items[2]
        #expect(third.link == "https://archive.example.org/2025/notice.htm")
        #expect(third.published == nil)

        let fourth = feed.items[3]
        #expect(fourth.idSource == .hash)
        #expect(fourth.id.hasPrefix("sha256:") && fourth.id.count == 71)
        #expect(fourth.link == nil)

        #expect(feed.warnings == [
            FeedWarning("the pubDate date \"sometime next week\" does not parse; published is left empty", line: 37),
            FeedWarning("the id \"release-101\" appears again (first at item 1); the first is kept", line: 43),
        ])
    }

    @Test("the hash identity is stable across parses and differs with the title")
    func hashIdentity() throws {
        let item = "<item><title>Same</title><pubDate>Thu, 18 Sep 2025 10:00:00 GMT</pubDate></item>"
        let one = try parse(rss(item)).items[0].id
        let again = try parse(rss(item)).items[0].id
        let other = try parse(rss(item.replacingOccurrences(of: "Same", with: "Other"))).items[0].id
        #expect(one == again)
        #expect(one != other)
    }

    @Test("relative links fall back to the channel link when there is no feed address")
    func channelLinkAsBase() throws {
        let feed = try parse(rss("<item><link>news/1.htm</link></item>", channel: "<link>https://example.org/site/</link>"))
        #expect(feed.items[0].link == "https://example.org/site/news/1.htm")
    }

    @Test("a relative link with nothing to resolve against is kept as written, with a warning")
    func unresolvableLink() throws {
        let feed = try parse(rss("<item><link>news/1.htm</link></item>", channel: "<title>T</title>"))
        #expect(feed.items[0].link == "news/1.htm")
        #expect(feed.warnings.map(\.message) == ["the relative address \"news/1.htm\" could not be made absolute: no xml:base, feed address or channel link; kept as written"])
    }

    @Test("RSS 0.91 with the Netscape DOCTYPE: the DTD is not loaded and its HTML entities are still read")
    func rss091() throws {
        let feed = try Fixtures.parse("rss091.xml")
        #expect(feed.format == .rss09x)
        #expect(feed.language == "fr")
        #expect(feed.items.map(\.title) == ["Réunion du conseil\u{A0}: le quai est rénové"])
        #expect(feed.items.map(\.summary) == ["Le conseil s'est réuni lundi."])
        #expect(feed.items.map(\.id) == ["http://port.example.fr/nouvelles/1.html"])
        #expect(feed.warnings.map(\.message) == ["HTML entities that XML does not define were read as their characters: &eacute; &nbsp;"])
    }

    @Test("RSS 0.92 is read as 0.9x")
    func rss092() throws {
        let feed = try parse("<rss version=\"0.92\"><channel><title>Old</title><item><title>One</title><link>https://old.example/1</link></item></channel></rss>")
        #expect(feed.format == .rss09x)
        #expect(feed.items.map(\.link) == ["https://old.example/1"])
    }

    @Test("RSS 1.0: rdf:about is the id, dc:date the publication date, dc:language the language, sy: the hints")
    func rss1() throws {
        let feed = try Fixtures.parse("rss1.rdf")
        #expect(feed.format == .rss1)
        #expect(feed.title == "Library news")
        #expect(feed.link == "https://library.example.net/news")
        #expect(feed.language == "uk")
        #expect(feed.hints == FeedHints(updatePeriod: .daily))
        #expect(feed.hints.minimumPollInterval == .seconds(86_400))
        #expect(feed.items == [
            FeedItem(
                id: "https://library.example.net/news/1", link: "https://library.example.net/news/1",
                title: "Бібліотека відкриває нову читальну залу", summary: "Зала працюватиме щодня.",
                published: utc("2025-09-15T07:00:00Z")
            ),
            FeedItem(
                id: "https://library.example.net/news/2", link: "https://library.example.net/news/2",
                title: "Нові книжки", summary: "Надійшло сто нових книжок.",
                published: utc("2025-09-16T00:00:00Z"), language: "uk-ua"
            ),
        ])
        #expect(feed.warnings.isEmpty)
    }

    @Test("RSS 0.90 (RDF with the Netscape namespace) is read as 0.9x")
    func rss090() throws {
        let feed = try parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
            <channel><title>Ninety</title><link>https://ninety.example/</link></channel>
            <item><title>First</title><link>https://ninety.example/1</link></item>
            </rdf:RDF>
            """)
        #expect(feed.format == .rss09x)
        #expect(feed.title == "Ninety")
        #expect(feed.items.map(\.id) == ["https://ninety.example/1"])
    }

    @Test("a NATO-style feed: dates such as \"19 Sep. 2025 12:00:00 GMT\" and \"2 Sept. 2025\" parse")
    func natoStyle() throws {
        let feed = try Fixtures.parse("nato.xml", url: "https://www.nato.int/cps/rss/en/natohq/rssFeed.xsl/rssFeed.xml")
        #expect(feed.format == .rss2)
        #expect(feed.title == "NATO News")
        #expect(feed.items.map(\.published) == [utc("2025-09-19T12:00:00Z"), utc("2025-09-02T09:05:00Z"), utc("2025-08-31T18:45:00Z")])
        #expect(feed.items.map(\.id) == (1...3).map { "https://www.nato.int/cps/en/natohq/news_90000\($0).htm" })
        #expect(feed.items[0].title == "Allies review winter readiness exercise")
        #expect(feed.warnings.isEmpty)
    }

    @Test("an undeclared dc: prefix is still read as Dublin Core, with libxml2's complaint as a warning")
    func undeclaredPrefix() throws {
        let feed = try parse(rss("<item><guid>a</guid><dc:date>2025-09-01T00:00:00Z</dc:date></item>"))
        #expect(feed.items[0].published == utc("2025-09-01T00:00:00Z"))
        #expect(feed.warnings.map(\.message) == ["Namespace prefix dc on date is not defined"])
    }
}

@Suite("RSS links resolved late")
struct LateChannelLinkTests {
    @Test("a channel link that comes after the items still resolves their relative links")
    func channelLinkAfterItems() throws {
        let feed = try parse("<rss version=\"2.0\"><channel><item><link>news/1.htm</link></item><item><guid>2</guid><link>/2.htm</link></item><link>https://late.example/site/</link></channel></rss>")
        #expect(feed.items.map(\.id) == ["https://late.example/site/news/1.htm", "2"])
        #expect(feed.items.map(\.link) == ["https://late.example/site/news/1.htm", "https://late.example/2.htm"])
        #expect(feed.warnings.isEmpty)
    }
}
