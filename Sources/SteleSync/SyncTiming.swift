public import Foundation

/// The engine's sense of time and chance: the current moment, jitter and backoff. Tests give it a
/// fixed clock and a seeded random source so that schedules can be driven without waiting.
public struct SyncTiming: Sendable {
    /// The current moment.
    public var now: @Sendable () -> Date
    /// A number in [0, 1).
    public var random: @Sendable () -> Double
    /// Delays after failures.
    public var backoff: Backoff

    /// Real time and real randomness.
    public static let live = SyncTiming(now: { Date() }, random: { Double.random(in: 0..<1) }, backoff: Backoff())

    /// A timing.
    public init(now: @escaping @Sendable () -> Date, random: @escaping @Sendable () -> Double, backoff: Backoff = Backoff()) {
        self.now = now
        self.random = random
        self.backoff = backoff
    }

    /// `interval` spread by ±10 %, so that sources and releases do not all fall due together.
    func jittered(_ interval: Duration) -> Duration {
        interval * (0.9 + 0.2 * random())
    }
}

extension Duration {
    /// The duration in seconds, for date arithmetic.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
