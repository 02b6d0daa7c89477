import Foundation
import SteleFixtures
import SteleReports
import SteleStore
import SteleSyncFixtures

/// One store built through the real sync of the NATO-like site, on the harness's clock, shared by
/// the report tests (which only read it):
///
/// - 231001: English at 12:00; French and a Ukrainian lead (2 paragraphs, an untranslated tail) at
///   13:12; the English corrected at 19:12 (en@2): its French is stale since.
/// - 231002: English; French at 13:12; Ukrainian 404 (pending).
/// - 231003: English only (French and Ukrainian pending).
/// - 231004: English, French and Ukrainian at 13:12, nothing changed since.
struct ScenarioStore: Sendable {
    let root: String
    /// `http://127.0.0.1:PORT`, the start of every stored address.
    let baseURL: String
    let first = NATOLikeSite.firstNumber
    /// The clock at the first pass and at the last.
    static let start = Date(timeIntervalSince1970: 1_764_849_600), end = start + 7.2 * 3600

    var store: Store { get throws { try Store(at: root) } }

    func release(_ number: Int) -> ReleaseRef {
        ReleaseRef(source: "nato", key: ReleaseKey(validating: NATOLikeSite.key(number))!)
    }

    func reader(_ number: Int) throws -> ReleaseReader {
        try ReleaseReader(store: try store, release: release(number), preferredOrder: ["en", "fr", "uk"])
    }

    /// `text` with the site's address replaced by `SITE`, so that expected outputs do not depend on the port.
    func portless(_ text: String) -> String {
        text.replacingOccurrences(of: baseURL, with: "SITE")
    }

    /// The shared store, built on first use.
    static var shared: ScenarioStore {
        get async throws { try await building.value }
    }

    private static let building = Task<ScenarioStore, any Error> {
        let harness = try SyncHarness(releases: 4)
        let site = harness.site, first = NATOLikeSite.firstNumber
        _ = try await harness.pass()                                   // 12:00 English only
        site.setTranslation(first, "fr", .available)
        site.setTranslation(first, "uk", .partial(paragraphs: 2))
        site.setTranslation(first + 1, "fr", .available)
        site.setTranslation(first + 1, "uk", .notFound)
        site.setTranslation(first + 3, "fr", .available)
        site.setTranslation(first + 3, "uk", .available)
        harness.clock.advance(hours: 1.2)
        _ = try await harness.pass()                                   // 13:12 translations
        site.correctEnglish(first)
        harness.clock.advance(hours: 6)
        _ = try await harness.pass()                                   // 19:12 English corrected
        Keeper.harness = harness
        return ScenarioStore(root: harness.folder, baseURL: harness.server.url(""))
    }
}

/// Keeps the harness (its server and store folder) alive for the whole test run.
private enum Keeper {
    nonisolated(unsafe) static var harness: SyncHarness?
}
