public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Speaks systemd's notification protocol (`sd_notify`) over the Unix datagram socket named by
/// `NOTIFY_SOCKET`, without libsystemd: `READY=1`, `RELOADING=1`, `STOPPING=1`, `STATUS=...`,
/// `WATCHDOG=1`.
public struct SystemdNotifier: Sendable {
    private let socketPath: String

    /// A notifier for `NOTIFY_SOCKET` (a path, or an abstract socket written `@name`); `nil` when
    /// the process does not run under systemd with `Type=notify`.
    public init?(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let path = environment["NOTIFY_SOCKET"], !path.isEmpty, path.utf8.count < 108 else { return nil }
        socketPath = path
    }

    /// The interval at which to send `WATCHDOG=1`: half of `WATCHDOG_USEC`, when the watchdog is on
    /// for this process (`WATCHDOG_PID`, when set, names it).
    public static func watchdogInterval(environment: [String: String] = ProcessInfo.processInfo.environment) -> Duration? {
        guard let text = environment["WATCHDOG_USEC"], let microseconds = Int64(text), microseconds > 0 else { return nil }
        if let pid = environment["WATCHDOG_PID"], Int32(pid) != getpid() { return nil }
        return .microseconds(microseconds / 2)
    }

    /// The service is up: the first schedule is set.
    public func ready(status: String? = nil) { send(["READY=1"] + (status.map { ["STATUS=\($0)"] } ?? [])) }
    /// The configuration is being re-read.
    public func reloading() { send(["RELOADING=1"]) }
    /// The service is shutting down.
    public func stopping() { send(["STOPPING=1"]) }
    /// A one-line description of what the service is doing, shown by `systemctl status`.
    public func status(_ text: String) { send(["STATUS=\(text.replacingOccurrences(of: "\n", with: " "))"]) }
    /// The service is alive.
    public func watchdog() { send(["WATCHDOG=1"]) }

    /// Sends the assignments in one datagram. Failures are ignored: systemd may be gone, and the
    /// service must not stop for that.
    public func send(_ assignments: [String]) {
        let message = assignments.joined(separator: "\n")
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var pathBytes = Array(socketPath.utf8)
        if pathBytes.first == UInt8(ascii: "@") { pathBytes[0] = 0 }  // abstract namespace
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: pathBytes.prefix(buffer.count))
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + pathBytes.count)
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                message.withCString { sendto(descriptor, $0, strlen($0), Int32(MSG_NOSIGNAL), socketAddress, length) }
            }
        }
    }
}
