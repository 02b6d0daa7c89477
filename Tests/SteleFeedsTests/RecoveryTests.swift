import Foundation
import SteleFeeds
import Testing

@Suite("Recovery from damaged feeds")
struct RecoveryTests {
    @Test("a truncated RSS feed gives the items before the cut and an error with line and column")
    func truncatedRSS() throws {
        let bytes = try Fixtures.bytes("rss2.xml")
        let cut = String(decoding: bytes, as: UTF8.self).range(of: "<title>Archived notice")!.lowerBound.utf16Offset(in: String(decoding: bytes, as: UTF8.self))
        let feed = try FeedParser().parse(Array(bytes.prefix(cut + 12)))
        #expect(feed.items.map(\.id) == ["release-101", "https://council.example.org/press/102.htm"])
        #expect(feed.error == FeedError(.malformedXML(message: "the document ends inside <title>; it was cut off"), line: 35, column: 19))
        #expect(!feed.isComplete)
    }

    @Test("a mismatched tag stops the reading there; the items before it are kept")
    func mismatchedTag() throws {
        let feed = try parse(rss("<item><guid>1</guid></item>\n<item><guid>2</guid></itme>\n<item><guid>3</guid></item>"))
        #expect(feed.items.map(\.id) == ["1"])
        #expect(feed.error == FeedError(.malformedXML(message: "Opening and ending tag mismatch: item line 2 and itme"), line: 2, column: 28))
    }

    @Test("a document cut before its root element cannot be read at all")
    func cutBeforeRoot() {
        let error = parseError(Array("<?xml version=\"1.0\"?>\n<!-- a comment".utf8))
        #expect(error == FeedError(.malformedXML(message: "Comment not terminated"), line: 2, column: 15))
    }

    @Test("an HTML page is not a feed, and the error says what was found")
    func htmlPage() {
        let error = parseError(Array("<!DOCTYPE html>\n<html><head><title>Home</title></head><body></body></html>".utf8))
        #expect(error == FeedError(.notAFeed(found: "<html>"), line: 2, column: 6))
        #expect(error?.description == "line 2, column 6: this is not a feed or sitemap (found <html>); check that the address is the feed's and not a web page's")
    }

    @Test("binary data is refused with libxml2's message")
    func binary() {
        let error = parseError([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
        #expect(error?.code == "malformed-xml")
        #expect(error?.line == 1)
    }

    @Test("an empty document is refused as empty", arguments: [[], Array(" \n\t ".utf8), [0xEF, 0xBB, 0xBF]])
    func empty(bytes: [UInt8]) {
        #expect(parseError(bytes) == FeedError(.empty))
    }

    @Test("past the item limit the reading stops, keeping the items up to it")
    func itemLimit() throws {
        let items = (1...5).map { "<item><guid>\($0)</guid></item>" }.joined()
        let feed = try parse(rss(items), limits: FeedLimits(maxItems: 3))
        #expect(feed.items.map(\.id) == ["1", "2", "3"])
        #expect(feed.error?.kind == .tooManyItems(limit: 3))
    }

    @Test("past the warning limit warnings are counted, not kept")
    func warningLimit() throws {
        let items = (1...5).map { "<item><guid>\($0)</guid><pubDate>bad \($0)</pubDate></item>" }.joined()
        let feed = try parse(rss(items), limits: FeedLimits(maxWarnings: 2))
        #expect(feed.warnings.count == 3)
        #expect(feed.warnings.last?.message == "3 more warnings not shown")
    }
}
