import Foundation
import SteleFixtures
import SteleHTTP
import Testing

@Suite("Fetching with the libcurl client")
struct FetchTests {
    @Test("a 200 carries the body, content type, charset and validators exactly as sent")
    func plainFetch() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        let modified = Date(timeIntervalSince1970: 1_758_283_200)  // 2025-09-19 12:00:00 UTC
        fixture.site.put("/news.htm", FixtureSite.Document(body: Array("<p>Bonjour</p>".utf8), contentType: "text/html; Charset=\"Windows-1251\"", lastModified: modified))

        let response = try await fixture.fetch("/news.htm")

        #expect(response.status == 200)
        #expect(response.body == Array("<p>Bonjour</p>".utf8))
        #expect(response.contentType == "text/html; Charset=\"Windows-1251\"")
        #expect(response.charset == "windows-1251")
        #expect(response.validators.lastModified == "Fri, 19 Sep 2025 12:00:00 GMT")
        #expect(response.validators.etag == FixtureSite.Document(body: Array("<p>Bonjour</p>".utf8), contentType: "").etag)
        #expect(response.finalURL == fixture.url("/news.htm"))
        #expect(response.redirects.isEmpty)
    }

    @Test("an ETag sent back as If-None-Match gives a 304 with no body")
    func notModifiedByETag() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        fixture.site.put("/feed.xml", text: "<rss/>")
        let first = try await fixture.fetch("/feed.xml")

        let second = try await fixture.fetch("/feed.xml", validators: HTTPValidators(etag: first.validators.etag))

        #expect(second.status == 304)
        #expect(second.isNotModified)
        #expect(second.body.isEmpty)
        #expect(second.validators.etag == first.validators.etag)
        #expect(fixture.server.requests.last?.request.header("If-None-Match") == first.validators.etag)
    }

    @Test("a Last-Modified sent back as If-Modified-Since gives a 304")
    func notModifiedByDate() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        fixture.site.put("/feed.xml", text: "<rss/>", lastModified: Date(timeIntervalSince1970: 1_700_000_000))
        let first = try await fixture.fetch("/feed.xml")

        let second = try await fixture.fetch("/feed.xml", validators: HTTPValidators(lastModified: first.validators.lastModified))

        #expect(second.isNotModified)
        #expect(fixture.server.requests.last?.request.header("If-Modified-Since") == "Tue, 14 Nov 2023 22:13:20 GMT")
    }

    @Test("a changed document is sent again despite old validators")
    func modifiedAfterValidators() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        fixture.site.put("/page.htm", text: "one")
        let first = try await fixture.fetch("/page.htm")
        fixture.site.put("/page.htm", text: "two")

        let second = try await fixture.fetch("/page.htm", validators: first.validators)

        #expect(second.status == 200)
        #expect(second.body == Array("two".utf8))
        #expect(second.validators.etag != first.validators.etag)
    }

    @Test("bodies are requested compressed and arrive decoded")
    func compressedTransfer() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        let text = String(repeating: "Les Alliés ont réaffirmé leur soutien. ", count: 200)
        fixture.site.put("/long.htm", text: text)

        let response = try await fixture.fetch("/long.htm")

        let acceptEncoding = try #require(fixture.server.requests.last?.request.header("Accept-Encoding"))
        #expect(acceptEncoding.contains("gzip"))
        #expect(response.body == Array(text.utf8))
        #expect(response.validators.etag?.hasSuffix("-gz\"") == true)
    }

    @Test("the User-Agent names Stele, its version and the operator's contact")
    func userAgent() async throws {
        let fixture = try ClientFixture { $0.userAgent = UserAgent(contact: "mailto:desk@example.org") }
        defer { fixture.stop() }
        fixture.site.put("/a", text: "a")

        _ = try await fixture.fetch("/a")

        #expect(fixture.server.requests.last?.request.header("User-Agent") == "Stele/\(SteleVersion.current) (+mailto:desk@example.org)")
    }

    @Test("extra request headers are sent; ones with line breaks are dropped")
    func extraHeaders() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        fixture.site.put("/a", text: "a")

        _ = try await fixture.client.fetch(HTTPRequest(url: fixture.url("/a"), headers: [
            HTTPHeader("Accept-Language", "fr"),
            HTTPHeader("X-Injected", "a\r\nX-Evil: 1"),
        ]))

        let request = try #require(fixture.server.requests.last?.request)
        #expect(request.header("Accept-Language") == "fr")
        #expect(request.header("X-Injected") == nil)
        #expect(request.header("X-Evil") == nil)
    }

    @Test("two hundred transfers at once all complete with their own bodies")
    func manyAtOnce() async throws {
        let fixture = try ClientFixture { $0.maxConcurrentTransfersPerHost = 8 }
        defer { fixture.stop() }
        for number in 0..<200 { fixture.site.put("/p/\(number)", text: "page \(number)") }

        let bodies = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for number in 0..<200 {
                group.addTask { (number, String(decoding: try await fixture.fetch("/p/\(number)").body, as: UTF8.self)) }
            }
            return try await group.reduce(into: [Int: String]()) { $0[$1.0] = $1.1 }
        }

        #expect(bodies.count == 200)
        #expect(bodies.allSatisfy { $0.value == "page \($0.key)" })
    }
}
