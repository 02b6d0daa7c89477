/// When to try an address again after failures: exponential backoff with full jitter and a cap
/// ("Exponential Backoff And Jitter", AWS Architecture Blog), unless the server said when.
public struct Backoff: Sendable, Equatable {
    /// The delay after the first failure, before jitter.
    public var base: Duration
    /// The longest delay, before jitter.
    public var cap: Duration

    /// A backoff from `base` doubling up to `cap`.
    public init(base: Duration = .seconds(60), cap: Duration = .seconds(6 * 3600)) {
        self.base = base
        self.cap = cap
    }

    /// The delay before the next attempt after `failures` consecutive failures (1 or more):
    /// a uniformly random time in `[0, min(cap, base · 2^(failures-1))]`, drawn with `random`
    /// (in [0, 1)). A `Retry-After` from the server replaces it, bounded by ten times the cap so
    /// that a hostile header cannot silence a source for ever.
    public func delay(afterFailures failures: Int, retryAfter: Duration? = nil, random: Double) -> Duration {
        if let retryAfter {
            return min(max(retryAfter, .zero), cap * 10)
        }
        let exponent = min(max(failures, 1) - 1, 30)
        let ceiling = min(cap, base * (1 << exponent))
        return ceiling * min(max(random, 0), 1)
    }
}
