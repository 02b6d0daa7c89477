import Foundation
import SteleFeeds
import Testing

@Suite("Character encodings")
struct EncodingTests {
    /// An RSS document whose one title is `title`, in ASCII apart from the title bytes.
    static func document(declaring encoding: String?, title: [UInt8]) -> [UInt8] {
        let declaration = encoding.map { "<?xml version=\"1.0\" encoding=\"\($0)\"?>" } ?? "<?xml version=\"1.0\"?>"
        return Array("\(declaration)<rss version=\"2.0\"><channel><item><guid>1</guid><title>".utf8) + title + Array("</title></item></channel></rss>".utf8)
    }

    static let singleByte: [(label: String, bytes: [UInt8], text: String)] = [
        ("windows-1251", [0xCF, 0xF0, 0xE8, 0xE2, 0xB3, 0xF2, 0x20, 0xF1, 0xE2, 0xB3, 0xF2], "Привіт світ"),
        ("koi8-u", [0xF0, 0xD2, 0xC9, 0xD7, 0xA6, 0xD4, 0x20, 0xD3, 0xD7, 0xA6, 0xD4], "Привіт світ"),
        ("koi8-r", [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4, 0x20, 0xCD, 0xC9, 0xD2], "Привет мир"),
        ("iso-8859-1", [0x43, 0x61, 0x66, 0xE9, 0x20, 0xE0, 0x20, 0x4E, 0xEE, 0x6D, 0x65, 0x73], "Café à Nîmes"),
        ("iso-8859-15", [0x43, 0x6F, 0xFB, 0x74, 0x20, 0xA4, 0x20, 0x63, 0x6F, 0x65, 0x75, 0x72, 0x20, 0xBD], "Coût € coeur œ"),
        ("windows-1252", [0x93, 0x4F, 0x6B, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35], "“Ok” – €5"),
    ]

    @Test("single-byte encodings named by the XML declaration", arguments: singleByte)
    func declared(label: String, bytes: [UInt8], text: String) throws {
        let feed = try FeedParser().parse(Self.document(declaring: label, title: bytes))
        #expect(feed.items.map(\.title) == [text])
        #expect(feed.warnings.isEmpty)
    }

    @Test("single-byte encodings named only by the HTTP charset", arguments: singleByte)
    func http(label: String, bytes: [UInt8], text: String) throws {
        let feed = try FeedParser().parse(Self.document(declaring: nil, title: bytes), charset: label)
        #expect(feed.items.map(\.title) == [text])
    }

    @Test("the HTTP charset outranks the XML declaration (RFC 7303)")
    func httpOverDeclaration() throws {
        let feed = try FeedParser().parse(Self.document(declaring: "iso-8859-1", title: [0xCF, 0xF0, 0xE8, 0xE2, 0xB3, 0xF2]), charset: "windows-1251")
        #expect(feed.items.map(\.title) == ["Привіт"])
    }

    @Test("a byte order mark outranks the HTTP charset and the declaration")
    func byteOrderMarkFirst() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Self.document(declaring: "windows-1251", title: Array("Привіт".utf8))
        let feed = try FeedParser().parse(bytes, charset: "koi8-r")
        #expect(feed.items.map(\.title) == ["Привіт"])
    }

    @Test("UTF-16 and UTF-32 with a byte order mark, in both byte orders", arguments: ["utf-16le", "utf-16be", "utf-32le", "utf-32be"])
    func wide(encoding: String) throws {
        let text = String(decoding: Self.document(declaring: "UTF-16", title: Array("Привіт, café 🌍".utf8)), as: UTF8.self)
        let feed = try FeedParser().parse(Self.encode(text, as: encoding))
        #expect(feed.items.map(\.title) == ["Привіт, café 🌍"])
    }

    @Test("UTF-16 without a byte order mark is recognised from its first characters")
    func utf16WithoutBOM() throws {
        let text = String(decoding: Self.document(declaring: "UTF-16", title: Array("Привіт".utf8)), as: UTF8.self)
        let feed = try FeedParser().parse(Array(Self.encode(text, as: "utf-16le").dropFirst(2)))
        #expect(feed.items.map(\.title) == ["Привіт"])
    }

    @Test("an HTTP charset of plain utf-16 without a byte order mark takes the byte order from the first character", arguments: ["utf-16le", "utf-16be"])
    func utf16LabelWithoutBOM(order: String) throws {
        let text = String(decoding: Self.document(declaring: nil, title: Array("Привіт".utf8)), as: UTF8.self)
        let feed = try FeedParser().parse(Array(Self.encode(text, as: order).dropFirst(2)), charset: "utf-16")
        #expect(feed.items.map(\.title) == ["Привіт"])
        #expect(feed.warnings.isEmpty)
    }

    @Test("bytes that are not UTF-8 become U+FFFD with a warning, and the feed is still read")
    func invalidUTF8() throws {
        let feed = try FeedParser().parse(Self.document(declaring: "utf-8", title: [0x43, 0x61, 0x66, 0xE9, 0x20, 0xFF, 0xC3, 0x28, 0x01]))
        #expect(feed.items.map(\.title) == ["Caf\u{FFFD} \u{FFFD}\u{FFFD}(\u{FFFD}"])
        #expect(feed.warnings.map(\.message) == ["4 invalid bytes or forbidden control characters replaced by U+FFFD (the first on line 1)"])
        #expect(feed.isComplete)
    }

    @Test("UTF-8 that is malformed, or that encodes U+FFFE or U+FFFF, becomes U+FFFD", arguments: [
        [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF],
    ] as [[UInt8]])
    func malformedUTF8(sequence: [UInt8]) throws {
        let feed = try FeedParser().parse(Self.document(declaring: "utf-8", title: Array("ok ".utf8) + sequence + Array(" end".utf8)))
        let title = try #require(feed.items.first?.title)
        #expect(title.hasPrefix("ok \u{FFFD}"))
        #expect(title.hasSuffix(" end"))
        #expect(title.unicodeScalars.allSatisfy { $0.value != 0xFFFE && $0.value != 0xFFFF })
        #expect(feed.warnings.count == 1)
    }

    @Test("bytes that are invalid in a declared single-byte encoding become U+FFFD")
    func invalidInDeclared() throws {
        // 0x81 has no character in windows-1252.
        let feed = try FeedParser().parse(Self.document(declaring: "windows-1252", title: [0x41, 0x81, 0x42]))
        #expect(feed.items.map(\.title) == ["A\u{FFFD}B"])
        #expect(feed.warnings.map(\.message) == ["1 byte sequence was not valid windows-1252 (from the XML declaration) and became U+FFFD"])
    }

    @Test("an unknown charset label is ignored with a warning")
    func unknownLabel() throws {
        let feed = try FeedParser().parse(Self.document(declaring: "x-martian", title: Array("Plain".utf8)), charset: "x-venusian")
        #expect(feed.items.map(\.title) == ["Plain"])
        #expect(feed.warnings.map(\.message) == [
            "the HTTP charset \"x-venusian\" is not an encoding this machine knows; it was ignored",
            "the XML declaration names the encoding \"x-martian\", which this machine does not know; read as UTF-8",
        ])
    }

    @Test("entities in titles are decoded: XML's, HTML's, numeric, and those escaped twice")
    func entitiesInTitles() throws {
        let feed = try parse(rss("<item><guid>1</guid><title>Fish &amp;amp; chips &#8212; caf&eacute; &amp;quot;R&amp;amp;D&amp;quot; &amp;#150; &lt;b&gt;bold&lt;/b&gt;</title></item>"))
        #expect(feed.items.map(\.title) == ["Fish & chips — café \"R&D\" – bold"])
    }

    @Test("HTML5's entities are read in the XML and in escaped HTML, by the table pages use")
    func html5Entities() throws {
        let feed = try parse(rss("<item><guid>1</guid><title>a&hyphen;b &amp;lang;x&amp;rang; &amp;NotEqualTilde; &amp;AMP;</title></item>"))
        #expect(feed.items.map(\.title) == ["a\u{2010}b \u{27E8}x\u{27E9} \u{2242}\u{338} &"])
        #expect(feed.warnings.map(\.message) == ["HTML entities that XML does not define were read as their characters: &hyphen;"])
    }

    @Test("a bare ampersand and an unknown entity are kept as text, with warnings")
    func looseAmpersands() throws {
        let feed = try parse(rss("<item><guid>1</guid><title>AT&T &unknown; R&D</title></item>"))
        #expect(feed.items.map(\.title) == ["AT&T &unknown; R&D"])
        #expect(feed.warnings.map(\.message) == [
            "2 bare \"&\" read as text (the first on line 1); XML wants &amp;",
            "unknown entities were kept as text: &unknown;",
        ])
    }

    static func encode(_ text: String, as encoding: String) -> [UInt8] {
        switch encoding {
        case "utf-16le", "utf-16be":
            let units = [UInt16(0xFEFF)] + Array(text.utf16)
            return units.flatMap { encoding == "utf-16le" ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        default:
            let scalars = [UInt32(0xFEFF)] + text.unicodeScalars.map(\.value)
            return scalars.flatMap { value -> [UInt8] in
                let bytes = [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
                return encoding == "utf-32be" ? bytes : bytes.reversed()
            }
        }
    }
}
