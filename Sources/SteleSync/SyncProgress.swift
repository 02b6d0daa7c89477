import Synchronization

/// Live counters of a pass, for a progress display: feeds polled, pages done of pages planned,
/// failures. Updated by the engine from many tasks, read by whoever draws the display.
public final class SyncProgress: Sendable {
    /// A snapshot of the counters.
    public struct Counts: Sendable, Equatable {
        /// Feeds polled.
        public var feeds = 0
        /// Pages fetched (or failed).
        public var pagesDone = 0
        /// Pages planned so far (grows as feeds announce releases).
        public var pagesPlanned = 0
        /// Fetches that failed.
        public var failures = 0
    }

    private let counts = Mutex(Counts())

    /// Fresh counters.
    public init() {}

    /// The counters now.
    public var snapshot: Counts { counts.withLock { $0 } }

    func update(_ change: (inout Counts) -> Void) {
        counts.withLock { change(&$0) }
    }
}
