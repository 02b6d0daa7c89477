import Foundation
import SteleFixtures
import SteleService
import Testing

/// The `stele` executable built next to this test bundle (by `swift build --build-tests`).
private let steleBinary = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("stele").path

@Suite("stele extract, the command", .enabled(if: FileManager.default.isExecutableFile(atPath: steleBinary), "build the stele executable first (swift build --build-tests)"))
struct ExtractCommandTests {
    struct Run {
        var status: ChildProcess.Termination
        var output: String
        var errors: String
    }

    func stele(_ arguments: String...) throws -> Run { try stele(arguments) }

    func stele(_ arguments: [String]) throws -> Run {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stele-extract-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out").path
        let errors = folder.appendingPathComponent("err").path
        let child = try ChildProcess(executable: steleBinary, arguments: ["extract"] + arguments, standardOutput: output, standardError: errors)
        let status = child.wait(timeout: .seconds(60)) ?? child.terminate()
        return Run(status: status, output: try String(contentsOfFile: output, encoding: .utf8), errors: try String(contentsOfFile: errors, encoding: .utf8))
    }

    func fixturePath(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: name, withExtension: "html", subdirectory: "Fixtures")).path
    }

    @Test("a file with a rule and --json prints the paragraphs and exits 0")
    func fileToJSON() throws {
        let run = try stele(try fixturePath("release-uk"), "--rule", "section.content", "--base-url", "https://www.nato.int/cps/uk/natohq/news_990001.htm", "--json")
        #expect(run.status == .exited(0))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(parsed["paragraphs"] as? [String] == ExpectedRelease.ukrainian)
        #expect(parsed["language"] as? String == "uk")
        #expect(run.errors.isEmpty)
    }

    @Test("an address is fetched; the server's charset is used")
    func url() throws {
        let site = FixtureSite()
        let server = try FixtureServer { site.respond(to: $0) }
        defer { server.stop() }
        site.put("/page.htm", FixtureSite.Document(body: try Fixture.bytes("ukrainian-windows-1251-undeclared"), contentType: "text/html; charset=windows-1251"))
        let run = try stele(server.url("/page.htm"))
        #expect(run.status == .exited(0))
        #expect(run.output.hasSuffix("\n\n" + DecodingTests.ukrainianParagraphs.joined(separator: "\n") + "\n"))
        #expect(run.output.contains("charset: windows-1251 (http)"))
    }

    @Test("a failed fetch exits 1 and says why")
    func failedFetch() throws {
        let server = try FixtureServer { _ in FixtureResponse(status: 404) }
        defer { server.stop() }
        let run = try stele(server.url("/gone.htm"))
        #expect(run.status == .exited(1))
        #expect(run.errors.contains("HTTP 404"))
    }

    @Test("bad arguments and refused pages exit 2 with a message", arguments: [
        (["--rule", "p:hover", "PAGE"], "is not in Stele's CSS subset"),
        (["/no/such/file.html"], "cannot open the file"),
        (["ftp://example.org/a.html"], "only files and http:// or https:// addresses"),
        (["--max-bytes", "100", "PAGE"], "more than the limit of 100 bytes"),
    ])
    func refused(arguments: [String], message: String) throws {
        let page = try fixturePath("release-en")
        let run = try stele(arguments.map { $0 == "PAGE" ? page : $0 })
        #expect(run.status == .exited(2))
        #expect(run.errors.contains(message))
    }

    @Test("a page without text exits 0 with a warning on standard error")
    func noText() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stele-empty-\(UUID().uuidString).html")
        try Data("<html><body><script>x()</script></body></html>".utf8).write(to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try stele(folder.path, "--json")
        #expect(run.status == .exited(0))
        #expect(run.errors.contains("warning: the page has no paragraphs of text"))
        #expect(run.output.contains("\"paragraphs\": []"))
    }
}
