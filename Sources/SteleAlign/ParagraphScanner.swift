/// The paragraphs of one side as the scanner leaves them: lengths, anchor tokens with their
/// positions, and words that may turn out to be names once both sides are read.
struct ScannedSide: Sendable {
    /// A capitalised word opening a sentence, or a long lowercase word: a name only if the same key
    /// is a name elsewhere (`Finland and Sweden …`, `secrétaire général`).
    struct Candidate: Sendable {
        var paragraph: Int32
        var key: NameKey
        var position: Float
        var opensSentence: Bool
    }

    /// Lengths in characters (Unicode scalars), surrounding white space left out.
    var lengths: [Double] = []
    /// Where each paragraph's tokens start; one more entry than paragraphs.
    var offsets: [Int32] = [0]
    /// Anchor tokens (see ``AnchorKind/token(_:)``), repeated as often as they occur.
    var tokens: [UInt64] = []
    /// Where each token starts, as a share of its paragraph (0 at the start, below 1): when a
    /// text is cut, only the anchors before the cut can have a counterpart.
    var positions: [Float] = []
    /// Words that may be names.
    var candidates: [Candidate] = []
}

/// Reads the anchors of paragraphs: numbers, months, percentages, quotation marks, `? ! : (`,
/// list bullets, acronyms and names, in one pass over each paragraph's UTF-8.
final class ParagraphScanner {
    private let letters = UnsafeMutablePointer<UInt8>.allocate(capacity: ParagraphReader.letterCapacity)
    private let latin = Transliteration.tables()
    private let lexicon = AnchorLexicon.filterBuffer()

    deinit {
        letters.deallocate()
        latin.deallocate()
        lexicon.deallocate()
    }

    /// Scans `text` as the next paragraph of `side`.
    func scan(_ text: String, into side: inout ScannedSide) {
        var text = text
        text.withUTF8 { utf8 in
            let reader = ParagraphReader(bytes: utf8, letters: letters, latin: latin, lexicon: lexicon, paragraph: Int32(side.lengths.count))
            side.lengths.append(Double(reader.length()))
            reader.scanAnchors(into: &side)
            side.offsets.append(Int32(side.tokens.count))
        }
    }
}

/// One paragraph's UTF-8 being read, with the scanner's scratch memory: all of it constant
/// while reading, so the hot loops touch no shared mutable state.
private struct ParagraphReader {
    static var letterCapacity: Int { 64 }
    let bytes: UnsafeBufferPointer<UInt8>
    let letters: UnsafeMutablePointer<UInt8>
    let latin: UnsafeMutableBufferPointer<UInt64>
    let lexicon: UnsafeMutableBufferPointer<UInt64>
    let paragraph: Int32

    func scanAnchors(into side: inout ScannedSide) {
        let count = bytes.count
        var index = 0
        while index < count, case let (value, width) = decode(index), ScalarClass.isSpace(value) { index += width }
        if index < count && opensList(at: index) { add(AnchorKind.bullet.token(), at: 0, to: &side) }
        var sentenceStart = true
        var afterShortCapital = false  // "Mr." and "Oct." do not end a sentence
        var previousWord: UInt64 = 0
        while index < count {
            let (value, width) = decode(index)
            if ScalarClass.isDigit(value) {
                index = readNumber(from: index, into: &side)
                sentenceStart = false
                afterShortCapital = false
                previousWord = 0
                continue
            }
            if ScalarClass.isLetter(value) {
                let word = readWord(from: index)
                classify(word, at: share(index), sentenceStart: sentenceStart, previousWord: previousWord, into: &side)
                index = word.end
                previousWord = word.hash
                afterShortCapital = word.capitalised && word.letterCount <= 3
                sentenceStart = false
                continue
            }
            switch value {
            case 0x22, 0x201C, 0x201D, 0xAB, 0xBB, 0x201E, 0x201F, 0x2039, 0x203A:  // " “ ” « » „ ‟ ‹ ›
                add(AnchorKind.quote.token(), at: share(index), to: &side)
            case 0x3F:  // ?
                add(AnchorKind.question.token(), at: share(index), to: &side)
                sentenceStart = true
            case 0x21:  // !
                add(AnchorKind.exclamation.token(), at: share(index), to: &side)
                sentenceStart = true
            case 0x3A:  // : but not inside a time of day
                let inTime = index > 0 && index + 1 < count && ScalarClass.isDigit(UInt32(bytes[index - 1]))
                    && ScalarClass.isDigit(UInt32(bytes[index + 1]))
                if !inTime { add(AnchorKind.colon.token(), at: share(index), to: &side) }
                sentenceStart = true
            case 0x28:  // (
                add(AnchorKind.parenthesis.token(), at: share(index), to: &side)
            case 0x25:  // %
                add(AnchorKind.percent.token(), at: share(index), to: &side)
            case 0x2E, 0x2026:  // . …
                if !afterShortCapital { sentenceStart = true }
            default:
                break
            }
            if !ScalarClass.isSpace(value) { afterShortCapital = false }
            index += width
        }
    }

    // MARK: Words

    private struct Word {
        var end: Int
        var hash: UInt64
        var letterCount: Int
        var capitalised: Bool
        var allCapitals: Bool
        var key: NameKey?
    }

    private func readWord(from start: Int) -> Word {
        let count = bytes.count
        var index = start
        var written = 0
        var letterCount = 0
        var allCapitals = true
        var capitalised = false
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a of the letters, as AnchorLexicon.hash
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                // ASCII, most letters of most texts: no table, no decoding.
                let lower = byte | 0x20
                guard lower >= 0x61 && lower <= 0x7A else { break }
                let upper = byte < 0x61
                if letterCount == 0 { capitalised = upper }
                if !upper { allCapitals = false }
                letterCount += 1
                if written < Self.letterCapacity {
                    letters[written] = lower
                    written += 1
                    hash = (hash ^ UInt64(lower)) &* 0x100_0000_01b3
                }
                index += 1
                continue
            }
            let (value, width) = decode(index)
            if ScalarClass.isLetter(value) {
                var packed = Transliteration.packedLatin(value, atWordStart: index == start, tables: latin)
                if packed != Transliteration.notALetter {
                    for _ in 0..<Int(packed & 0xFF) where written < Self.letterCapacity {
                        packed >>= 8
                        letters[written] = UInt8(truncatingIfNeeded: packed)
                        written += 1
                        hash = (hash ^ (packed & 0xFF)) &* 0x100_0000_01b3
                    }
                }
                if !ScalarClass.isCombiningMark(value) {
                    let upper = ScalarClass.isUppercase(value)
                    if letterCount == 0 { capitalised = upper }
                    letterCount += 1
                    if !upper { allCapitals = false }
                }
                index += width
            } else if Transliteration.isWordConnector(value), index + width < count,
                      case let (next, _) = decode(index + width), (0x400...0x4FF).contains(next) {
                index += width  // the Ukrainian apostrophe is inside the word (п’ятниця)
            } else {
                break
            }
        }
        let letters = UnsafeBufferPointer(start: self.letters, count: written)
        // Only capitalised words of three letters and lowercase words of five can become names.
        let mayBeName = letterCount >= (capitalised ? 3 : 5)
        return Word(end: index, hash: hash, letterCount: letterCount, capitalised: capitalised,
                    allCapitals: allCapitals && letterCount >= 2, key: mayBeName ? NameKey(latinLetters: letters) : nil)
    }

    private func classify(_ word: Word, at position: Float, sentenceStart: Bool, previousWord: UInt64, into side: inout ScannedSide) {
        // Every word of the lexicon has two letters or more (acronyms) or three (the others).
        let listed = word.letterCount >= (word.allCapitals ? 2 : 3) && AnchorLexicon.mayContain(word.hash, filter: lexicon)
        if listed, let month = AnchorLexicon.months[word.hash], word.capitalised || !month.needsCapital {
            add(AnchorKind.month.token(UInt64(month.number)), at: position, to: &side)
        } else if listed && (AnchorLexicon.percentWords.contains(word.hash)
                    || (word.hash == AnchorLexicon.cent && AnchorLexicon.percentPrefixes.contains(previousWord))) {
            add(AnchorKind.percent.token(), at: position, to: &side)
        } else if word.allCapitals && word.letterCount <= 5 {
            let spelling = listed ? AnchorLexicon.acronyms[word.hash] : nil
            add(AnchorKind.acronym.token(spelling ?? word.hash), at: position, to: &side)
        } else if word.capitalised, word.letterCount >= 3, let key = word.key {
            if sentenceStart {
                side.candidates.append(.init(paragraph: paragraph, key: key, position: position, opensSentence: true))
            } else {
                add(AnchorKind.name.token(UInt64(key.rawValue)), at: position, to: &side)
            }
        } else if !word.capitalised, word.letterCount >= 5, let key = word.key, key.hasThreeSounds {
            side.candidates.append(.init(paragraph: paragraph, key: key, position: position, opensSentence: false))
        }
    }

    // MARK: Numbers

    /// Reads a number with its thousands separators (`1,000` `1 000` `1.000` `1’000`: three digits
    /// after the separator) and decimal part (`2.5` `2,5`), and adds it as one anchor.
    private func readNumber(from start: Int, into side: inout ScannedSide) -> Int {
        let count = bytes.count
        var index = start
        var integer: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a of the digits, leading zeros skipped
        var integerDigits = 0, firstDigit: UInt8 = 0
        var fraction: [UInt8] = []
        func digitsAhead(_ from: Int) -> Int {
            var run = 0
            while from + run < count, ScalarClass.isDigit(UInt32(bytes[from + run])) { run += 1 }
            return run
        }
        func readIntegerDigits(_ run: Int) {
            for digit in bytes[index..<index + run] where integerDigits > 0 || digit != UInt8(ascii: "0") {
                integer = (integer ^ UInt64(digit)) &* 0x100_0000_01b3
                if integerDigits == 0 { firstDigit = digit }
                integerDigits += 1
            }
            index += run
        }
        let firstRun = digitsAhead(index)
        readIntegerDigits(firstRun)
        var groupable = firstRun <= 3
        while index < count {
            let (separator, width) = decode(index)
            let run = digitsAhead(index + width)
            guard run > 0 else { break }
            let decimalMark = separator == 0x2C || separator == 0x2E
            if groupable && run == 3 && (decimalMark || ScalarClass.isGroupSeparator(separator)) {
                index += width
                readIntegerDigits(run)
            } else if decimalMark {
                fraction = Array(bytes[index + width..<index + width + run])
                index += width + run
                break
            } else {
                break
            }
            groupable = true
        }
        while fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
        if integerDigits == 0 { integer = (integer ^ UInt64(UInt8(ascii: "0"))) &* 0x100_0000_01b3 }
        if fraction.isEmpty && integerDigits <= 1 {
            add(AnchorKind.digit.token(UInt64(integerDigits == 0 ? 0 : firstDigit - UInt8(ascii: "0"))), at: share(start), to: &side)
        } else {
            var hash = integer
            if !fraction.isEmpty {
                for digit in [UInt8(ascii: ".")] + fraction { hash = (hash ^ UInt64(digit)) &* 0x100_0000_01b3 }
            }
            add(AnchorKind.number.token(hash), at: share(start), to: &side)
        }
        return index
    }

    // MARK: Characters

    /// The scalar starting at byte `index` of valid UTF-8, and its width in bytes.
    @inline(__always)
    private func decode(_ index: Int) -> (UInt32, Int) {
        let first = UInt32(bytes[index])
        if first < 0x80 { return (first, 1) }
        if first < 0xE0 { return ((first & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if first < 0xF0 {
            return ((first & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return ((first & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                | UInt32(bytes[index + 3] & 0x3F), 4)
    }

    /// Length in scalars, leading and trailing space left out. (Inner runs of space count as they
    /// are: a doubled space changes a length by one character, which the length model ignores.)
    func length() -> Int {
        let count = bytes.count
        var start = 0, end = count
        while start < end, Self.isASCIISpace(bytes[start]) { start += 1 }
        while end > start, Self.isASCIISpace(bytes[end - 1]) { end -= 1 }
        var scalars = 0
        for index in start..<end where bytes[index] & 0xC0 != 0x80 { scalars &+= 1 }
        return scalars
    }

    @inline(__always)
    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte &- 0x09) < 5
    }

    /// Whether the paragraph opens with a list bullet (`•`, `-`, `–`, `*` …) or number (`2.`, `3)`).
    private func opensList(at index: Int) -> Bool {
        let (value, width) = decode(index)
        let next = index + width < bytes.count ? decode(index + width).0 : 0x20
        switch value {
        case 0x2022, 0xB7, 0x25AA, 0x25E6, 0x2023, 0x2043, 0x2D, 0x2013, 0x2014, 0x2A:
            return ScalarClass.isSpace(next)
        default:
            var end = index
            while end < bytes.count, ScalarClass.isDigit(UInt32(bytes[end])) { end += 1 }
            return end > index && end - index <= 3 && end + 1 < bytes.count
                && (bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")")) && ScalarClass.isSpace(UInt32(bytes[end + 1]))
        }
    }

    /// The position of byte `index` as a share of the paragraph.
    @inline(__always)
    private func share(_ index: Int) -> Float {
        Float(index) / Float(max(1, bytes.count))
    }

    @inline(__always)
    private func add(_ token: UInt64, at position: Float, to side: inout ScannedSide) {
        side.tokens.append(token)
        side.positions.append(position)
    }
}
