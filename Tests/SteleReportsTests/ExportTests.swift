import Foundation
import SteleReports
import SteleStore
import Testing

@Suite("stele export: aligned pairs as TMX, TSV and JSON lines")
struct ExportTests {
    let createdAt = Date(timeIntervalSince1970: 1_764_936_000)  // 2025-12-05 12:00 UTC

    /// Exports the scenario store with `options` in `format`; returns the text and the counts.
    func export(_ options: ExportOptions = ExportOptions(), format: ExportFormat) async throws -> (text: String, count: ExportCount, pairs: [LanguagePair]) {
        let scenario = try await ScenarioStore.shared
        let exporter = try PairExporter(store: try scenario.store, options: options)
        let writer: any PairFormat = switch format {
        case .tmx: TMXWriter(sourceLanguage: exporter.sourceLanguage, createdAt: createdAt, toolVersion: "0.1.0")
        case .tsv: TSVWriter(pairs: exporter.pairs)
        case .jsonl: JSONLinesWriter()
        }
        var text = writer.header()
        let count = try exporter.run(now: createdAt) { pair in text += writer.record(pair) }
        return (text + writer.footer(), count, exporter.pairs)
    }

    var dtd: String {
        get throws { try #require(Bundle.module.url(forResource: "tmx14", withExtension: "dtd", subdirectory: "Fixtures")).path }
    }

    /// Validates `tmx` against the TMX 1.4b DTD with xmllint; returns its complaints.
    func validate(_ tmx: String) throws -> String {
        let path = ExternalTool.temporaryFile(".tmx")
        defer { unlink(path) }
        try OutputFile.write(tmx, to: path)
        let result = try ExternalTool.run("/usr/bin/xmllint", ["--noout", "--dtdvalid", try dtd, path])
        return result.status == 0 ? "" : result.errors
    }

    @Test("TMX of every aligned pair is valid against the TMX 1.4b DTD, one tu per 1-1 bead")
    func tmx() async throws {
        let (text, count, pairs) = try await export(format: .tmx)
        #expect(pairs.map(\.description) == ["en-fr", "en-uk"])
        #expect(try validate(text) == "")
        #expect(text.contains("srclang=\"en\""))
        #expect(text.contains("creationdate=\"20251205T120000Z\""))
        #expect(text.components(separatedBy: "<tu ").count - 1 == count.written)
        #expect(count.releases == 4)
        // 231001: 5 en-fr, 2 en-uk (3 without counterpart); 231002: en-fr; 231004: en-fr and en-uk.
        #expect(count.unaligned == 3)
        #expect(text.contains("""
                <tu tuid="nato/news_231001/en-fr/1" creationdate="20251204T191200Z">
                  <prop type="x-release">nato/news_231001</prop>
                  <prop type="x-title">Allies step up support to partners</prop>
                  <prop type="x-pair">en-fr</prop>
                  <prop type="x-bead">1-1</prop>
                  <prop type="x-confidence">0.984</prop>
                  <prop type="x-alignment">stored</prop>
                  <prop type="x-changed-since-translated">true</prop>
                  <tuv xml:lang="en" creationdate="20251204T191200Z"><prop type="x-version">2</prop><prop type="x-paragraphs">1</prop>\
            <seg>More than 8,304 troops took part in the exercise, which ended on 2 February 2025. This paragraph was updated (revision 1).</seg></tuv>
                  <tuv xml:lang="fr" creationdate="20251204T131200Z"><prop type="x-version">1</prop><prop type="x-paragraphs">1</prop>\
            <seg>Plus de 8\u{202F}304 militaires ont participé à l'exercice, qui s'est achevé le 2 février 2025.</seg></tuv>
                </tu>
            """))
    }

    @Test("TMX stays valid whatever the text holds: markup characters, controls, quotes")
    func hostileText() throws {
        let hostile = "a < b && c > d \"quoted\" ]]> \u{1}\u{8}\u{B}\u{C}\u{1F} \u{FFFE} end"
        let side = AlignedPair.Side(language: "en", version: 1, fetchedAt: createdAt, paragraphs: [0], text: hostile)
        let pair = AlignedPair(
            release: ReleaseRef(source: "nato", key: ReleaseKey(validating: "k")!), title: "<title & \"more\">", pair: LanguagePair(source: "en", target: "fr"),
            bead: 0, shape: "1-1", confidence: 0.5, alignment: .computed, alignedAt: createdAt,
            source: side, target: AlignedPair.Side(language: "fr", version: 1, fetchedAt: createdAt, paragraphs: [0], text: "ok"),
            changedSinceTranslated: false, translatedFrom: nil)
        let writer = TMXWriter(sourceLanguage: nil, createdAt: createdAt, toolVersion: "0.1.0")
        let tmx = writer.header() + writer.record(pair) + writer.footer()
        #expect(try validate(tmx) == "")
        #expect(tmx.contains("srclang=\"*all*\""))
        #expect(tmx.contains("<seg>a &lt; b &amp;&amp; c &gt; d &quot;quoted&quot; ]]&gt; \u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD} \u{FFFD} end</seg>"))
    }

    @Test("TSV: a header naming the languages, then original, translation, release, confidence")
    func tsv() async throws {
        let (text, count, _) = try await export(ExportOptions(pairs: [LanguagePair(source: "en", target: "fr")], minimumConfidence: 0.999), format: .tsv)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "en\tfr\trelease\tconfidence")
        #expect(lines.count == count.written + 2)  // header, pairs, and the empty string after the last newline
        #expect(count.belowConfidence > 0)
        for line in lines.dropFirst().dropLast() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            #expect(fields.count == 4)
            #expect((Double(fields[3]) ?? 0) >= 0.999)
        }
        #expect(lines.contains("Allies agreed to raise defence spending to 2.9% of gross domestic product by 2030.\t"
            + "Les Alliés sont convenus de porter leurs dépenses de défense à 2,9\u{00A0}% du produit intérieur brut d'ici à 2030.\tnato/news_231001\t1.000"))
    }

    @Test("TSV of several language pairs: source and target columns, and a fifth naming each line's pair")
    func tsvSeveralPairs() async throws {
        let (text, count, pairs) = try await export(format: .tsv)
        #expect(pairs.map(\.description) == ["en-fr", "en-uk"])
        let lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(lines.first == ["source", "target", "release", "confidence", "pair"])
        #expect(lines.count == count.written + 1)
        #expect(Set(lines.dropFirst().map { String($0.last ?? "") }) == ["en-fr", "en-uk"])
    }

    @Test("TSV fields keep tabs, line ends and backslashes on one line, and read back", arguments: [
        ("plain", "plain"), ("a\tb", "a\\tb"), ("one\ntwo\r\nthree", "one\\ntwo\\r\\nthree"), ("C:\\path\\n", "C:\\\\path\\\\n"), ("", ""),
    ])
    func tsvEscaping(_ field: String, _ escaped: String) {
        #expect(TSVWriter.escape(field) == escaped)
        #expect(TSVWriter.unescape(escaped) == field)
    }

    @Test("JSON lines: one object a line with everything, stale pairs with the text they were translated from")
    func jsonLines() async throws {
        let (text, count, _) = try await export(ExportOptions(sources: ["nato"]), format: .jsonl)
        let lines = text.split(separator: "\n")
        #expect(lines.count == count.written)
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let stale = try #require(objects.first { $0["changedSinceTranslated"] as? Bool == true && $0["pair"] as? String == "en-fr" })
        #expect(stale["release"] as? String == "nato/news_231001")
        #expect(stale["translatedFrom"] as? String == "More than 8,304 troops took part in the exercise, which ended on 2 February 2025.")
        #expect((stale["original"] as? [String: Any])?["version"] as? Int == 2)
        #expect((stale["translation"] as? [String: Any])?["language"] as? String == "fr")
        #expect(objects.allSatisfy { $0["shape"] as? String == "1-1" })
    }

    @Test("--skip-changed leaves out stale pairs; an unknown pair language or source is refused")
    func options() async throws {
        let all = try await export(format: .jsonl).count, fresh = try await export(ExportOptions(skipChanged: true), format: .jsonl).count
        #expect(fresh.changed == 2 && fresh.written == all.written - 2)  // the rewritten paragraph, in en-fr and en-uk
        await #expect(throws: ReportError.unknownLanguage(language: "fe", release: nil, known: ["en", "fr", "uk"], suggestions: ["fr"])) {
            try await export(ExportOptions(pairs: [LanguagePair(source: "en", target: "fe")]), format: .tsv)
        }
        await #expect(throws: ReportError.unknownSource(name: "otan", known: ["nato"], suggestions: [])) {
            try await export(ExportOptions(sources: ["otan"]), format: .tsv)
        }
    }
}
