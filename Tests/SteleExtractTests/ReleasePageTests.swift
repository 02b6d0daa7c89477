import SteleExtract
import SteleLanguage
import Testing

/// What the NATO-like release pages must give, paragraph for paragraph.
enum ExpectedRelease {
    static let english = [
        "Allies open a maritime training centre on the Black Sea coast",
        "12 Mar. 2025 -",
        "|",
        "Last updated: 13 Mar. 2025 09:15",
        "Sailors from three Allied navies during the opening exercise in Constanța",
        "Representatives of eleven Allies gathered in Constanța on Wednesday (12 March 2025) to open a new centre where crews will train together in mine countermeasures, search and rescue, and the protection of undersea cables.",
        "\u{201C}The Black Sea matters to the security of the whole Alliance,\u{201D} said the Deputy Secretary General. \u{201C}What we build here will keep shipping lanes open & protect the infrastructure our economies rely on.\u{201D}",
        "The centre will host its first courses in May. Officers from partner countries will be invited from next year.",
        "The training programme covers:",
        "clearing sea mines left over from past conflicts;",
        "coordinating rescue at sea with civilian authorities;",
        "watching over pipelines and data cables on the seabed.",
        "More than 1,200 sailors have already taken part in preparatory courses.",
        "Questions from the press can be sent to the centre\u{2019}s public affairs office.",
        "Media accreditation closes on 30 April.",
    ]

    /// No-break spaces (U+00A0) before `:` `;` `»` and after `«`, a narrow one (U+202F) in `1 200`.
    static let french = [
        "Les Alliés ouvrent un centre d\u{2019}entraînement maritime sur la côte de la mer Noire",
        "12 mars 2025 -",
        "|",
        "Mis à jour le\u{A0}: 14 mars 2025 11:40",
        "Sailors from three Allied navies during the opening exercise in Constanța",
        "Des représentants de onze pays alliés se sont réunis mercredi (12 mars 2025) à Constanța pour inaugurer un nouveau centre où les équipages s\u{2019}entraîneront ensemble à la lutte contre les mines, à la recherche et au sauvetage, ainsi qu\u{2019}à la protection des câbles sous-marins.",
        "«\u{A0}La mer Noire compte pour la sécurité de toute l\u{2019}Alliance\u{A0}», a déclaré la secrétaire générale adjointe. «\u{A0}Ce que nous construisons ici permettra de garder les voies maritimes ouvertes et de protéger les infrastructures dont dépendent nos économies.\u{A0}»",
        "Le centre accueillera ses premiers cours en mai. Des officiers de pays partenaires y seront invités dès l\u{2019}an prochain.",
        "Le programme de formation comprend\u{A0}:",
        "le déminage des mers, où subsistent des mines laissées par des conflits passés\u{A0};",
        "la coordination des secours en mer avec les autorités civiles\u{A0};",
        "la surveillance des gazoducs et des câbles de données posés sur les fonds marins.",
        "Plus de 1\u{202F}200 marins ont déjà suivi des cours préparatoires.",
        "Les journalistes peuvent adresser leurs questions au service de presse du centre.",
        "L\u{2019}accréditation des médias sera close le 30\u{A0}avril.",
    ]

    static let ukrainian = [
        "Союзники відкрили центр морської підготовки на узбережжі Чорного моря",
        "12 Mar. 2025 -",
        "|",
        "Last updated 17 Mar. 2025 16:05",
        "Sailors from three Allied navies during the opening exercise in Constanța",
        "Представники одинадцяти країн-союзниць зібралися в середу, 12 березня 2025 року, у Констанці, щоб відкрити новий центр, де екіпажі разом навчатимуться розмінуванню, пошуку й рятуванню на морі та захисту підводних кабелів.",
        "«Чорне море важливе для безпеки всього Альянсу», – сказала заступниця Генерального секретаря. «Те, що ми тут будуємо, допоможе зберегти морські шляхи відкритими й захистити інфраструктуру, від якої залежать наші економіки».",
        "Перші курси в центрі розпочнуться в травні. Офіцерів із країн-партнерів запросять з наступного року.",
        "Програма підготовки охоплює:",
        "очищення моря від мін, що залишилися після минулих конфліктів;",
        "координацію рятувальних операцій на морі з цивільними органами влади;",
        "нагляд за трубопроводами й кабелями зв\u{2019}язку на морському дні.",
        "Понад 1200 моряків уже пройшли підготовчі курси.",
        "Запитання від журналістів можна надсилати до пресслужби центру.",
        "Акредитація медіа завершиться 30 квітня.",
    ]
}

@Suite("NATO-like release pages")
struct ReleasePageTests {
    /// One language version of the release: its fixture, language and paragraphs.
    struct Version: CustomTestStringConvertible, Sendable {
        var fixture: String
        var language: Language
        var paragraphs: [String]
        var testDescription: String { fixture }
    }

    static let pages = [
        Version(fixture: "release-en", language: .en, paragraphs: ExpectedRelease.english),
        Version(fixture: "release-fr", language: .fr, paragraphs: ExpectedRelease.french),
        Version(fixture: "release-uk", language: .uk, paragraphs: ExpectedRelease.ukrainian),
    ]

    @Test("the rule section.content gives exactly the article's paragraphs", arguments: pages)
    func withRule(version: Version) throws {
        let page = try Fixture.extract(version.fixture, url: Fixture.releaseURL(version.language.code), rule: "section.content")
        #expect(page.paragraphs == version.paragraphs)
        #expect(page.body == .rule("section.content"))
        #expect(page.warnings.isEmpty)
    }

    @Test("the same rule written as XPath gives the same paragraphs", arguments: pages)
    func withXPathRule(version: Version) throws {
        let page = try Fixture.extract(version.fixture, url: Fixture.releaseURL(version.language.code), rule: "//section[@class='content']")
        #expect(page.paragraphs == version.paragraphs)
    }

    @Test("with no rule the fallback finds the same paragraphs, and none of the furniture", arguments: pages)
    func withFallback(version: Version) throws {
        let page = try Fixture.extract(version.fixture, url: Fixture.releaseURL(version.language.code))
        #expect(page.paragraphs == version.paragraphs)
        guard case .fallback = page.body else {
            Issue.record("expected the fallback to choose an element, got \(page.body)")
            return
        }
    }

    @Test("the language of each version is identified with high confidence", arguments: pages)
    func language(version: Version) throws {
        let page = try Fixture.extract(version.fixture, url: Fixture.releaseURL(version.language.code))
        #expect(page.language.language == version.language)
        #expect(page.language.confidence > 0.9)
        #expect(!page.language.contradicts(version.language))
    }

    @Test("titles come from <title> without the site's decoration (the <h1> inside it), entities decoded and whitespace normalised")
    func titles() throws {
        #expect(try Fixture.extract("release-en").title == "Allies open a maritime training centre on the Black Sea coast")
        #expect(try Fixture.extract("release-fr").title == "Les Alliés ouvrent un centre d\u{2019}entraînement maritime sur la côte de la mer Noire")
        #expect(try Fixture.extract("release-uk").title == "Союзники відкрили центр морської підготовки на узбережжі Чорного моря")
    }

    @Test("a <title> keeps its words when no <h1> is most of it and inside it", arguments: [
        ("<title>Sweden joins exercise - NATO</title><h1>NATO</h1>", "Sweden joins exercise - NATO"),
        ("<title>Sweden joins exercise - NATO</title><h1>Latest news from the Alliance</h1>", "Sweden joins exercise - NATO"),
        ("<title>Sweden joins exercise - NATO</title><h1>Sweden joins exercise</h1>", "Sweden joins exercise"),
        ("<title>Sweden joins exercise</title><h1>Sweden joins exercise</h1>", "Sweden joins exercise"),
        ("<title>Sweden joins exercise - NATO</title><svg><h1>Sweden joins exercise</h1></svg>", "Sweden joins exercise - NATO"),
    ])
    func titleDecoration(head: String, title: String) throws {
        let page = try PageExtractor().extract(HTMLPage(bytes: Array("<html><body>\(head)<p>Text of the release, long enough to be a paragraph.</p></body></html>".utf8)))
        #expect(page.title == title)
    }

    @Test("the English text under the French address is recognised as English, not French")
    func untranslatedFrench() throws {
        let page = try Fixture.extract("release-fr-untranslated", url: Fixture.releaseURL("fr"))
        #expect(page.paragraphs == ExpectedRelease.english)
        #expect(page.language.language == .en)
        #expect(page.language.isReliable)
        #expect(page.language.contradicts(.fr))
        #expect(page.title?.hasPrefix("OTAN - Actualités") == true)
    }

    @Test("a Russian page is other, not Ukrainian, and its paragraphs still come out")
    func russian() throws {
        let page = try Fixture.extract("release-ru")
        #expect(page.language.language == .other)
        #expect(page.language.isReliable)
        #expect(page.paragraphs.count == 4)
        #expect(page.paragraphs.first == "Союзники открыли центр морской подготовки на побережье Чёрного моря")
    }

    @Test("the text is the store's format: one paragraph a line, each line ended")
    func storeFormat() throws {
        let page = try Fixture.extract("release-en", rule: "section.content")
        #expect(page.text == ExpectedRelease.english.joined(separator: "\n") + "\n")
        #expect(!page.paragraphs.contains { $0.isEmpty || $0.contains("\n") || $0.contains("\r") || $0.hasPrefix(" ") || $0.hasSuffix(" ") })
    }
}
