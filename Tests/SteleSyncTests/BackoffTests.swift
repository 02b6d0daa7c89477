import SteleSync
import Testing

@Suite("Backoff after failures")
struct BackoffTests {
    let backoff = Backoff(base: .seconds(60), cap: .seconds(3600))

    @Test("the ceiling doubles with each failure up to the cap")
    func ceiling() {
        #expect(backoff.delay(afterFailures: 1, random: 0.999_999) <= .seconds(60))
        #expect(backoff.delay(afterFailures: 2, random: 0.999_999) > .seconds(119))
        #expect(backoff.delay(afterFailures: 3, random: 0.999_999) > .seconds(239))
        #expect(backoff.delay(afterFailures: 40, random: 0.999_999) <= .seconds(3600))
        #expect(backoff.delay(afterFailures: 40, random: 0.999_999) > .seconds(3599))
    }

    @Test("full jitter spreads the delay from zero to the ceiling")
    func jitter() {
        #expect(backoff.delay(afterFailures: 5, random: 0) == .zero)
        #expect(backoff.delay(afterFailures: 5, random: 0.5) == .seconds(480))
    }

    @Test("Retry-After replaces the backoff, within ten times the cap")
    func retryAfter() {
        #expect(backoff.delay(afterFailures: 1, retryAfter: .seconds(120), random: 0.1) == .seconds(120))
        #expect(backoff.delay(afterFailures: 1, retryAfter: .seconds(999_999_999), random: 0.1) == .seconds(36_000))
    }
}
