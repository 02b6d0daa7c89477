import Foundation
import SteleFixtures
import SteleService
import SteleStore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 9: the daemon SIGKILLed at random moments a hundred times against a site that keeps
/// changing, restarted each time; then the store must check clean, hold every version the daemon
/// reported, and converge to what a single uninterrupted run makes of the same site.
@Suite("stele daemon killed at random moments", .serialized)
struct KillRestartTests {
    @Test("100 SIGKILLs: clean store, nothing reported lost, same content as one uninterrupted run", .timeLimit(.minutes(10)))
    func killedAndRestarted() throws {
        let site = NATOLikeSite(releases: 6)
        let server = try FixtureServer(keepsLog: false) { site.respond(to: $0) }
        defer { server.stop() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stele-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("killed").path
        let config = folder.appendingPathComponent("stele.toml").path
        try site.configuration(baseURL: server.baseURL, storePath: store).write(toFile: config, atomically: true, encoding: .utf8)
        let listener = NotifySocketListener()
        defer { listener.close() }
        var environment = ProcessInfo.processInfo.environment
        environment["NOTIFY_SOCKET"] = listener.path

        var random = SeededGenerator(seed: 20_261_129)
        var reported: [(release: String, language: String, version: Int)] = []
        for round in 0..<100 {
            change(site, round: round, random: &random)
            let log = folder.appendingPathComponent("daemon-\(round).log").path
            let daemon = try ChildProcess(executable: BuiltProducts.stele, arguments: ["daemon", "--config", config], environment: environment, standardError: log)
            #expect(listener.next(containing: "READY=1") != nil, "round \(round): no READY")
            usleep(UInt32.random(in: 0..<250_000, using: &random))
            daemon.send(SIGKILL)
            #expect(daemon.wait(timeout: .seconds(10)) == .signaled(SIGKILL))
            reported += Self.reportedVersions(in: (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
        }

        // The same site state, fetched once without interruption, into a fresh store; and once more into the killed one.
        let fresh = folder.appendingPathComponent("fresh").path
        for target in [store, fresh] {
            let fetch = try ChildProcess.run(BuiltProducts.stele, ["fetch", "--config", config, "--store", target])
            #expect(fetch.termination == .exited(0), "\(fetch.output)")
        }
        let check = try ChildProcess.run(BuiltProducts.stele, ["check", "--store", store])
        #expect(check.termination == .exited(0), "\(check.output)")

        let killed = try Store(at: store)
        #expect(reported.count > 20, "too few versions were reported to prove anything")
        for version in reported {
            let release = ReleaseRef(source: "nato", key: ReleaseKey(validating: version.release)!)
            #expect((try? killed.metadata(release, language: version.language, version: version.version)) != nil, "reported \(version) is missing")
        }
        let uninterrupted = try Store(at: fresh)
        #expect(try killed.releases(source: "nato") == uninterrupted.releases(source: "nato"))
        for release in try uninterrupted.releases(source: "nato") {
            for language in ["en", "fr", "uk"] {
                #expect(try killed.release(release)?.languages[language]?.status == uninterrupted.release(release)?.languages[language]?.status, "\(release) \(language)")
                let latest = { (store: Store) throws -> String? in
                    guard let last = try store.versionNumbers(release, language: language).last else { return nil }
                    return try store.text(release, language: language, version: last)
                }
                #expect(try latest(killed) == latest(uninterrupted), "\(release) \(language)")
            }
        }
    }

    /// Each round the site moves on: a new release, a translation arriving whole or in part, or an
    /// English correction.
    private func change(_ site: NATOLikeSite, round: Int, random: inout SeededGenerator) {
        let numbers = site.releaseNumbers
        let number = numbers.randomElement(using: &random)!
        switch Int.random(in: 0..<4, using: &random) {
        case 0: site.addRelease()
        case 1: site.setTranslation(number, "fr", .available)
        case 2: site.setTranslation(number, "uk", Bool.random(using: &random) ? .available : .partial(paragraphs: Int.random(in: 1...2, using: &random)))
        default: site.correctEnglish(number)
        }
    }

    /// The versions the daemon logged as stored (it logs only after the commit).
    static func reportedVersions(in log: String) -> [(release: String, language: String, version: Int)] {
        log.split(separator: "\n").compactMap { line in
            guard line.contains("event=version-new") || line.contains("event=version-revised") else { return nil }
            func field(_ name: String) -> String? {
                line.split(separator: " ").first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) }
            }
            guard let release = field("release")?.split(separator: "/").last, let language = field("lang"), let version = field("version").flatMap(Int.init) else { return nil }
            return (String(release), language, version)
        }
    }
}
