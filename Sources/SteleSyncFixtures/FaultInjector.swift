public import SteleFixtures
import Synchronization

/// Responses that replace the site's own for a while: the next N requests whose target starts with
/// a prefix get a given response.
public final class FaultInjector: Sendable {
    private let faults = Mutex<[(prefix: String, exact: Bool, response: FixtureResponse, remaining: Int)]>([])

    /// No faults yet.
    public init() {}

    /// Answers the next `times` requests whose target starts with `prefix` (or is exactly it) with `response`.
    public func add(_ prefix: String, _ response: FixtureResponse, times: Int = .max, exact: Bool = false) {
        faults.withLock { $0.append((prefix, exact, response, times)) }
    }

    /// Removes every fault: the site answers again.
    public func clear() {
        faults.withLock { $0.removeAll() }
    }

    /// The fault response for `request`, or `nil` to let the site answer.
    public func response(for request: FixtureRequest) -> FixtureResponse? {
        faults.withLock { faults in
            guard let index = faults.firstIndex(where: { fault in
                (fault.exact ? request.target == fault.prefix : request.target.hasPrefix(fault.prefix)) && fault.remaining > 0
            }) else { return nil }
            faults[index].remaining -= 1
            return faults[index].response
        }
    }
}
