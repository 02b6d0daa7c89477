import SteleText

/// Plain text out of the HTML that feeds put in titles and descriptions: tags removed (their
/// boundaries become spaces where a browser would break the line), character references decoded
/// with HTML's table, white space collapsed.
enum HTMLText {
    /// `html` as one line of plain text.
    static func plainText(fromHTML html: String) -> String {
        var text = html
        return text.withUTF8 { source in
            var output = TextBuilder(capacity: source.count)
            var index = 0
            while index < source.count {
                let byte = source[index]
                if byte == 0x3C, let end = tagEnd(source, from: index) {
                    let name = tagName(source, from: index + 1, to: end)
                    if name == "script" || name == "style", source[index + 1] != 0x2F {
                        index = closingTag(named: name, in: source, from: end) ?? source.count
                        continue
                    }
                    if breakingTags.contains(name) { output.space() }
                    index = end + 1
                } else if byte == 0x26, let reference = HTMLCharacterReference.match(in: source, at: index, acceptingLegacyForms: false) {
                    for scalar in reference.scalars { output.append(scalar) }
                    index = reference.end
                } else {
                    output.append(byte: byte)
                    index += 1
                }
            }
            return output.finish()
        }
    }

    /// `text` with runs of white space made one space and the ends trimmed.
    static func collapsingWhitespace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { source in
            var output = TextBuilder(capacity: source.count)
            for byte in source { output.append(byte: byte) }
            return output.finish()
        }
    }

    /// The index of the `>` that closes the tag, comment or declaration opening at `index`, or nil
    /// when the `<` does not start markup ("a < b").
    private static func tagEnd(_ source: UnsafeBufferPointer<UInt8>, from index: Int) -> Int? {
        guard index + 1 < source.count else { return nil }
        let next = source[index + 1]
        guard FeedDate.isLetter(next) || next == 0x2F || next == 0x21 || next == 0x3F else { return nil }
        var cursor = index + 1
        var quote: UInt8 = 0
        while cursor < source.count {
            let byte = source[cursor]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x3E {
                return cursor
            }
            cursor += 1
        }
        return nil
    }

    private static func tagName(_ source: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String {
        var cursor = start
        if cursor < end, source[cursor] == 0x2F { cursor += 1 }
        let nameStart = cursor
        while cursor < end, FeedDate.isLetter(source[cursor]) || FeedDate.isDigit(source[cursor]) { cursor += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: source[nameStart..<cursor]), as: UTF8.self).lowercased()
    }

    private static func closingTag(named name: String, in source: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var cursor = start
        while cursor + 1 < source.count {
            if source[cursor] == 0x3C, source[cursor + 1] == 0x2F, let end = tagEnd(source, from: cursor), tagName(source, from: cursor + 1, to: end) == name {
                return end + 1
            }
            cursor += 1
        }
        return nil
    }

    private static let breakingTags: Set<String> = [
        "br", "p", "div", "li", "ul", "ol", "dd", "dt", "dl", "tr", "td", "th", "table", "blockquote", "pre", "hr",
        "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "figure", "figcaption",
    ]
}

/// UTF-8 output with white space collapsed as it is appended.
private struct TextBuilder {
    private var bytes: [UInt8] = []
    private var pendingSpace = false

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func space() {
        pendingSpace = !bytes.isEmpty
    }

    mutating func append(byte: UInt8) {
        if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            space()
            return
        }
        if pendingSpace {
            bytes.append(0x20)
            pendingSpace = false
        }
        bytes.append(byte)
    }

    mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.value < 0x80 {
            append(byte: UInt8(scalar.value))
            return
        }
        // No-break spaces count as spaces here, as a reader sees them.
        if scalar == "\u{A0}" || scalar.properties.isWhitespace {
            space()
            return
        }
        for unit in UTF8.encode(scalar)! { append(byte: unit) }
    }

    func finish() -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
