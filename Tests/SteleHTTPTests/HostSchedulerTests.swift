@testable import SteleHTTP
import Testing

@Suite("Admission of waiting transfers")
struct HostSchedulerTests {
    let start = ContinuousClock.now

    @Test("a host gets at most its limit in flight; the next starts when one finishes")
    func perHostLimit() {
        var scheduler = HostScheduler<Int>(maxInFlight: 10, maxInFlightPerHost: 2, minimumDelayPerHost: .zero)
        (1...5).forEach { scheduler.enqueue($0, host: "a") }
        #expect(scheduler.admit(now: start).map(\.item) == [1, 2])
        #expect(scheduler.admit(now: start).isEmpty)
        scheduler.finished(host: "a")
        #expect(scheduler.admit(now: start).map(\.item) == [3])
        #expect(scheduler.waitingCount == 2)
    }

    @Test("hosts take turns, so one long queue does not starve the others")
    func roundRobin() {
        var scheduler = HostScheduler<String>(maxInFlight: 4, maxInFlightPerHost: 4, minimumDelayPerHost: .zero)
        ["a1", "a2", "a3", "a4"].forEach { scheduler.enqueue($0, host: "a") }
        ["b1", "b2"].forEach { scheduler.enqueue($0, host: "b") }
        #expect(scheduler.admit(now: start).map(\.item) == ["a1", "b1", "a2", "b2"])
        #expect(scheduler.inFlight == 4)
    }

    @Test("the minimum delay holds a host back and says when it may start again")
    func delay() {
        var scheduler = HostScheduler<Int>(maxInFlight: 10, maxInFlightPerHost: 5, minimumDelayPerHost: .milliseconds(100))
        (1...3).forEach { scheduler.enqueue($0, host: "a") }
        scheduler.enqueue(9, host: "b")
        #expect(scheduler.admit(now: start).map(\.item) == [1, 9])
        #expect(scheduler.nextDelayedStart == start + .milliseconds(100))
        #expect(scheduler.admit(now: start + .milliseconds(99)).isEmpty)
        #expect(scheduler.admit(now: start + .milliseconds(100)).map(\.item) == [2])
    }

    @Test("removing waiting items leaves the rest in order")
    func removal() {
        var scheduler = HostScheduler<Int>(maxInFlight: 1, maxInFlightPerHost: 1, minimumDelayPerHost: .zero)
        (1...4).forEach { scheduler.enqueue($0, host: "a") }
        #expect(scheduler.removeWaiting { $0 % 2 == 0 } == [2, 4])
        #expect(scheduler.admit(now: start).map(\.item) == [1])
        scheduler.finished(host: "a")
        #expect(scheduler.admit(now: start).map(\.item) == [3])
        #expect(scheduler.waitingCount == 0)
    }
}
