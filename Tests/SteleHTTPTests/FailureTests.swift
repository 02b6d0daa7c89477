import Foundation
import SteleFixtures
import SteleHTTP
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("Every misbehaviour ends in its own typed error")
struct FailureTests {
    @Test("a 404 is a status error without Retry-After")
    func notFound() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        let error = await fixture.error(fetching: "/missing")
        #expect(error?.kind == .status(404, retryAfter: nil))
        #expect(error?.url == fixture.url("/missing"))
    }

    @Test("429 with Retry-After in seconds")
    func tooManyRequests() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        let error = await fixture.error(fetching: "/misbehave/status/429?retry-after=120")
        #expect(error?.kind == .status(429, retryAfter: .seconds(120)))
    }

    @Test("503 with Retry-After as an HTTP-date")
    func serviceUnavailable() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        let error = await fixture.error(fetching: "/misbehave/status/503?retry-after=Wed,%2021%20Oct%202037%2007:28:00%20GMT")
        #expect(error?.kind == .status(503, retryAfter: .date(Date(timeIntervalSince1970: 2_139_722_880))))
    }

    @Test("the body limit applies to decoded bytes: a small gzip that inflates past it is refused")
    func gzipBomb() async throws {
        let fixture = try ClientFixture { $0.maxBodyBytes = 1 << 20 }
        defer { fixture.stop() }
        let error = await fixture.error(fetching: "/misbehave/gzip-bomb?bytes=\(8 << 20)")
        #expect(error?.kind == .bodyTooLarge(limit: 1 << 20))
    }

    @Test("a body whose Content-Length exceeds the limit is refused")
    func declaredTooLarge() async throws {
        let fixture = try ClientFixture { $0.maxBodyBytes = 4096 }
        defer { fixture.stop() }
        let error = await fixture.error(fetching: "/misbehave/huge?bytes=100000")
        #expect(error?.kind == .bodyTooLarge(limit: 4096))
    }

    @Test("a per-request limit overrides the client's")
    func perRequestLimit() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        do {
            _ = try await fixture.client.fetch(HTTPRequest(url: fixture.url("/misbehave/huge?bytes=5000"), maxBodyBytes: 4999))
            Issue.record("expected bodyTooLarge")
        } catch {
            #expect(error.kind == .bodyTooLarge(limit: 4999))
        }
        let exact = try await fixture.client.fetch(HTTPRequest(url: fixture.url("/misbehave/huge?bytes=5000"), maxBodyBytes: 5000))
        #expect(exact.body.count == 5000)
    }

    @Test("an endless body stops at the limit, not at the timeout")
    func endlessBody() async throws {
        let fixture = try ClientFixture { $0.maxBodyBytes = 2 << 20; $0.totalTimeout = .seconds(120) }
        defer { fixture.stop() }
        // Had the limit not stopped it, the endless body would end in a timeout.
        let error = await fixture.error(fetching: "/misbehave/endless")
        #expect(error?.kind == .bodyTooLarge(limit: 2 << 20))
    }

    @Test("a server that drips one byte a second is cut off by the low-speed limit")
    func drip() async throws {
        let fixture = try ClientFixture { $0.lowSpeedLimit = 10; $0.lowSpeedTime = .seconds(1) }
        defer { fixture.stop() }
        let error = await fixture.error(fetching: "/misbehave/drip?bytes=100&interval-ms=1000")
        #expect(error?.kind == .timedOut(.lowSpeed))
    }

    @Test("a response slower than the total timeout fails with a total timeout")
    func totalTimeout() async throws {
        let fixture = try ClientFixture { $0.totalTimeout = .milliseconds(500) }
        defer { fixture.stop() }
        let error = await fixture.error(fetching: "/misbehave/delay/3000")
        #expect(error?.kind == .timedOut(.total))
    }

    @Test("a host that never accepts the connection fails with a connect timeout")
    func connectTimeout() async throws {
        let blackHole = try BlackHoleListener()
        defer { blackHole.close() }
        let fixture = try ClientFixture { $0.connectTimeout = .milliseconds(500) }
        defer { fixture.stop() }
        let error = await fixture.error(fetchingURL: "http://127.0.0.1:\(blackHole.port)/")
        #expect(error?.kind == .timedOut(.connect))
    }

    @Test("a port nobody listens on refuses the connection")
    func connectionRefused() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        let closedPort = try FixtureServer { _ in FixtureResponse() }
        let port = closedPort.port
        closedPort.stop()
        let error = await fixture.error(fetchingURL: "http://127.0.0.1:\(port)/")
        #expect(error?.kind == .connectionRefused)
    }

    @Test("a name that does not resolve is a DNS failure naming the host")
    func dnsFailure() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        let error = await fixture.error(fetchingURL: "http://stele-test.invalid/feed.xml")
        #expect(error?.kind == .dnsFailure(host: "stele-test.invalid"))
    }

    @Test("https to a server that does not speak TLS fails the handshake")
    func tlsFailure() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        let error = await fixture.error(fetchingURL: "https://127.0.0.1:\(fixture.server.port)/")
        guard case .tls = error?.kind else {
            Issue.record("expected a TLS error, got \(String(describing: error))")
            return
        }
    }

    @Test("a connection closed mid-body is a lost connection")
    func truncated() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        let error = await fixture.error(fetching: "/misbehave/truncated")
        guard case .connectionLost = error?.kind else {
            Issue.record("expected connectionLost, got \(String(describing: error))")
            return
        }
    }

    @Test("a connection reset mid-body is a lost connection")
    func reset() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        let error = await fixture.error(fetching: "/misbehave/reset")
        guard case .connectionLost = error?.kind else {
            Issue.record("expected connectionLost, got \(String(describing: error))")
            return
        }
    }

    @Test("a server that hangs up without answering is a lost connection")
    func hangUp() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        let error = await fixture.error(fetching: "/misbehave/close")
        guard case .connectionLost = error?.kind else {
            Issue.record("expected connectionLost, got \(String(describing: error))")
            return
        }
    }

    @Test("a body longer than its Content-Length is cut at the declared length")
    func overlong() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        let response = try await fixture.fetch("/misbehave/overlong")
        #expect(response.body == Array("01234".utf8))
    }

    @Test("a body that claims gzip but is not is a content-encoding error")
    func badGzip() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        let error = await fixture.error(fetching: "/misbehave/bad-gzip")
        guard case .badContentEncoding = error?.kind else {
            Issue.record("expected badContentEncoding, got \(String(describing: error))")
            return
        }
    }

    @Test("addresses that are not http or https are refused before any transfer", arguments: [
        ("file:///etc/passwd", "file"), ("ftp://127.0.0.1/x", "ftp"), ("gopher://127.0.0.1/", "gopher"),
    ])
    func forbiddenSchemes(url: String, scheme: String) async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        let error = await fixture.error(fetchingURL: url)
        #expect(error?.kind == .forbiddenScheme(scheme))
    }

    @Test("text that is no URL is an invalid address", arguments: ["not a url", "", "http://", "/relative/path"])
    func invalidURL(url: String) async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        let error = await fixture.error(fetchingURL: url)
        guard case .invalidURL = error?.kind else {
            Issue.record("expected invalidURL, got \(String(describing: error))")
            return
        }
    }

    @Test("every error message names the address")
    func messagesNameTheURL() {
        let error = HTTPError(url: "https://www.nato.int/x", kind: .bodyTooLarge(limit: 10))
        #expect(error.description.hasPrefix("https://www.nato.int/x: "))
        #expect(error.code == "body-too-large")
    }
}

/// A listening socket whose accept queue is full, so that further connection attempts are never
/// answered: the SYN is dropped and the client's connect times out.
final class BlackHoleListener {
    let port: UInt16
    private let listener: Int32
    private var fillers: [Int32] = []

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        listen(listener, 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        var fillers: [Int32] = []
        // Fill the accept queue with connections nobody accepts.
        for _ in 0..<4 {
            let filler = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(filler, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            fillers.append(filler)
        }
        self.fillers = fillers
        usleep(50_000)
    }

    func close() {
        fillers.forEach { _ = Glibc.close($0) }
        _ = Glibc.close(listener)
    }
}
