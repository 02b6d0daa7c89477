public import Foundation
import Synchronization

/// A clock the test moves by hand, starting at 2025-12-04 12:00:00 UTC.
public final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_764_849_600))

    /// A clock at its start time.
    public init() {}

    /// The time now.
    public var now: Date { current.withLock { $0 } }

    /// Moves the clock forward by `hours`.
    public func advance(hours: Double) {
        current.withLock { $0 += hours * 3600 }
    }

    /// Moves the clock forward by `seconds`.
    public func advance(seconds: Double) {
        current.withLock { $0 += seconds }
    }
}
