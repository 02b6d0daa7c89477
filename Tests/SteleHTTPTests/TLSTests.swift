import Foundation
import SteleFixtures
import SteleService
import SteleHTTP
import Testing

/// `openssl s_server` with a self-signed certificate for 127.0.0.1, made for the test.
final class SelfSignedTLSServer {
    let port: Int
    let certificatePath: String
    private let folder: URL
    private let server: ChildProcess

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("stele-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        certificatePath = folder.appendingPathComponent("cert.pem").path
        let keyPath = folder.appendingPathComponent("key.pem").path
        let made = try ChildProcess.run("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", keyPath, "-out", certificatePath,
        ])
        try #require(made.termination == .exited(0))
        // A port of our own: bind a fixture server to get a free one, then hand it over.
        let probe = try FixtureServer { _ in FixtureResponse() }
        port = Int(probe.port)
        probe.stop()
        usleep(50_000)
        server = try ChildProcess(executable: "/usr/bin/openssl", arguments: [
            "s_server", "-accept", "127.0.0.1:\(port)", "-cert", certificatePath, "-key", keyPath, "-www", "-quiet",
        ])
        for _ in 0..<200 where !Self.canConnect(port: port) { usleep(20_000) }
    }

    func stop() {
        server.terminate()
        try? FileManager.default.removeItem(at: folder)
    }

    private static func canConnect(port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}

@Suite("TLS: verification always on", .serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")))
struct TLSTests {
    @Test("a self-signed certificate is refused with a TLS error")
    func selfSignedRefused() async throws {
        let server = try SelfSignedTLSServer()
        defer { server.stop() }
        let client = HTTPClient()
        defer { client.shutdown() }
        do {
            _ = try await client.fetch(HTTPRequest(url: "https://127.0.0.1:\(server.port)/"))
            Issue.record("a self-signed certificate was accepted")
        } catch {
            guard case .tls = error.kind else {
                Issue.record("expected a TLS error, got \(error)")
                return
            }
        }
    }

    @Test("the same certificate is trusted when it is the configured CA file")
    func customCertificateAuthority() async throws {
        let server = try SelfSignedTLSServer()
        defer { server.stop() }
        var configuration = HTTPClientConfiguration()
        configuration.caFile = server.certificatePath
        let client = HTTPClient(configuration: configuration)
        defer { client.shutdown() }
        let response = try await client.fetch(HTTPRequest(url: "https://127.0.0.1:\(server.port)/"))
        #expect(response.status == 200)
    }

    @Test("a CA file that does not exist is a TLS failure, not a silent fallback")
    func missingCAFile() async throws {
        let server = try SelfSignedTLSServer()
        defer { server.stop() }
        var configuration = HTTPClientConfiguration()
        configuration.caFile = "/nonexistent/stele-ca.pem"
        let client = HTTPClient(configuration: configuration)
        defer { client.shutdown() }
        do {
            _ = try await client.fetch(HTTPRequest(url: "https://127.0.0.1:\(server.port)/"))
            Issue.record("expected a TLS error")
        } catch {
            guard case .tls = error.kind else {
                Issue.record("expected a TLS error, got \(error)")
                return
            }
        }
    }
}
