import Glibc

/// A character encoding a document can be written in, named as the WHATWG Encoding Standard names
/// it, with the name glibc's iconv knows it by.
public struct Charset: Sendable, Hashable, CustomStringConvertible {
    /// The standard name: `utf-8`, `windows-1251`, `koi8-u`, `windows-1252`, ...
    public let name: String
    /// The name glibc's iconv knows the encoding by: `UTF-8`, `CP1251`, `KOI8-U`, ...
    public let iconvName: String

    /// UTF-8, the default when nothing else is declared.
    public static let utf8 = Charset(name: "utf-8", iconvName: "UTF-8")
    /// UTF-16, least significant byte first.
    public static let utf16LittleEndian = Charset(name: "utf-16le", iconvName: "UTF-16LE")
    /// UTF-16, most significant byte first.
    public static let utf16BigEndian = Charset(name: "utf-16be", iconvName: "UTF-16BE")
    /// UTF-32, least significant byte first (XML allows it; the Encoding Standard does not).
    public static let utf32LittleEndian = Charset(name: "utf-32le", iconvName: "UTF-32LE")
    /// UTF-32, most significant byte first.
    public static let utf32BigEndian = Charset(name: "utf-32be", iconvName: "UTF-32BE")

    /// The encoding a label such as `Windows-1251`, `cp1251`, `latin1` or `KOI8-U` stands for, as
    /// browsers read it: `iso-8859-1` and `us-ascii` mean windows-1252, its superset, because pages
    /// and feeds so labelled use its curly quotes and dashes in 0x80–0x9F. Labels outside the
    /// standard are accepted when iconv knows them. White space and quotes around the label are
    /// ignored; `nil` for a label nobody knows.
    public init?(label: String) {
        let key = Self.normalized(label)
        if let known = Self.standardLabels[key] {
            self = known
        } else if !key.isEmpty, key.utf8.count <= 40, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0)) }),
                  Self.iconvKnows(key.uppercased()) {
            self = Charset(name: key, iconvName: key.uppercased())
        } else {
            return nil
        }
    }

    init(name: String, iconvName: String) {
        self.name = name
        self.iconvName = iconvName
    }

    /// The standard name.
    public var description: String { name }

    /// Whether the encoding is UTF-8 (the bytes need checking, not converting).
    public var isUTF8: Bool { iconvName == "UTF-8" }

    /// Bytes in one code unit: 2 for UTF-16 and UCS-2, 4 for UTF-32 and UCS-4, else 1. After an
    /// invalid sequence, conversion resumes one code unit further on, so it stays in step.
    public var codeUnitSize: Int {
        let bare = iconvName.uppercased().filter { $0 != "-" && $0 != "_" }
        if bare.hasPrefix("UTF16") || bare.hasPrefix("UCS2") || bare == "UNICODE" { return 2 }
        if bare.hasPrefix("UTF32") || bare.hasPrefix("UCS4") { return 4 }
        return 1
    }

    /// Whether code units are wider than a byte (UTF-16, UTF-32). A declaration that could be read
    /// as ASCII (`<meta charset>`, `<?xml encoding?>`) can never truthfully name such an encoding.
    public var isWide: Bool { codeUnitSize > 1 }

    private static func normalized(_ label: String) -> String {
        let ignored: (Character) -> Bool = { " \t\n\r\u{0C}\"'".contains($0) }
        guard let first = label.firstIndex(where: { !ignored($0) }), let last = label.lastIndex(where: { !ignored($0) }) else { return "" }
        return label[first...last].lowercased()
    }

    private static func iconvKnows(_ name: String) -> Bool {
        let descriptor = iconv_open("UTF-8", name)
        guard descriptor != iconv_t(bitPattern: -1) else { return false }
        iconv_close(descriptor)
        return true
    }

    /// WHATWG labels, lower-cased, for the encodings a news site plausibly uses, plus a few labels
    /// seen in feeds that iconv does not know (`win-1251`, `latin-9`).
    private static let standardLabels: [String: Charset] = {
        var table: [String: Charset] = [:]
        func add(_ name: String, _ iconv: String, _ labels: [String]) {
            let charset = Charset(name: name, iconvName: iconv)
            for label in labels + [name] { table[label] = charset }
        }
        add("utf-8", "UTF-8", ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf8", "x-unicode20utf8"])
        add("utf-16le", "UTF-16LE", ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16"])
        add("utf-16be", "UTF-16BE", ["unicodefffe"])
        add("utf-32le", "UTF-32LE", [])
        add("utf-32be", "UTF-32BE", [])
        add("ibm866", "IBM866", ["866", "cp866", "csibm866"])
        add("koi8-r", "KOI8-R", ["cskoi8r", "koi", "koi8", "koi8_r"])
        add("koi8-u", "KOI8-U", ["koi8-ru"])
        add("macintosh", "MACINTOSH", ["csmacintosh", "mac", "x-mac-roman"])
        add("x-mac-cyrillic", "MAC-CYRILLIC", ["x-mac-ukrainian"])
        add("windows-874", "CP874", ["dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620"])
        add("windows-1252", "CP1252", [
            "ansi_x3.4-1968", "ascii", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1",
            "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "x-user-defined",
        ])
        add("windows-1254", "CP1254", [
            "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599", "iso_8859-9", "iso_8859-9:1989", "l5", "latin5",
        ])
        for number in 1250...1258 {
            let labels = ["cp\(number)", "x-cp\(number)", "windows-\(number)"]
            table.merge(labels.map { ($0, Charset(name: "windows-\(number)", iconvName: "CP\(number)")) }) { old, _ in old }
        }
        table["win-1251"] = table["windows-1251"]
        let isoAliases: [Int: [String]] = [
            2: ["csisolatin2", "iso-ir-101", "l2", "latin2"], 3: ["csisolatin3", "iso-ir-109", "l3", "latin3"],
            4: ["csisolatin4", "iso-ir-110", "l4", "latin4"], 5: ["csisolatincyrillic", "cyrillic", "iso-ir-144"],
            6: ["arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127"],
            7: ["csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-ir-126", "sun_eu_greek"],
            8: ["csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8-e", "iso-ir-138", "visual", "iso-8859-8-i", "csiso88598i", "logical"],
            10: ["csisolatin6", "iso-ir-157", "l6", "latin6"], 13: [], 14: [], 15: ["csisolatin9", "l9", "latin9", "latin-9"], 16: [],
        ]
        for (number, aliases) in isoAliases {
            let charset = Charset(name: "iso-8859-\(number)", iconvName: "ISO-8859-\(number)")
            for label in aliases + ["iso-8859-\(number)", "iso8859-\(number)", "iso8859\(number)", "iso_8859-\(number)"] { table[label] = charset }
        }
        add("gbk", "GB18030", ["chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "iso-ir-58", "x-gbk"])
        add("gb18030", "GB18030", [])
        add("big5", "BIG5-HKSCS", ["big5-hkscs", "cn-big5", "csbig5", "x-x-big5"])
        add("euc-jp", "EUC-JP", ["cseucpkdfmtjapanese", "x-euc-jp"])
        add("iso-2022-jp", "ISO-2022-JP", ["csiso2022jp"])
        add("shift_jis", "CP932", ["csshiftjis", "ms932", "ms_kanji", "shift-jis", "sjis", "windows-31j", "x-sjis"])
        add("euc-kr", "CP949", ["cseuckr", "csksc56011987", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949"])
        return table
    }()
}
