/// Cuts a paragraph into words, spaces and punctuation for the word-level diff.
///
/// A word is a run of letters, digits and combining marks; every other visible character is a
/// token of its own, so that `OTAN,` and `OTAN` share the word. The no-break spaces of French
/// typography (U+00A0 before `:` and `»`, U+202F before `; ? !`) and thin spaces are tokens of
/// their own too: `Pourquoi ?` and `Pourquoi ?` then differ only by the space, not by the mark.
enum WordTokenizer {
    /// What a token is.
    enum Kind: UInt8 {
        case word, space, punctuation
    }

    /// One token: a range of the UTF-8 bytes and its kind.
    struct Token {
        var range: Range<Int>
        var kind: Kind
    }

    /// The tokens of `bytes[range]`, which must be valid UTF-8.
    static func tokens(_ bytes: [UInt8], in range: Range<Int>) -> [Token] {
        var tokens: [Token] = []
        var index = range.lowerBound
        var current: (start: Int, kind: Kind)?
        while index < range.upperBound {
            let (scalar, length) = decode(bytes, at: index)
            let kind = classify(scalar)
            let mergeable = kind == .word || (kind == .space && !isTypographicSpace(scalar))
            if let open = current, open.kind == kind, mergeable {
                // The run goes on.
            } else {
                if let open = current { tokens.append(Token(range: open.start..<index, kind: open.kind)) }
                current = mergeable ? (index, kind) : nil
                if !mergeable { tokens.append(Token(range: index..<index + length, kind: kind)) }
            }
            index += length
        }
        if let open = current { tokens.append(Token(range: open.start..<range.upperBound, kind: open.kind)) }
        return tokens
    }

    private static func classify(_ value: UInt32) -> Kind {
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .word
            case 0x09...0x0D, 0x20: return .space
            default: return .punctuation
            }
        }
        guard let scalar = Unicode.Scalar(value) else { return .punctuation }
        let properties = scalar.properties
        if properties.isWhitespace { return .space }
        if properties.isAlphabetic { return .word }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return .word
        default: return .punctuation
        }
    }

    private static func isTypographicSpace(_ value: UInt32) -> Bool {
        value == 0x00A0 || value == 0x202F || value == 0x2009 || value == 0x2007
    }

    private static func decode(_ bytes: [UInt8], at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        switch lead {
        case 0..<0x80:
            return (lead, 1)
        case 0xC0..<0xE0 where index + 1 < bytes.count:
            return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        case 0xE0..<0xF0 where index + 2 < bytes.count:
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        case 0xF0..<0xF8 where index + 3 < bytes.count:
            let value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
            return (value, 4)
        default:
            return (0xFFFD, 1)
        }
    }
}
