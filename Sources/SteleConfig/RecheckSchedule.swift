/// How often to look again, decaying with age: `1h for 2d, 6h for 14d` checks hourly for the first
/// two days, then every six hours until day fourteen, then stops.
public struct RecheckSchedule: Sendable, Equatable, CustomStringConvertible {
    /// One stage: check every `interval` until `until` has passed since the start.
    public struct Stage: Sendable, Equatable {
        /// Time between two checks during this stage.
        public var interval: Duration
        /// Age at which this stage ends.
        public var until: Duration

        /// A stage.
        public init(every interval: Duration, until: Duration) {
            self.interval = interval
            self.until = until
        }
    }

    /// The stages, in order; their `until` ages increase.
    public var stages: [Stage]

    /// A schedule from its stages.
    public init(stages: [Stage]) {
        self.stages = stages
    }

    /// Parses `1h for 2d, 6h for 14d`; `nil` when the text is not of that form or the ages do not
    /// increase. `never` is the empty schedule.
    public init?(text: String) {
        let trimmed = text.trimmingASCIISpaces()
        if trimmed == "never" {
            stages = []
            return
        }
        var stages: [Stage] = []
        for part in trimmed.split(separator: ",") {
            let words = part.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count == 3, words[1] == "for",
                  let interval = DurationText.parse(String(words[0])), interval > .zero,
                  let until = DurationText.parse(String(words[2])),
                  until > (stages.last?.until ?? .zero)
            else { return nil }
            stages.append(Stage(every: interval, until: until))
        }
        guard !stages.isEmpty else { return nil }
        self.stages = stages
    }

    /// When to check next, given the age of the thing at its last check; `nil` once the schedule
    /// has run out.
    public func nextCheck(afterAge age: Duration) -> Duration? {
        guard let stage = stages.first(where: { age < $0.until }) else { return nil }
        return stage.interval
    }

    /// The schedule in the configuration's own syntax.
    public var description: String {
        stages.isEmpty ? "never" : stages.map { "\(DurationText.format($0.interval)) for \(DurationText.format($0.until))" }.joined(separator: ", ")
    }
}
