import Foundation
import SteleService
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A Unix datagram socket standing in for systemd's notification socket.
final class NotifySocketListener {
    let path: String
    private let descriptor: Int32

    init(abstract: Bool = false) {
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
    func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : nil
    }

    func close() {
        _ = Glibc.close(descriptor)
        if !path.hasPrefix("@") { unlink(path) }
    }
}

@Suite("systemd notification protocol")
struct SystemdNotifierTests {
    @Test("messages reach a socket named by a path or an abstract name", arguments: [false, true])
    func delivery(abstract: Bool) throws {
        let listener = NotifySocketListener(abstract: abstract)
        defer { listener.close() }
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.path]))
        notifier.ready(status: "polling 1 source")
        notifier.watchdog()
        notifier.status("line one\nline two")
        #expect(listener.receive() == "READY=1\nSTATUS=polling 1 source")
        #expect(listener.receive() == "WATCHDOG=1")
        #expect(listener.receive() == "STATUS=line one line two")
    }

    @Test("without NOTIFY_SOCKET there is no notifier")
    func absent() {
        #expect(SystemdNotifier(environment: [:]) == nil)
    }

    @Test("the watchdog interval is half of WATCHDOG_USEC, for this process only")
    func watchdogInterval() {
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "30000000"]) == .seconds(15))
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "\(getpid())"]) == .seconds(15))
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"]) == nil)
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "0"]) == nil)
        #expect(SystemdNotifier.watchdogInterval(environment: [:]) == nil)
    }
}

@Suite("Signals as an async sequence")
struct SignalListenerTests {
    @Test("a signal sent to the process arrives in the sequence instead of killing it")
    func delivery() async throws {
        let listener = SignalListener([SIGUSR2])
        defer { listener.cancel() }
        kill(getpid(), SIGUSR2)
        var iterator = listener.signals.makeAsyncIterator()
        #expect(await iterator.next() == SIGUSR2)
    }
}
