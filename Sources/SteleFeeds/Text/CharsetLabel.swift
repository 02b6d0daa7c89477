import Foundation
import Glibc

/// Encoding labels as they appear in HTTP headers and XML declarations, mapped to iconv names.
enum CharsetLabel {
    /// The iconv name for `label`: an empty string for UTF-8, `nil` when the label is unknown here.
    ///
    /// Like browsers (WHATWG Encoding), `iso-8859-1`, `latin1` and `us-ascii` are read as
    /// windows-1252, its superset: feeds so labelled use its curly quotes and dashes in 0x80–0x9F.
    static func iconvName(for label: String) -> String? {
        let key = label.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
        switch key {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return ""
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252":
            return "CP1252"
        case "windows-1251", "cp1251", "x-cp1251", "win-1251": return "CP1251"
        case "koi8-r", "koi8", "cskoi8r": return "KOI8-R"
        case "koi8-u", "koi8-ru": return "KOI8-U"
        case "iso-8859-15", "iso8859-15", "iso_8859-15", "latin9", "l9", "latin-9": return "ISO-8859-15"
        case "utf-16": return "UTF-16"
        case "utf-16le": return "UTF-16LE"
        case "utf-16be": return "UTF-16BE"
        case "utf-32": return "UTF-32"
        case "utf-32le": return "UTF-32LE"
        case "utf-32be": return "UTF-32BE"
        default:
            guard key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0)) }), !key.isEmpty else { return nil }
            let name = key.uppercased()
            let descriptor = iconv_open("UTF-8", name)
            guard let descriptor, Int(bitPattern: descriptor) != -1 else { return nil }
            iconv_close(descriptor)
            return name
        }
    }

    /// True for the encodings whose code units are wider than a byte.
    static func isWide(_ name: String) -> Bool {
        unitSize(name) > 1
    }

    /// Bytes per code unit: what to skip past an invalid sequence.
    static func unitSize(_ name: String) -> Int {
        if name.hasPrefix("UTF-16") { return 2 }
        if name.hasPrefix("UTF-32") { return 4 }
        return 1
    }
}
