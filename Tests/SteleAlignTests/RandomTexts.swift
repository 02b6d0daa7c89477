import SteleFixtures

/// Random paragraphs made of words, names, numbers, quotes and punctuation, and noisy
/// "translations" of them, for testing invariants over many shapes of input.
enum RandomTexts {
    private static let words = ["the", "ministers", "agreed", "plan", "defence", "alliance", "support", "les", "ministres",
                                "ont", "adopté", "міністри", "погодили", "план", "оборони", "and", "et", "і", "with", "new"]
    private static let extras = ["NATO", "OTAN", "НАТО", "Brussels", "Bruxelles", "Брюсселі", "Rutte", "Рютте", "2025",
                                 "1,500", "1 500", "40%", "“", "”", "«", "»", "?", "!", ":", "(", "•", "13", "7", "March", "березня"]

    /// A paragraph of 0 to `maxWords` tokens (sometimes empty, sometimes only punctuation).
    static func paragraph(maxWords: Int = 40, using generator: inout SeededGenerator) -> String {
        let count = Int.random(in: 0...maxWords, using: &generator)
        return (0..<count).map { _ in
            Bool.random(using: &generator) ? words.randomElement(using: &generator)! : extras.randomElement(using: &generator)!
        }.joined(separator: " ")
    }

    /// A text of up to `maxParagraphs` random paragraphs.
    static func text(maxParagraphs: Int, using generator: inout SeededGenerator) -> [String] {
        (0..<Int.random(in: 0...maxParagraphs, using: &generator)).map { _ in paragraph(using: &generator) }
    }

    /// A translation-like copy of `source`: paragraphs kept, dropped, merged, split, or with new ones added.
    static func translation(of source: [String], using generator: inout SeededGenerator) -> [String] {
        var target: [String] = []
        var index = 0
        while index < source.count {
            switch Int.random(in: 0..<20, using: &generator) {
            case 0: index += 1
            case 1 where index + 1 < source.count:
                target.append(source[index] + " " + source[index + 1])
                index += 2
            case 2:
                let words = source[index].split(separator: " ")
                target.append(words.prefix(words.count / 2).joined(separator: " "))
                target.append(words.dropFirst(words.count / 2).joined(separator: " "))
                index += 1
            case 3: target.append(paragraph(using: &generator))
            default:
                target.append(source[index] + (Bool.random(using: &generator) ? " et" : ""))
                index += 1
            }
        }
        return target
    }
}
