/// Limits and identity for every transfer an ``HTTPClient`` makes.
///
/// The defaults suit polling public news sites politely: two transfers in flight per host, a
/// 10 MiB ceiling on decoded bodies, and a connection that drips slower than 100 bytes a second for
/// 20 seconds is cut off.
public struct HTTPClientConfiguration: Sendable, Equatable {
    /// Transfers in flight at once, over all hosts.
    public var maxConcurrentTransfers: Int = 16
    /// Transfers in flight at once to one host (scheme, host and port).
    public var maxConcurrentTransfersPerHost: Int = 2
    /// The least time between the starts of two requests to one host.
    public var minimumDelayPerHost: Duration = .zero
    /// Time allowed to establish the TCP and TLS connection.
    public var connectTimeout: Duration = .seconds(10)
    /// Time allowed for the whole transfer, redirects included.
    public var totalTimeout: Duration = .seconds(60)
    /// A transfer slower than this many bytes a second for ``lowSpeedTime`` is aborted.
    public var lowSpeedLimit: Int = 100
    /// How long a transfer may stay below ``lowSpeedLimit``.
    public var lowSpeedTime: Duration = .seconds(20)
    /// The most bytes of a *decoded* body kept; a larger body fails with ``HTTPError/Kind/bodyTooLarge(limit:)``.
    public var maxBodyBytes: Int = 10 * 1024 * 1024
    /// Redirects followed before failing with ``HTTPError/Kind/tooManyRedirects(limit:)``.
    public var maxRedirects: Int = 5
    /// A PEM file of certificate authorities to trust instead of the system's (for private sources).
    /// Certificate verification itself is always on.
    public var caFile: String?
    /// The `User-Agent` header sent with every request.
    public var userAgent: UserAgent = UserAgent()

    /// The defaults described on the type.
    public init() {}
}
