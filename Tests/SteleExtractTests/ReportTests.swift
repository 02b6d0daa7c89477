import Foundation
import SteleExtract
import Testing

@Suite("What stele extract prints")
struct ReportTests {
    @Test("the JSON has exactly the keys of the issue, in order, and parses")
    func json() throws {
        let page = try Fixture.extract("release-en", url: "https://www.nato.int/cps/en/natohq/news_990001.htm", rule: "section.content")
        let json = ExtractionReport(page).json
        let keys = json.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == ["title", "language", "confidence", "paragraphs", "alternates"])

        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(parsed["title"] as? String == page.title)
        #expect(parsed["language"] as? String == "en")
        #expect(parsed["confidence"] as? Double == (page.language.confidence * 100).rounded() / 100)
        #expect(parsed["paragraphs"] as? [String] == ExpectedRelease.english)
        let alternates = try #require(parsed["alternates"] as? [String: [String: String]])
        #expect(alternates["fr"] == ["url": "https://www.nato.int/cps/fr/natohq/news_990001.htm?selectedLocale=fr", "via": "hreflang"])
        #expect(Set(alternates.keys) == ["fr", "uk"])
    }

    @Test("an empty page gives null, empty lists and zero confidence")
    func emptyPage() throws {
        let json = ExtractionReport(try Fixture.extract(html: "")).json
        #expect(json == """
            {
              "title": null,
              "language": "other",
              "confidence": 0.0,
              "paragraphs": [],
              "alternates": {}
            }
            """)
    }

    @Test("strings are escaped for JSON and nothing else is")
    func escaping() throws {
        let page = try Fixture.extract(html: "<title>Say \"oui\" \\ non</title><p>Tab\there, «guillemets», ї</p>", rule: "body")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(ExtractionReport(page).json.utf8)) as? [String: Any])
        #expect(parsed["title"] as? String == "Say \"oui\" \\ non")
        #expect(parsed["paragraphs"] as? [String] == ["Tab here, «guillemets», ї"])
        #expect(ExtractionReport(page).json.contains("«guillemets», ї"))
    }

    @Test("the text report ends with the paragraphs, one a line, after a blank line")
    func text() throws {
        let page = try Fixture.extract("release-fr", url: Fixture.releaseURL("fr"))
        let text = ExtractionReport(page).text
        let parts = text.components(separatedBy: "\n\n")
        #expect(parts.count == 2)
        #expect(parts[1] == ExpectedRelease.french.joined(separator: "\n"))
        #expect(parts[0].contains("language: fr (confidence "))
        #expect(parts[0].contains("alternate en: https://www.nato.int/cps/en/natohq/news_990001.htm?selectedLocale=en (switcher)"))
        #expect(parts[0].contains("body: fallback section.content"))
    }
}
