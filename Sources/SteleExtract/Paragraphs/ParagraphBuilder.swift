import Foundation
import SteleText

/// Builds paragraphs from the text of a run of inline content, normalising whitespace on the way:
/// runs of spaces, tabs and newlines become one space; no-break spaces (U+00A0), narrow no-break
/// spaces (U+202F) and figure spaces (U+2007) are kept as themselves, because French typography
/// puts them before `:` `;` `!` `?` `»` and in numbers; invisible characters (soft hyphen,
/// zero-width space, BOM) are dropped; C1 controls, which only come from numeric references such
/// as `&#146;`, are read as windows-1252 the way browsers read them. No paragraph ever holds a
/// line break, so the output is one paragraph a line.
struct ParagraphBuilder {
    /// A finished paragraph with its size in visible characters and how many of them are link text.
    struct Piece {
        var text: String
        var characters: Int
        var linkedCharacters: Int
    }

    private var bytes: [UInt8] = []
    private var characters = 0
    private var linkedCharacters = 0
    private var hasCombiningMarks = false
    /// The separator owed before the next visible character: nothing, a space, or a kept no-break space.
    private var pendingSpace: [UInt8] = []
    private var pendingBreaks = 0
    private(set) var finished: [Piece] = []

    private static let space: [UInt8] = [0x20]
    private static let noBreakSpace: [UInt8] = [0xC2, 0xA0]
    private static let narrowNoBreakSpace: [UInt8] = [0xE2, 0x80, 0xAF]
    private static let figureSpace: [UInt8] = [0xE2, 0x80, 0x87]

    /// Appends a text node's UTF-8 content (NUL-terminated, as libxml2 keeps it). Runs of ordinary
    /// characters are copied in one go; only spaces, controls and the few special characters are
    /// looked at one by one.
    mutating func append(_ text: UnsafePointer<UInt8>, linked: Bool, preformatted: Bool) {
        var index = 0
        var runStart = 0
        var runScalars = 0
        var runHasCombiningMarks = false
        while true {
            let byte = text[index]
            // Ordinary characters: printable ASCII, and every UTF-8 sequence whose lead byte cannot
            // start a space, an invisible character or a C1 control. Counted as they are passed.
            if (byte > 0x20 && byte < 0x7F) || (byte >= 0x80 && byte != 0xC2 && byte != 0xE1 && byte != 0xE2 && byte != 0xE3 && byte != 0xEF) {
                if byte & 0xC0 != 0x80 {
                    runScalars += 1
                    // U+0300–U+036F, the combining diacritics, are CC 80–CD AF.
                    if byte == 0xCC || (byte == 0xCD && text[index + 1] <= 0xAF) { runHasCombiningMarks = true }
                }
                index += 1
                continue
            }
            if index > runStart {
                appendVisible(text + runStart, count: index - runStart, scalars: runScalars, linked: linked)
                if runHasCombiningMarks { hasCombiningMarks = true }
            }
            if byte == 0 { return }
            index += special(text + index, linked: linked, preformatted: preformatted)
            runStart = index
            runScalars = 0
            runHasCombiningMarks = false
        }
    }

    /// Handles one space, control or possibly special character at `text`; returns its length in bytes.
    private mutating func special(_ text: UnsafePointer<UInt8>, linked: Bool, preformatted: Bool) -> Int {
        let byte = text[0]
        if byte < 0x80 {
            switch byte {
            case 0x0A where preformatted: lineBreak()
            case 0x0D where preformatted: if text[1] != 0x0A { lineBreak() }
            case 0x20, 0x09, 0x0A, 0x0C, 0x0D, 0x0B: addSpace(Self.space)
            default: break  // other controls are invisible
            }
            return 1
        }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        for offset in 1..<length where text[offset] == 0 { return offset }  // truncated sequence at the end
        let second = length > 1 ? text[1] : 0
        let third = length > 2 ? text[2] : 0
        switch (byte, second, third) {
        case (0xC2, 0xA0, _): addSpace(Self.noBreakSpace)
        case (0xE2, 0x80, 0xAF): addSpace(Self.narrowNoBreakSpace)
        case (0xE2, 0x80, 0x87): addSpace(Self.figureSpace)
        case (0xE2, 0x80, 0x80...0x8A), (0xE2, 0x80, 0xA8), (0xE2, 0x80, 0xA9), (0xE2, 0x81, 0x9F), (0xE3, 0x80, 0x80), (0xE1, 0x9A, 0x80):
            addSpace(Self.space)
        case (0xC2, 0xAD, _), (0xE2, 0x80, 0x8B), (0xE2, 0x81, 0xA0), (0xEF, 0xBB, 0xBF):
            break  // soft hyphen, zero-width space, word joiner, BOM: invisible
        case (0xC2, 0x80...0x9F, _):
            if let scalar = HTMLCharacterReference.windows1252Character(forC1: UInt32(second)) {
                var encoded = Array(String(scalar).utf8)
                encoded.withUnsafeMutableBufferPointer { appendVisible($0.baseAddress!, count: $0.count, scalars: 1, linked: linked) }
            }
        default:
            appendVisible(text, count: length, scalars: 1, linked: linked)
        }
        return length
    }

    /// A `<br>` (or a newline in `<pre>`): a space, or the end of the paragraph when another follows.
    mutating func lineBreak() {
        pendingBreaks += 1
    }

    /// Ends the current paragraph, at the edge of a block element.
    mutating func endParagraph() {
        if !bytes.isEmpty {
            let text = String(decoding: bytes, as: UTF8.self)
            finished.append(Piece(text: composed(text), characters: characters, linkedCharacters: linkedCharacters))
        }
        bytes.removeAll(keepingCapacity: true)
        characters = 0
        linkedCharacters = 0
        hasCombiningMarks = false
        pendingSpace = []
        pendingBreaks = 0
    }

    /// Takes the paragraphs finished so far.
    mutating func takeFinished() -> [Piece] {
        defer { finished.removeAll(keepingCapacity: true) }
        return finished
    }

    private mutating func addSpace(_ separator: [UInt8]) {
        // A kept no-break space wins over ordinary spaces in the same run; the first one kept stays.
        if pendingSpace.isEmpty || (pendingSpace == Self.space && separator != Self.space) {
            pendingSpace = separator
        }
    }

    /// Appends `scalars` visible characters (`count` bytes), after the space or paragraph break owed before them.
    private mutating func appendVisible(_ text: UnsafePointer<UInt8>, count: Int, scalars: Int, linked: Bool) {
        if pendingBreaks > 0 {
            if pendingBreaks >= 2, !bytes.isEmpty {
                endParagraph()
            } else if pendingSpace.isEmpty {
                pendingSpace = Self.space
            }
            pendingBreaks = 0
        }
        if !pendingSpace.isEmpty {
            if !bytes.isEmpty { bytes.append(contentsOf: pendingSpace) }
            pendingSpace = []
        }
        bytes.append(contentsOf: UnsafeBufferPointer(start: text, count: count))
        characters += scalars
        if linked { linkedCharacters += scalars }
    }

    /// NFC, so that `і` + U+0308 and `ї` are the same text; only paid for when a combining
    /// diacritic (U+0300–U+036F) was seen.
    private func composed(_ text: String) -> String {
        hasCombiningMarks ? text.precomposedStringWithCanonicalMapping : text
    }
}
