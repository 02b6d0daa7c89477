import Foundation
import SteleService
import Testing

@Suite("The reading commands as processes: diff, export, shell completion")
struct DiffExportCommandTests {
    @Test("stele diff --format unified between two versions applies with patch")
    func unifiedPatch() async throws {
        let fetched = try await FetchedStore.shared
        let diff = try fetched.stele(["diff", "--config", fetched.config, "news_231001", "en@1", "en@2", "--format", "unified"])
        #expect(diff.status == 0)
        let diffFile = fetched.folder + "/\(UUID().uuidString).diff", patched = fetched.folder + "/\(UUID().uuidString).txt"
        defer { unlink(diffFile); unlink(patched) }
        try diff.output.write(toFile: diffFile, atomically: true, encoding: .utf8)
        let patch = try ChildProcess.run("/usr/bin/patch", ["--quiet", "-o", patched, "-i", diffFile, fetched.file(fetched.first, "en/0001.txt")])
        #expect(patch.termination == .exited(0), "\(patch.output)")
        #expect(try String(contentsOfFile: patched, encoding: .utf8) == (try String(contentsOfFile: fetched.file(fetched.first, "en/0002.txt"), encoding: .utf8)))
    }

    @Test("stele diff between versions: word level, marked in brackets into a pipe, in colour when asked; one version compares with the one before")
    func wordDiff() async throws {
        let fetched = try await FetchedStore.shared
        let plain = try fetched.stele(["diff", "--config", fetched.config, "news_231001", "en"])
        #expect(plain.status == 0)
        #expect(plain.output.contains("{+ This paragraph was updated (revision 1).+}"))
        #expect(plain.output.hasSuffix("en@1 → en@2: +0 -0 ~1 paragraphs, +6 -0 words\n"))
        let coloured = try fetched.stele(["diff", "--config", fetched.config, "news_231001", "en@1", "en@2", "--color", "always"])
        #expect(coloured.output.contains("\u{1B}[32m This paragraph was updated (revision 1).\u{1B}[m"))
        let json = try fetched.stele(["diff", "--config", fetched.config, "news_231001", "en@1", "en@2", "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])?["statistics"] != nil)
        let first = try fetched.stele(["diff", "--config", fetched.config, "news_231002", "en"])
        #expect(first.status == 2 && first.errors.contains("nothing to compare: en@1 is the first en version of nato/news_231002"))
    }

    @Test("stele diff between languages: side by side to the width, the stale row marked, the untranslated tail missing")
    func languages() async throws {
        let fetched = try await FetchedStore.shared
        let french = try fetched.stele(["diff", "--config", fetched.config, "news_231001", "en", "fr", "--width", "90"])
        #expect(french.status == 0)
        #expect(french.output.split(separator: "\n").allSatisfy { $0.count <= 90 })
        #expect(french.output.contains("── 1-1 · 0.98 · changed since translated ─"))
        #expect(french.output.contains("changed since translated (en@1 → en@2): 1 rewritten, 0 added, 0 removed"))
        let ukrainian = try fetched.stele(["diff", "--config", fetched.config, "news_231001", "en", "uk", "--width", "90"])
        #expect(ukrainian.output.components(separatedBy: "(missing in uk)").count - 1 == 3)
        let unified = try fetched.stele(["diff", "--config", fetched.config, "news_231001", "en", "fr", "--format", "unified"])
        #expect(unified.status == 2 && unified.errors.contains("two languages"))
    }

    @Test("stele diff --html writes a page whose stale row libxml2 finds; --json gives the rows")
    func htmlAndJSON() async throws {
        let fetched = try await FetchedStore.shared
        let page = fetched.folder + "/\(UUID().uuidString).html"
        defer { unlink(page) }
        let result = try fetched.stele(["diff", "--config", fetched.config, "news_231001", "en", "fr", "--html", page])
        #expect(result.status == 0 && result.output.isEmpty)
        #expect(result.errors.contains("wrote \(page): 5 rows"))
        let stale = try ChildProcess.run("/usr/bin/xmllint", ["--html", "--xpath", "string(//tr[contains(@class, 'stale')]/@id)", page])
        #expect(stale.output.trimmingCharacters(in: .newlines) == "row-2")
        let json = try fetched.stele(["diff", "--config", fetched.config, "news_231001", "en", "fr", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect((object["summary"] as? [String: Int])?["changedSinceTranslated"] == 1)
    }

    @Test("stele export -o: a TMX file valid against the TMX 1.4b DTD, written whole; TSV and JSON lines to standard output")
    func export() async throws {
        let fetched = try await FetchedStore.shared
        let tmx = fetched.folder + "/\(UUID().uuidString).tmx"
        defer { unlink(tmx) }
        let result = try fetched.stele(["export", "--config", fetched.config, "--format", "tmx", "-o", tmx])
        #expect(result.status == 0 && result.output.isEmpty)
        #expect(result.errors.contains("wrote 7 pairs of 3 releases to \(tmx) (left out: 3 without counterpart)"))
        let dtd = BuiltProducts.file("Tests/SteleReportsTests/Fixtures/tmx14.dtd").path
        let validation = try ChildProcess.run("/usr/bin/xmllint", ["--noout", "--dtdvalid", dtd, tmx])
        #expect(validation.termination == .exited(0))
        #expect(try FileManager.default.contentsOfDirectory(atPath: fetched.folder).filter { $0.contains(".tmp-") }.isEmpty)

        let tsv = try fetched.stele(["export", "--config", fetched.config, "--format", "tsv", "--pair", "en-fr"])
        #expect(tsv.output.hasPrefix("en\tfr\trelease\tconfidence\n"))
        #expect(tsv.output.split(separator: "\n").count == 6)
        let lines = try fetched.stele(["export", "--config", fetched.config, "--json", "--skip-changed"])
        #expect(lines.output.split(separator: "\n").count == 5)
        #expect(try fetched.stele(["export", "--config", fetched.config, "-o", "/nonexistent-folder/x.tmx"]).status == 1)
    }

    @Test("completion scripts for bash, zsh and fish name every reading command", arguments: ["bash", "zsh", "fish"])
    func completions(_ shell: String) async throws {
        let fetched = try await FetchedStore.shared
        let result = try fetched.stele(["--generate-completion-script", shell])
        #expect(result.status == 0)
        for command in ["list", "log", "show", "diff", "export", "sources"] { #expect(result.output.contains(command)) }
        // Release names complete from the store's index, as the shells' scripts ask for them.
        let candidates = try fetched.stele(["---completion", "log", "--", "positional@0", "4", "10", "stele", "log", "--store", fetched.store, "news_23100"])
        #expect(candidates.output.contains("news_231001"))
    }
}
