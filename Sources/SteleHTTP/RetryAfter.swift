public import Foundation

/// The `Retry-After` header of a 429 or 503 response (RFC 9110 §10.2.3): a number of seconds or
/// an HTTP-date.
public enum RetryAfter: Sendable, Equatable, Hashable {
    /// Wait this many seconds.
    case seconds(Int)
    /// Wait until this moment.
    case date(Date)

    /// Parses `120` or `Fri, 31 Dec 1999 23:59:59 GMT`; `nil` for anything else, including
    /// negative numbers.
    public init?(headerValue: String) {
        let value = headerValue.trimmingCharacters(in: .whitespaces)
        if !value.isEmpty, value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            // A huge number of seconds is clamped rather than rejected: the server meant "a long time".
            self = .seconds(Int(value) ?? Int.max)
        } else if let date = HTTPDate.parse(value) {
            self = .date(date)
        } else {
            return nil
        }
    }

    /// How long to wait from `now`; never negative.
    public func delay(from now: Date) -> Duration {
        switch self {
        case .seconds(let seconds):
            return .seconds(seconds)
        case .date(let date):
            let interval = date.timeIntervalSince(now)
            return interval > 0 ? .milliseconds(Int64((interval * 1000).rounded(.up))) : .zero
        }
    }
}
