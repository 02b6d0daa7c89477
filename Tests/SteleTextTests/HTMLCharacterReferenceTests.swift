import SteleText
import Testing

@Suite("HTML character references")
struct HTMLCharacterReferenceTests {
    /// The reference at the start of `text`: its characters as a string and the length read.
    func read(_ text: String, legacy: Bool = false) -> (String, Int)? {
        var text = text
        return text.withUTF8 { bytes in
            HTMLCharacterReference.match(in: bytes, at: 0, acceptingLegacyForms: legacy).map { match in
                (String(String.UnicodeScalarView(match.scalars)), match.end)
            }
        }
    }

    @Test("names of HTML 4 and HTML5, and the two names that stand for two characters", arguments: [
        ("&eacute;", "é", 8), ("&amp;x", "&", 5), ("&nbsp;", "\u{A0}", 6), ("&NoBreak;", "\u{2060}", 9), ("&hyphen;", "\u{2010}", 8),
        ("&AMP;", "&", 5), ("&ThinSpace;", "\u{2009}", 11), ("&NotEqualTilde;", "\u{2242}\u{338}", 15), ("&fjlig;", "fj", 7),
        ("&CounterClockwiseContourIntegral;", "\u{2233}", 33),
    ])
    func named(text: String, characters: String, length: Int) throws {
        let (decoded, end) = try #require(read(text))
        #expect(decoded == characters)
        #expect(end == length)
    }

    @Test("lang and rang are HTML5's mathematical angle brackets, not HTML 4's")
    func angleBrackets() throws {
        #expect(read("&lang;")?.0 == "\u{27E8}")
        #expect(read("&rang;")?.0 == "\u{27E9}")
    }

    @Test("names are case-sensitive, and what is not a name is not read", arguments: [
        "&EACUTE;", "&unknown;", "&;", "&", "& x", "&#;", "&#x;", "&#xG1;", "&eacute", "&#233", "&e\u{301}acute;",
        "&" + String(repeating: "a", count: 40) + ";",
    ])
    func notReferences(text: String) {
        #expect(read(text) == nil)
    }

    @Test("legacy forms without ; are read only when asked, and never before =", arguments: [
        ("&nbsp x", "\u{A0}", 5), ("&eacute;", "é", 8), ("&copy 2025", "©", 5), ("&#233x", "é", 5), ("&#x2014 ", "—", 7),
    ])
    func legacy(text: String, characters: String, length: Int) throws {
        #expect(read(text) == nil || text.contains(";"))
        let (decoded, end) = try #require(read(text, legacy: true))
        #expect(decoded == characters)
        #expect(end == length)
    }

    @Test("a legacy name before = is a parameter of an address, and a longer name is not a legacy one", arguments: ["&copy=2", "&copyright", "&nbspx"])
    func legacyRefused(text: String) {
        #expect(read(text, legacy: true) == nil)
    }

    @Test("numbers read as HTML reads them: C1 as windows-1252, the impossible as U+FFFD", arguments: [
        ("&#233;", "é"), ("&#xE9;", "é"), ("&#XE9;", "é"), ("&#x1F600;", "😀"), ("&#150;", "\u{2013}"), ("&#x92;", "\u{2019}"),
        ("&#129;", "\u{FFFD}"), ("&#0;", "\u{FFFD}"), ("&#xD800;", "\u{FFFD}"), ("&#x110000;", "\u{FFFD}"), ("&#99999999999999;", "\u{FFFD}"),
    ])
    func numbers(text: String, characters: String) throws {
        let (decoded, end) = try #require(read(text))
        #expect(decoded == characters)
        #expect(end == text.utf8.count)
    }

    @Test("a reference in the middle of text is read from its ampersand")
    func offset() throws {
        var text = "AT&T &eacute;t&eacute;"
        let match = try text.withUTF8 { bytes in
            #expect(HTMLCharacterReference.match(in: bytes, at: 2, acceptingLegacyForms: true) == nil)
            return try #require(HTMLCharacterReference.match(in: bytes, at: 5, acceptingLegacyForms: false))
        }
        #expect(match.scalars == ["é"])
        #expect(match.end == 13)
        #expect(!match.isNumeric)
    }

    @Test("windows-1252 fills 27 of the 32 C1 code points")
    func windows1252() {
        #expect(HTMLCharacterReference.windows1252Character(forC1: 0x80) == "€")
        #expect(HTMLCharacterReference.windows1252Character(forC1: 0x9F) == "Ÿ")
        #expect((0x80...0x9F).filter { HTMLCharacterReference.windows1252Character(forC1: $0) == nil } == [0x81, 0x8D, 0x8F, 0x90, 0x9D])
        #expect(HTMLCharacterReference.windows1252Character(forC1: 0x41) == nil)
    }

    @Test("the whole WHATWG table is there, with and without ;")
    func table() {
        #expect(HTMLCharacterReference.scalars(named: "zwnj;") == ["\u{200C}"])
        #expect(HTMLCharacterReference.scalars(named: "AElig") == ["Æ"])
        #expect(HTMLCharacterReference.scalars(named: "NoBreak") == nil)
    }
}
