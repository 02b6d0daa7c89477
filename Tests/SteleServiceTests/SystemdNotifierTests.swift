import Foundation
import SteleFixtures
import SteleService
import Testing
#if canImport(Glibc)
import Glibc
#endif

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
