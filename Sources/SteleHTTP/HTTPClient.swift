/// An HTTP client on libcurl's multi interface: many transfers at once under global and per-host
/// limits, conditional GET, bounded bodies, safe redirects and typed errors.
///
/// One thread owns libcurl; callers `await` ``fetch(_:)`` from any task. Call ``shutdown()`` when
/// done (dropping the last reference also stops the thread, without waiting).
///
/// ```swift
/// let client = HTTPClient(configuration: HTTPClientConfiguration())
/// defer { client.shutdown() }
/// let response = try await client.fetch(HTTPRequest(url: "https://www.nato.int/"))
/// ```
public final class HTTPClient: Sendable {
    /// The limits every transfer of this client obeys.
    public let configuration: HTTPClientConfiguration
    private let loop: CurlMultiLoop

    /// A client with its own libcurl thread, connection cache and DNS cache.
    public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration()) {
        self.configuration = configuration
        self.loop = CurlMultiLoop(configuration: configuration)
    }

    deinit {
        loop.shutdownInBackground()
    }

    /// Fetches `request.url` with GET.
    ///
    /// - Returns: a response with a 2xx status, or 304 when the request's validators still match.
    /// - Throws: ``HTTPError`` for every other outcome, including other HTTP statuses
    ///   (``HTTPError/Kind/status(_:retryAfter:)``) and cancellation of the calling task.
    public func fetch(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        guard let origin = CurlURL.origin(of: request.url) else {
            throw HTTPError(url: request.url, kind: .invalidURL(reason: "it does not parse as an absolute URL"))
        }
        guard origin.scheme == "http" || origin.scheme == "https" else {
            throw HTTPError(url: request.url, kind: .forbiddenScheme(origin.scheme))
        }
        guard !origin.host.isEmpty else {
            throw HTTPError(url: request.url, kind: .invalidURL(reason: "it names no host"))
        }
        let identifier = loop.makeIdentifier()
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                loop.submit(PendingTransfer(id: identifier, request: request, origin: origin, continuation: continuation))
            }
        } onCancel: {
            loop.cancel(identifier)
        }
        return try result.get()
    }

    /// Ends every transfer with ``HTTPError/Kind/shutDown`` and stops the libcurl thread.
    public func shutdown() {
        loop.shutdown()
    }
}
