import Foundation
import SteleExtract
import SteleLanguage
import Testing

@Suite("Language identification: en, fr, uk, and other")
struct LanguageIdentifierTests {
    static let english = "The committee met on Thursday to review the progress made since the spring, and it agreed that more work is needed before the plan can be adopted by all the members."
    static let french = "Le comité s’est réuni jeudi pour examiner les progrès accomplis depuis le printemps, et il a convenu qu’un travail supplémentaire est nécessaire avant que le plan ne soit adopté par tous les membres."
    static let ukrainian = "Комітет зібрався в четвер, щоб розглянути поступ, досягнутий з весни, і погодився, що потрібна додаткова робота, перш ніж усі члени зможуть ухвалити цей план."

    @Test("running text in each language Stele keeps is identified reliably", arguments: [
        (english, Language.en), (french, .fr), (ukrainian, .uk),
    ])
    func handledLanguages(text: String, language: Language) {
        let guess = LanguageIdentifier.identify([text])
        #expect(guess.language == language)
        #expect(guess.isReliable)
    }

    @Test("Russian, Belarusian, Bulgarian and Serbian are other, never Ukrainian", arguments: [
        "Комитет собрался в четверг, чтобы рассмотреть прогресс, достигнутый с весны, и согласился, что нужна дополнительная работа, прежде чем все члены смогут принять этот план.",
        "Комитет собрался в четверг в Киеве, чтобы обсудить, как защитить Одессу и Харьков. Это было решено ещё весной, но только теперь план стал ясен.",
        "Камітэт сабраўся ў чацвер, каб разгледзець поспех, дасягнуты з вясны, і пагадзіўся, што патрэбна дадатковая праца, перш чым усе члены змогуць прыняць гэты план.",
        "Комитетът се събра в четвъртък, за да разгледа напредъка, постигнат от пролетта, и се съгласи, че е нужна допълнителна работа, преди всички членове да приемат плана.",
        "Комитет се састао у четвртак да размотри напредак постигнут од пролећа и сложио се да је потребан додатни рад пре него што сви чланови усвоје план.",
    ])
    func otherCyrillic(text: String) {
        let guess = LanguageIdentifier.identify([text])
        #expect(guess.language == .other)
        #expect(guess.isReliable)
        #expect((guess.likelihoods[.uk] ?? 1) < 0.01)
    }

    @Test("short texts get a low confidence, whatever they look like", arguments: [
        "Brussels", "Secretary General in Munich", "Mis à jour le", "Генеральний секретар", "12 Mar. 2025 -",
    ])
    func shortTexts(text: String) {
        let guess = LanguageIdentifier.identify([text])
        #expect(guess.confidence < LanguageGuess.reliableConfidence)
        #expect(!guess.isReliable)
        #expect(!guess.contradicts(.fr))
    }

    @Test("text without letters is other with no confidence")
    func noLetters() {
        for text in ["", "   ", "12.03.2025 — 14:10 | 1 200 €"] {
            let guess = LanguageIdentifier.identify([text])
            #expect(guess.language == .other)
            #expect(guess.confidence == 0)
        }
    }

    @Test("a Ukrainian page with an English caption and date lines is Ukrainian, a little less surely")
    func ukrainianWithEnglishFurniture() {
        let pure = LanguageIdentifier.identify([Self.ukrainian, Self.ukrainian])
        let mixed = LanguageIdentifier.identify(["12 Mar. 2025 -", "Last updated 17 Mar. 2025 16:05", Self.ukrainian, "Sailors from three Allied navies during the opening exercise", Self.ukrainian])
        #expect(mixed.language == .uk)
        #expect(mixed.isReliable)
        #expect(mixed.confidence < pure.confidence)
    }

    @Test("a text half English, half French is not reliably either")
    func bilingual() {
        let guess = LanguageIdentifier.identify([Self.english, Self.french])
        #expect(guess.confidence < 0.6)
        #expect(!guess.contradicts(.en))
        #expect(!guess.contradicts(.fr))
    }

    @Test("a Latin i typed inside Ukrainian words still counts as Ukrainian і")
    func latinIInUkrainian() {
        let guess = LanguageIdentifier.identify([Self.ukrainian.replacingOccurrences(of: "і", with: "i")])
        #expect(guess.language == .uk)
        #expect(guess.isReliable)
    }

    @Test("likelihoods cover the four answers and add up to one")
    func likelihoods() {
        let guess = LanguageIdentifier.identify([Self.french])
        #expect(Set(guess.likelihoods.keys) == Set(Language.allCases))
        #expect(abs(guess.likelihoods.values.reduce(0, +) - 1) < 1e-9)
        #expect(guess.description.hasPrefix("fr ("))
    }

    @Test("a language tag names Stele's language", arguments: [
        ("en", Language.en), ("en-GB", .en), ("FR", .fr), ("fr_CA", .fr), ("uk-UA", .uk), ("ua", .uk), ("ru", .other), ("de-AT", .other),
    ])
    func tags(tag: String, language: Language) {
        #expect(Language(tag: tag) == language)
    }

    @Test("x-default and non-tags name no language", arguments: ["x-default", "", "english", "1x"])
    func nonTags(tag: String) {
        #expect(Language(tag: tag) == nil)
    }
}
