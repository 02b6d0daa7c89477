/// Finds dotted keys with absurdly many parts before TOMLKit sees the text: its parser (toml++)
/// recurses once per part when it records where each table ends, so a header such as
/// `[a.a.a…]` with 100,000 parts overflows the stack. Nested arrays and inline tables have their
/// own limit in toml++; dotted keys do not.
enum DottedKeyScan {
    /// More parts than any Stele setting has, by far.
    static let maximumParts = 64

    /// The first line holding a dotted key of more than ``maximumParts`` parts, with its count of
    /// parts, outside strings and comments; `nil` when there is none.
    static func firstTooDeep(in text: String) -> (line: Int, parts: Int)? {
        var line = 1
        var dots = 0, dotsLine = 1
        var index = text.utf8.startIndex
        let bytes = text.utf8
        func starts(with pattern: StaticString, at position: String.UTF8View.Index) -> Bool {
            var cursor = position
            for byte in UnsafeBufferPointer(start: pattern.utf8Start, count: pattern.utf8CodeUnitCount) {
                guard cursor < bytes.endIndex, bytes[cursor] == byte else { return false }
                cursor = bytes.index(after: cursor)
            }
            return true
        }
        /// Skips a string that starts at `index`, counting its lines; returns the index after it.
        func skipString(from start: String.UTF8View.Index) -> String.UTF8View.Index {
            let quote = bytes[start]
            let multiline = starts(with: quote == 0x22 ? "\"\"\"" : "'''", at: start)
            var cursor = bytes.index(start, offsetBy: multiline ? 3 : 1)
            while cursor < bytes.endIndex {
                let byte = bytes[cursor]
                if byte == 0x0A {
                    line += 1
                    if !multiline { return cursor }  // an unterminated string: TOMLKit reports it
                } else if byte == 0x5C, quote == 0x22 {
                    cursor = bytes.index(after: cursor)
                    if cursor < bytes.endIndex, bytes[cursor] == 0x0A { line += 1 }
                } else if byte == quote, !multiline || starts(with: quote == 0x22 ? "\"\"\"" : "'''", at: cursor) {
                    return bytes.index(cursor, offsetBy: multiline ? 3 : 1)
                }
                if cursor < bytes.endIndex { cursor = bytes.index(after: cursor) }
            }
            return cursor
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case 0x22, 0x27:  // a string: part of a dotted key or a value, either way no dots counted
                index = skipString(from: index)
                continue
            case 0x23:  // a comment, to the end of the line
                while index < bytes.endIndex, bytes[index] != 0x0A { index = bytes.index(after: index) }
                continue
            case 0x2E:
                if dots == 0 { dotsLine = line }
                dots += 1
                if dots + 1 > maximumParts {
                    var count = dots + 1
                    var cursor = bytes.index(after: index)
                    while cursor < bytes.endIndex, bytes[cursor] != 0x0A, bytes[cursor] != 0x5D, bytes[cursor] != 0x3D {
                        if bytes[cursor] == 0x2E { count += 1 }
                        cursor = bytes.index(after: cursor)
                    }
                    return (dotsLine, count)
                }
            case 0x0A:
                line += 1
                dots = 0
            case 0x20, 0x09, 0x0D, 0x2D, 0x5F, 0x30...0x39, 0x41...0x5A, 0x61...0x7A:
                break  // key characters and blanks continue a dotted key
            default:
                dots = 0
            }
            index = bytes.index(after: index)
        }
        return nil
    }
}
