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
        // The slow host's only slot is taken for a minute, with more waiting behind it.
        let blocked = (0..<3).map { _ in Task { try await slow.fetch("/misbehave/delay/60000") } }
        while slow.server.requests.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        let response = try await slow.client.fetch(HTTPRequest(url: fast.url("/")))
        #expect(response.body == Array("quick".utf8))
        // The fast host answered while the slow one still held its slot and its queue.
        #expect(slow.server.requests.count == 1)
        blocked.forEach { $0.cancel() }
    }

    @Test("cancelling the calling task ends a running transfer at once")
    func cancellation() async throws {
        let fixture = try ClientFixture()
        defer { fixture.stop() }
        // Uncancelled, this would take a minute and succeed.
        let task = Task { try await fixture.fetch("/misbehave/delay/60000") }
        while fixture.server.requests.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        task.cancel()
        #expect(failureKind(await task.result) == .cancelled)
    }

    @Test("cancelling a transfer that waits for its turn removes it from the queue")
    func cancelWaiting() async throws {
        let fixture = try ClientFixture { $0.maxConcurrentTransfersPerHost = 1 }
        defer { fixture.stop() }
        // The first holds the host's only slot for a minute; the second waits behind it.
        let running = Task { try await fixture.fetch("/misbehave/delay/60000") }
        while fixture.server.requests.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        let waiting = Task { try await fixture.fetch("/misbehave/delay/60000") }
        try await Task.sleep(for: .milliseconds(50))
        waiting.cancel()
        #expect(failureKind(await waiting.result) == .cancelled)
        running.cancel()
        #expect(failureKind(await running.result) == .cancelled)
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
