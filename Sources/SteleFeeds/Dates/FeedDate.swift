public import Foundation
import SteleText

/// Dates as feeds write them: RFC 822/5322 in all its variants (and asctime) and RFC 3339 / ISO 8601 /
/// W3C datetime. Never guesses: a date that does not parse is `nil`.
public enum FeedDate {
    /// The date `text` denotes, in UTC, or `nil` when it does not parse or is out of range.
    public static func parse(_ text: String) -> Date? {
        parseDetailed(text)?.date
    }

    /// A parsed date and whether its time zone was missing (and UTC assumed).
    struct Parsed: Equatable {
        var date: Date
        var zoneAssumed: Bool
    }

    /// Tries ISO 8601 first when the text starts with a four-digit year, else RFC 822.
    static func parseDetailed(_ text: String) -> Parsed? {
        var text = text
        return text.withUTF8 { bytes in
            var start = 0
            var end = bytes.count
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            guard end > start, end - start <= 80 else { return nil }
            let trimmed = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if trimmed.count >= 4, trimmed.prefix(4).allSatisfy(isDigit) {
                var iso = ISO8601DateScanner(trimmed)
                return iso.parse() ?? RFC822DateScanner(trimmed).parse()
            }
            return RFC822DateScanner(trimmed).parse()
        }
    }

    /// The UTC date of a civil date and time with an offset east of UTC in seconds, or `nil` when a field is out of range.
    static func make(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
        fraction: Double = 0, offsetSeconds: Int = 0, zoneAssumed: Bool = false
    ) -> Parsed? {
        let civil = CivilDate(year: year, month: month, day: day)
        guard (1...9999).contains(year), civil.isValid,
              (0...24).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        // 24:00:00 is the end of the day (ISO 8601); a leap second is read as :59 (Foundation has none).
        if hour == 24, minute != 0 || second != 0 || fraction != 0 { return nil }
        let seconds = civil.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offsetSeconds
        return Parsed(date: Date(timeIntervalSince1970: Double(seconds) + fraction), zoneAssumed: zoneAssumed)
    }

    /// `2025-09-19T12:00:00Z`: whole seconds, UTC, the form `stele feed --json` prints.
    public static func iso8601(_ date: Date) -> String {
        UTCTimestamp(date).iso8601(milliseconds: false)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
}
