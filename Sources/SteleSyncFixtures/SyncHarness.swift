import Foundation
import Logging
public import SteleConfig
import SteleExtract
public import SteleFixtures
import SteleLanguage
public import SteleHTTP
public import SteleStore
public import SteleSync

/// The NATO-like site on 127.0.0.1, a store in a temporary folder, and an engine whose clock the
/// test drives, so that a scenario of days runs in seconds. Shared by the tests of every module
/// that needs a store built by the real sync.
public final class SyncHarness {
    /// The site the engine fetches from; tests change it step by step.
    public let site: NATOLikeSite
    /// Responses that replace the site's for a while.
    public let faults = FaultInjector()
    /// The HTTP server serving the site.
    public let server: FixtureServer
    /// The engine's clock.
    public let clock = TestClock()
    /// The store's folder (removed when the harness goes).
    public let folder: String
    /// The store's writer.
    public let writer: StoreWriter
    /// The HTTP client the engine uses.
    public let client: HTTPClient
    /// The engine.
    public let engine: SyncEngine
    /// The configuration the engine runs (one source, `nato`, in en, fr, uk).
    public let configuration: SteleConfiguration

    /// A site with `releases` releases in English, a new store, and an engine over both; `configure`
    /// may change the configuration before the engine is made (it gets the server, for addresses).
    public init(
        releases: Int, editRecheck: String = "6h for 2d, 1d for 30d", hook: EventHook? = nil,
        configure: (inout SteleConfiguration, FixtureServer) -> Void = { _, _ in }
    ) throws {
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

    /// The store, for reading.
    public var store: Store { writer.store }

    /// A pass over what is due now.
    public func pass() async throws -> PassReport {
        try await engine.runPass(PassOptions())
    }

    /// A pass over everything, as `stele fetch` runs it.
    public func fetchAll() async throws -> PassReport {
        try await engine.runPass(PassOptions(ignoresSchedules: true))
    }

    /// The release of the site's release `number`.
    public func release(_ number: Int) -> ReleaseRef {
        ReleaseRef(source: "nato", key: ReleaseKey(validating: NATOLikeSite.key(number))!)
    }

    /// `release.json` of release `number`; fails when the store has none.
    public func record(_ number: Int) throws -> ReleaseRecord {
        guard let record = try store.release(release(number)) else { throw HarnessError("release \(NATOLikeSite.key(number)) has no release.json in \(folder)") }
        return record
    }

    /// The stored version numbers of a language of release `number`.
    public func versions(_ number: Int, _ language: String) throws -> [Int] {
        try store.versionNumbers(release(number), language: language)
    }

    /// Every event of the store's log.
    public func events() throws -> [StoreEvent] {
        try store.events().events
    }
}

/// Something the harness expected of the store was not there.
public struct HarnessError: Error, CustomStringConvertible {
    /// What was missing, and where.
    public var description: String

    /// An error saying `description`.
    public init(_ description: String) { self.description = description }
}
