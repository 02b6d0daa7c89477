import Foundation
import SteleFixtures
import SteleHTTP
import Testing

@Suite("The fixture web server")
struct FixtureServerTests {
    @Test("documents are found by full target first, then by path")
    func targets() {
        let site = FixtureSite()
        site.put("/news_1.htm", text: "english")
        site.put("/news_1.htm?selectedLocale=fr", text: "français")
        #expect(body(site.respond(to: FixtureRequest(target: "/news_1.htm?selectedLocale=fr"))) == "français")
        #expect(body(site.respond(to: FixtureRequest(target: "/news_1.htm?selectedLocale=uk"))) == "english")
        #expect(site.respond(to: FixtureRequest(target: "/other.htm")).status == 404)
    }

    @Test("If-None-Match decides over If-Modified-Since")
    func conditionalPrecedence() throws {
        let site = FixtureSite()
        site.put("/a", text: "a", lastModified: Date(timeIntervalSince1970: 1_000_000))
        let etag = try #require(site.document(at: "/a")?.etag)
        let later = "Sat, 01 Jan 2000 00:00:00 GMT"
        #expect(site.respond(to: FixtureRequest(target: "/a", headers: [("if-none-match", etag)])).status == 304)
        #expect(site.respond(to: FixtureRequest(target: "/a", headers: [("if-none-match", "\"other\""), ("if-modified-since", later)])).status == 200)
        #expect(site.respond(to: FixtureRequest(target: "/a", headers: [("if-modified-since", later)])).status == 304)
        #expect(site.respond(to: FixtureRequest(target: "/a", headers: [("if-modified-since", "Thu, 01 Jan 1970 00:00:00 GMT")])).status == 200)
    }

    @Test("a folder is served at its relative paths")
    func folder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stele-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("feeds"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<rss/>".utf8).write(to: folder.appendingPathComponent("feeds/en.xml"))
        let site = try FixtureSite(folder: folder.path)
        let response = site.respond(to: FixtureRequest(target: "/feeds/en.xml"))
        #expect(body(response) == "<rss/>")
        #expect(response.header("Content-Type") == "application/xml; charset=utf-8")
    }

    @Test("a request with oversized headers gets 431 and the connection closes")
    func oversizedHeaders() async throws {
        let server = try FixtureServer { _ in .text("ok") }
        defer { server.stop() }
        let client = HTTPClient()
        defer { client.shutdown() }
        do {
            _ = try await client.fetch(HTTPRequest(url: server.url("/"), headers: [HTTPHeader("X-Big", String(repeating: "x", count: 70_000))]))
            Issue.record("expected 431")
        } catch {
            #expect(error.kind == .status(431, retryAfter: nil))
        }
    }

    @Test("keep-alive: many requests share few connections")
    func keepAlive() async throws {
        let server = try FixtureServer { _ in .text("ok") }
        defer { server.stop() }
        let client = HTTPClient()
        defer { client.shutdown() }
        for _ in 0..<20 { _ = try await client.fetch(HTTPRequest(url: server.url("/"))) }
        #expect(server.requests.count == 20)
        #expect(server.connectionCount == 1)
    }

    private func body(_ response: FixtureResponse) -> String? {
        if case .bytes(let bytes) = response.body { return String(decoding: bytes, as: UTF8.self) }
        return nil
    }
}
