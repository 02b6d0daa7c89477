import Foundation
import SteleFeeds
import Testing

/// Documents written to hurt a parser. Each must end with an exact error (or exact safe values)
/// after bounded work; their timings are in `stele-bench feeds`.
@Suite("Hostile input")
struct HostileInputTests {
    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <rss version="2.0"><channel><title>&lol9;</title></channel></rss>
        """

    /// One 100 KB entity referenced 20,000 times: 2 GB if expanded, quadratic in naive parsers.
    static let quadraticBlowUp = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY a \"" + String(repeating: "x", count: 100_000)
        + "\">]>\n<rss version=\"2.0\"><channel><title>" + String(repeating: "&a;", count: 20_000) + "</title></channel></rss>"

    @Test("billion laughs is refused before any expansion, naming the entity and where it is declared")
    func billionLaughs() {
        let error = parseError(Array(Self.billionLaughs.utf8))
        #expect(error == FeedError(.entityDeclaration(name: "lol"), line: 3, column: 3))
    }

    @Test("the quadratic blow-up is refused before any expansion")
    func quadraticBlowUp() {
        let error = parseError(Array(Self.quadraticBlowUp.utf8))
        #expect(error == FeedError(.entityDeclaration(name: "a"), line: 2, column: 16))
    }

    @Test("an external entity pointing at a local file is refused and the file's content never appears")
    func externalEntity() throws {
        let secret = try SecretFile()
        defer { secret.remove() }
        let document = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://\(secret.path)\">]>\n<rss version=\"2.0\"><channel><title>&xxe;</title></channel></rss>"
        let error = parseError(Array(document.utf8))
        #expect(error == FeedError(.entityDeclaration(name: "xxe"), line: 2, column: 16))
        #expect(error.map { "\($0)" }?.contains(secret.content) == false)
    }

    @Test("attribute defaults in the DOCTYPE are refused before libxml2 adds them to every item")
    func attributeDefaults() {
        let declarations = (0..<5_000).map { "a\($0) CDATA \"x\"" }.joined(separator: " ")
        let items = String(repeating: "<item><title>T</title></item>", count: 3_000)
        let document = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ATTLIST item \(declarations)>]>\n<rss version=\"2.0\"><channel>\(items)</channel></rss>"
        #expect(parseError(Array(document.utf8)) == FeedError(.attributeDefaults(element: "item"), line: 2, column: 16))
        // A processing instruction holding "]" does not end the internal subset early.
        let hidden = "<!DOCTYPE rss [ <?x ] ?> <!ATTLIST item a CDATA \"x\"> <!ENTITY e \"y\"> ]><rss version=\"2.0\"><channel/></rss>"
        #expect(parseError(Array(hidden.utf8)) == FeedError(.attributeDefaults(element: "item"), line: 1, column: 26))
    }

    @Test("a parameter entity pointing at a local file is refused")
    func externalParameterEntity() throws {
        let secret = try SecretFile()
        defer { secret.remove() }
        let document = "<!DOCTYPE rss [<!ENTITY % remote SYSTEM \"file://\(secret.path)\"> %remote;]><rss version=\"2.0\"><channel/></rss>"
        #expect(parseError(Array(document.utf8)) == FeedError(.entityDeclaration(name: "remote"), line: 1, column: 16))
    }

    @Test("an external DTD on the local disk is never read: its entities stay unknown text")
    func externalDTD() throws {
        let secret = try SecretFile(content: "<!ENTITY secret \"SECRET-\(UUID().uuidString)\">")
        defer { secret.remove() }
        let document = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"file://\(secret.path)\">\n<rss version=\"2.0\"><channel><item><guid>1</guid><title>before &secret; after</title></item></channel></rss>"
        let feed = try FeedParser().parse(Array(document.utf8))
        #expect(feed.items.map(\.title) == ["before &secret; after"])
        #expect(feed.warnings.map(\.message) == ["unknown entities were kept as text: &secret;"])
    }

    @Test("input over the size limit is refused before parsing: a 50 MB feed")
    func fiftyMegabytes() {
        let item = Array("<item><title>padding padding padding</title><guid>x</guid></item>\n".utf8)
        var bytes = Array("<rss version=\"2.0\"><channel>".utf8)
        bytes.reserveCapacity(50 * 1024 * 1024 + item.count)
        while bytes.count <= 50 * 1024 * 1024 { bytes += item }
        #expect(parseError(bytes) == FeedError(.tooLarge(limit: 52_428_800)))
    }

    @Test("the size limit is exact: one byte under passes, one over fails")
    func sizeLimitBoundary() throws {
        let document = Array(rss("<item><guid>1</guid></item>").utf8)
        #expect(try FeedParser(limits: FeedLimits(maxInputBytes: document.count)).parse(document).items.count == 1)
        #expect(parseError(document, limits: FeedLimits(maxInputBytes: document.count - 1)) == FeedError(.tooLarge(limit: document.count - 1)))
    }

    @Test("100,000 nested elements stop at the depth limit, keeping the items before them")
    func deepNesting() throws {
        let document = "<rss version=\"2.0\"><channel><item><guid>1</guid></item>\n<item>" + String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000) + "</item></channel></rss>"
        let feed = try parse(document)
        #expect(feed.items.map(\.id) == ["1"])
        #expect(feed.error == FeedError(.tooDeep(limit: 64), line: 2, column: 192))
    }

    @Test("100,000 nested JSON arrays stop at the depth limit")
    func deepJSON() {
        let document = "{\"items\": " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(parseError(Array(document.utf8)) == FeedError(.tooDeep(limit: 64), line: 1, column: 74))
    }

    @Test("a feed of bytes that are not UTF-8 anywhere is still read, every bad byte replaced")
    func notUTF8() throws {
        let garbage: [UInt8] = (0x80...0xFF).map { UInt8($0) }
        let document = Array("<rss version=\"2.0\"><channel><item><guid>1</guid><title>".utf8) + garbage + Array("</title></item></channel></rss>".utf8)
        let feed = try FeedParser().parse(document)
        #expect(feed.items.first?.title == String(repeating: "\u{FFFD}", count: 128))
        #expect(feed.warnings.map(\.message) == ["128 invalid bytes or forbidden control characters replaced by U+FFFD (the first on line 1)"])
    }
}

/// A file with a unique secret in it, for the tests that prove it is never read.
struct SecretFile {
    let path: String
    let content: String

    init(content: String = "SECRET-\(UUID().uuidString)") throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("stele-feeds-secret-\(UUID().uuidString)").path
        self.content = content
        try content.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
