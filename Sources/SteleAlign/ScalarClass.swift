/// Character classes the scanner needs, decided without Unicode tables for the scripts Stele
/// reads (Latin, Greek, Cyrillic) and with them for anything else.
enum ScalarClass {
    /// ASCII digits (other scripts' digits are not numbers translations share).
    @inline(__always)
    static func isDigit(_ value: UInt32) -> Bool { value &- 0x30 < 10 }

    /// White space, including no-break and narrow no-break spaces.
    @inline(__always)
    static func isSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x20, 0x09...0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Letters, combining marks included (they belong to the letter before them).
    @inline(__always)
    static func isLetter(_ value: UInt32) -> Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0xC0, 0xD7, 0xF7, 0x2000...0x2BFF, 0x3000...0x303F: return false
        case 0xC0...0x24F, 0x300...0x36F, 0x370...0x3FF, 0x400...0x52F: return true
        default: return otherScriptIsLetter(value)
        }
    }

    /// Capital letters.
    @inline(__always)
    static func isUppercase(_ value: UInt32) -> Bool {
        switch value {
        case 0x41...0x5A: return true
        case 0..<0xC0: return false
        case 0xC0...0xDE: return value != 0xD7
        case 0xDF...0xFF: return false
        case 0x400...0x42F: return true
        case 0x430...0x45F: return false
        case 0x460...0x481, 0x48A...0x4BF, 0x4D0...0x52F: return value % 2 == 0
        default: return otherScriptIsUppercase(value)
        }
    }

    /// Combining marks (accents written as separate scalars).
    @inline(__always)
    static func isCombiningMark(_ value: UInt32) -> Bool {
        if value < 0x300 { return false }
        if value <= 0x36F || (0x483...0x489).contains(value) { return true }
        if value < 0x52F { return false }
        return otherScriptIsCombiningMark(value)
    }

    // The Unicode tables, for other scripts. Kept out of line: their types' metadata would
    // otherwise be looked up at every call of the functions that inline the fast paths.

    @inline(never)
    private static func otherScriptIsLetter(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
    }

    @inline(never)
    private static func otherScriptIsUppercase(_ value: UInt32) -> Bool {
        Unicode.Scalar(value)?.properties.isUppercase ?? false
    }

    @inline(never)
    private static func otherScriptIsCombiningMark(_ value: UInt32) -> Bool {
        Unicode.Scalar(value)?.properties.generalCategory == .nonspacingMark
    }

    /// Thousands separators other than `,` and `.`: spaces (plain, no-break, narrow, thin) and apostrophes.
    @inline(__always)
    static func isGroupSeparator(_ value: UInt32) -> Bool {
        value == 0x20 || value == 0xA0 || value == 0x202F || value == 0x2009 || value == 0x27 || value == 0x2019
    }
}
