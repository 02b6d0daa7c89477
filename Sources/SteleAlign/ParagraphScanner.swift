/// What the aligner needs to know about one paragraph.
struct ScannedParagraph: Sendable {
    /// Its length in characters (Unicode scalars), with runs of white space counted as one.
    var length: Int = 0
    /// Its anchor tokens (see ``AnchorKind/token(_:)``), repeated as often as they occur.
    var anchors: [UInt64] = []
    /// Keys of capitalised words that open a sentence: names only if the same key appears
    /// capitalised inside a sentence somewhere on the same side (`Finland and Sweden …` yes,
    /// `During the visit …` no).
    var sentenceInitialNames: [NameKey] = []
    /// Keys of long lowercase words (three consonant sounds or more): they count as a name's
    /// translation where a language writes it in lowercase (`Secretary General` and
    /// `secrétaire général`, `Minister` and `міністр`).
    var lowercaseKeys: [NameKey] = []
}

/// Reads the anchors of a paragraph: numbers, months, percentages, quotation marks, `? ! : (`,
/// list bullets, acronyms and names, in one pass over its scalars.
struct ParagraphScanner {
    private var scalars: [Unicode.Scalar] = []
    private var letters: [UInt8] = []

    /// Scans `text`.
    mutating func scan(_ text: String) -> ScannedParagraph {
        scalars.removeAll(keepingCapacity: true)
        scalars.append(contentsOf: text.unicodeScalars)
        var result = ScannedParagraph()
        result.length = Self.length(of: scalars)
        var index = 0
        let count = scalars.count
        while index < count && Self.isSpace(scalars[index]) { index += 1 }
        if index < count && Self.opensList(scalars, at: index) { result.anchors.append(AnchorKind.bullet.token()) }

        var sentenceStart = true
        var afterShortCapital = false  // "Mr." and "Oct." do not end a sentence
        var previousWord: UInt64 = 0
        while index < count {
            let scalar = scalars[index]
            if Self.isDigit(scalar) {
                index = readNumber(from: index, into: &result)
                sentenceStart = false
                afterShortCapital = false
                previousWord = 0
                continue
            }
            if Self.isLetter(scalar) {
                let word = readWord(from: index)
                index = word.end
                classify(word, sentenceStart: sentenceStart, previousWord: previousWord, into: &result)
                previousWord = word.hash
                afterShortCapital = word.capitalised && word.letterCount <= 3
                sentenceStart = false
                continue
            }
            switch scalar {
            case "\"", "\u{201C}", "\u{201D}", "\u{00AB}", "\u{00BB}", "\u{201E}", "\u{201F}", "\u{2039}", "\u{203A}":
                result.anchors.append(AnchorKind.quote.token())
            case "?":
                result.anchors.append(AnchorKind.question.token())
                sentenceStart = true
            case "!":
                result.anchors.append(AnchorKind.exclamation.token())
                sentenceStart = true
            case ":":
                let inTime = index > 0 && index + 1 < count && Self.isDigit(scalars[index - 1]) && Self.isDigit(scalars[index + 1])
                if !inTime { result.anchors.append(AnchorKind.colon.token()) }
                sentenceStart = true
            case "(":
                result.anchors.append(AnchorKind.parenthesis.token())
            case "%":
                result.anchors.append(AnchorKind.percent.token())
            case ".", "\u{2026}":
                if !afterShortCapital { sentenceStart = true }
            default:
                break
            }
            if !Self.isSpace(scalar) { afterShortCapital = false }
            index += 1
        }
        return result
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

    private mutating func readWord(from start: Int) -> Word {
        letters.removeAll(keepingCapacity: true)
        var index = start
        var letterCount = 0
        var allCapitals = true
        let count = scalars.count
        while index < count {
            let scalar = scalars[index]
            if Self.isLetter(scalar) {
                _ = Transliteration.appendLatin(scalar, atWordStart: index == start, to: &letters)
                if scalar.properties.generalCategory != .nonspacingMark {
                    letterCount += 1
                    if !scalar.properties.isUppercase { allCapitals = false }
                }
                index += 1
            } else if Transliteration.isWordConnector(scalar), index + 1 < count, Self.isLetter(scalars[index + 1]),
                      Self.isCyrillic(scalars[index + 1]) {
                index += 1  // the Ukrainian apostrophe is inside the word (п’ятниця)
            } else {
                break
            }
        }
        let capitalised = scalars[start].properties.isUppercase
        return Word(end: index, hash: AnchorLexicon.hash(letters), letterCount: letterCount, capitalised: capitalised,
                    allCapitals: allCapitals && letterCount >= 2, key: NameKey(latinLetters: letters))
    }

    private func classify(_ word: Word, sentenceStart: Bool, previousWord: UInt64, into result: inout ScannedParagraph) {
        if let month = AnchorLexicon.months[word.hash], word.capitalised || !month.needsCapital {
            result.anchors.append(AnchorKind.month.token(UInt64(month.number)))
        } else if AnchorLexicon.percentWords.contains(word.hash)
                    || (word.hash == AnchorLexicon.cent && AnchorLexicon.percentPrefixes.contains(previousWord)) {
            result.anchors.append(AnchorKind.percent.token())
        } else if word.allCapitals && word.letterCount <= 5 {
            result.anchors.append(AnchorKind.acronym.token(AnchorLexicon.acronyms[word.hash] ?? word.hash))
        } else if word.capitalised, word.letterCount >= 3, let key = word.key {
            if sentenceStart {
                result.sentenceInitialNames.append(key)
            } else {
                result.anchors.append(AnchorKind.name.token(UInt64(key.rawValue)))
            }
        } else if !word.capitalised, word.letterCount >= 5, let key = word.key, key.hasThreeSounds {
            result.lowercaseKeys.append(key)
        }
    }

    // MARK: Numbers

    /// Reads a number with its thousands separators (`1,000` `1 000` `1.000` `1’000`: three digits
    /// after the separator) and decimal part (`2.5` `2,5`), and appends it as one anchor.
    private func readNumber(from start: Int, into result: inout ScannedParagraph) -> Int {
        var index = start
        let count = scalars.count
        var integer: [UInt8] = []
        var fraction: [UInt8] = []
        func readDigits(_ into: inout [UInt8]) {
            while index < count, Self.isDigit(scalars[index]) {
                into.append(UInt8(scalars[index].value))
                index += 1
            }
        }
        readDigits(&integer)
        var groupable = integer.count <= 3
        while index + 1 < count, Self.isDigit(scalars[index + 1]) {
            let separator = scalars[index]
            let decimalMark = separator == "," || separator == "."
            guard decimalMark || Self.isGroupSeparator(separator) else { break }
            var run = 0
            while index + 1 + run < count, Self.isDigit(scalars[index + 1 + run]) { run += 1 }
            if groupable && run == 3 {
                index += 1
                readDigits(&integer)
            } else if decimalMark {
                index += 1
                readDigits(&fraction)
                break
            } else {
                break
            }
            groupable = true
        }
        while integer.count > 1 && integer.first == UInt8(ascii: "0") { integer.removeFirst() }
        while fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
        if fraction.isEmpty && integer.count == 1 {
            result.anchors.append(AnchorKind.digit.token(UInt64(integer[0])))
        } else {
            let text = fraction.isEmpty ? integer : integer + [UInt8(ascii: ".")] + fraction
            result.anchors.append(AnchorKind.number.token(AnchorLexicon.hash(text)))
        }
        return index
    }

    // MARK: Characters

    /// Length in scalars, leading and trailing space ignored and inner runs of space counted once.
    static func length(of scalars: [Unicode.Scalar]) -> Int {
        var length = 0
        var pendingSpace = false
        for scalar in scalars {
            if isSpace(scalar) {
                pendingSpace = length > 0
            } else {
                length += pendingSpace ? 2 : 1
                pendingSpace = false
            }
        }
        return length
    }

    private static func opensList(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        switch scalars[index] {
        case "\u{2022}", "\u{00B7}", "\u{25AA}", "\u{25E6}", "\u{2023}", "\u{2043}", "-", "\u{2013}", "\u{2014}", "*":
            return index + 1 >= scalars.count || isSpace(scalars[index + 1])
        default:
            var end = index
            while end < scalars.count, isDigit(scalars[end]) { end += 1 }
            return end > index && end - index <= 3 && end + 1 < scalars.count
                && (scalars[end] == "." || scalars[end] == ")") && isSpace(scalars[end + 1])
        }
    }

    @inline(__always)
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x20 || scalar.value == 0x09 || scalar.value == 0xA0 || scalar.properties.isWhitespace
    }

    @inline(__always)
    private static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool { (0x400...0x4FF).contains(scalar.value) }

    @inline(__always)
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
    }

    private static func isGroupSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\u{00A0}", "\u{202F}", "\u{2009}", "'", "\u{2019}": return true
        default: return false
        }
    }
}
