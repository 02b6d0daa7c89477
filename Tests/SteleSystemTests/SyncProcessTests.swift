import Foundation
import SteleFixtures
import SteleService
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `stele fetch` and `stele daemon` as processes under hard conditions: a full disk, two writers,
/// a stop in the middle of a large sync.
@Suite("Syncing under hard conditions", .serialized)
struct SyncProcessTests {
    /// A fixture site and a configuration that follows it, in a temporary folder.
    final class Setup {
        let site: NATOLikeSite
        let server: FixtureServer
        let folder: URL
        let config: String

        init(releases: Int, translated: Bool = true, pageDelay: Duration = .zero) throws {
            let site = NATOLikeSite(releases: releases)
            if translated {
                for number in site.releaseNumbers {
                    site.setTranslation(number, "fr", .available)
                    site.setTranslation(number, "uk", .available)
                }
            }
            self.site = site
            server = try FixtureServer(keepsLog: false) { request in
                var response = site.respond(to: request)
                if request.path.contains("news_") { response.delay = pageDelay }
                return response
            }
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("stele-process-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            config = folder.appendingPathComponent("stele.toml").path
            try site.configuration(baseURL: server.baseURL, storePath: folder.appendingPathComponent("store").path)
                .write(toFile: config, atomically: true, encoding: .utf8)
        }

        func fetch(store: String? = nil, _ extra: [String] = []) throws -> (termination: ChildProcess.Termination, output: String, errors: String) {
            let errors = folder.appendingPathComponent("fetch-\(UUID().uuidString).err").path
            let output = folder.appendingPathComponent("fetch-\(UUID().uuidString).out").path
            var arguments = ["fetch", "--config", config] + extra
            if let store { arguments += ["--store", store] }
            let child = try ChildProcess(executable: BuiltProducts.stele, arguments: arguments, standardOutput: output, standardError: errors)
            let termination = child.wait(timeout: .seconds(120)) ?? child.terminate()
            return (termination, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "", (try? String(contentsOfFile: errors, encoding: .utf8)) ?? "")
        }

        deinit {
            server.stop()
            try? FileManager.default.removeItem(at: folder)
        }
    }

    @Test("the disk fills up mid-sync: a clear error, no half version; after space is freed the next run completes",
          .enabled(if: TmpfsMount.isPermitted, "needs the right to mount a tmpfs (root)"))
    func diskFull() throws {
        let setup = try Setup(releases: 40)
        let point = setup.folder.appendingPathComponent("small").path
        try #require(mkdir(point, 0o755) == 0 && mount("tmpfs", point, "tmpfs", 0, "size=8m") == 0)
        defer { umount2(point, Int32(MNT_DETACH)) }
        let store = point + "/store"
        var fs = statvfs()
        statvfs(point, &fs)
        let filler = point + "/filler"
        try Data(count: Int(fs.f_bavail) * Int(fs.f_frsize) - 400_000).write(to: URL(fileURLWithPath: filler))

        let full = try setup.fetch(store: store)
        #expect(full.termination == .exited(1))
        #expect(full.errors.contains("no space left"), "\(full.errors)")
        let check = try ChildProcess.run(BuiltProducts.stele, ["check", "--store", store])
        #expect(check.termination == .exited(0), "a half version was left: \(check.output)")

        unlink(filler)
        let freed = try setup.fetch(store: store)
        #expect(freed.termination == .exited(0), "\(freed.errors)")
        #expect(freed.output.contains("failures: none"))
        let after = try ChildProcess.run(BuiltProducts.stele, ["check", "--store", store])
        #expect(after.termination == .exited(0))
        #expect(after.output.contains("(40 releases, 120 versions"), "\(after.output)")
    }

    @Test("two fetches at once: the second fails at once naming the first, or waits for it with --wait")
    func twoWriters() throws {
        let setup = try Setup(releases: 8, pageDelay: .milliseconds(200))
        let slowErrors = setup.folder.appendingPathComponent("slow.err").path
        let slow = try ChildProcess(executable: BuiltProducts.stele, arguments: ["fetch", "--config", setup.config], standardError: slowErrors)
        // Wait until the first holds the lock (it has logged its first release).
        for _ in 0..<400 where !((try? String(contentsOfFile: slowErrors, encoding: .utf8))?.contains("new release") ?? false) { usleep(10_000) }

        let second = try setup.fetch()
        #expect(second.termination == .exited(1))
        #expect(second.errors.contains("locked by process \(slow.pid)"), "\(second.errors)")

        let waiting = try setup.fetch(["--wait"])
        #expect(waiting.termination == .exited(0), "\(waiting.errors)")
        #expect(slow.wait(timeout: .seconds(60)) == .exited(0))
    }

    @Test("stele fetch --release: one release is worked; a name neither the store nor the feed knows is exit 2")
    func oneRelease() throws {
        let setup = try Setup(releases: 3)
        let key = NATOLikeSite.key(NATOLikeSite.firstNumber)
        let one = try setup.fetch(["--release", key])
        #expect(one.termination == .exited(0), "\(one.errors)")
        #expect(one.output.contains("new releases: 1;"))
        for name in ["news_1", "../../etc/passwd"] {
            let unknown = try setup.fetch(["--release", name])
            #expect(unknown.termination == .exited(2))
            #expect(unknown.errors.contains("no release \"\(name)\" in the store or in the feeds polled now"))
        }
    }

    @Test("SIGTERM in the middle of a large sync: exit 0 within 5 seconds, and a clean store")
    func stopDuringSync() throws {
        let setup = try Setup(releases: 300, pageDelay: .milliseconds(20))
        let listener = NotifySocketListener()
        defer { listener.close() }
        var environment = ProcessInfo.processInfo.environment
        environment["NOTIFY_SOCKET"] = listener.path
        let daemon = try ChildProcess(executable: BuiltProducts.stele, arguments: ["daemon", "--config", setup.config], environment: environment)
        #expect(listener.next(containing: "READY=1") != nil)
        usleep(1_500_000)
        let stopping = ContinuousClock.now
        daemon.send(SIGTERM)
        #expect(daemon.wait(timeout: .seconds(5)) == .exited(0))
        #expect(ContinuousClock.now - stopping < .seconds(5))
        let check = try ChildProcess.run(BuiltProducts.stele, ["check", "--store", setup.folder.appendingPathComponent("store").path])
        #expect(check.termination == .exited(0), "\(check.output)")
        #expect(!check.output.contains("(300 releases"), "the sync was not stopped in the middle: \(check.output)")
    }
}
