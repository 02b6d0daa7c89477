import Foundation
public import Logging
public import SteleConfig
import SteleHTTP
import SteleService
import SteleStore
import Synchronization

/// `stele daemon`: runs the pipeline on its schedule until stopped, speaking systemd's notify
/// protocol. `READY=1` once the store is open and the first schedule set, `STATUS=` lines with
/// what it does, `WATCHDOG=1` at half of `WATCHDOG_USEC`, SIGHUP re-reads the configuration (a
/// broken one is refused and the old kept), SIGTERM/SIGINT stop it: transfers are cancelled,
/// writes in progress complete, and it returns.
public final class Daemon: Sendable {
    private let configurationPath: String
    private let storeOverride: String?
    private let logger: Logger
    private let timing: SyncTiming
    private let inbox = DaemonInbox()
    private let currentPass = Mutex<Task<PassReport, any Error>?>(nil)
    /// The progress of the pass running now, for the watchdog; `nil` between passes.
    private let runningProgress = Mutex<SyncProgress?>(nil)
    /// A pass that has made no progress for this long is taken as hung: the watchdog stops
    /// beating and systemd restarts the service.
    static let stallLimit: Duration = .seconds(600)

    /// A daemon reading `configurationPath`, storing in `storeOverride` or the configured store.
    public init(configurationPath: String, storeOverride: String? = nil, logger: Logger, timing: SyncTiming = .live) {
        self.configurationPath = configurationPath
        self.storeOverride = storeOverride
        self.logger = logger
        self.timing = timing
    }

    /// Runs until SIGTERM or SIGINT. Throws when it cannot start (configuration, store).
    public func run(initialConfiguration: SteleConfiguration) async throws {
        let notifier = SystemdNotifier()
        let signals = SignalListener([SIGHUP, SIGTERM, SIGINT])
        defer { signals.cancel() }
        let signalTask = Task { [self] in
            for await signal in signals.signals {
                if signal == SIGHUP {
                    inbox.post(.reload)
                } else {
                    logger.notice("stopping", metadata: ["signal": "\(signal == SIGTERM ? "SIGTERM" : "SIGINT")"])
                    notifier?.stopping()
                    inbox.post(.stop)
                    currentPass.withLock { $0?.cancel() }
                }
            }
        }
        defer { signalTask.cancel() }

        var configuration = initialConfiguration
        let root = storeOverride ?? configuration.storePath ?? StoreLayout.defaultRoot()
        let writer = try openWriter(at: root)
        defer { writer.close() }
        StoreRecovery.repairIfNeeded(writer, logger: logger)
        var client = HTTPClient(configuration: SyncEngine.clientConfiguration(configuration.http))
        var engine = SyncEngine(configuration: configuration, store: writer.store, writer: writer, client: client, logger: logger, timing: timing)
        let watchdog = startWatchdog(notifier)
        defer { watchdog?.cancel() }

        logger.notice("started", metadata: ["store": "\(root)", "sources": "\(configuration.sources.map(\.id).joined(separator: ","))", "pid": "\(getpid())"])
        notifier?.ready(status: "polling \(configuration.sources.count) source(s)")
        var options = PassOptions(pollsFeedsNow: true)  // a daemon that starts looks at its feeds at once
        while true {
            notifier?.status("syncing: polling feeds and fetching what is due")
            let report = await pass(engine, options: options)
            options = PassOptions()
            guard let report else { break }
            let wake = max(timing.now() + 1, min(report.nextDue ?? .distantFuture, timing.now() + 3600))
            let status = "idle; next work at \(wake.ISO8601Format()); \(report.pending) pending; \(report.failures.count) failures in the last pass"
            notifier?.status(status)
            let command = await inbox.next(timeout: .seconds(max(1, wake.timeIntervalSince(timing.now()))))
            if command == .stop { break }
            if command == .reload {
                notifier?.reloading()
                if let reloaded = reload(current: configuration) {
                    configuration = reloaded
                    client.shutdown()
                    client = HTTPClient(configuration: SyncEngine.clientConfiguration(configuration.http))
                    engine = SyncEngine(configuration: configuration, store: writer.store, writer: writer, client: client, logger: logger, timing: timing)
                }
                notifier?.ready(status: "configuration \(configurationPath) in effect")
            }
        }
        client.shutdown()
        logger.notice("stopped")
    }

    /// One pass, cancellable by SIGTERM; `nil` when the daemon is to stop.
    private func pass(_ engine: SyncEngine, options: PassOptions) async -> PassReport? {
        let task = Task { try await engine.runPass(options) }
        currentPass.withLock { $0 = task }
        runningProgress.withLock { $0 = engine.progress }
        defer {
            currentPass.withLock { $0 = nil }
            runningProgress.withLock { $0 = nil }
        }
        do {
            let report = try await task.value
            if task.isCancelled { return nil }
            if !report.failures.isEmpty {
                logger.info("pass finished with failures", metadata: ["failures": "\(report.failures.count)"])
            }
            return report
        } catch {
            if task.isCancelled { return nil }
            // A store that cannot be written (a full disk): say so, and try again later.
            logger.critical("the store refused a write; retrying in 5 minutes", metadata: ["error": "\(error)"])
            var report = PassReport()
            report.nextDue = timing.now() + 300
            return report
        }
    }

    private func openWriter(at root: String) throws -> StoreWriter {
        do {
            return try StoreWriter(at: root, create: true, wait: false)
        } catch StoreError.locked(_, let holder) {
            logger.notice("another writer holds the store; waiting for it", metadata: ["pid": "\(holder.map(String.init) ?? "unknown")", "store": "\(root)"])
            return try StoreWriter(at: root, create: true, wait: true)
        }
    }

    private func reload(current: SteleConfiguration) -> SteleConfiguration? {
        do {
            let configuration = try ConfigurationLoader.load(path: configurationPath)
            logger.notice("configuration reloaded", metadata: ["path": "\(configurationPath)", "sources": "\(configuration.sources.map(\.id).joined(separator: ","))"])
            if configuration.storePath != current.storePath {
                logger.warning("a new store path takes effect at the next start, not on reload", metadata: ["path": "\(configuration.storePath ?? "default")"])
            }
            return configuration
        } catch {
            logger.error("the new configuration is refused; the old one stays in effect", metadata: ["problems": "\(error.description)"])
            return nil
        }
    }

    /// `WATCHDOG=1` at half the watchdog interval while the main loop is alive: always between
    /// passes, and during a pass as long as its progress moved within ``stallLimit``.
    private func startWatchdog(_ notifier: SystemdNotifier?) -> Task<Void, Never>? {
        guard let notifier, let interval = SystemdNotifier.watchdogInterval() else { return nil }
        return Task.detached { [self] in
            var last: SyncProgress.Counts?
            var lastMove = ContinuousClock.now
            while !Task.isCancelled {
                let counts = runningProgress.withLock { $0?.snapshot }
                if counts != last {
                    last = counts
                    lastMove = .now
                }
                if counts == nil || ContinuousClock.now - lastMove < Self.stallLimit {
                    notifier.watchdog()
                } else {
                    logger.critical("the pass has made no progress; letting the watchdog restart the service")
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
