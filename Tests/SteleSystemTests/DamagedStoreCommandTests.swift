import Foundation
import SteleService
import SteleStore
import Testing

/// The reading commands, as processes, on a store damaged by hand or missing a language: a clear
/// error and exit 1 where a release cannot be read, never another text in its place.
@Suite("The reading commands on damaged stores, as processes")
struct DamagedStoreCommandTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("stele-damaged-cmd-\(UUID().uuidString)").path
    let english = ["The Council met today.", "It agreed on the plan."]
    let french = ["Le Conseil s'est réuni aujourd'hui.", "Il a adopté le plan."]

    /// `news_1` and `news_2` in English and French; `news_3` in French only, its English pending.
    func makeStore() throws {
        let writer = try StoreWriter(at: root)
        defer { writer.close() }
        for key in ["news_1", "news_2"] {
            let release = ReleaseRef(source: "nato", externalID: key)
            _ = try writer.record(FetchedText(paragraphs: english, url: "https://example.org/en/\(key)"), release: release, language: "en")
            _ = try writer.record(FetchedText(paragraphs: french, url: "https://example.org/fr/\(key)"), release: release, language: "fr")
        }
        let frenchOnly = ReleaseRef(source: "nato", externalID: "news_3")
        _ = try writer.record(FetchedText(paragraphs: french, url: "https://example.org/fr/news_3"), release: frenchOnly, language: "fr")
        var record = try #require(try writer.store.release(frenchOnly))
        record.languages["en"] = LanguageEntry(url: "https://example.org/en/news_3", status: .pending, statusSince: Date())
        try writer.saveRelease(record)
    }

    /// Runs `stele` (through `setpriv` as user nobody when `asNobody`); returns its status, output and errors.
    func stele(_ arguments: [String], asNobody: Bool = false) throws -> (status: Int32?, output: String, errors: String) {
        let base = root + "-\(UUID().uuidString)"
        defer { unlink(base + ".out"); unlink(base + ".err") }
        let (executable, prefix) = asNobody ? ("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", BuiltProducts.stele]) : (BuiltProducts.stele, [])
        let child = try ChildProcess(executable: executable, arguments: prefix + arguments + ["--store", root], standardOutput: base + ".out", standardError: base + ".err")
        let termination = child.wait(timeout: .seconds(60)) ?? child.terminate()
        func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        guard case .exited(let status) = termination else { return (nil, read(base + ".out"), read(base + ".err")) }
        return (status, read(base + ".out"), read(base + ".err"))
    }

    func file(_ key: String, _ relative: String) -> String { root + "/sources/nato/releases/\(key)/\(relative)" }

    @Test("stele show RELEASE without a version shows English, or says English has no version: never the French in its place")
    func showDefaultsToEnglish() throws {
        try makeStore()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let shown = try stele(["show", "news_1"])
        #expect(shown.status == 0 && shown.output == english.map { $0 + "\n" }.joined())
        let missing = try stele(["show", "news_3"])
        let explicit = try stele(["show", "news_3", "en"])
        #expect(missing.status == explicit.status && missing.status != 0)
        #expect(missing.output.isEmpty)
        #expect(missing.errors == explicit.errors && missing.errors.contains("release nato/news_3 has no en version"), "\(missing.errors)")
    }

    @Test("a text changed after it was stored: show and diff fail with exit 1 naming the file; check lists it")
    func alteredText() throws {
        try makeStore()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("The Council did not meet.\nIt agreed on the plan.\n".utf8).write(to: URL(fileURLWithPath: file("news_1", "en/0001.txt")))
        for arguments in [["show", "news_1"], ["diff", "news_1", "en", "fr"]] {
            let result = try stele(arguments)
            #expect(result.status == 1 && result.output.isEmpty, "stele \(arguments.joined(separator: " ")): \(result.output)")
            #expect(result.errors.contains("\(file("news_1", "en/0001.txt")) changed after it was stored"), "\(result.errors)")
            #expect(result.errors.contains("stele check lists such damage"))
        }
        #expect(try stele(["check"]).output.contains("problem: \(file("news_1", "en/0001.txt")): SHA-256 differs"))
    }

    @Test("stele export names each release it cannot read on standard error, exports the others, and exits 1")
    func exportUnreadableRelease() throws {
        try makeStore()
        defer {
            chmod(root + "/sources/nato/releases/news_1", 0o755)
            try? FileManager.default.removeItem(atPath: root)
        }
        #expect(chmod(root + "/sources/nato/releases/news_1", 0) == 0)
        // root reads any folder: the test runs stele as nobody then, as the reviewer did.
        let result = try stele(["export", "--format", "tsv", "--pair", "en-fr"], asNobody: getuid() == 0)
        #expect(result.status == 1)
        #expect(result.errors.contains("stele export: left out nato/news_1: ") && result.errors.contains("Permission denied"), "\(result.errors)")
        #expect(result.errors.contains("1 release(s) could not be read and were left out of the export"))
        #expect(result.output.contains("\tnato/news_2\t") && !result.output.contains("\tnato/news_1\t"), "\(result.output)")
    }

    @Test("a release folder replaced by a file: log and show say it is damaged (exit 1), check says it is not a folder")
    func releaseReplacedByFile() throws {
        try makeStore()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/sources/nato/releases/news_1"
        try FileManager.default.removeItem(atPath: folder)
        try Data("not a release\n".utf8).write(to: URL(fileURLWithPath: folder))
        for command in ["log", "show"] {
            let result = try stele([command, "news_1"])
            #expect(result.status == 1)
            #expect(result.errors.contains("\(folder) is damaged: it is not a folder"), "\(result.errors)")
        }
        let check = try stele(["check"])
        #expect(check.status == 1 && check.output.contains("problem: \(folder): is not a folder"), "\(check.output)")
    }
}
