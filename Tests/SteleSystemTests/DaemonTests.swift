import Foundation
import SteleFixtures
import SteleService
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `stele daemon` as a child process, against the fixture site, with a notification socket the
/// test listens on, as systemd would.
@Suite("stele daemon under a notify socket", .serialized)
struct DaemonTests {
    @Test("READY, WATCHDOG, a refused broken reload, a good reload, and SIGTERM to a clean exit and store")
    func lifecycle() throws {
        let site = NATOLikeSite(releases: 3)
        let server = try FixtureServer { site.respond(to: $0) }
        defer { server.stop() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stele-daemon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("store").path
        let configPath = folder.appendingPathComponent("stele.toml").path
        let probe = try FixtureServer { _ in FixtureResponse() }
        let metricsPort = probe.port
        probe.stop()
        let good = site.configuration(baseURL: server.baseURL, storePath: store) + "\n[metrics]\nlisten = \"127.0.0.1:\(metricsPort)\"\n"
        try good.write(toFile: configPath, atomically: true, encoding: .utf8)
        let listener = NotifySocketListener()
        defer { listener.close() }
        let log = folder.appendingPathComponent("daemon.log").path

        var environment = ProcessInfo.processInfo.environment
        environment["NOTIFY_SOCKET"] = listener.path
        environment["WATCHDOG_USEC"] = "1000000"
        let daemon = try ChildProcess(executable: BuiltProducts.stele, arguments: ["daemon", "--config", configPath], environment: environment, standardError: log)
        defer { if daemon.wait(timeout: .zero) == nil { daemon.send(SIGKILL) } }

        #expect(listener.next(containing: "READY=1") != nil)
        #expect(listener.next(containing: "WATCHDOG=1", timeout: .seconds(5)) != nil)
        // The first pass stores the three English versions.
        for _ in 0..<200 where (try? FileManager.default.contentsOfDirectory(atPath: store + "/sources/nato/releases").count) != 3 {
            usleep(50_000)
        }

        let metrics = try ChildProcess.run("/usr/bin/curl", ["--silent", "http://127.0.0.1:\(metricsPort)/metrics"])
        #expect(metrics.output.contains("stele_versions_stored_total{source=\"nato\",lang=\"en\"} 3"), "\(metrics.output)")
        #expect(metrics.output.contains("stele_pending_translations{source=\"nato\"} 6"))

        try "[[source]]\nid = \"nato\"\nfeeds = \"x\"\n".write(toFile: configPath, atomically: true, encoding: .utf8)
        daemon.send(SIGHUP)
        #expect(listener.next(containing: "RELOADING=1") != nil)
        #expect(listener.next(containing: "READY=1") != nil)
        #expect(daemon.wait(timeout: .milliseconds(300)) == nil, "the daemon died on a broken configuration")

        try good.write(toFile: configPath, atomically: true, encoding: .utf8)
        daemon.send(SIGHUP)
        #expect(listener.next(containing: "READY=1") != nil)

        let stopping = ContinuousClock.now
        daemon.send(SIGTERM)
        #expect(listener.next(containing: "STOPPING=1") != nil)
        #expect(daemon.wait(timeout: .seconds(5)) == .exited(0))
        #expect(ContinuousClock.now - stopping < .seconds(5))

        let logText = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(logText.contains("the new configuration is refused; the old one stays in effect"))
        #expect(logText.contains("unknown key \\\"feeds\\\"") || logText.contains("unknown key \"feeds\""))
        let check = try ChildProcess.run(BuiltProducts.stele, ["check", "--store", store])
        #expect(check.termination == .exited(0), "\(check.output)")
        #expect(check.output.contains("clean (3 releases, 3 versions"))
    }
}
