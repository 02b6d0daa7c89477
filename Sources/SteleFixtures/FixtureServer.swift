import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A real HTTP/1.1 server on 127.0.0.1 for tests, benchmarks and offline trials.
///
/// Written on plain sockets rather than a server framework on purpose: its job includes breaking
/// the protocol on demand (a wrong `Content-Length`, a reset mid-body, a one-byte-a-second drip),
/// which a compliant framework exists to prevent. One thread accepts, one thread serves each
/// connection (keep-alive), and every request is logged for tests to inspect.
public final class FixtureServer: Sendable {
    /// Answers one request; called on the connection's thread, possibly many at once.
    public typealias Handler = @Sendable (FixtureRequest) -> FixtureResponse

    /// A request as logged by the server.
    public struct LoggedRequest: Sendable {
        /// The request.
        public var request: FixtureRequest
        /// The status that was sent.
        public var status: Int
        /// When the request arrived.
        public var receivedAt: ContinuousClock.Instant
    }

    private struct State {
        var log: [LoggedRequest] = []
        var inFlight = 0
        var maxInFlight = 0
        var connections: Set<Int32> = []
        var connectionCount = 0
        var requestCount = 0
        var isStopped = false
    }

    /// The TCP port the server listens on.
    public let port: UInt16
    private let listener: Int32
    private let handler: Handler
    private let state = Mutex(State())
    private let keepsLog: Bool

    /// Starts listening on 127.0.0.1 (`port` 0 picks a free one) and serving with `handler`.
    /// - Parameter keepsLog: set to false for long benchmark runs, where the log would only grow.
    public init(port: UInt16 = 0, keepsLog: Bool = true, handler: @escaping Handler) throws(FixtureServerError) {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw .socket("socket", errno) }
        var reuse: Int32 = 1
        setsockopt(socketDescriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(socketDescriptor, 512) == 0 else {
            let code = errno
            close(socketDescriptor)
            throw .socket("bind/listen on 127.0.0.1:\(port)", code)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketDescriptor, $0, &length) }
        }
        self.port = UInt16(bigEndian: address.sin_port)
        self.listener = socketDescriptor
        self.handler = handler
        self.keepsLog = keepsLog
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "fixture-accept"
        thread.start()
    }

    deinit {
        stop()
    }

    /// `http://127.0.0.1:<port>`, without a trailing slash.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The absolute URL of `target` (which starts with `/`) on this server.
    public func url(_ target: String) -> String { baseURL + target }

    /// Every request served so far, in order of arrival.
    public var requests: [LoggedRequest] { state.withLock { $0.log } }

    /// The most requests that were being answered at the same moment.
    public var maxConcurrentRequests: Int { state.withLock { $0.maxInFlight } }

    /// Requests answered so far (counted also when the log is off).
    public var requestCount: Int { state.withLock { $0.requestCount } }

    /// TCP connections accepted so far.
    public var connectionCount: Int { state.withLock { $0.connectionCount } }

    /// Forgets the request log and the concurrency high-water mark.
    public func resetLog() {
        state.withLock { $0.log.removeAll(); $0.maxInFlight = $0.inFlight }
    }

    /// Stops accepting, closes every connection, and returns. Safe to call twice.
    public func stop() {
        // Shut down under the lock: a connection thread removes its descriptor under the same lock
        // before closing it, so no descriptor number here can have been reused by someone else.
        state.withLock { state in
            guard !state.isStopped else { return }
            state.isStopped = true
            shutdown(listener, Int32(SHUT_RDWR))
            for descriptor in state.connections { shutdown(descriptor, Int32(SHUT_RDWR)) }
        }
    }

    private func acceptLoop() {
        // Only this thread closes the listener, so `accept` never runs on a reused descriptor.
        defer { close(listener) }
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            var noDelay: Int32 = 1
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
            let serial: Int? = state.withLock { state in
                guard !state.isStopped else { return nil }
                state.connections.insert(client)
                state.connectionCount += 1
                return state.connectionCount
            }
            guard let serial else {
                close(client)
                return
            }
            let thread = Thread { [self] in serve(FixtureConnection(descriptor: client), serial: serial) }
            thread.name = "fixture-connection"
            thread.start()
        }
    }

    private func serve(_ connection: FixtureConnection, serial: Int) {
        defer {
            state.withLock { _ = $0.connections.remove(connection.descriptor) }
            connection.close()
        }
        while var request = connection.readRequest() {
            request.connection = serial
            let receivedAt = ContinuousClock.now
            state.withLock { state in
                state.inFlight += 1
                state.maxInFlight = max(state.maxInFlight, state.inFlight)
                state.requestCount += 1
            }
            let response = handler(request)
            // Logged before answering, so that a client that has its answer finds the request logged.
            if keepsLog {
                state.withLock { $0.log.append(LoggedRequest(request: request, status: response.status, receivedAt: receivedAt)) }
            }
            if response.delay > .zero { Thread.sleep(forTimeInterval: response.delay.seconds) }
            let keepAlive = connection.write(response, to: request)
            state.withLock { $0.inFlight -= 1 }
            if !keepAlive { return }
        }
        if connection.requestTooLarge {
            _ = connection.write(FixtureResponse(status: 431, closesConnection: true), to: FixtureRequest(target: "/"))
        }
    }
}

/// The server could not start.
public enum FixtureServerError: Error, CustomStringConvertible {
    /// A socket call failed with `errno`.
    case socket(String, Int32)

    /// What failed.
    public var description: String {
        switch self {
        case .socket(let call, let code): "fixture server: \(call) failed: \(String(cString: strerror(code)))"
        }
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
