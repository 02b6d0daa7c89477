/// Generated English-like releases and French-like translations of them, of any length, for the
/// alignment benchmarks: paragraphs of release-like lengths with names, numbers, dates and quotes,
/// and translations that are about 15% longer, keep the anchors, and now and then drop, merge or
/// split a paragraph (as real translations do).
public enum SyntheticRelease {
    private static let englishWords = ["the", "allies", "agreed", "to", "strengthen", "defence", "and", "deterrence", "on",
                                       "eastern", "flank", "ministers", "discussed", "support", "for", "partners", "with",
                                       "new", "capabilities", "air", "missile", "training", "exercise", "forces", "of", "in"]
    private static let frenchWords = ["les", "alliés", "ont", "convenu", "de", "renforcer", "la", "défense", "et", "dissuasion",
                                      "sur", "le", "flanc", "est", "ministres", "évoqué", "soutien", "aux", "partenaires",
                                      "avec", "nouvelles", "capacités", "aérienne", "entraînement", "exercice", "forces", "des"]
    private static let names = ["Rutte", "Brussels", "Vilnius", "Kallas", "Ankara", "Romania", "Poland", "Finland", "Oslo", "Riga"]
    private static let months = [("January", "janvier"), ("March", "mars"), ("June", "juin"), ("October", "octobre")]

    /// A generated text, its translation, and the true alignment.
    public struct Pair: Sendable {
        /// The English-like paragraphs.
        public var source: [String] = []
        /// The French-like paragraphs.
        public var target: [String] = []
        /// The beads that are right, in order: source indices and target indices.
        public var gold: [(source: [Int], target: [Int])] = []
    }

    /// A source text of `paragraphs` paragraphs and its translation, fixed by `seed`.
    public static func pair(paragraphs: Int, seed: UInt64) -> Pair {
        var generator = SeededGenerator(seed: seed)
        var pair = Pair()
        var pendingSources: [Int] = []
        var pendingText = ""
        func flush() {
            guard !pendingSources.isEmpty else { return }
            pair.gold.append((pendingSources, [pair.target.count]))
            pair.target.append(pendingText)
            pendingSources = []
            pendingText = ""
        }
        for index in 0..<paragraphs {
            let (english, french) = paragraph(using: &generator)
            pair.source.append(english)
            switch Int.random(in: 0..<100, using: &generator) {
            case 0..<2:  // left out of the translation
                flush()
                pair.gold.append(([index], []))
            case 2..<4 where pendingSources.count < 2:  // merged with the next paragraph
                pendingSources.append(index)
                pendingText += french + " "
            case 4..<6:  // split in two
                flush()
                let words = french.split(separator: " ")
                pair.gold.append(([index], [pair.target.count, pair.target.count + 1]))
                pair.target.append(words.prefix(words.count / 2).joined(separator: " "))
                pair.target.append(words.dropFirst(words.count / 2).joined(separator: " "))
            default:
                pendingSources.append(index)
                pendingText += french
                flush()
            }
        }
        flush()
        return pair
    }

    private static func paragraph(using generator: inout SeededGenerator) -> (String, String) {
        var english: [String] = []
        var french: [String] = []
        for _ in 0..<Int.random(in: 8...70, using: &generator) {
            switch Int.random(in: 0..<20, using: &generator) {
            case 0:
                let name = names.randomElement(using: &generator)!
                english.append(name)
                french.append(name)
            case 1:
                let number = String(Int.random(in: 10...3000, using: &generator))
                english.append(number)
                french.append(number)
            case 2:
                let (month, mois) = months.randomElement(using: &generator)!
                english.append(month)
                french.append(mois)
            default:
                english.append(englishWords.randomElement(using: &generator)!)
                french.append(frenchWords.randomElement(using: &generator)!)
                if Int.random(in: 0..<7, using: &generator) == 0 { french.append(frenchWords.randomElement(using: &generator)!) }
            }
        }
        if Int.random(in: 0..<5, using: &generator) == 0 {
            english = ["“"] + english + ["”"]
            french = ["«"] + french + ["»"]
        }
        return (english.joined(separator: " ") + ".", french.joined(separator: " ") + ".")
    }
}
