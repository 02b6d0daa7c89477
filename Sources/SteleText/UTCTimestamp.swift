public import Foundation

/// A moment in UTC to the millisecond, broken into calendar fields and written as ISO 8601 by hand:
/// Foundation's ISO 8601 styles cost more than the rest of writing a store's metadata file.
public struct UTCTimestamp: Sendable, Hashable {
    /// The day.
    public var date: CivilDate
    /// Milliseconds since the start of the day, 0 to 86,399,999.
    public var millisecondOfDay: Int

    /// Seconds since 1970 this type holds, some thirty million years either way: beyond, the
    /// milliseconds would not fit an `Int`.
    static let secondsLimit = 1e15

    /// The millisecond `date` falls in (later fractions are cut, towards the past). A date beyond
    /// about thirty million years from now (an infinity, `1e300` from a damaged file) is taken as
    /// that limit, and not a number as 1970, rather than trapping.
    public init(_ date: Date) {
        let seconds = date.timeIntervalSince1970
        let clamped = seconds.isNaN ? 0 : min(max(seconds, -Self.secondsLimit), Self.secondsLimit)
        let milliseconds = Int((clamped * 1000).rounded(.down))
        let (days, remainder) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        let (wholeDays, inDay) = remainder < 0 ? (days - 1, remainder + 86_400_000) : (days, remainder)
        self.date = CivilDate(daysSinceEpoch: wholeDays)
        millisecondOfDay = inDay
    }

    /// `2025-06-15T15:06:40Z`, or `2025-06-15T15:06:40.123Z` with `milliseconds`. The year has at
    /// least four digits.
    public func iso8601(milliseconds: Bool) -> String {
        var text = [UInt8]()
        text.reserveCapacity(24)
        appendISO8601(milliseconds: milliseconds, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// ``iso8601(milliseconds:)``'s bytes appended to `text`, for outputs that write thousands of
    /// dates (a listing of every release).
    public func appendISO8601(milliseconds: Bool, to text: inout [UInt8]) {
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor * 10 <= value { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        if date.year < 0 { text.append(UInt8(ascii: "-")) }
        digits(abs(date.year), 4); text.append(UInt8(ascii: "-")); digits(date.month, 2); text.append(UInt8(ascii: "-")); digits(date.day, 2)
        text.append(UInt8(ascii: "T")); digits(millisecondOfDay / 3_600_000, 2); text.append(UInt8(ascii: ":"))
        digits(millisecondOfDay / 60_000 % 60, 2); text.append(UInt8(ascii: ":")); digits(millisecondOfDay / 1000 % 60, 2)
        if milliseconds {
            text.append(UInt8(ascii: ".")); digits(millisecondOfDay % 1000, 3)
        }
        text.append(UInt8(ascii: "Z"))
    }
}
