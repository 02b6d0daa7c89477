/// The warnings of one parse, bounded: past the limit they are only counted.
struct WarningLog {
    private(set) var warnings: [FeedWarning] = []
    private var dropped = 0
    private var onceKeys: Set<String> = []
    private let limit: Int

    init(limit: Int = FeedLimits().maxWarnings) {
        self.limit = limit
    }

    /// Records a warning, or counts it when the log is full.
    mutating func add(_ message: String, line: Int? = nil) {
        if warnings.count < limit {
            warnings.append(FeedWarning(message, line: line))
        } else {
            dropped += 1
        }
    }

    /// Records a warning the first time `key` is seen, so a feed that repeats a fault on every item says it once.
    mutating func addOnce(key: String, _ message: @autoclosure () -> String, line: Int? = nil) {
        guard onceKeys.insert(key).inserted else { return }
        add(message(), line: line)
    }

    /// Adds another log's warnings after these, still within the limit.
    mutating func append(contentsOf other: WarningLog) {
        for warning in other.warnings { add(warning.message, line: warning.line) }
        dropped += other.dropped
    }

    /// The warnings, with one more that counts those that did not fit.
    var all: [FeedWarning] {
        dropped == 0 ? warnings : warnings + [FeedWarning("\(dropped) more warning\(dropped == 1 ? "" : "s") not shown")]
    }
}
