import Foundation
import SteleExtract
import Testing
import SteleLanguage

@Suite("Other language versions: hreflang, language switchers, rewrite rules")
struct AlternateTests {
    static let englishURL = "https://www.nato.int/cps/en/natohq/news_990001.htm"

    @Test("<link rel=alternate hreflang> gives the other versions; the page itself and x-default are left out")
    func hreflang() throws {
        let page = try Fixture.extract("release-en", url: Self.englishURL)
        #expect(page.alternates == [
            .fr: AlternateLink(language: .fr, url: "https://www.nato.int/cps/fr/natohq/news_990001.htm?selectedLocale=fr", via: .hreflang),
            .uk: AlternateLink(language: .uk, url: "https://www.nato.int/cps/uk/natohq/news_990001.htm?selectedLocale=uk", via: .hreflang),
        ])
        // The header's switcher finds the same addresses; they are kept as candidates, after hreflang.
        #expect(page.alternateCandidates.map(\.via) == [.hreflang, .hreflang, .switcher, .switcher])
    }

    @Test("a language switcher's link texts name the versions, resolved against the page's address")
    func switcherTexts() throws {
        let page = try Fixture.extract("release-fr", url: Fixture.releaseURL("fr"))
        #expect(page.alternates == [
            .en: AlternateLink(language: .en, url: "https://www.nato.int/cps/en/natohq/news_990001.htm?selectedLocale=en", via: .switcher),
            .uk: AlternateLink(language: .uk, url: "https://www.nato.int/cps/uk/natohq/news_990001.htm?selectedLocale=uk", via: .switcher),
        ])
    }

    @Test("the Ukrainian page's code switcher (EN | FR | UA) gives the English and French versions")
    func ukrainianCodeSwitcher() throws {
        let page = try Fixture.extract("release-uk", url: Fixture.releaseURL("uk"))
        #expect(page.alternates == [
            .en: AlternateLink(language: .en, url: "https://www.nato.int/cps/en/natohq/news_990001.htm?selectedLocale=en", via: .switcher),
            .fr: AlternateLink(language: .fr, url: "https://www.nato.int/cps/fr/natohq/news_990001.htm?selectedLocale=fr", via: .switcher),
        ])
    }

    @Test("a switcher written in running text counts: Also available in French and Ukrainian")
    func switcherInText() throws {
        let html = "<body><p>Also available in <a href='/fr/item.htm'>French</a> and <a href='/uk/item.htm'>Ukrainian</a></p></body>"
        let page = try Fixture.extract(html: html, url: "https://example.org/en/item.htm")
        #expect(page.alternates[.fr]?.url == "https://example.org/fr/item.htm")
        #expect(page.alternates[.uk]?.url == "https://example.org/uk/item.htm")
    }

    @Test("lang and hreflang attributes on a link name its language on their own")
    func attributeNamedLinks() throws {
        let html = "<body><a hreflang='fr-FR' href='/fr/'>Version</a><a lang='uk' href='/uk/'>Читати</a></body>"
        let page = try Fixture.extract(html: html, url: "https://example.org/en/")
        #expect(page.alternates[.fr] == AlternateLink(language: .fr, url: "https://example.org/fr/", via: .switcher))
        #expect(page.alternates[.uk]?.url == "https://example.org/uk/")
    }

    @Test("a lone link reading English or UK among menu items is not a switcher")
    func loneLanguageWord() throws {
        let html = "<body><nav><a href='/courses/english'>English</a> <a href='/news'>News</a> <a href='/uk'>UK</a></nav></body>"
        #expect(try Fixture.extract(html: html, url: "https://example.org/").alternates.isEmpty)
    }

    @Test("bare codes count in a switcher made only of language links: EN | FR | UA")
    func codeSwitcher() throws {
        let html = "<body><div class=lang><a href='/en/'>EN</a> | <a href='/fr/'>FR</a> | <a href='/ua/'>UA</a></div><p>Text</p></body>"
        let page = try Fixture.extract(html: html, url: "https://example.org/en/")
        #expect(page.alternates[.fr]?.url == "https://example.org/fr/")
        #expect(page.alternates[.uk]?.url == "https://example.org/ua/")
    }

    @Test("<base href> is honoured, and fragments, javascript: and mailto: links are not addresses")
    func baseAndUnusableLinks() throws {
        let html = """
            <head><base href="https://mirror.example.net/site/"></head>
            <body><ul><li><a href="javascript:switchTo('en')">English</a></li><li><a href="#fr">Français</a></li>
            <li><a href="mailto:uk@example.org">Українська</a></li></ul>
            <ul><li><a href="fr/page.htm#top">Français</a></li><li><a href="uk/page.htm">Українська</a></li></ul></body>
            """
        let page = try Fixture.extract(html: html, url: "https://example.org/en/page.htm")
        #expect(page.alternates[.fr]?.url == "https://mirror.example.net/site/fr/page.htm")
        #expect(page.alternates[.uk]?.url == "https://mirror.example.net/site/uk/page.htm")
        #expect(page.alternates[.en] == nil)
    }

    @Test("a select-box switcher gives its options' addresses")
    func selectSwitcher() throws {
        let html = "<body><select><option value='/en/a.htm'>English</option><option value='/fr/a.htm'>Français</option></select></body>"
        #expect(try Fixture.extract(html: html, url: "https://example.org/uk/a.htm").alternates[.fr]?.url == "https://example.org/fr/a.htm")
    }

    @Test("relative links on a page without an address are reported, not guessed")
    func unresolvedLinks() throws {
        let page = try Fixture.extract("release-fr")
        #expect(page.alternates.isEmpty)
        #expect(page.warnings == [.unresolvedLinks(count: 2)])
    }

    @Test("hreflang regional tags come after the exact one; rel must say alternate")
    func hreflangDetails() throws {
        let html = """
            <head><link rel="alternate" hreflang="fr-CA" href="https://example.org/fr-ca/"><link rel="alternate" hreflang="fr" href="/fr/">
            <link rel="canonical" hreflang="uk" href="/wrong/"><link rel="Alternate Stylesheet" hreflang="uk" href="/uk/"></head><body><p>x</p></body>
            """
        let page = try Fixture.extract(html: html, url: "https://example.org/en/")
        #expect(page.alternates[.fr]?.url == "https://example.org/fr/")
        #expect(page.alternates[.uk]?.url == "https://example.org/uk/")
    }

    @Test("rewrite rules from the configuration come first and are reported as such")
    func rewriteRulesFirst() throws {
        let rule = try URLRewriteRule(.queryParameter(name: "selectedLocale"))
        let page = try Fixture.extract("release-en", url: Self.englishURL, rewriteRules: [rule])
        #expect(page.alternates[.fr] == AlternateLink(language: .fr, url: Self.englishURL + "?selectedLocale=fr", via: .rewrite))
        #expect(page.alternates[.uk] == AlternateLink(language: .uk, url: Self.englishURL + "?selectedLocale=uk", via: .rewrite))
        #expect(page.alternates[.en] == AlternateLink(language: .en, url: Self.englishURL + "?selectedLocale=en", via: .rewrite))
        #expect(page.alternateCandidates.contains { $0.via == .hreflang && $0.language == .fr })
    }
}

@Suite("URL rewrite rules")
struct URLRewriteRuleTests {
    @Test("a query parameter is added, or its value replaced, keeping the rest of the address", arguments: [
        ("https://www.nato.int/cps/en/natohq/news_231374.htm", "https://www.nato.int/cps/en/natohq/news_231374.htm?selectedLocale=fr"),
        ("https://www.nato.int/cps/en/natohq/news_231374.htm?selectedLocale=en", "https://www.nato.int/cps/en/natohq/news_231374.htm?selectedLocale=fr"),
        ("https://x.org/a?b=1&selectedLocale=en&c=2#part", "https://x.org/a?b=1&selectedLocale=fr&c=2#part"),
        ("https://x.org/a?b=1#part", "https://x.org/a?b=1&selectedLocale=fr#part"),
        ("https://x.org/a?selectedLocaleX=en", "https://x.org/a?selectedLocaleX=en&selectedLocale=fr"),
    ])
    func queryParameter(url: String, expected: String) throws {
        #expect(try URLRewriteRule(.queryParameter(name: "selectedLocale")).rewrite(url, to: .fr) == expected)
    }

    @Test("the first path segment that is a language code is replaced", arguments: [
        ("https://www.nato.int/en/news-and-events/articles/news/2021/02/11/slug", Language.fr, "https://www.nato.int/fr/news-and-events/articles/news/2021/02/11/slug"),
        ("https://x.org/site/EN/page?lang=en", .uk, "https://x.org/site/uk/page?lang=en"),
        ("https://x.org/fr/en/page", .uk, "https://x.org/uk/en/page"),
    ])
    func pathSegment(url: String, language: Language, expected: String) throws {
        #expect(try URLRewriteRule(.pathSegment).rewrite(url, to: language) == expected)
    }

    @Test("a rule that does not apply gives nothing")
    func notApplicable() throws {
        #expect(try URLRewriteRule(.pathSegment).rewrite("https://x.org/news/1", to: .fr) == nil)
        #expect(try URLRewriteRule(.replace(find: "/{lang}/", replace: "/{lang}/")).rewrite("https://x.org/news/1", to: .fr) == nil)
        #expect(try URLRewriteRule(.queryParameter(name: "l")).rewrite("not an address", to: .fr) == nil)
    }

    @Test("find and replace, with {lang} and the site's own codes")
    func findAndReplace() throws {
        let rule = try URLRewriteRule(.replace(find: "/{lang}/", replace: "/{lang}/"), codes: [.uk: "ua"])
        #expect(rule.rewrite("https://x.org/en/news/1", to: .uk) == "https://x.org/ua/news/1")
        #expect(rule.rewrite("https://x.org/ua/news/1", to: .fr) == "https://x.org/fr/news/1")
        let literal = try URLRewriteRule(.replace(find: "selectedLocale=en", replace: "selectedLocale={lang}"))
        #expect(literal.rewrite("https://x.org/a?selectedLocale=en", to: .fr) == "https://x.org/a?selectedLocale=fr")
    }

    @Test("rules that cannot work are refused with the key at fault", arguments: [
        (URLRewriteRule.Kind.queryParameter(name: ""), [Language: String](), "name:"),
        (.queryParameter(name: "a=b"), [:], "name:"),
        (.replace(find: "", replace: "/{lang}/"), [:], "find:"),
        (.replace(find: "/en/", replace: "/fr/"), [:], "replace:"),
        (.pathSegment, [.uk: "u a"], "codes.uk:"),
        (.pathSegment, [.other: "xx"], "codes:"),
    ])
    func invalidRules(kind: URLRewriteRule.Kind, codes: [Language: String], key: String) {
        do {
            _ = try URLRewriteRule(kind, codes: codes)
            Issue.record("rule accepted")
        } catch {
            #expect(error.description.hasPrefix(key))
        }
    }

    @Test("rules read from configuration tables, and misspelt keys are refused")
    func decoding() throws {
        let json = """
            [{"kind": "query-parameter", "name": "selectedLocale"},
             {"kind": "path-segment", "codes": {"uk": "ua"}},
             {"kind": "replace", "find": "/{lang}/", "replace": "/{lang}/"}]
            """
        let rules = try JSONDecoder().decode([URLRewriteRule].self, from: Data(json.utf8))
        #expect(rules == [
            try URLRewriteRule(.queryParameter(name: "selectedLocale")),
            try URLRewriteRule(.pathSegment, codes: [.uk: "ua"]),
            try URLRewriteRule(.replace(find: "/{lang}/", replace: "/{lang}/")),
        ])
        let again = try JSONDecoder().decode([URLRewriteRule].self, from: try JSONEncoder().encode(rules))
        #expect(again == rules)
        for bad in [#"{"kind": "query-parameter", "nmae": "x"}"#, #"{"kind": "regex"}"#, #"{"kind": "replace", "find": "a", "replace": "b"}"#] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(URLRewriteRule.self, from: Data(bad.utf8)) }
        }
    }
}
