import Foundation
import SteleFixtures
import SteleReports
import SteleStore
import SteleSyncFixtures
import Testing

@Suite("stele sources: each source's health")
struct SourceHealthTests {
    let nato = SourceHealth.Configured(id: "nato", name: "NATO", languages: ["en", "fr", "uk"], feeds: ["https://www.nato.int/rss.xml"])

    @Test("a healthy source: its polls, its releases and its pending translations")
    func healthy() async throws {
        let scenario = try await ScenarioStore.shared
        let health = try SourceHealth(store: try scenario.store, configured: [nato])
        #expect(health.text(dates: .utc) == """
            SOURCE  STATUS  LAST POLL         LAST SUCCESS      FAILURES  NEXT POLL         RELEASES  PENDING  MISSING
            nato    ok      2025-12-04 19:12  2025-12-04 19:12         0  2025-12-04 19:27         4        3        0

            """)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(health.json.utf8)) as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(entries[0]["status"] as? String == "ok" && entries[0]["configured"] as? Bool == true)
        #expect(entries[0]["lastPoll"] as? String == "2025-12-04T19:12:00.000Z")
        #expect(entries[0]["nextPoll"] as? String == "2025-12-04T19:27:00.000Z")
        #expect(entries[0]["pending"] as? Int == 3 && entries[0]["releases"] as? Int == 4)
        #expect((entries[0]["feeds"] as? [[String: Any]])?.count == 1)
    }

    @Test("a source whose feed fails: failing, with the feed, its failures and its error; a configured source never polled; one no longer configured")
    func failing() async throws {
        let harness = try SyncHarness(releases: 1)
        _ = try await harness.pass()
        harness.faults.add(NATOLikeSite.feedPath, .text("down for maintenance\n", status: 503))
        for _ in 0..<2 {
            harness.clock.advance(hours: 2)
            _ = try await harness.pass()
        }
        let otan = SourceHealth.Configured(id: "otan", name: "OTAN", languages: ["fr"], feeds: [])
        let health = try SourceHealth(store: harness.store, configured: [otan, nato])
        #expect(health.entries.map(\.status) == ["never polled", "failing"])
        let failing = health.entries[1]
        #expect(failing.consecutiveFailures == 2)
        #expect(failing.lastSuccess == Date(timeIntervalSince1970: 1_764_849_600))
        let text = health.text(dates: .utc)
        #expect(text.contains("nato    failing       2025-12-04 16:00  2025-12-04 12:00         2"))
        #expect(text.contains("  \(harness.server.url(NATOLikeSite.feedPath)): 2 failed polls, last success 2025-12-04 12:00: "))
        #expect(try SourceHealth(store: harness.store, configured: []).entries.map(\.status) == ["not configured"])
    }
}
