import Foundation
import SteleLanguage
import SteleExtract
import SteleFixtures
import SteleHTTP
import Testing

@Suite("Pages fetched over HTTP from a local server")
struct FetchedPageTests {
    @Test("the HTTP charset and the final address after a redirect reach the extractor")
    func fetchedPage() async throws {
        let site = FixtureSite()
        let server = try FixtureServer { request in Misbehaviour.respond(to: request) ?? site.respond(to: request) }
        defer { server.stop() }
        site.put("/uk/news_1.htm", FixtureSite.Document(
            body: try Fixture.bytes("ukrainian-windows-1251-undeclared") + Array("<p><a href='/fr/news_1.htm'>French</a> <a href='/en/news_1.htm'>English</a></p>".utf8),
            contentType: "text/html; charset=windows-1251"
        ))
        let client = HTTPClient(configuration: HTTPClientConfiguration())
        defer { client.shutdown() }

        let response = try await client.fetch(HTTPRequest(url: server.url("/misbehave/redirect?status=301&to=/uk/news_1.htm")))
        let page = try PageExtractor().extract(HTMLPage(bytes: response.body, url: response.finalURL, httpCharset: response.charset))

        #expect(page.paragraphs == DecodingTests.ukrainianParagraphs)
        #expect(page.charsetSource == .http)
        #expect(page.language.language == .uk)
        #expect(page.alternates[.fr] == AlternateLink(language: .fr, url: server.url("/fr/news_1.htm"), via: .switcher))
    }
}
