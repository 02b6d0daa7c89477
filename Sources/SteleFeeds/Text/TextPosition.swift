/// Line and column of a byte offset in UTF-8 text, for errors found outside libxml2.
enum TextPosition {
    /// The 1-based line and column (counted in characters) of `offset`.
    static func of(offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<min(max(offset, 0), bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
