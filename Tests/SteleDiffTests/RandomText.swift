import SteleFixtures

/// Random texts built from a small vocabulary of lines, so that lines repeat and diffs have
/// many equally good alignments to choose from: the hard case for a diff.
enum RandomText {
    static let vocabulary = [
        "Les Alliés se sont réunis à Bruxelles.", "The Allies met in Brussels.", "Союзники зустрілися в Брюсселі.",
        "", "a", "b", "Pourquoi\u{202F}?", "x y z", "The Secretary General said:", "  indented",
    ]

    /// A text of up to `maximumLines` lines, sometimes without a final newline.
    static func text(_ generator: inout SeededGenerator, maximumLines: Int = 30) -> String {
        let count = Int.random(in: 0...maximumLines, using: &generator)
        let lines = (0..<count).map { _ in vocabulary.randomElement(using: &generator)! }
        return join(lines, finalNewline: Bool.random(using: &generator) || lines.isEmpty)
    }

    /// `text` with a few random lines removed, inserted or replaced.
    static func edit(_ text: String, _ generator: inout SeededGenerator) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let hadNewline = text.hasSuffix("\n")
        if hadNewline { lines.removeLast() }
        for _ in 0..<Int.random(in: 0...4, using: &generator) {
            let position = Int.random(in: 0...lines.count, using: &generator)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0 where position < lines.count: lines.remove(at: position)
            case 1 where position < lines.count: lines[position] = vocabulary.randomElement(using: &generator)!
            default: lines.insert(vocabulary.randomElement(using: &generator)!, at: position)
            }
        }
        let finalNewline = Int.random(in: 0..<5, using: &generator) == 0 ? !hadNewline : hadNewline
        return join(lines, finalNewline: finalNewline || lines.isEmpty)
    }

    private static func join(_ lines: [String], finalNewline: Bool) -> String {
        lines.joined(separator: "\n") + (finalNewline && !lines.isEmpty ? "\n" : "")
    }
}
