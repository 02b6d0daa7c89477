@testable import SteleAlign
import Testing

/// Ukrainian to Latin, and the name keys that make spellings meet.
@Suite("Transliteration and name keys")
struct TransliterationTests {
    @Test("The national standard of 2010, with its word-initial forms", arguments: [
        ("Київ", "kyiv"), ("Україна", "ukraina"), ("Єнс Столтенберг", "yens stoltenberh"), ("Зеленський", "zelenskyi"),
        ("Щастя", "shchastia"), ("Юлія", "yuliia"), ("п’ятниця", "piatnytsia"), ("Ґанок", "ganok"), ("Харків", "kharkiv"),
    ])
    func ukrainian(_ cyrillic: String, _ latin: String) {
        #expect(Transliteration.latin(cyrillic) == latin)
    }

    @Test("Latin diacritics fold to ASCII")
    func diacritics() {
        #expect(Transliteration.latin("Jevtić Thaçi Türkiye Šefčovič") == "jevtic thaci turkiye shefchovich")
    }

    private func key(_ word: String) -> NameKey? {
        NameKey(latinLetters: Array(Transliteration.latin(word).utf8))
    }

    @Test("The same name meets across spellings and Ukrainian cases", arguments: [
        ("Gottemoeller", "Геттемюллер"), ("Stoltenberg", "Столтенберга"), ("Kosovo", "Косові"), ("Jevtić", "Євтіч"),
        ("Haavisto", "Гаавісто"), ("Rasmussen", "Расмуссеном"), ("Munich", "Мюнхені"), ("Ukraine", "Україні"),
        ("Ricketts", "Рікеттс"), ("Kaikkonen", "Кайкконен"), ("Secretary", "секретар"), ("Afghanistan", "Афганістан"),
    ])
    func meets(_ latin: String, _ cyrillic: String) {
        #expect(key(latin) != nil)
        #expect(key(latin) == key(cyrillic))
    }

    @Test("Different names stay apart", arguments: [("Stoltenberg", "Rutte"), ("Kallas", "Karis"), ("Finland", "Sweden"), ("Obama", "Biden")])
    func apart(_ one: String, _ other: String) {
        #expect(key(one) != key(other))
    }

    @Test("Words with fewer than two consonant sounds have no key")
    func tooShort() {
        #expect(key("Io") == nil)
        #expect(key("Ea") == nil)
        #expect(key("Mo") == nil)
    }
}
