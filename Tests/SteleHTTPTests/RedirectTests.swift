import Foundation
import SteleFixtures
import SteleHTTP
import Testing

@Suite("Redirects: followed safely, reported exactly")
struct RedirectTests {
    @Test("a 301 chain is followed and its end is the address to remember", arguments: [301, 308])
    func permanent(status: Int) async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        fixture.site.put("/new", text: "moved here")
        let hop = "/misbehave/redirect?status=\(status)&to=/new"

        let response = try await fixture.fetch(hop)

        #expect(response.body == Array("moved here".utf8))
        #expect(response.finalURL == fixture.url("/new"))
        #expect(response.redirects == [HTTPRedirect(status: status, from: fixture.url(hop), to: fixture.url("/new"))])
        #expect(response.permanentURL == fixture.url("/new"))
    }

    @Test("temporary redirects are followed but never replace the address", arguments: [302, 303, 307])
    func temporary(status: Int) async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        fixture.site.put("/new", text: "for now")

        let response = try await fixture.fetch("/misbehave/redirect?status=\(status)&to=/new")

        #expect(response.finalURL == fixture.url("/new"))
        #expect(response.redirects.map(\.status) == [status])
        #expect(response.permanentURL == nil)
    }

    @Test("a permanent hop followed by a temporary one remembers only the permanent part")
    func mixedChain() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        fixture.site.put("/final", text: "end")
        let second = "/misbehave/redirect?status=302&to=/final"
        let first = "/misbehave/redirect?status=301&to=" + second.replacingOccurrences(of: "&", with: "%26").replacingOccurrences(of: "?", with: "%3F").replacingOccurrences(of: "=", with: "%3D")

        let response = try await fixture.fetch(first)

        #expect(response.redirects.map(\.status) == [301, 302])
        #expect(response.permanentURL == fixture.url(second))
        #expect(response.finalURL == fixture.url("/final"))
    }

    @Test("a redirect loop stops after the limit")
    func loop() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        let error = await fixture.error(fetching: "/misbehave/redirect-loop/0")
        #expect(error?.kind == .tooManyRedirects(limit: 5))
        #expect(fixture.server.requests.count == 6)
    }

    @Test("a redirect to file:// is refused and nothing local is read")
    func toFile() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        let error = await fixture.error(fetching: "/misbehave/redirect-file")
        #expect(error?.kind == .forbiddenScheme("file"))
    }
}
