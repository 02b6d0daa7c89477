import Foundation
import SteleFeeds
import Testing

@Suite("Atom 1.0")
struct AtomTests {
    @Test("entries give id, xml:base-resolved links, hreflang alternates, typed text and both dates")
    func atom() throws {
        let feed = try Fixtures.parse("atom.xml", url: "https://agency.example.com/feed.atom")
        #expect(feed.format == .atom)
        #expect(feed.title == "Agency updates")
        #expect(feed.link == "https://agency.example.com/en/")
        #expect(feed.language == "en")
        #expect(feed.items == [
            FeedItem(
                id: "tag:agency.example.com,2025:office", link: "https://agency.example.com/news/2025/09/office",
                title: "Agency opens a regional office", summary: "The office opens in October.",
                published: utc("2025-09-18T07:00:00Z"), updated: utc("2025-09-19T10:15:30.250Z"), language: "en",
                alternates: ["fr": "https://agency.example.com/fr/news/2025/09/bureau", "uk": "https://agency.example.com/uk/news/2025/09/ofis"]
            ),
            FeedItem(
                id: "tag:agency.example.com,2025:bureau-2", link: "https://agency.example.com/fr/news/bureau-2",
                title: "Un nouveau bureau", summary: "Le bureau ouvre en octobre.",
                updated: utc("2025-09-20T08:00:00Z"), language: "fr"
            ),
        ])
        #expect(feed.warnings.isEmpty)
        #expect(feed.isComplete)
    }

    @Test("an entry with only language-tagged links takes the one in its own language as its link")
    func linkFromAlternates() throws {
        let feed = try parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="uk"><entry><id>e</id>
            <link rel="alternate" hreflang="en" href="https://x.example/en/1"/>
            <link rel="alternate" hreflang="uk" href="https://x.example/uk/1"/>
            </entry></feed>
            """)
        #expect(feed.items[0].link == "https://x.example/uk/1")
        #expect(feed.items[0].alternates == ["en": "https://x.example/en/1", "uk": "https://x.example/uk/1"])
    }
}
