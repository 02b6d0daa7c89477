import SteleText

/// Makes decoded text acceptable to a strict XML parser without losing what a reader would see,
/// in one pass that copies only when it changes something:
/// - bytes that are not UTF-8, and characters XML forbids (C0 controls, U+FFFE, U+FFFF), become U+FFFD;
/// - HTML entities that XML does not define (`&nbsp;`, `&eacute;`, `&NoBreak;`) become character references;
/// - a bare `&` (`AT&T`), and an unknown `&name;`, become text.
/// CDATA sections, comments, processing instructions and the DOCTYPE are left as they are.
enum XMLInputRepair {
    static func repair(_ input: [UInt8], warnings: inout WarningLog) -> [UInt8] {
        var repairer = Repairer()
        let output = input.withUnsafeBufferPointer { repairer.run($0) }
        repairer.report(into: &warnings)
        return output ?? input
    }
}

private struct Repairer {
    private var output: [UInt8] = []
    private var copying = false
    private var copiedUpTo = 0
    private var line = 1
    private var invalid: (count: Int, firstLine: Int) = (0, 0)
    private var bareAmpersands: (count: Int, firstLine: Int) = (0, 0)
    private var htmlEntities: [String] = []
    private var unknownEntities: [String] = []
    private var badCharacterReferences = 0

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// The repaired text, or `nil` when nothing needed repair.
    mutating func run(_ source: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let count = source.count
        var index = 0
        var terminator: [UInt8] = []
        while index < count {
            let byte = source[index]
            if byte >= 0x80 {
                let length = Self.sequenceLength(source, at: index)
                if length == 0 {
                    replace(source, index..<index + 1, with: Self.replacement)
                    noteInvalid()
                    index += 1
                } else {
                    index += length
                }
            } else if byte < 0x20 {
                if byte == 0x0A {
                    line += 1
                } else if byte != 0x09 && byte != 0x0D {
                    replace(source, index..<index + 1, with: Self.replacement)
                    noteInvalid()
                }
                index += 1
            } else if !terminator.isEmpty {
                if byte == terminator[0], Self.matches(source, at: index, terminator) {
                    index += terminator.count
                    terminator = []
                } else {
                    index += 1
                }
            } else if byte == 0x26 {
                index = ampersand(source, at: index)
            } else if byte == 0x3C, index + 1 < count, source[index + 1] == 0x21 || source[index + 1] == 0x3F {
                terminator = Self.terminator(source, at: index)
                index += 2
            } else {
                index += 1
            }
        }
        guard copying else { return nil }
        output.append(contentsOf: source[copiedUpTo..<count])
        return output
    }

    mutating func report(into warnings: inout WarningLog) {
        if invalid.count > 0 {
            warnings.add("\(invalid.count) invalid byte\(invalid.count == 1 ? "" : "s") or forbidden control character\(invalid.count == 1 ? "" : "s") replaced by U+FFFD (the first on line \(invalid.firstLine))")
        }
        if bareAmpersands.count > 0 {
            warnings.add("\(bareAmpersands.count) bare \"&\" read as text (the first on line \(bareAmpersands.firstLine)); XML wants &amp;")
        }
        if !htmlEntities.isEmpty {
            warnings.add("HTML entities that XML does not define were read as their characters: " + htmlEntities.map { "&\($0);" }.joined(separator: " "))
        }
        if !unknownEntities.isEmpty {
            warnings.add("unknown entities were kept as text: " + unknownEntities.map { "&\($0);" }.joined(separator: " "))
        }
        if badCharacterReferences > 0 {
            warnings.add("\(badCharacterReferences) character reference\(badCharacterReferences == 1 ? "" : "s") to characters XML forbids became U+FFFD")
        }
    }

    /// Handles the `&` at `index`; returns where to continue.
    private mutating func ampersand(_ source: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let count = source.count
        var cursor = index + 1
        if cursor < count, source[cursor] == 0x23 {
            cursor += 1
            let hex = cursor < count && (source[cursor] | 0x20) == 0x78
            if hex { cursor += 1 }
            var value: UInt32 = 0
            let digitsStart = cursor
            while cursor < count, cursor - digitsStart < 8, let digit = Self.digit(source[cursor], hex: hex) {
                value = value * (hex ? 16 : 10) + digit
                cursor += 1
            }
            guard cursor > digitsStart, cursor < count, source[cursor] == 0x3B else { return bare(source, at: index) }
            if Self.isXMLCharacter(value) { return cursor + 1 }
            replace(source, index..<cursor + 1, with: Array("&#xFFFD;".utf8))
            badCharacterReferences += 1
            return cursor + 1
        }
        let nameStart = cursor
        while cursor < count, cursor - nameStart <= 32, Self.isNameByte(source[cursor]) { cursor += 1 }
        guard cursor > nameStart, cursor < count, source[cursor] == 0x3B else { return bare(source, at: index) }
        let name = UnsafeBufferPointer(rebasing: source[nameStart..<cursor])
        if Self.isPredefined(name) { return cursor + 1 }
        let nameText = String(decoding: name, as: UTF8.self)
        if let scalars = HTMLCharacterReference.scalars(named: nameText + ";") {
            replace(source, index..<cursor + 1, with: Array(scalars.map { "&#\($0.value);" }.joined().utf8))
            if htmlEntities.count < 20, !htmlEntities.contains(nameText) { htmlEntities.append(nameText) }
        } else {
            replace(source, index..<index + 1, with: Array("&amp;".utf8))
            if unknownEntities.count < 20, !unknownEntities.contains(nameText) { unknownEntities.append(nameText) }
        }
        return cursor + 1
    }

    private mutating func bare(_ source: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        replace(source, index..<index + 1, with: Array("&amp;".utf8))
        if bareAmpersands.count == 0 { bareAmpersands.firstLine = line }
        bareAmpersands.count += 1
        return index + 1
    }

    private mutating func noteInvalid() {
        if invalid.count == 0 { invalid.firstLine = line }
        invalid.count += 1
    }

    private mutating func replace(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, with bytes: [UInt8]) {
        if !copying {
            copying = true
            output.reserveCapacity(source.count + source.count / 64 + 16)
        }
        output.append(contentsOf: source[copiedUpTo..<range.lowerBound])
        output.append(contentsOf: bytes)
        copiedUpTo = range.upperBound
    }

    /// What ends the markup that starts with `<!` or `<?` at `index`.
    private static func terminator(_ source: UnsafeBufferPointer<UInt8>, at index: Int) -> [UInt8] {
        if source[index + 1] == 0x3F { return Array("?>".utf8) }
        if matches(source, at: index, Array("<!--".utf8)) { return Array("-->".utf8) }
        if matches(source, at: index, Array("<![CDATA[".utf8)) { return Array("]]>".utf8) }
        // A DOCTYPE: its end is "]>" when it has an internal subset, else ">".
        var cursor = index + 2
        while cursor < source.count, source[cursor] != 0x3E, source[cursor] != 0x5B { cursor += 1 }
        return cursor < source.count && source[cursor] == 0x5B ? Array("]".utf8) : Array(">".utf8)
    }

    private static func matches(_ source: UnsafeBufferPointer<UInt8>, at index: Int, _ pattern: [UInt8]) -> Bool {
        guard index + pattern.count <= source.count else { return false }
        for offset in 0..<pattern.count where source[index + offset] != pattern[offset] { return false }
        return true
    }

    /// The length of the valid UTF-8 sequence at `index` that encodes an XML character, or 0.
    private static func sequenceLength(_ source: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let length = Transcoder.wellFormedSequenceLength(source, at: index)
        // U+FFFE and U+FFFF are not XML characters.
        if length == 3, source[index] == 0xEF, source[index + 1] == 0xBF, source[index + 2] >= 0xBE { return 0 }
        return length
    }

    private static func isXMLCharacter(_ value: UInt32) -> Bool {
        value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
            || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || byte == 0x2D || byte == 0x5F
    }

    private static func isPredefined(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        switch name.count {
        case 2: return (name[0] == 0x6C || name[0] == 0x67) && name[1] == 0x74  // lt, gt
        case 3: return name[0] == 0x61 && name[1] == 0x6D && name[2] == 0x70  // amp
        case 4: return name.elementsEqual("quot".utf8) || name.elementsEqual("apos".utf8)
        default: return false
        }
    }

    private static func digit(_ byte: UInt8, hex: Bool) -> UInt32? {
        if byte >= 0x30 && byte <= 0x39 { return UInt32(byte - 0x30) }
        let lower = byte | 0x20
        if hex, lower >= 0x61, lower <= 0x66 { return UInt32(lower - 0x61 + 10) }
        return nil
    }
}
