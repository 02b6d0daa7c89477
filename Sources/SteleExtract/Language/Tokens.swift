/// The lower-cased words of a text grouped by script, and its letters counted by script.
///
/// A word is a run of letters (and combining marks); apostrophes, hyphens, digits and punctuation
/// end it, so French `l’OTAN` gives `l` and `otan`. A Latin `i` inside a Cyrillic word is read as
/// the Ukrainian `і` it stands for (a common typing substitution).
struct Tokens {
    enum Script: Equatable { case latin, cyrillic, otherScript }

    private(set) var latinWords: [String] = []
    private(set) var cyrillicWords: [String] = []
    private(set) var otherWords: [String] = []
    private(set) var cyrillicLetterCounts = CyrillicLetters.Counts()
    private var latinLetters = 0
    private var otherLetters = 0

    init(_ text: String) {
        var word = String.UnicodeScalarView()
        var wordScript: Script?
        func endWord() {
            guard let script = wordScript, !word.isEmpty else { return }
            let text = String(word)
            switch script {
            case .latin: latinWords.append(text)
            case .cyrillic: cyrillicWords.append(text)
            case .otherScript: otherWords.append(text)
            }
            word = String.UnicodeScalarView()
            wordScript = nil
        }
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic {
                var script = Self.script(of: scalar)
                var lower = properties.changesWhenLowercased ? Array(properties.lowercaseMapping.unicodeScalars) : [scalar]
                if wordScript == .cyrillic, script == .latin, lower == ["i"] {
                    lower = ["\u{456}"]
                    script = .cyrillic
                }
                switch script {
                case .latin: latinLetters += 1
                case .cyrillic: for letter in lower { cyrillicLetterCounts.add(letter) }
                case .otherScript: otherLetters += 1
                }
                if wordScript == nil { wordScript = script }
                word.append(contentsOf: lower)
            } else if properties.generalCategory == .nonspacingMark, wordScript != nil {
                word.append(scalar)
            } else {
                endWord()
            }
        }
        endWord()
    }

    /// Every letter counted.
    var letterCount: Int { latinLetters + cyrillicLetterCounts.total + otherLetters }

    /// The script with the most letters and its share of all letters.
    var dominantScript: (script: Script?, share: Double) {
        let counts: [(Script, Int)] = [(.latin, latinLetters), (.cyrillic, cyrillicLetterCounts.total), (.otherScript, otherLetters)]
        guard let top = counts.max(by: { $0.1 < $1.1 }), top.1 > 0 else { return (nil, 0) }
        return (top.0, Double(top.1) / Double(letterCount))
    }

    private static func script(of scalar: Unicode.Scalar) -> Script {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF: .latin
        case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: .cyrillic
        default: .otherScript
        }
    }
}
