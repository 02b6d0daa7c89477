import SteleText
import Testing

@Suite("Charset labels")
struct CharsetTests {
    @Test("charset labels are read as the Encoding Standard reads them", arguments: [
        ("Windows-1251", "windows-1251"), ("cp1251", "windows-1251"), ("x-cp1251", "windows-1251"),
        ("KOI8-U", "koi8-u"), ("koi8-ru", "koi8-u"), ("latin1", "windows-1252"), ("US-ASCII", "windows-1252"),
        ("utf8", "utf-8"), (" UTF-8 ", "utf-8"), ("iso-8859-5", "iso-8859-5"), ("shift_jis", "shift_jis"),
    ])
    func labels(label: String, name: String) {
        #expect(Charset(label: label)?.name == name)
    }

    @Test("labels feeds write, quoted or not, name the encoding iconv converts from", arguments: [
        ("\"windows-1251\"", "CP1251"), ("'koi8-r'", "KOI8-R"), ("win-1251", "CP1251"), ("latin-9", "ISO-8859-15"),
        ("iso-8859-1", "CP1252"), ("UTF-8", "UTF-8"), ("utf-16", "UTF-16LE"), ("utf-32", "UTF-32"), ("utf-32be", "UTF-32BE"),
    ])
    func iconvNames(label: String, iconvName: String) {
        #expect(Charset(label: label)?.iconvName == iconvName)
    }

    @Test("labels nobody knows, and labels that are not names, are refused", arguments: [
        "x-martian", "", "  ", "utf 8", "../../etc/passwd", "cp1251;", String(repeating: "a", count: 41),
    ])
    func unknown(label: String) {
        #expect(Charset(label: label) == nil)
    }

    @Test("code units: one byte, two for UTF-16 and UCS-2, four for UTF-32", arguments: [
        ("utf-8", 1), ("windows-1251", 1), ("shift_jis", 1), ("utf-16be", 2), ("ucs-2", 2), ("utf-32", 4), ("utf-32le", 4),
    ])
    func codeUnits(label: String, size: Int) throws {
        let charset = try #require(Charset(label: label))
        #expect(charset.codeUnitSize == size)
        #expect(charset.isWide == (size > 1))
    }
}
