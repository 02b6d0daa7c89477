import Foundation
import SteleLanguage
import SteleExtract
import SteleText
import Testing

@Suite("Decoding: byte order mark, HTTP charset, <meta>, then UTF-8")
struct DecodingTests {
    static let ukrainianParagraphs = [
        "Навчання з протимінної боротьби в Одесі",
        "Фахівці з розмінування з чотирьох країн провели спільні навчання в Одеській затоці. Вони відпрацювали пошук і знешкодження морських мін, а також обмін даними між кораблями.",
        "«Ґрунтовна підготовка рятує життя», – зазначив командир групи. Наступні навчання заплановано на осінь.",
    ]

    @Test("a windows-1251 page declared by <meta http-equiv> decodes to the right Ukrainian text")
    func windows1251() throws {
        let page = try Fixture.extract("ukrainian-windows-1251")
        #expect(page.charset.name == "windows-1251")
        #expect(page.charsetSource == .meta)
        #expect(page.paragraphs == Self.ukrainianParagraphs)
        #expect(page.language.language == .uk)
        #expect(page.warnings.isEmpty)
    }

    @Test("a koi8-u page declared by <meta charset> decodes, ґ and і included")
    func koi8u() throws {
        let page = try Fixture.extract("ukrainian-koi8-u")
        #expect(page.charset.name == "koi8-u")
        #expect(page.paragraphs == [
            Self.ukrainianParagraphs[0], Self.ukrainianParagraphs[1],
            "\"Ґрунтовна підготовка рятує життя\", - зазначив командир групи. Наступні навчання заплановано на осінь.",
        ])
    }

    @Test("an undeclared windows-1251 page decodes from the HTTP charset alone")
    func httpCharsetOnly() throws {
        let page = try Fixture.extract("ukrainian-windows-1251-undeclared", httpCharset: "CP1251")
        #expect(page.charset.name == "windows-1251")
        #expect(page.charsetSource == .http)
        #expect(page.paragraphs == Self.ukrainianParagraphs)
    }

    @Test("the same page without any declaration is read as UTF-8 and the bad bytes are reported")
    func undeclaredLegacyPage() throws {
        let page = try Fixture.extract("ukrainian-windows-1251-undeclared")
        #expect(page.charset == .utf8)
        #expect(page.charsetSource == .default)
        #expect(page.warnings.contains { if case .invalidBytes(let count, "utf-8") = $0 { count > 100 } else { false } })
        #expect(page.language.language == .other)
    }

    @Test("a page labelled iso-8859-1 is read as windows-1252, as browsers do (’ and œ survive)")
    func windows1252() throws {
        let page = try Fixture.extract("french-windows-1252")
        #expect(page.charset.name == "windows-1252")
        #expect(page.paragraphs[1].hasPrefix("L\u{2019}Alliance renforce sa présence en mer Baltique : les œuvres vives"))
        #expect(page.title == "Communiqué \u{2013} Sécurité maritime")
        #expect(page.language.language == .fr)
    }

    @Test("the HTTP charset wins over <meta>")
    func httpOverMeta() throws {
        let html = "<html><head><meta charset=\"koi8-r\"></head><body><p>Привіт, світе! Ґанок.</p></body></html>"
        let bytes = Array(try #require(html.data(using: .windowsCP1251)))
        let page = try PageExtractor().extract(HTMLPage(bytes: bytes, httpCharset: "windows-1251"))
        #expect(page.paragraphs == ["Привіт, світе! Ґанок."])
        #expect(page.charsetSource == .http)
    }

    @Test("a byte order mark wins over the HTTP charset and <meta>", arguments: [
        ([0xEF, 0xBB, 0xBF], "utf-8", "utf-8"),
        ([0xFF, 0xFE], "utf-16le", "utf-16le"),
        ([0xFE, 0xFF], "utf-16be", "utf-16be"),
    ] as [([UInt8], String, String)])
    func byteOrderMark(mark: [UInt8], encoding: String, expected: String) throws {
        let html = "<html><head><meta charset=\"windows-1251\"></head><body><p>Déjà vu — ще раз</p></body></html>"
        let body: [UInt8] = switch encoding {
        case "utf-16le": Array(html.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        case "utf-16be": Array(html.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        default: Array(html.utf8)
        }
        let page = try PageExtractor().extract(HTMLPage(bytes: mark + body, httpCharset: "iso-8859-1"))
        #expect(page.paragraphs == ["Déjà vu — ще раз"])
        #expect(page.charset.name == expected)
        #expect(page.charsetSource == .byteOrderMark)
    }

    @Test("a <meta> that names UTF-16 or UTF-32 in ASCII bytes means UTF-8", arguments: ["utf-16", "utf-16be", "utf-32"])
    func metaUTF16(label: String) throws {
        let page = try Fixture.extract(html: "<meta charset=\(label)><p>Voilà</p>")
        #expect(page.charset == .utf8)
        #expect(page.paragraphs == ["Voilà"])
    }

    @Test("a <meta> inside a comment or an attribute value is not a declaration")
    func metaInCommentIgnored() throws {
        let html = "<html><head><!-- <meta charset=koi8-r> --><link title='<meta charset=koi8-r>'><meta charset=utf-8></head><body><p>Київ</p></body></html>"
        let page = try Fixture.extract(html: html)
        #expect(page.paragraphs == ["Київ"])
        #expect(page.charsetSource == .meta)
    }

    @Test("an unknown charset label is reported and the page read as UTF-8")
    func unknownLabel() throws {
        let page = try PageExtractor().extract(HTMLPage(bytes: Array("<p>Kyiv</p>".utf8), httpCharset: "x-no-such-charset"))
        #expect(page.paragraphs == ["Kyiv"])
        #expect(page.warnings == [.unknownCharset(label: "x-no-such-charset", declaredBy: .http, usedInstead: "utf-8")])
    }

    @Test("a UTF-8 page with a stray invalid byte keeps the rest of its text intact")
    func strayInvalidByte() throws {
        let bytes = Array("<p>Première ligne</p><p>Deuxi".utf8) + [0xE8] + Array("me ligne, déjà</p>".utf8)
        let page = try PageExtractor().extract(HTMLPage(bytes: bytes))
        #expect(page.paragraphs == ["Première ligne", "Deuxi\u{FFFD}me ligne, déjà"])
        #expect(page.warnings == [.invalidBytes(count: 1, charset: "utf-8")])
    }

    @Test("HTML5 entities libxml2 does not know, and legacy ones without ;, are decoded once")
    func html5Entities() throws {
        let paragraphs = try Fixture.paragraphs(
            "<p>a&NoBreak;b&hyphen;c &ThinSpace;d&period; &nbsp x &eacute;t&eacute &amp;NoBreak; &lt;p&gt;</p><p><a href='?a=1&copy=2'>&copy 2025</a></p>"
        )
        #expect(paragraphs == ["ab\u{2010}c d.\u{A0}x été &NoBreak; <p>", "© 2025"])
    }

    @Test("&lang; and &rang; are HTML5's angle brackets, as feeds read them, not libxml2's HTML 4 ones")
    func angleBrackets() throws {
        #expect(try Fixture.paragraphs("<p>&lang;a, b&rang; &AMP; c</p>") == ["\u{27E8}a, b\u{27E9} & c"])
    }

    @Test("numeric references to C1 controls are read as windows-1252, as browsers do")
    func c1References() throws {
        #expect(try Fixture.paragraphs("<p>&#147;Allies&#148; &#150; it&#146;s &#133;</p>") == ["\u{201C}Allies\u{201D} \u{2013} it\u{2019}s \u{2026}"])
    }

    @Test("NUL bytes after the start become U+FFFD instead of cutting the text")
    func nulBytes() throws {
        let bytes = Array("<html><body>".utf8) + Array(repeating: UInt8(ascii: " "), count: 1100) + Array("<p>before".utf8) + [0] + Array("after</p>".utf8)
        #expect(try PageExtractor().extract(HTMLPage(bytes: bytes)).paragraphs == ["before\u{FFFD}after"])
    }
}
