import ArgumentParser
import Foundation
import Logging
import SteleConfig
import SteleHTTP
import SteleStore
import SteleSync

/// `stele fetch`: one pass of the whole pipeline now, then exit.
struct Fetch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sync now: poll the feeds, fetch every language version, store what changed, align, then exit.",
        discussion: """
            Fetches every release the feeds list and every release already in the store (conditional \
            requests: unchanged pages cost a 304), whatever the schedules say, except addresses that are \
            pausing after failures (the summary lists them, with the time they are tried again). On a \
            terminal a progress line shows feeds, pages done of planned and failures, with warnings and \
            errors only (all of it with log_level = "debug"); otherwise plain log lines. Ends with a summary. Exit status 0 when everything succeeded, 1 when anything failed or \
            is pausing after failures (the rest is still done), 2 on a bad configuration.
            """
    )

    @OptionGroup var options: ConfigurationOptions

    @Option(help: "The store folder (default: the configuration's [store] path, else $STATE_DIRECTORY, else /var/lib/stele for root, else ./var).")
    var store: String?

    @Option(help: "Only this source (repeatable).")
    var source: [String] = []

    @Option(help: "Only this release (KEY or SOURCE/KEY); exit 2 when neither the store nor the feeds know it.")
    var release: String?

    @Flag(help: "Fetch and extract, but write nothing.")
    var dryRun = false

    @Flag(help: "When another writer (the daemon, another fetch) holds the store, wait for it instead of failing.")
    var wait = false

    func run() async throws {
        let configuration = try options.load()
        for id in source where configuration.source(id: id) == nil {
            printError("stele fetch: no source \"\(id)\" in \(options.path); configured: \(configuration.sources.map(\.id).joined(separator: ", "))")
            throw ExitCode(2)
        }
        LoggingSetup.bootstrap(level: configuration.logLevel, quietOnTerminal: true)
        let root = store ?? configuration.storePath ?? StoreLayout.defaultRoot()
        let writer: StoreWriter?
        let reader: Store
        var temporary: String?
        defer { if let temporary { try? FileManager.default.removeItem(atPath: temporary) } }
        do {
            if dryRun {
                writer = nil
                reader = try Self.readOnlyStore(at: root)
                temporary = reader.layout.root == root ? nil : reader.layout.root
            } else {
                let opened = try StoreWriter(at: root, create: true, wait: wait)
                writer = opened
                reader = opened.store
            }
        } catch {
            printError("stele fetch: \(error)")
            throw ExitCode.failure
        }
        defer { writer?.close() }
        if let writer { StoreRecovery.repairIfNeeded(writer, logger: Logger(label: "stele")) }
        let client = HTTPClient(configuration: SyncEngine.clientConfiguration(configuration.http))
        defer { client.shutdown() }
        let engine = SyncEngine(configuration: configuration, store: reader, writer: writer, client: client, logger: Logger(label: "stele"))
        let display = ProgressLine(progress: engine.progress)
        let report: PassReport
        do {
            report = try await engine.runPass(PassOptions(sources: Set(source), release: release, ignoresSchedules: true, dryRun: dryRun))
        } catch {
            display.stop()
            printError("stele fetch: \(error)")
            throw ExitCode.failure
        }
        display.stop()
        engine.waitForEventCommands()
        if let release, report.releasesWorked == 0 {
            printError("stele fetch: no release \"\(release)\" in the store or in the feeds polled now; stele list shows the releases")
            throw ExitCode(2)
        }
        print(report.summary.joined(separator: "\n"))
        if dryRun { print("dry run: nothing was written to \(root)") }
        if !report.failures.isEmpty || !report.paused.isEmpty { throw ExitCode.failure }
    }

    /// The store at `root` for reading; an empty one in a temporary folder when there is none yet,
    /// so that a dry run works before the first real one.
    private static func readOnlyStore(at root: String) throws(StoreError) -> Store {
        if let store = try? Store(at: root) { return store }
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("stele-dry-run-\(UUID().uuidString)").path
        let writer = try StoreWriter(at: empty)
        writer.close()
        return writer.store
    }
}
