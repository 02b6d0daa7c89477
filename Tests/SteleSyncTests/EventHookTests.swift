import Foundation
import SteleConfig
import SteleStore
import SteleSync
import SteleSyncFixtures
import Testing

@Suite("The on_event command")
struct EventHookTests {
    @Test("runs once per event with the event as JSON on standard input, in order")
    func delivery() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("stele-hook-\(UUID().uuidString)").path
        defer { unlink(output) }
        let harness = try SyncHarness(releases: 2, hook: EventHook(command: ["/bin/sh", "-c", "cat >> \(output)"]))
        _ = try await harness.pass()
        harness.engine.waitForEventCommands()
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let delivered = try lines.map { try decoder.decode(StoreEvent.self, from: Data($0.utf8)) }
        #expect(delivered.map(\.kind) == (try harness.events()).map(\.kind))
        #expect(delivered.map(\.sequence) == (try harness.events()).map(\.sequence))
        #expect(delivered.filter { $0.kind == "release-new" }.count == 2)
    }

    @Test("a command that hangs is stopped at its timeout, and the sync does not wait for it", .timeLimit(.minutes(1)))
    func hangingCommand() async throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("stele-hook-\(UUID().uuidString)").path
        defer { unlink(marker) }
        let harness = try SyncHarness(releases: 1, hook: EventHook(command: ["/bin/sh", "-c", "sleep 600; touch \(marker)"], timeout: .seconds(1)))
        let report = try await harness.pass()
        #expect(report.newReleases == 1)
        // Each of the events' commands is killed after a second instead of running ten minutes.
        harness.engine.waitForEventCommands()
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test("a command that does not exist is logged, and the sync goes on")
    func missingCommand() async throws {
        let harness = try SyncHarness(releases: 1, hook: EventHook(command: ["/nonexistent/stele-hook"]))
        let report = try await harness.pass()
        harness.engine.waitForEventCommands()
        #expect(report.newReleases == 1)
        #expect(report.failures.isEmpty)
    }
}
