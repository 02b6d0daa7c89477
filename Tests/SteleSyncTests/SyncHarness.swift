import Foundation
import SteleLanguage
import Logging
import SteleConfig
import SteleExtract
import SteleFixtures
import SteleHTTP
import SteleStore
import SteleSync
import Synchronization
import Testing

/// Responses that replace the site's own for a while: the next N requests whose target starts with
/// a prefix get a given response.
final class FaultInjector: Sendable {
    private let faults = Mutex<[(prefix: String, exact: Bool, response: FixtureResponse, remaining: Int)]>([])

    /// Answers requests whose target starts with `prefix` (or is exactly it) with `response`.
    func add(_ prefix: String, _ response: FixtureResponse, times: Int = .max, exact: Bool = false) {
        faults.withLock { $0.append((prefix, exact, response, times)) }
    }

    func clear() {
        faults.withLock { $0.removeAll() }
    }

    func response(for request: FixtureRequest) -> FixtureResponse? {
        faults.withLock { faults in
            guard let index = faults.firstIndex(where: { fault in
                (fault.exact ? request.target == fault.prefix : request.target.hasPrefix(fault.prefix)) && fault.remaining > 0
            }) else { return nil }
            faults[index].remaining -= 1
            return faults[index].response
        }
    }
}

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_764_849_600))

    var now: Date { current.withLock { $0 } }

    func advance(hours: Double) {
        current.withLock { $0 += hours * 3600 }
    }

    func advance(seconds: Double) {
        current.withLock { $0 += seconds }
    }
}

/// The NATO-like site on 127.0.0.1, a store in a temporary folder, and an engine whose clock the
/// test drives, so that a scenario of days runs in seconds.
final class SyncHarness {
    let site: NATOLikeSite
    let faults = FaultInjector()
    let server: FixtureServer
    let clock = TestClock()
    let folder: String
    let writer: StoreWriter
    let client: HTTPClient
    let engine: SyncEngine
    let configuration: SteleConfiguration

    init(releases: Int, editRecheck: String = "6h for 2d, 1d for 30d", hook: EventHook? = nil, configure: (inout SteleConfiguration, FixtureServer) -> Void = { _, _ in }) throws {
        let site = NATOLikeSite(releases: releases)
        let faults = faults
        self.site = site
        server = try FixtureServer { request in faults.response(for: request) ?? site.respond(to: request) }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("stele-sync-\(UUID().uuidString)").path
        writer = try StoreWriter(at: folder)
        let server = server
        var configuration = SteleConfiguration()
        configuration.http.perHost = 4
        configuration.http.perHostDelay = .zero
        configuration.http.totalTimeout = .seconds(10)
        configuration.eventHook = hook
        configuration.sources = [SourceConfiguration(
            id: "nato", name: "NATO", languages: [.en, .fr, .uk],
            feeds: [FeedSubscription(url: server.url(NATOLikeSite.feedPath))],
            versions: .rewrite(try URLRewriteRule(.queryParameter(name: "selectedLocale"))),
            keyPattern: "(news_[0-9]+)", content: try ContentRule("section.content"), pollInterval: .seconds(900),
            editRecheck: RecheckSchedule(text: editRecheck)!
        )]
        configure(&configuration, server)
        self.configuration = configuration
        client = HTTPClient(configuration: SyncEngine.clientConfiguration(configuration.http))
        let clock = clock
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        engine = SyncEngine(
            configuration: configuration, store: writer.store, writer: writer, client: client, logger: logger,
            timing: SyncTiming(now: { clock.now }, random: { 0.5 }, backoff: Backoff(base: .seconds(60), cap: .seconds(3600)))
        )
    }

    deinit {
        client.shutdown()
        server.stop()
        writer.close()
        try? FileManager.default.removeItem(atPath: folder)
    }

    var store: Store { writer.store }

    /// A pass over what is due now.
    func pass() async throws -> PassReport {
        try await engine.runPass(PassOptions())
    }

    /// A pass over everything, as `stele fetch` runs it.
    func fetchAll() async throws -> PassReport {
        try await engine.runPass(PassOptions(ignoresSchedules: true))
    }

    func release(_ number: Int) -> ReleaseRef {
        ReleaseRef(source: "nato", key: ReleaseKey(validating: NATOLikeSite.key(number))!)
    }

    func record(_ number: Int) throws -> ReleaseRecord {
        try #require(try store.release(release(number)))
    }

    func versions(_ number: Int, _ language: String) throws -> [Int] {
        try store.versionNumbers(release(number), language: language)
    }

    func events() throws -> [StoreEvent] {
        try store.events().events
    }
}
