import FlyingFox
import FlyingSocks
import Foundation
import Metrics
import Prometheus

/// Serves the process's swift-metrics in the Prometheus text format at `GET /metrics` on a
/// loopback address. ``bootstrap(listen:)`` installs the Prometheus backend for the whole process.
public final class MetricsEndpoint: Sendable {
    private let server: HTTPServer
    private let task: Task<Void, Never>

    /// Installs the Prometheus backend and starts serving on `address` (`127.0.0.1:9464`,
    /// `[::1]:9464` or `localhost:9464`; the configuration allows loopback only).
    public static func bootstrap(listen address: String) throws(MetricsEndpointError) -> MetricsEndpoint {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return try MetricsEndpoint(address: address, registry: registry)
    }

    init(address: String, registry: PrometheusCollectorRegistry) throws(MetricsEndpointError) {
        guard let colon = address.lastIndex(of: ":"), let port = UInt16(address[address.index(after: colon)...]) else {
            throw MetricsEndpointError(address: address, reason: "not host:port")
        }
        let host = address[..<colon]
        do {
            if host == "[::1]" {
                server = HTTPServer(address: try .inet6(ip6: "::1", port: port))
            } else {
                server = HTTPServer(address: try .inet(ip4: host == "localhost" ? "127.0.0.1" : String(host), port: port))
            }
        } catch {
            throw MetricsEndpointError(address: address, reason: "\(error)")
        }
        let server = server
        task = Task {
            await server.appendRoute("GET /metrics") { _ in
                var text: [UInt8] = []
                registry.emit(into: &text)
                return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"], body: Data(text))
            }
            do {
                try await server.run()
            } catch {
                // Cancellation on shutdown ends run() with CancellationError; anything else is a
                // failure to listen, which the daemon survives without metrics.
            }
        }
    }

    /// Waits until the endpoint accepts connections (or fails to).
    public func waitUntilListening() async throws {
        try await server.waitUntilListening(timeout: 5)
    }

    /// Stops serving.
    public func stop() {
        task.cancel()
    }
}

/// The metrics address cannot be served.
public struct MetricsEndpointError: Error, CustomStringConvertible {
    /// The configured address.
    public var address: String
    /// Why not.
    public var reason: String

    /// `metrics listen "…": …`
    public var description: String { "metrics: cannot listen on \"\(address)\": \(reason)" }
}
