/// The single pass behind ``AttributeCensus``: finds start tags and counts their attributes, and
/// skips whole the regions in which the parser reads no tags.
///
/// It must never skip markup libxml2 would read as a tag, or a document could hide its attributes
/// from the census; where libxml2's rules are in doubt it skips less. The HTML rules were checked
/// against libxml2 2.9.14 with `xmllint --html --recover` (the options Stele parses with): a
/// comment ends at the first `-->` or `--!>`, an unterminated one runs to the end; `<?` and
/// `<!DOCTYPE` end at the first `>`, quotes or not; an end tag also ends at the first `>`; only
/// `script` and `style` hold raw text, up to the first `</script` or `</style` in any case;
/// `<script/>` holds none; `<![CDATA[`, `<!x` and `<_x` are text; an attribute name starts with
/// an ASCII letter, `_`, `:` or `.`, and anything else up to the next blank or `>` is dropped.
struct StartTagScanner {
    private let source: UnsafeBufferPointer<UInt8>
    private let dialect: MarkupDialect
    private let limits: AttributeLimits?
    private var census = AttributeCensus()

    init(source: UnsafeBufferPointer<UInt8>, dialect: MarkupDialect, limits: AttributeLimits?) {
        self.source = source
        self.dialect = dialect
        self.limits = limits
    }

    mutating func run() -> AttributeCensus {
        var index = 0
        while index < source.count {
            guard source[index] == Byte.lessThan else {
                index += 1
                continue
            }
            index = markup(at: index)
            if let limits, limits.isExceeded(by: census) {
                census.stoppedEarly = true
                break
            }
        }
        return census
    }

    /// Reads the markup whose `<` is at `start`; returns where text resumes.
    private mutating func markup(at start: Int) -> Int {
        let next = byte(at: start + 1)
        switch dialect {
        case .html:
            if Byte.isASCIILetter(next) { return htmlStartTag(at: start) }
            if next == Byte.slash { return Byte.isASCIILetter(byte(at: start + 2)) ? end(after: start + 2, at: ">") : start + 2 }
            // libxml2 reads `<?` as a processing instruction only when a name follows; otherwise it
            // moves past the two bytes and parses what follows as markup.
            if next == Byte.question {
                let first = byte(at: start + 2)
                return Byte.isASCIILetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: ":") ? end(after: start + 2, at: ">") : start + 2
            }
            if matches("<!--", at: start) { return htmlCommentEnd(after: start + 4) }
            if matchesIgnoringCase("<!doctype", at: start) { return end(after: start + 9, at: ">") }
            return start + 1
        case .xml:
            if Byte.isXMLNameStart(next) { return startTag(at: start).end }
            if next == Byte.slash { return end(after: start + 2, at: ">") }
            if next == Byte.question { return end(after: start + 2, at: "?>") }
            if matches("<!--", at: start) { return end(after: start + 4, at: "-->") }
            if matches("<![CDATA[", at: start) { return end(after: start + 9, at: "]]>") }
            if matches("<!DOCTYPE", at: start) { return xmlDoctypeEnd(after: start + 9) }
            return start + 1
        }
    }

    /// A start tag, and the raw text that follows `<script>` and `<style>`.
    private mutating func htmlStartTag(at start: Int) -> Int {
        let (end, nameEnd, selfClosing) = startTag(at: start)
        guard !selfClosing else { return end }
        for rawText: StaticString in ["script", "style"] where nameEnd - start - 1 == rawText.utf8CodeUnitCount {
            guard matchesIgnoringCase(rawText, at: start + 1) else { continue }
            var index = end
            while index < source.count {
                if source[index] == Byte.lessThan, byte(at: index + 1) == Byte.slash, matchesIgnoringCase(rawText, at: index + 2) {
                    return index  // the end tag is read as markup
                }
                index += 1
            }
            return source.count
        }
        return end
    }

    /// Counts the attributes of the start tag at `start`; returns the index after it, where its
    /// name ends, and whether it closed with `/>`.
    private mutating func startTag(at start: Int) -> (end: Int, nameEnd: Int, selfClosing: Bool) {
        var index = start + 1
        while index < source.count, isNameCharacter(source[index]) { index += 1 }
        let nameEnd = index
        var attributes = 0
        // libxml2's HTML parser reads at most 100 bytes of a name; the rest of a longer one is read
        // as further attribute names, 100 bytes each.
        if dialect == .html { attributes += Self.htmlNamePieces(nameEnd - start - 1) - 1 }
        var selfClosing = false
        while true {
            index = skipBlanks(from: index)
            guard index < source.count else { break }
            let current = source[index]
            if current == Byte.greaterThan {
                index += 1
                break
            }
            if current == Byte.slash, byte(at: index + 1) == Byte.greaterThan {
                index += 2
                selfClosing = true
                break
            }
            if isAttributeNameStart(current) {
                let nameStart = index
                index += 1
                while index < source.count, isNameCharacter(source[index]) { index += 1 }
                attributes += dialect == .html ? Self.htmlNamePieces(index - nameStart) : 1
                index = skipBlanks(from: index)
                if byte(at: index) == Byte.equals {
                    index = value(at: skipBlanks(from: index + 1))
                }
            } else {
                // What is not a name is dropped up to the next blank or the end of the tag.
                while index < source.count, !Byte.isBlank(source[index]), source[index] != Byte.greaterThan,
                      source[index] != Byte.slash || byte(at: index + 1) != Byte.greaterThan {
                    index += 1
                }
            }
        }
        census.record(count: attributes, offset: start)
        return (index, nameEnd, selfClosing)
    }

    /// How many names libxml2's HTML parser makes of a run of `length` name bytes: one per 100.
    private static func htmlNamePieces(_ length: Int) -> Int {
        max(1, (length + 99) / 100)
    }

    /// The index after an attribute value that starts at `start`: quoted up to its closing quote
    /// (or the end), unquoted up to a blank or `>`.
    private func value(at start: Int) -> Int {
        let first = byte(at: start)
        if first == Byte.doubleQuote || first == Byte.singleQuote {
            var index = start + 1
            while index < source.count, source[index] != first { index += 1 }
            return min(index + 1, source.count)
        }
        var index = start
        while index < source.count, !Byte.isBlank(source[index]), source[index] != Byte.greaterThan { index += 1 }
        return index
    }

    /// libxml2 2.9's HTML parser also ends a comment at `--!>`.
    private func htmlCommentEnd(after start: Int) -> Int {
        var index = start
        while index + 2 < source.count {
            if source[index] == Byte.hyphen, source[index + 1] == Byte.hyphen {
                if source[index + 2] == Byte.greaterThan { return index + 3 }
                if source[index + 2] == Byte.exclamation, byte(at: index + 3) == Byte.greaterThan { return index + 4 }
            }
            index += 1
        }
        return source.count
    }

    /// The DOCTYPE's end: the first `>` outside quotes and outside the internal subset, whose
    /// comments and processing instructions may hold quotes and brackets of their own.
    private func xmlDoctypeEnd(after start: Int) -> Int {
        var index = start
        var inSubset = false
        while index < source.count {
            let current = source[index]
            if current == Byte.doubleQuote || current == Byte.singleQuote {
                index = value(at: index)
                continue
            }
            if inSubset {
                if current == Byte.closingBracket {
                    inSubset = false
                } else if matches("<!--", at: index) {
                    index = end(after: index + 4, at: "-->")
                    continue
                } else if matches("<?", at: index) {
                    index = end(after: index + 2, at: "?>")
                    continue
                }
            } else if current == Byte.openingBracket {
                inSubset = true
            } else if current == Byte.greaterThan {
                return index + 1
            }
            index += 1
        }
        return source.count
    }

    /// The index after the first `terminator` at or after `start`, or the end of the source.
    private func end(after start: Int, at terminator: StaticString) -> Int {
        let first = terminator.utf8Start.pointee
        var index = start
        while index < source.count {
            if source[index] == first, matches(terminator, at: index) { return index + terminator.utf8CodeUnitCount }
            index += 1
        }
        return source.count
    }

    private func skipBlanks(from start: Int) -> Int {
        var index = start
        while index < source.count, Byte.isBlank(source[index]) { index += 1 }
        return index
    }

    private func byte(at index: Int) -> UInt8 {
        index < source.count ? source[index] : 0
    }

    private func matches(_ text: StaticString, at index: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= source.count else { return false }
        let pattern = text.utf8Start
        for offset in 0..<count where source[index + offset] != pattern[offset] { return false }
        return true
    }

    /// `text` must be lower-case ASCII.
    private func matchesIgnoringCase(_ text: StaticString, at index: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= source.count else { return false }
        let pattern = text.utf8Start
        for offset in 0..<count where Byte.lowercased(source[index + offset]) != pattern[offset] { return false }
        return true
    }

    private func isAttributeNameStart(_ byte: UInt8) -> Bool {
        switch dialect {
        case .html: Byte.isASCIILetter(byte) || byte == Byte.underscore || byte == Byte.colon || byte == Byte.period
        case .xml: Byte.isXMLNameStart(byte)
        }
    }

    private func isNameCharacter(_ byte: UInt8) -> Bool {
        let ascii = Byte.isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39)
            || byte == Byte.underscore || byte == Byte.colon || byte == Byte.period || byte == Byte.hyphen
        return ascii || (dialect == .xml && byte >= 0x80)
    }
}

/// The ASCII bytes markup is made of.
private enum Byte {
    static let lessThan = UInt8(ascii: "<")
    static let greaterThan = UInt8(ascii: ">")
    static let slash = UInt8(ascii: "/")
    static let question = UInt8(ascii: "?")
    static let exclamation = UInt8(ascii: "!")
    static let equals = UInt8(ascii: "=")
    static let hyphen = UInt8(ascii: "-")
    static let underscore = UInt8(ascii: "_")
    static let colon = UInt8(ascii: ":")
    static let period = UInt8(ascii: ".")
    static let doubleQuote = UInt8(ascii: "\"")
    static let singleQuote = UInt8(ascii: "'")
    static let openingBracket = UInt8(ascii: "[")
    static let closingBracket = UInt8(ascii: "]")

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    static func isXMLNameStart(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || byte == underscore || byte == colon || byte >= 0x80
    }

    /// libxml2's IS_BLANK_CH: space, tab, line feed, carriage return.
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        isASCIILetter(byte) ? byte | 0x20 : byte
    }
}
