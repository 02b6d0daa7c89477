import Foundation
import SteleFeeds
import Testing

@Suite("JSON Feed")
struct JSONFeedTests {
    @Test("JSON Feed 1.1: ids (numbers as strings), links, text from HTML, dates, languages")
    func jsonFeed() throws {
        let feed = try Fixtures.parse("feed.json", url: "https://observatory.example.org/feed.json")
        #expect(feed.format == .json)
        #expect(feed.title == "Observatory notes")
        #expect(feed.link == "https://observatory.example.org/")
        #expect(feed.language == "en")
        #expect(feed.items.count == 3)
        #expect(feed.items[0] == FeedItem(
            id: "note-7", link: "https://observatory.example.org/notes/7", title: "Comet seen over the bay",
            summary: "A comet was visible for two nights.", published: utc("2025-09-11T01:30:00Z"), updated: utc("2025-09-11T08:00:00Z")
        ))
        #expect(feed.items[1] == FeedItem(
            id: "8", link: "https://observatory.example.org/notes/8", title: "Telescope maintenance",
            summary: "The big telescope is closed this week.", published: utc("2025-09-12T09:00:00Z"), language: "fr"
        ))
        #expect(feed.items[2].idSource == .hash)
        #expect(feed.items[2].published == nil)
        #expect(feed.warnings.map(\.message) == ["the date_published date \"not a date\" does not parse; published is left empty"])
    }

    @Test("JSON that is not a JSON Feed is refused with a clear error")
    func notAFeed() {
        let error = parseError(Array("{\"name\": \"a package\", \"version\": \"1.0\"}".utf8))
        #expect(error == FeedError(.notAFeed(found: "JSON without an \"items\" array")))
    }

    @Test("a truncated JSON Feed gives the items before the cut and the error with its position")
    func truncated() throws {
        let text = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"T\", \"items\": [\n{\"id\": \"1\", \"title\": \"One\"},\n{\"id\": \"2\", \"title\": \"Two\"},\n{\"id\": \"3\", \"ti"
        let feed = try parse(text)
        #expect(feed.items.map(\.id) == ["1", "2"])
        #expect(feed.error == FeedError(.malformedJSON(message: "Unexpected end of file during JSON parse"), line: 4, column: 16))
    }

    @Test("a damaged JSON Feed gives the items before the damage")
    func damaged() throws {
        let text = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{\"id\": \"1\"}, {\"id\": \"2\" \"x\"}]}"
        let feed = try parse(text)
        #expect(feed.items.map(\.id) == ["1"])
        #expect(feed.error?.code == "malformed-json")
        #expect(feed.error?.line == 1)
    }
}
