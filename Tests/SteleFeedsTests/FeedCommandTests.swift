import Foundation
import SteleFeeds
import SteleFixtures
import SteleService
import Testing

/// `stele feed`, run as the real executable built next to these tests.
@Suite("stele feed")
struct FeedCommandTests {
    static func stele() throws -> String {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("stele").path
        let inPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug/stele").path
        let path = [besideTests, inPackage].first { FileManager.default.isExecutableFile(atPath: $0) }
        return try #require(path, "build the stele executable first: swift build --build-tests")
    }

    static func run(_ arguments: [String]) throws -> (status: ChildProcess.Termination, json: [String: Any]) {
        let (termination, output) = try ChildProcess.run(try stele(), ["feed", "--json"] + arguments)
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        return (termination, try #require(object, "not a JSON object: \(output)"))
    }

    static func fixturePath(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")).path
    }

    @Test("a feed file prints the issue's JSON shape and exits 0")
    func jsonShape() throws {
        let (status, json) = try Self.run([Self.fixturePath("nato.xml")])
        #expect(status == .exited(0))
        #expect(Set(json.keys) == ["format", "title", "link", "items", "warnings", "error"])
        #expect(json["format"] as? String == "rss2")
        #expect(json["title"] as? String == "NATO News")
        #expect(json["link"] as? String == "https://www.nato.int/cps/en/natohq/news.htm")
        #expect(json["error"] is NSNull)
        #expect((json["warnings"] as? [Any])?.isEmpty == true)
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.count == 3)
        #expect(Set(items[0].keys) == ["id", "link", "title", "published", "updated", "alternates"])
        #expect(items[0]["published"] as? String == "2025-09-19T12:00:00Z")
        #expect(items[0]["updated"] is NSNull)
        #expect((items[0]["alternates"] as? [String: String]) == [:])
    }

    @Test("a truncated feed prints its items and the error, exits 0, and 1 with --strict")
    func partial() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stele-feed-\(UUID().uuidString).xml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = try Fixtures.bytes("nato.xml")
        try Data(bytes.prefix(bytes.count - 200)).write(to: URL(fileURLWithPath: path))

        let (status, json) = try Self.run([path])
        #expect(status == .exited(0))
        #expect((json["items"] as? [Any])?.count == 2)
        #expect((json["error"] as? String)?.hasPrefix("line 25, column 26: the XML is malformed (the document ends inside <description>") == true)
        #expect(try Self.run([path, "--strict"]).status == .exited(1))
    }

    @Test("a file that cannot be read exits 1 with the reason")
    func unreadable() throws {
        let (status, json) = try Self.run(["/nonexistent/feed.xml"])
        #expect(status == .exited(1))
        #expect(json["error"] as? String == "cannot read /nonexistent/feed.xml: No such file or directory")
        #expect(json["format"] is NSNull)
    }

    @Test("an address is fetched; with --follow a sitemap index gives the pages of its sitemaps")
    func followsIndexOverHTTP() throws {
        let site = FixtureSite()
        let server = try FixtureServer { site.respond(to: $0) }
        defer { server.stop() }
        site.put("/sitemap.xml", text: "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>/a.xml</loc></sitemap></sitemapindex>", contentType: "application/xml")
        site.put("/a.xml", text: "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>/en/1</loc></url></urlset>", contentType: "application/xml")

        let index = try Self.run([server.url("/sitemap.xml")])
        #expect(index.status == .exited(0))
        #expect(index.json["format"] as? String == "sitemapindex")
        #expect((index.json["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [server.url("/a.xml")])

        let pages = try Self.run([server.url("/sitemap.xml"), "--follow"])
        #expect(pages.status == .exited(0))
        #expect((pages.json["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [server.url("/en/1")])
    }

    @Test("an address that answers 404 exits 1 with the HTTP error")
    func notFound() throws {
        let server = try FixtureServer { _ in .text("gone", status: 404) }
        defer { server.stop() }
        let (status, json) = try Self.run([server.url("/feed.xml")])
        #expect(status == .exited(1))
        #expect(json["error"] as? String == "\(server.url("/feed.xml")): the server answered HTTP 404")
    }
}
