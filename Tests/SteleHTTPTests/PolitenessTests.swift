import SteleFixtures
import SteleHTTP
import Testing

@Suite("Limits on concurrency and pace")
struct PolitenessTests {
    private func fetchAll(_ fixture: ClientFixture, _ targets: [String]) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for target in targets {
                group.addTask { _ = try await fixture.fetch(target) }
            }
            try await group.waitForAll()
        }
    }

    @Test("no more than two transfers are in flight to one host by default")
    func perHostDefault() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        try await fetchAll(fixture, Array(repeating: "/misbehave/delay/150", count: 8))
        #expect(fixture.server.maxConcurrentRequests == 2)
    }

    @Test("the global limit caps transfers when the per-host limit is higher")
    func globalLimit() async throws {
        let fixture = try ClientFixture { $0.maxConcurrentTransfers = 3; $0.maxConcurrentTransfersPerHost = 10 }
        defer { fixture.stop() }
        try await fetchAll(fixture, Array(repeating: "/misbehave/delay/150", count: 9))
        #expect(fixture.server.maxConcurrentRequests == 3)
    }

    @Test("requests to one host start at least the minimum delay apart")
    func minimumDelay() async throws {
        let fixture = try ClientFixture { $0.maxConcurrentTransfersPerHost = 4; $0.minimumDelayPerHost = .milliseconds(120) }
        defer { fixture.stop() }
        for number in 0..<5 { fixture.site.put("/\(number)", text: "\(number)") }
        try await fetchAll(fixture, (0..<5).map { "/\($0)" })
        let arrivals = fixture.server.requests.map(\.receivedAt).sorted()
        #expect(arrivals.count == 5)
        for (earlier, later) in zip(arrivals, arrivals.dropFirst()) {
            #expect(later - earlier >= .milliseconds(110))
        }
    }

    @Test("a slow host does not hold up another host")
    func hostsAreIndependent() async throws {
        let slow = try ClientFixture { $0.maxConcurrentTransfersPerHost = 1 }
        defer { slow.stop() }
        let fast = try FixtureServer { _ in .text("quick") }
        defer { fast.stop() }
        async let blocked: Void = fetchAll(slow, Array(repeating: "/misbehave/delay/400", count: 3))
        try await Task.sleep(for: .milliseconds(50))
        let started = ContinuousClock.now
        let response = try await slow.client.fetch(HTTPRequest(url: fast.url("/")))
        #expect(response.body == Array("quick".utf8))
        #expect(ContinuousClock.now - started < .milliseconds(400))
        try await blocked
    }

    @Test("cancelling the calling task ends a running transfer at once")
    func cancellation() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        let task = Task { try await fixture.fetch("/misbehave/delay/10000") }
        try await Task.sleep(for: .milliseconds(100))
        let started = ContinuousClock.now
        task.cancel()
        let result = await task.result
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(failureKind(result) == .cancelled)
    }

    @Test("cancelling a transfer that waits for its turn removes it from the queue")
    func cancelWaiting() async throws {
        let fixture = try ClientFixture { $0.maxConcurrentTransfersPerHost = 1 }
        defer { fixture.stop() }
        let running = Task { try await fixture.fetch("/misbehave/delay/600") }
        // The second task must queue behind the first, so wait until the first has reached the server.
        while fixture.server.requests.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        let waiting = Task { try await fixture.fetch("/misbehave/delay/600") }
        try await Task.sleep(for: .milliseconds(50))
        waiting.cancel()
        #expect(failureKind(await waiting.result) == .cancelled)
        _ = try await running.value
        #expect(fixture.server.requests.count == 1)
    }

    @Test("shutting down fails waiting transfers with shutDown")
    func shutdown() async throws {
        let fixture = try ClientFixture()
        defer { fixture.server.stop() }
        let task = Task { try await fixture.fetch("/misbehave/delay/5000") }
        try await Task.sleep(for: .milliseconds(100))
        fixture.client.shutdown()
        #expect(failureKind(await task.result) == .shutDown)
        let late = await fixture.error(fetching: "/anything")
        #expect(late?.kind == .shutDown)
    }
}

/// The kind of HTTP error a finished task ended with, if it ended with one.
func failureKind(_ result: Result<HTTPResponse, any Error>) -> HTTPError.Kind? {
    if case .failure(let error) = result { return (error as? HTTPError)?.kind }
    return nil
}
