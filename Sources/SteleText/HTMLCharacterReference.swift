/// HTML's character references (`&eacute;`, `&NoBreak;`, `&#233;`, `&#xE9;`): the WHATWG table of
/// names and the rules for numbers, read from UTF-8 bytes.
public enum HTMLCharacterReference {
    /// A reference read from text: the characters it stands for and the index just past it.
    public struct Match: Sendable, Equatable {
        /// The characters the reference stands for (a few names stand for two).
        public var scalars: [Unicode.Scalar]
        /// The index after the reference: after its `;`, or after the name of a legacy form without one.
        public var end: Int
        /// Whether the reference was numeric (`&#233;`, `&#xE9;`) rather than named.
        public var isNumeric: Bool
    }

    /// The longest name in the table, `CounterClockwiseContourIntegral`, has 31 characters.
    private static let longestName = 32

    /// Name (with `;`, or without it for the legacy forms) to the characters it stands for.
    private static let table: [String: [Unicode.Scalar]] = {
        var table: [String: [Unicode.Scalar]] = [:]
        table.reserveCapacity(2300)
        for line in htmlEntityTable.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard let name = fields.first else { continue }
            table[String(name)] = fields.dropFirst().compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }
        }
        return table
    }()

    /// windows-1252's characters for 0x80–0x9F; 0 where it has none.
    private static let windows1252C1: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The characters a named reference stands for: `name` with its `;` (`eacute;`), or without it
    /// for the legacy forms HTML also accepts (`eacute`, `nbsp`, `copy`). Names are case-sensitive.
    public static func scalars(named name: String) -> [Unicode.Scalar]? {
        table[name]
    }

    /// The character windows-1252 has at the C1 control `value` (0x80–0x9F): HTML reads `&#150;`
    /// as an en dash, as browsers do, because pages meant windows-1252. `nil` for the five code
    /// points windows-1252 leaves undefined and for values outside 0x80–0x9F.
    public static func windows1252Character(forC1 value: UInt32) -> Unicode.Scalar? {
        guard (0x80...0x9F).contains(value) else { return nil }
        let mapped = windows1252C1[Int(value - 0x80)]
        return mapped == 0 ? nil : Unicode.Scalar(mapped)
    }

    /// Reads the reference that starts with the `&` at `index` of `text`, or `nil` when none does.
    ///
    /// A name is letters and digits; numbers are decimal or `x` and hexadecimal. Numbers read as
    /// HTML reads them: C1 controls as windows-1252, and zero, surrogates and values past U+10FFFF
    /// (and the C1 code points windows-1252 leaves undefined) as U+FFFD. A reference normally ends
    /// with `;`; with `acceptingLegacyForms`, numbers and the legacy names (`&nbsp`, `&eacute`) are
    /// also read without it, except before `=`, where `?a=1&copy=2` in an address is a parameter.
    public static func match(in text: UnsafeBufferPointer<UInt8>, at index: Int, acceptingLegacyForms: Bool) -> Match? {
        guard index < text.count, text[index] == UInt8(ascii: "&"), index + 1 < text.count else { return nil }
        if text[index + 1] == UInt8(ascii: "#") {
            return number(in: text, at: index, acceptingLegacyForms: acceptingLegacyForms)
        }
        var end = index + 1
        while end < text.count, end - index <= longestName, isAlphanumeric(text[end]) { end += 1 }
        guard end > index + 1 else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: text[(index + 1)..<end]), as: UTF8.self)
        if end < text.count, text[end] == UInt8(ascii: ";") {
            return table[name + ";"].map { Match(scalars: $0, end: end + 1, isNumeric: false) }
        }
        guard acceptingLegacyForms, end == text.count || text[end] != UInt8(ascii: "=") else { return nil }
        return table[name].map { Match(scalars: $0, end: end, isNumeric: false) }
    }

    /// `&#NNN;` or `&#xHHH;` at `index`.
    private static func number(in text: UnsafeBufferPointer<UInt8>, at index: Int, acceptingLegacyForms: Bool) -> Match? {
        var cursor = index + 2
        let hex = cursor < text.count && (text[cursor] | 0x20) == UInt8(ascii: "x")
        if hex { cursor += 1 }
        let digitsStart = cursor
        var value: UInt32 = 0
        while cursor < text.count, let digit = digit(text[cursor], hex: hex) {
            // Past U+10FFFF the value only needs to stay out of range, not to grow.
            value = min(value * (hex ? 16 : 10) + digit, 0x11_0000)
            cursor += 1
        }
        guard cursor > digitsStart else { return nil }
        let terminated = cursor < text.count && text[cursor] == UInt8(ascii: ";")
        guard terminated || acceptingLegacyForms else { return nil }
        let scalar: Unicode.Scalar
        if (0x80...0x9F).contains(value) {
            scalar = windows1252Character(forC1: value) ?? "\u{FFFD}"
        } else {
            scalar = value == 0 ? "\u{FFFD}" : Unicode.Scalar(value) ?? "\u{FFFD}"
        }
        return Match(scalars: [scalar], end: terminated ? cursor + 1 : cursor, isNumeric: true)
    }

    private static func digit(_ byte: UInt8, hex: Bool) -> UInt32? {
        if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { return UInt32(byte - UInt8(ascii: "0")) }
        let lower = byte | 0x20
        if hex, lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "f") { return UInt32(lower - UInt8(ascii: "a") + 10) }
        return nil
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
