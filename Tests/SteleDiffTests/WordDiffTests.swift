import SteleDiff
import Testing

@Suite("Word diff inside paragraphs")
struct WordDiffTests {
    private func rebuild(_ diff: WordDiff) -> (old: String, new: String) {
        var old = "", new = ""
        for segment in diff.segments {
            switch segment {
            case .equal(let text): old += text; new += text
            case .removed(let text): old += text
            case .inserted(let text): new += text
            }
        }
        return (old, new)
    }

    @Test("a changed word is shown alone, its punctuation kept apart")
    func changedWord() {
        let diff = WordDiff(old: "Allies met in Brussels, on Monday.", new: "Allies met in Vilnius, on Monday.")
        #expect(diff.segments == [.equal("Allies met in "), .removed("Brussels"), .inserted("Vilnius"), .equal(", on Monday.")])
        #expect(diff.wordsRemoved == 1 && diff.wordsAdded == 1)
    }

    @Test("French no-break spaces before punctuation are tokens of their own")
    func frenchSpacing() {
        let diff = WordDiff(old: "Pourquoi maintenant ?", new: "Pourquoi maintenant\u{202F}?")
        #expect(diff.segments == [.equal("Pourquoi maintenant"), .removed(" "), .inserted("\u{202F}"), .equal("?")])
        #expect(diff.wordsRemoved == 0 && diff.wordsAdded == 0)
    }

    @Test("changes separated only by a space read as one rewritten phrase")
    func foldedPhrase() {
        let diff = WordDiff(old: "the quick brown fox", new: "the slow red fox")
        #expect(diff.segments == [.equal("the "), .removed("quick brown"), .inserted("slow red"), .equal(" fox")])
    }

    @Test("segments rebuild both paragraphs exactly", arguments: [
        ("", "Новий абзац."),
        ("Le Conseil de l'Atlantique Nord s'est réuni.", "Le Conseil de l’Atlantique Nord s’est réuni hier."),
        ("Союзники зустрілися в Брюсселі 14 червня.", "Союзники зустрілися у Вільнюсі 11 липня."),
        ("a  b\tc", "a b c"),
        ("café", "cafe\u{301}"),
    ])
    func rebuildsBoth(old: String, new: String) {
        let rebuilt = rebuild(WordDiff(old: old, new: new))
        #expect(rebuilt.old == old && rebuilt.new == new)
        #expect(rebuilt.old.utf8.elementsEqual(old.utf8) && rebuilt.new.utf8.elementsEqual(new.utf8))
    }
}
