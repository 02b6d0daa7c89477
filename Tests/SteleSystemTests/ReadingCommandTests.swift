import Foundation
import SteleFixtures
import SteleService
import Testing

@Suite("The reading commands as processes: list, log, show, sources")
struct ReadingCommandTests {
    @Test("stele list: a header and a line per release, newest first; --missing and --json select and describe")
    func list() async throws {
        let fetched = try await FetchedStore.shared
        let all = try fetched.stele(["list", "--config", fetched.config])
        #expect(all.status == 0)
        let lines = all.output.split(separator: "\n")
        #expect(lines.first == "DATE              RELEASE      EN  FR       UK       TITLE")
        #expect(lines.count == 4)
        #expect(lines[1].contains("news_231003  v1  pending  pending"))
        #expect(lines[3].contains("news_231001  v2  v1       v1"))
        #expect(!all.output.contains("\u{1B}["))  // into a file: no colour

        let missing = try fetched.stele(["list", "--store", fetched.store, "--missing", "fr", "--json"])
        #expect(missing.status == 0)
        let releases = try #require(try JSONSerialization.jsonObject(with: Data(missing.output.utf8)) as? [[String: Any]])
        #expect(releases.map { $0["key"] as? String } == ["news_231003", "news_231002"])

        let coloured = try fetched.stele(["list", "--config", fetched.config, "--color", "always"])
        #expect(coloured.output.contains("\u{1B}[33mpending\u{1B}[m"))
    }

    @Test("stele log: each language's state and every version in time order")
    func log() async throws {
        let fetched = try await FetchedStore.shared
        let result = try fetched.stele(["log", "--config", fetched.config, "news_231001"])
        #expect(result.status == 0)
        let labels = result.output.split(separator: "\n").compactMap { line in line.split(separator: " ").first { $0.contains("@") } }
        #expect(labels == ["en@1", "fr@1", "uk@1", "en@2"])
        #expect(result.output.contains("+0 -0 ~1 paragraphs, +6 -0 words"))
        let json = try fetched.stele(["log", "--config", fetched.config, "nato/news_231001", "--lang", "fr", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect((object["versions"] as? [[String: Any]])?.count == 1)
    }

    @Test("stele show: the stored text as it is, the raw page with --raw")
    func show() async throws {
        let fetched = try await FetchedStore.shared
        let text = try fetched.stele(["show", "--config", fetched.config, "news_231001", "fr"])
        #expect(text.status == 0)
        #expect(text.output == (try String(contentsOfFile: fetched.file(fetched.first, "fr/0001.txt"), encoding: .utf8)))
        let english = try fetched.stele(["show", "--config", fetched.config, "news_231001"])
        #expect(english.output == (try String(contentsOfFile: fetched.file(fetched.first, "en/0002.txt"), encoding: .utf8)))
        let previous = try fetched.stele(["show", "--config", fetched.config, "news_231001", "en@-1"])
        #expect(previous.output == (try String(contentsOfFile: fetched.file(fetched.first, "en/0001.txt"), encoding: .utf8)))
        let raw = try fetched.stele(["show", "--config", fetched.config, "news_231001", "uk", "--raw"])
        #expect(raw.output == (try String(contentsOfFile: fetched.file(fetched.first, "uk/0001.html"), encoding: .utf8)))
        #expect(try fetched.stele(["show", "--config", fetched.config, "news_231001", "--raw", "--json"]).status == 2)
    }

    @Test("stele sources: the source's polls, releases and pending translations")
    func sources() async throws {
        let fetched = try await FetchedStore.shared
        let result = try fetched.stele(["sources", "--config", fetched.config])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("SOURCE  STATUS  LAST POLL"))
        #expect(result.output.contains("\nnato    ok      "))
        let json = try fetched.stele(["sources", "--config", fetched.config, "--json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(entries.first?["releases"] as? Int == 3 && entries.first?["pending"] as? Int == 4)
    }

    @Test("unknown names exit 2 with the nearest names; a folder that is not a store exits 2", arguments: [
        (["log", "news_231010"], "no release named \"news_231010\" in the store (did you mean news_231001?)"),
        (["log", "news_2310"], "\"news_2310\" names 3 releases: news_231001, news_231002, news_231003"),
        (["show", "news_231001", "fe"], "no language \"fe\" in release nato/news_231001 (did you mean fr?)"),
        (["show", "news_231002", "uk"], "release nato/news_231002 has no uk version: the translation is pending since"),
        (["show", "news_231001", "en@7"], "release nato/news_231001 has no version en@7: versions 1–2 exist"),
        (["diff", "news_231001", "en@x"], "\"en@x\" is not a version"),
        (["list", "--missing", "ukr"], "no language \"ukr\" in the store (did you mean uk?)"),
        (["list", "--source", "nat"], "no source \"nat\" in the store (did you mean nato?)"),
        (["export", "--pair", "en-fe"], "no language \"fe\" in the store (did you mean fr?)"),
        (["list", "--since", "last week"], "\"last week\" is not a date"),
    ])
    func unknownNames(_ arguments: [String], _ message: String) async throws {
        let fetched = try await FetchedStore.shared
        let result = try fetched.stele(arguments + ["--config", fetched.config])
        #expect(result.status == 2)
        #expect(result.errors.contains(message), "\(result.errors)")
        #expect(result.output.isEmpty)
    }

    @Test("a folder that is not a store is bad usage: exit 2 naming it")
    func notAStore() async throws {
        let fetched = try await FetchedStore.shared
        let result = try fetched.stele(["list", "--store", fetched.folder])
        #expect(result.status == 2)
        #expect(result.errors.contains("\(fetched.folder) is not a Stele store"))
    }

    @Test("a broken configuration named with --config exits 2; the default file, broken, does not stop a reader given --store")
    func brokenConfiguration() async throws {
        let fetched = try await FetchedStore.shared
        let folder = fetched.folder + "/etc-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "[[source]]\nid = 3\n".write(toFile: folder + "/stele.toml", atomically: true, encoding: .utf8)
        let named = try fetched.stele(["list", "--store", fetched.store, "--config", folder + "/stele.toml"])
        #expect(named.status == 2 && !named.errors.isEmpty)
        var environment = ProcessInfo.processInfo.environment
        environment["CONFIGURATION_DIRECTORY"] = folder
        #expect(try fetched.stele(["list", "--store", fetched.store], environment: environment).status == 0)
        #expect(try fetched.stele(["list"], environment: environment).status == 2)
        #expect(try fetched.stele(["sources", "--store", fetched.store], environment: environment).status == 2)
    }

    @Test("reading needs no lock: every command answers while a writer holds the store")
    func besideAWriter() async throws {
        let fetched = try await FetchedStore.shared
        let ready = fetched.folder + "/holder-\(UUID().uuidString).out"
        defer { unlink(ready) }
        let holder = try ChildProcess(executable: BuiltProducts.folder.appendingPathComponent("stele-store-writer").path, arguments: ["hold", fetched.store], standardOutput: ready)
        defer { holder.send(SIGKILL); _ = holder.wait(timeout: .seconds(10)) }
        for _ in 0..<1_000 where ((try? String(contentsOfFile: ready, encoding: .utf8)) ?? "").isEmpty { usleep(10_000) }
        #expect(try fetched.stele(["fetch", "--config", fetched.config]).status == 1)  // the lock is held indeed
        for arguments in [["list"], ["log", "news_231001"], ["show", "news_231001"], ["diff", "news_231001", "en", "fr"], ["export"], ["sources"]] {
            let result = try fetched.stele(arguments + ["--config", fetched.config])
            #expect(result.status == 0, "stele \(arguments.joined(separator: " ")): \(result.errors)")
        }
    }
}
