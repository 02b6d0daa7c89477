/// Everything `stele.toml` says: where the store is, how to behave on the network, and which
/// sources to follow. Built by ``ConfigurationLoader``, which validates every value.
public struct SteleConfiguration: Sendable, Equatable {
    /// The store folder; `nil` means the default (`$STATE_DIRECTORY`, `/var/lib/stele` for root,
    /// else `./var`).
    public var storePath: String?
    /// Network limits and identity.
    public var http = HTTPSettings()
    /// The least severe log level written: `trace`, `debug`, `info`, `notice`, `warning`, `error`
    /// or `critical`.
    public var logLevel = "info"
    /// `host:port` on which to serve Prometheus metrics, or `nil` for none.
    public var metricsAddress: String?
    /// A command run for every event, with the event as JSON on its standard input.
    public var eventHook: EventHook?
    /// The sources to follow, in the order written.
    public var sources: [SourceConfiguration] = []

    /// An empty configuration with the defaults.
    public init() {}

    /// The source with this id.
    public func source(id: String) -> SourceConfiguration? {
        sources.first { $0.id == id }
    }
}

/// The `[http]` table.
public struct HTTPSettings: Sendable, Equatable {
    /// Transfers in flight at once, over all hosts.
    public var concurrency = 16
    /// Transfers in flight at once to one host.
    public var perHost = 2
    /// Least time between two requests to one host.
    public var perHostDelay: Duration = .milliseconds(500)
    /// Time allowed to connect.
    public var connectTimeout: Duration = .seconds(10)
    /// Time allowed for a whole transfer.
    public var totalTimeout: Duration = .seconds(60)
    /// Bytes a second below which a transfer is too slow.
    public var lowSpeedLimit = 100
    /// How long a transfer may stay too slow.
    public var lowSpeedTime: Duration = .seconds(20)
    /// Largest decoded body accepted.
    public var maxBodyBytes = 10 * 1024 * 1024
    /// A URL or address for the `User-Agent` header, so that sites can reach the operator.
    public var contact: String?
    /// A PEM file of extra certificate authorities.
    public var caFile: String?

    /// The defaults.
    public init() {}
}

/// The `[events]` table: a command run once for each event.
public struct EventHook: Sendable, Equatable {
    /// The program and its arguments (no shell).
    public var command: [String]
    /// Time after which the command is killed.
    public var timeout: Duration

    /// A hook.
    public init(command: [String], timeout: Duration = .seconds(10)) {
        self.command = command
        self.timeout = timeout
    }
}
