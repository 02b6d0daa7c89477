import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A Unix datagram socket standing in for systemd's notification socket, for tests of `Type=notify`.
public final class NotifySocketListener: @unchecked Sendable {
    /// The value for `NOTIFY_SOCKET`.
    public let path: String
    private let descriptor: Int32

    /// A socket bound to a fresh path, or to a fresh abstract name.
    public init(abstract: Bool = false) {
        let name = "stele-notify-\(UUID().uuidString.prefix(8))"
        path = abstract ? "@\(name)" : FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(path.utf8)
        if abstract { bytes[0] = 0 }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sa_family_t>.size + bytes.count)) }
        }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// The next datagram, or nil after five seconds.
    public func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : nil
    }

    /// The next datagram that contains `text`, skipping others, or nil after `timeout`.
    public func next(containing text: String, timeout: Duration = .seconds(20)) -> String? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let message = receive(), message.contains(text) { return message }
        }
        return nil
    }

    /// Closes the socket and removes its file.
    public func close() {
        _ = Glibc.close(descriptor)
        if !path.hasPrefix("@") { unlink(path) }
    }
}
