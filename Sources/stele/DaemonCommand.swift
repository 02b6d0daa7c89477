import ArgumentParser
import Logging
import SteleConfig
import SteleService
import SteleStore
import SteleSync

/// `stele daemon`: the service, run by systemd (`systemd/stele.service`).
struct DaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon",
        abstract: "Run the pipeline on each source's schedule until stopped (the systemd service).",
        discussion: """
            Polls each source on its poll interval (with jitter), re-checks pending translations and \
            known versions on their schedules, backs off from failing sites, and writes every change to \
            the store and its event log. Under systemd (Type=notify) it sends READY=1, STATUS= and \
            WATCHDOG=1; SIGHUP re-reads the configuration (a broken one is refused, the old one kept); \
            SIGTERM or SIGINT stops it: transfers are cancelled, writes in progress complete, exit 0. \
            If a `stele fetch` holds the store, it waits for it.
            """
    )

    @OptionGroup var options: ConfigurationOptions

    @Option(help: "The store folder (default: the configuration's [store] path, else $STATE_DIRECTORY, else /var/lib/stele for root, else ./var).")
    var store: String?

    func run() async throws {
        let configuration = try options.load()
        LoggingSetup.bootstrap(level: configuration.logLevel)
        var metrics: MetricsEndpoint?
        if let address = configuration.metricsAddress {
            do {
                metrics = try MetricsEndpoint.bootstrap(listen: address)
            } catch {
                printError("stele daemon: \(error)")
                throw ExitCode(2)
            }
        }
        defer { metrics?.stop() }
        let daemon = Daemon(configurationPath: options.path, storeOverride: store, logger: Logger(label: "stele"))
        do {
            try await daemon.run(initialConfiguration: configuration)
        } catch {
            printError("stele daemon: \(error)")
            throw ExitCode.failure
        }
    }
}
