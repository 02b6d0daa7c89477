@testable import SteleAlign
import Testing
import SteleLanguage

/// What the scanner reads as anchors, and how anchors decide alignments lengths cannot.
@Suite("Anchors")
struct AnchorTests {
    private func anchors(_ text: String) -> [UInt64] {
        var side = ScannedSide()
        ParagraphScanner().scan(text, into: &side)
        return side.tokens
    }

    private func numbers(_ text: String) -> [UInt64] {
        anchors(text).filter { AnchorKind.of($0) == .number || AnchorKind.of($0) == .digit }
    }

    @Test("Thousands separators of every language read alike", arguments: ["1 000", "1,000", "1.000", "1\u{00A0}000", "1\u{202F}000", "1’000", "1000"])
    func thousands(_ text: String) {
        #expect(numbers("Budget: \(text) euros") == numbers("Budget: 1000 euros"))
    }

    @Test("Decimal comma and decimal point read alike; trailing zeros and leading zeros do not matter")
    func decimals() {
        #expect(numbers("2.5 per cent") == numbers("2,5 pour cent"))
        #expect(numbers("2.50") == numbers("2,5"))
        #expect(numbers("on 07 Jan.") == numbers("le 7 janvier"))
        #expect(numbers("1,500.75") == numbers("1 500,75"))
        #expect(numbers("2.5") != numbers("25"))
    }

    @Test("A year next to a number is two numbers, and times of day are two numbers without a colon anchor")
    func boundaries() {
        #expect(numbers("in 2017 300 troops").count == 2)
        #expect(numbers("14:57") == numbers("14 57"))
        #expect(!anchors("Last updated 14:57").contains(AnchorKind.colon.token()))
        #expect(anchors("He said: yes").contains(AnchorKind.colon.token()))
    }

    @Test("Single digits are their own, weaker kind")
    func singleDigits() {
        #expect(anchors("3 ships").map(AnchorKind.of) == [.digit])
        #expect(anchors("30 ships").map(AnchorKind.of) == [.number])
    }

    @Test("Months read alike in English, French and Ukrainian, in every case Ukrainian dates use")
    func months() {
        let february = AnchorKind.month.token(2)
        for text in ["17 Feb. 2024", "17 February", "17 février", "17 fevrier", "17 лютого", "у лютому", "Лютий"] {
            #expect(anchors(text).contains(february), "\(text)")
        }
        #expect(!anchors("you may go").contains(AnchorKind.month.token(5)), "lowercase English may is a verb")
        #expect(anchors("on 5 May").contains(AnchorKind.month.token(5)))
    }

    @Test("Percentages: the sign and the words", arguments: ["40%", "40 %", "40 per cent", "40 pour cent", "40 відсотків"])
    func percentages(_ text: String) {
        #expect(anchors(text).contains(AnchorKind.percent.token()))
    }

    @Test("Quotation marks of every language count the same")
    func quotes() {
        let quote = AnchorKind.quote.token()
        #expect(anchors("“We act,” he said.").filter { $0 == quote }.count == 2)
        #expect(anchors("« Nous agissons », a-t-il dit.").filter { $0 == quote }.count == 2)
        #expect(anchors("„Wir handeln“, sagte er.").filter { $0 == quote }.count == 2)
        #expect(anchors("\"We act\"").filter { $0 == quote }.count == 2)
        #expect(anchors("NATO’s role").allSatisfy { $0 != quote }, "an apostrophe is not a quotation mark")
    }

    @Test("Question and exclamation marks, opening parentheses and list bullets are anchors")
    func punctuation() {
        let kinds = anchors("• Why now? Because (as agreed) we must!").map(AnchorKind.of)
        #expect(kinds.contains(.bullet) && kinds.contains(.question) && kinds.contains(.exclamation) && kinds.contains(.parenthesis))
        #expect(anchors("2. We agree.").map(AnchorKind.of).contains(.bullet), "a numbered list item")
        #expect(!anchors("-5 degrees").map(AnchorKind.of).contains(.bullet))
    }

    @Test("Acronyms are one anchor across languages: NATO, OTAN, НАТО")
    func acronyms() {
        let nato = anchors("the NATO summit")
        #expect(nato == anchors("le sommet de l’OTAN"))
        #expect(nato == anchors("саміт НАТО"))
    }

    @Test("Names inside sentences are anchors; a capitalised first word is one only if it is a name elsewhere")
    func names() {
        var side = ScannedSide()
        ParagraphScanner().scan("During the visit, the Secretary General met Ms. Kallas. Finland agreed.", into: &side)
        #expect(side.candidates.filter(\.opensSentence).count == 2, "During and Finland wait to be resolved")
        let features = AlignmentFeatures(
            source: ["During the visit, the Secretary General met Ms. Kallas. Finland agreed.", "It welcomed Finland."],
            target: ["x"], anchors: AlignmentParameters.calibrated.anchors)
        #expect(features.source.anchorIDs.count == 4 + 1, "Secretary, General, Kallas, Finland (resolved) in the first paragraph; Finland in the second")
    }

    @Test("A lowercase word counts as a name the other language capitalises")
    func lowercaseNames() {
        let features = AlignmentFeatures(source: ["The Secretary General spoke."], target: ["Le secrétaire général a parlé."],
                                         anchors: AlignmentParameters.calibrated.anchors)
        #expect(features.target.anchorIDs.count == 2)
        #expect(Set(features.target.anchorIDs) == Set(features.source.anchorIDs))
    }

    @Test("Numbers decide which of two look-alike paragraphs is untranslated")
    func numbersDecide() {
        let source = ["In 2019 the Alliance had 29 members.", "In 2020 the Alliance had 30 members.",
                      "In 2023 the Alliance had 31 members.", "In 2024 the Alliance had 32 members."]
        let target = ["En 2019, l’Alliance comptait 29 membres.", "En 2023, l’Alliance comptait 31 membres.",
                      "En 2024, l’Alliance comptait 32 membres."]
        let alignment = ParagraphAligner().align(source: source, target: target, from: .en, to: .fr)
        #expect(alignment.links == [Link([0], [0]), Link([1], []), Link([2], [1]), Link([3], [2])])
    }

    @Test("Quotation marks decide which paragraph is untranslated")
    func quotesDecide() {
        let source = ["The minister spoke to the press after the meeting.", "“We are ready,” the minister told the press.",
                      "The minister then thanked the press for coming.", "The next meeting will be held on 12 June 2025."]
        let target = ["Le ministre s’est exprimé devant la presse après la réunion.", "« Nous sommes prêts », a déclaré le ministre à la presse.",
                      "La prochaine réunion aura lieu le 12 juin 2025."]
        let alignment = ParagraphAligner().align(source: source, target: target, from: .en, to: .fr)
        #expect(alignment.links == [Link([0], [0]), Link([1], [1]), Link([2], []), Link([3], [2])])
    }

    @Test("Names decide through the transliteration of Ukrainian")
    func namesDecide() {
        let source = ["The Secretary General met Prime Minister Kaja Kallas in Tallinn.",
                      "He then met President Alar Karis in Tallinn as well.",
                      "Later he met Defence Minister Hanno Pevkur in Tallinn."]
        let target = ["Генеральний секретар зустрівся з прем’єр-міністром Каєю Каллас у Таллінні.",
                      "Пізніше він зустрівся з міністром оборони Ганно Певкуром у Таллінні."]
        let alignment = ParagraphAligner().align(source: source, target: target, from: .en, to: .uk)
        #expect(alignment.links == [Link([0], [0]), Link([1], []), Link([2], [1])])
    }
}
