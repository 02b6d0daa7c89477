import Foundation
public import Logging
public import SteleConfig
public import SteleHTTP
public import SteleStore
import SteleAlign
import SteleFeeds
import Synchronization

/// The pipeline: poll each source's feeds, find each release's language versions, fetch, extract,
/// identify the language, store new versions with their diffs, realign, and publish events.
///
/// One engine serves a one-shot `stele fetch` (one ``runPass(_:)``) and the daemon (a pass each time
/// work falls due). It remembers when each release is due, so a pass only reads the releases it
/// works on.
public final class SyncEngine: Sendable {
    /// Releases worked on at once; the HTTP client's own limits decide how many transfers run.
    static let releaseWindow = 32

    private let configuration: SteleConfiguration
    private let sources: [SourceContext]
    private let store: Store
    private let writer: StoreWriter?
    private let client: HTTPClient
    private let parser = FeedParser()
    private let realigner = Realigner(aligner: ParagraphAligner())
    private let publisher: EventPublisher
    private let hook: EventHookRunner?
    private let timing: SyncTiming
    private let logger: Logger
    /// What the current pass has done so far.
    public let progress = SyncProgress()
    /// Per source, per known release: when it is next due (`nil`: nothing scheduled).
    private let schedule = Mutex<[String: [ReleaseRef: Date?]]>([:])

    /// An engine over `store`. With `writer` `nil` it is a dry run: everything is fetched and
    /// extracted, nothing is written.
    public init(configuration: SteleConfiguration, store: Store, writer: StoreWriter?, client: HTTPClient, logger: Logger, timing: SyncTiming = .live) {
        self.configuration = configuration
        self.sources = configuration.sources.map { SourceContext($0, maxBodyBytes: configuration.http.maxBodyBytes) }
        self.store = store
        self.writer = writer
        self.client = client
        self.logger = logger
        self.timing = timing
        let hook = configuration.eventHook.map { EventHookRunner(hook: $0, logger: logger) }
        self.hook = hook
        self.publisher = EventPublisher(writer: writer, logger: logger, hook: hook)
    }

    /// The HTTP client settings of a configuration.
    public static func clientConfiguration(_ settings: HTTPSettings) -> HTTPClientConfiguration {
        var client = HTTPClientConfiguration()
        client.maxConcurrentTransfers = settings.concurrency
        client.maxConcurrentTransfersPerHost = settings.perHost
        client.minimumDelayPerHost = settings.perHostDelay
        client.connectTimeout = settings.connectTimeout
        client.totalTimeout = settings.totalTimeout
        client.lowSpeedLimit = settings.lowSpeedLimit
        client.lowSpeedTime = settings.lowSpeedTime
        client.maxBodyBytes = settings.maxBodyBytes
        client.caFile = settings.caFile
        client.userAgent = UserAgent(contact: settings.contact)
        return client
    }

    /// Runs the pipeline once over what `options` selects and is due (or everything, when the
    /// options ignore schedules). Failures of feeds and pages are in the report; a store failure
    /// (a full disk) stops the pass and is thrown.
    public func runPass(_ options: PassOptions = PassOptions()) async throws(StoreError) -> PassReport {
        let selected = sources.filter { options.sources.isEmpty || options.sources.contains($0.id) }
        let results = await withTaskGroup(of: Result<PassReport, StoreError>.self) { group in
            for source in selected {
                group.addTask { [self] in
                    do throws(StoreError) {
                        return .success(try await runSource(source, options: options))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            return await group.reduce(into: [Result<PassReport, StoreError>]()) { $0.append($1) }
        }
        var report = PassReport()
        for result in results {
            report.merge(try result.get())
        }
        return report
    }

    private func runSource(_ source: SourceContext, options: PassOptions) async throws(StoreError) -> PassReport {
        let now = timing.now()
        let state = try store.sourceState(source.id) ?? SourceState()
        // The stored releases are read while the feed is polled: neither waits for the other.
        async let stored = BlockingWork.result { [self] () throws(StoreError) -> KnownReleases in try knownReleases(source.id, readingRecords: !options.ignoresSchedules) }
        let poller = FeedPoller(source: source, client: client, parser: parser, timing: timing, logger: logger)
        let polled = await poller.poll(state: state, now: now, ignoringSchedule: options.ignoresSchedules || options.pollsFeedsNow)
        let (known, loaded) = try await stored.get()
        guard !Task.isCancelled else { return PassReport() }
        var report = polled.report
        progress.update { $0.feeds += report.feedsPolled; $0.failures += report.failures.count }

        var candidates: [ReleaseRef: ReleaseCandidate] = [:]
        var work: [ReleaseRef] = []
        let collected = ReleaseCandidate.collect(polled.observations, source: source)
        if let collision = collected.collisions.first {
            logger.warning("feed items with different addresses have the same release key; check the source's key pattern", metadata: [
                "source": "\(source.id)", "key": "\(collision.key)", "first": "\(collision.first)", "second": "\(collision.second)",
                "collisions": "\(collected.collisions.count)",
            ])
        }
        for candidate in collected.candidates where candidates[candidate.release] == nil {
            candidates[candidate.release] = candidate
            work.append(candidate.release)
        }
        for (release, due) in known.sorted(by: { $0.key < $1.key }) where candidates[release] == nil {
            if options.ignoresSchedules || (due.map { $0 <= now } ?? false) { work.append(release) }
        }
        if let wanted = options.release {
            work = work.filter { $0.key.rawValue == wanted || $0.description == wanted }
        }
        report.releasesWorked = work.count

        let sync = ReleaseSync(source: source, client: client, store: store, writer: writer, publisher: publisher, realigner: realigner, progress: progress, timing: timing, logger: logger)
        var next = 0
        var failure: StoreError?
        await withTaskGroup(of: Result<(ReleaseRef, PassReport), StoreError>.self) { group in
            func startNext() {
                guard failure == nil, next < work.count, !Task.isCancelled else { return }
                let release = work[next]
                next += 1
                let candidate = candidates[release]
                let preloaded = loaded[release]
                group.addTask { [store, logger] in
                    do throws(StoreError) {
                        var existing = preloaded
                        if existing == nil { existing = try store.release(release) }
                        return .success((release, try await sync.run(release: release, existing: existing, candidate: candidate, ignoringSchedules: options.ignoresSchedules)))
                    } catch where error.isConfinedToOneRelease {
                        // One damaged release is that release's failure; the pass goes on.
                        logger.error("release left alone: its files are damaged", metadata: ["release": "\(release)", "error": "\(error)"])
                        var damaged = PassReport()
                        damaged.failures.append(PassReport.Failure(source: source.id, url: store.layout.releaseFolder(release.source, release.key), message: "\(error)"))
                        return .success((release, damaged))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            for _ in 0..<Self.releaseWindow { startNext() }
            while let result = await group.next() {
                switch result {
                case .success((let release, let released)):
                    report.merge(released)
                    // Kept only once the schedule was read whole (see knownReleases).
                    schedule.withLock { if $0[source.id] != nil { $0[source.id]![release] = released.nextDue } }
                case .failure(let error):
                    // The store cannot take more (a full disk): finish what runs, start nothing new.
                    failure = failure ?? error
                }
                startNext()
            }
        }
        if let failure { throw failure }
        // Saved only now: had the releases failed to be stored (a full disk), the feed's new
        // validators would make the next poll a 304 and its new items would never be seen again.
        guard !Task.isCancelled else { return report }
        if polled.state != state { try writer?.saveSourceState(polled.state, source: source.id) }
        let due = schedule.withLock { $0[source.id]?.values.compactMap { $0 }.min() }
        report.nextDue = [report.nextDue, due].compactMap { $0 }.min()
        if configuration.metricsAddress != nil {
            let pendingTotal = (try? store.summaries())?.filter { $0.source == source.id }
                .reduce(0) { $0 + $1.languages.values.filter { $0.status == .pending }.count } ?? 0
            SyncMetrics.record(report, source: source.id, pendingTotal: pendingTotal, at: timing.now())
        }
        return report
    }

    /// Waits until the `on_event` command has been run for every event so far (a one-shot fetch
    /// calls this before exiting; the daemon never waits for it).
    public func waitForEventCommands() {
        hook?.drain()
    }

    private typealias KnownReleases = (due: [ReleaseRef: Date?], loaded: [ReleaseRef: ReleaseRecord])

    /// When each stored release of `source` is next due. The first call reads every
    /// `release.json` and also returns the records it read, so that the pass does not read them
    /// again; later calls answer from memory. Without `readingRecords` (a pass that works every
    /// release whatever its schedule) only the list is read and nothing is kept: each release's
    /// work reads its own record, in parallel with the fetches of the others.
    private func knownReleases(_ source: String, readingRecords: Bool) throws(StoreError) -> KnownReleases {
        if let known = schedule.withLock({ $0[source] }) { return (known, [:]) }
        let releases = try store.releases(source: source)
        guard readingRecords else {
            return (Dictionary(uniqueKeysWithValues: releases.map { ($0, nil) }), [:])
        }
        // Decoding thousands of release.json files is CPU work: spread it over the cores.
        let records = Mutex([ReleaseRecord?](repeating: nil, count: releases.count))
        let firstError = Mutex<StoreError?>(nil)
        let chunks = min(releases.count, ProcessInfo.processInfo.activeProcessorCount * 2)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            for index in stride(from: chunk, to: releases.count, by: chunks) {
                do throws(StoreError) {
                    let record = try store.release(releases[index])
                    records.withLock { $0[index] = record }
                } catch where error.isConfinedToOneRelease {
                    // Not scheduled: stele check reports it, and a manual fetch names it as a failure.
                    logger.error("release left alone: its files are damaged", metadata: ["release": "\(releases[index])", "error": "\(error)"])
                } catch {
                    firstError.withLock { $0 = $0 ?? error }
                    return
                }
            }
        }
        if let error = firstError.withLock({ $0 }) { throw error }
        var known: [ReleaseRef: Date?] = [:]
        var loaded: [ReleaseRef: ReleaseRecord] = [:]
        for (release, record) in zip(releases, records.withLock { $0 }) {
            known[release] = record?.languages.values.compactMap(\.nextCheck).min()
            loaded[release] = record
        }
        schedule.withLock { $0[source] = $0[source] ?? known }
        return (known, loaded)
    }
}
