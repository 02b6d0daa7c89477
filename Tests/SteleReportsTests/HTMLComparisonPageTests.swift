import Foundation
import SteleReports
import SteleStore
import Testing

@Suite("stele diff --html: a page any browser opens")
struct HTMLComparisonPageTests {
    /// Writes the page of a comparison and returns its path.
    func page(_ number: Int, _ target: String, lowConfidence: Double = LanguageComparison.defaultLowConfidence) async throws -> String {
        let scenario = try await ScenarioStore.shared
        let reader = try scenario.reader(scenario.first + number)
        let comparison = try LanguageComparison(
            reader, source: try reader.resolve(VersionSpec(parsing: "en")), target: try reader.resolve(VersionSpec(parsing: target)), lowConfidence: lowConfidence)
        let path = ExternalTool.temporaryFile(".html")
        try OutputFile.write(HTMLComparisonPage(dates: .utc).render(comparison), to: path)
        return path
    }

    /// The value of an XPath expression over the page, as libxml2's HTML parser reads it; the page
    /// must parse without a complaint.
    func xpath(_ expression: String, _ path: String) throws -> String {
        let result = try ExternalTool.run("/usr/bin/xmllint", ["--html", "--xpath", expression, path])
        #expect(result.status == 0 && result.errors.isEmpty, "xmllint: \(result.errors)")
        return result.output.trimmingCharacters(in: .newlines)
    }

    func rows(_ kind: String) -> String { "//tr[contains(concat(' ', normalize-space(@class), ' '), ' \(kind) ')]" }

    @Test("the stale row is highlighted, its change marked with ins, and labelled in words")
    func staleRow() async throws {
        let path = try await page(0, "fr")
        defer { unlink(path) }
        #expect(try xpath("count(\(rows("row")))", path) == "5")
        #expect(try xpath("count(\(rows("stale")))", path) == "1")
        #expect(try xpath("string(\(rows("stale"))/@id)", path) == "row-2")
        #expect(try xpath("string(\(rows("stale"))/td[@class='source']//ins)", path) == " This paragraph was updated (revision 1).")
        #expect(try xpath("string(\(rows("stale"))//span[contains(@class, 'badge')])", path) == "changed since translated")
        #expect(try xpath("string(\(rows("stale"))/td[@class='target'])", path).contains("Plus de 8\u{202F}304 militaires ont participé à l'exercice"))
        #expect(try xpath("count(\(rows("gap")))", path) == "0")
    }

    @Test("the untranslated tail: three gap rows whose Ukrainian cell says what is missing")
    func gapRows() async throws {
        let path = try await page(0, "uk", lowConfidence: 0.99)
        defer { unlink(path) }
        #expect(try xpath("count(\(rows("gap")))", path) == "3")
        #expect(try xpath("count(\(rows("source-only")))", path) == "3")
        #expect(try xpath("string((\(rows("gap")))[1]/td[contains(@class, 'target')])", path) == "missing in uk")
        #expect(try xpath("count(\(rows("low-confidence")))", path) == "1")  // the stale row, 0.98
        #expect(try xpath("string(//th[3]/@lang)", path) == "uk")
    }

    @Test("self-contained: no script, no stylesheet or image to fetch, styles for print")
    func selfContained() async throws {
        let path = try await page(3, "fr")
        defer { unlink(path) }
        #expect(try xpath("count(//script | //link | //img | //iframe | //*[@src] | //*[@href])", path) == "0")
        #expect(try xpath("string(//meta/@charset)", path) == "utf-8")
        #expect(try xpath("string(//style)", path).contains("@media print"))
        #expect(try xpath("count(\(rows("stale")))", path) == "0")
    }
}
