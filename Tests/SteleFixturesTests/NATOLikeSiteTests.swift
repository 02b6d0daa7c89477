import Foundation
@testable import SteleFixtures
import Testing

@Suite("The NATO-like fixture site")
struct NATOLikeSiteTests {
    private func body(_ site: NATOLikeSite, _ target: String) -> String? {
        let response = site.respond(to: FixtureRequest(target: target))
        guard response.status == 200, case .bytes(let bytes) = response.body else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("a release is the same text every time, with as many paragraphs in each language")
    func generatedText() {
        let text = ReleaseText.generate(number: 231_005)
        #expect(text == ReleaseText.generate(number: 231_005))
        #expect(text != ReleaseText.generate(number: 231_006))
        let counts = ReleaseText.languages.map { text.paragraphs[$0]!.count }
        #expect(Set(counts).count == 1)
        #expect((4...9).contains(counts[0]))
        #expect(ReleaseText.languages.allSatisfy { !text.paragraphs[$0]!.joined().contains("{") })
    }

    @Test("an untranslated address serves the English text; a translation replaces it")
    func translations() throws {
        let site = NATOLikeSite(releases: 2)
        let number = NATOLikeSite.firstNumber
        let english = try #require(body(site, NATOLikeSite.pagePath(number)))
        let firstParagraph = try #require(site.paragraphs(number, "en").first)
        #expect(english.contains("<p>\(ReleasePage.escape(firstParagraph))</p>"))
        #expect(try #require(body(site, NATOLikeSite.pagePath(number, language: "fr"))).contains(ReleasePage.escape(firstParagraph)))

        site.setTranslation(number, "fr", .available)
        let french = try #require(body(site, NATOLikeSite.pagePath(number, language: "fr")))
        #expect(french.contains(ReleasePage.escape(site.paragraphs(number, "fr")[0])))
        #expect(!french.contains(ReleasePage.escape(firstParagraph)))

        site.setTranslation(number, "uk", .partial(paragraphs: 1))
        #expect(site.paragraphs(number, "uk").count == 1)
        site.setTranslation(number, "uk", .notFound)
        #expect(body(site, NATOLikeSite.pagePath(number, language: "uk")) == nil)
    }

    @Test("a correction changes one English paragraph and nothing else")
    func correction() {
        let site = NATOLikeSite(releases: 1)
        let number = NATOLikeSite.firstNumber
        site.setTranslation(number, "fr", .available)
        let before = site.paragraphs(number, "en")
        let french = site.paragraphs(number, "fr")
        site.correctEnglish(number)
        let after = site.paragraphs(number, "en")
        #expect(zip(before, after).filter { $0 != $1 }.count == 1)
        #expect(site.paragraphs(number, "fr") == french)
    }

    @Test("the feed lists the newest releases first, with NATO's date format")
    func feed() throws {
        let site = NATOLikeSite(releases: 3, feedSize: 2)
        site.addRelease()
        let feed = try #require(body(site, NATOLikeSite.feedPath))
        let links = feed.components(separatedBy: "<link>").dropFirst(2).map { $0.prefix { $0 != "<" } }
        #expect(links == [NATOLikeSite.pagePath(231_004)[...], NATOLikeSite.pagePath(231_003)[...]])
        #expect(feed.contains("<pubDate>4 Dec. 2025 15:00:00 GMT</pubDate>"))
    }
}
