/// The lower-cased words of a text grouped by script, as hashes (nothing is allocated per word),
/// and its letters counted by script.
///
/// A word is a run of letters (and combining marks); apostrophes, hyphens, digits and punctuation
/// end it, so French `l’OTAN` gives `l` and `otan`. A Latin `i` inside a Cyrillic word is read as
/// the Ukrainian `і` it stands for (a common typing substitution). ASCII, Latin-1 and Cyrillic
/// letters are recognised and lower-cased by their code points; only other characters ask the
/// Unicode tables, which are slow.
struct Tokens {
    enum Script: Equatable { case latin, cyrillic, otherScript }

    private(set) var latinWords: [UInt64] = []
    private(set) var cyrillicWords: [UInt64] = []
    private(set) var otherWords: [UInt64] = []
    private(set) var cyrillicLetterCounts = CyrillicLetters.Counts()
    private var latinLetters = 0
    private var otherLetters = 0

    init(_ text: String) {
        var word = Self.hashSeed
        var wordScript: Script?
        for scalar in text.unicodeScalars {
            guard let (lower, script) = Self.letter(scalar, in: wordScript) else {
                if wordScript != nil, Self.isCombiningMark(scalar) {
                    word = Self.hash(word, scalar)
                } else if let script = wordScript {
                    add(word, script: script)
                    word = Self.hashSeed
                    wordScript = nil
                }
                continue
            }
            switch script {
            case .latin: latinLetters += 1
            case .cyrillic: cyrillicLetterCounts.add(lower)
            case .otherScript: otherLetters += 1
            }
            if wordScript == nil { wordScript = script }
            word = Self.hash(word, lower)
        }
        if let script = wordScript { add(word, script: script) }
    }

    /// The hash of a word as ``Tokens`` computes it while reading text: FNV-1a over its UTF-8.
    static func hash(of word: String) -> UInt64 {
        word.unicodeScalars.reduce(hashSeed, hash)
    }

    private static let hashSeed: UInt64 = 0xCBF2_9CE4_8422_2325

    private static func hash(_ hash: UInt64, _ scalar: Unicode.Scalar) -> UInt64 {
        var result = hash
        for unit in UTF8.encode(scalar)! {
            result = (result ^ UInt64(unit)) &* 0x100_0000_01B3
        }
        return result
    }

    private mutating func add(_ word: UInt64, script: Script) {
        switch script {
        case .latin: latinWords.append(word)
        case .cyrillic: cyrillicWords.append(word)
        case .otherScript: otherWords.append(word)
        }
    }

    /// Every letter counted.
    var letterCount: Int { latinLetters + cyrillicLetterCounts.total + otherLetters }

    /// The script with the most letters and its share of all letters.
    var dominantScript: (script: Script?, share: Double) {
        let counts: [(Script, Int)] = [(.latin, latinLetters), (.cyrillic, cyrillicLetterCounts.total), (.otherScript, otherLetters)]
        guard let top = counts.max(by: { $0.1 < $1.1 }), top.1 > 0 else { return (nil, 0) }
        return (top.0, Double(top.1) / Double(letterCount))
    }

    /// The lower-case form and script of a letter; `nil` for anything that is not a letter.
    private static func letter(_ scalar: Unicode.Scalar, in wordScript: Script?) -> (Unicode.Scalar, Script)? {
        let value = scalar.value
        switch value {
        case 0x61...0x7A:
            // A Latin i inside a Cyrillic word is a mistyped Ukrainian і.
            if value == 0x69, wordScript == .cyrillic { return ("\u{456}", .cyrillic) }
            return (scalar, .latin)
        case 0x41...0x5A:
            if value == 0x49, wordScript == .cyrillic { return ("\u{456}", .cyrillic) }
            return (Unicode.Scalar(value + 0x20)!, .latin)
        case 0xDF...0xF6, 0xF8...0xFF:
            return (scalar, .latin)
        case 0xC0...0xD6, 0xD8...0xDE:
            return (Unicode.Scalar(value + 0x20)!, .latin)
        case 0x430...0x45F:
            return (scalar, .cyrillic)
        case 0x410...0x42F:
            return (Unicode.Scalar(value + 0x20)!, .cyrillic)
        case 0x400...0x40F:
            return (Unicode.Scalar(value + 0x50)!, .cyrillic)
        case 0x460...0x481, 0x48A...0x4BF, 0x4D0...0x52F:
            // Paired letters: even code points are capitals, the next one their small letter.
            return (Unicode.Scalar(value % 2 == 0 ? value + 1 : value)!, .cyrillic)
        case 0..<0x80, 0x80...0xBF, 0xD7, 0xF7, 0x482...0x489:
            return nil
        default:
            let properties = scalar.properties
            guard properties.isAlphabetic else { return nil }
            let lower = properties.changesWhenLowercased ? properties.lowercaseMapping.unicodeScalars.first ?? scalar : scalar
            return (lower, script(of: lower))
        }
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        (0x300...0x36F).contains(scalar.value) || (scalar.value >= 0x370 && scalar.properties.generalCategory == .nonspacingMark)
    }

    private static func script(of scalar: Unicode.Scalar) -> Script {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF: .latin
        case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: .cyrillic
        default: .otherScript
        }
    }
}
