/// What one pass of the pipeline covers.
public struct PassOptions: Sendable, Equatable {
    /// Only these sources; all when empty.
    public var sources: Set<String> = []
    /// Only the release with this key (or `SOURCE/KEY`); all when `nil`.
    public var release: String?
    /// Fetch everything now, whatever the schedules say (a manual `stele fetch`); failures that
    /// asked for a pause (`Retry-After`) are still respected.
    public var ignoresSchedules = false
    /// Fetch and extract, but write nothing.
    public var dryRun = false
    /// Poll every feed now, whatever its interval (a daemon that starts), except those pausing
    /// after failures.
    public var pollsFeedsNow = false

    /// A pass over everything that is due.
    public init(sources: Set<String> = [], release: String? = nil, ignoresSchedules: Bool = false, dryRun: Bool = false, pollsFeedsNow: Bool = false) {
        self.pollsFeedsNow = pollsFeedsNow
        self.sources = sources
        self.release = release
        self.ignoresSchedules = ignoresSchedules
        self.dryRun = dryRun
    }
}
