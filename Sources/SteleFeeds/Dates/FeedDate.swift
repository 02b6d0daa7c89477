public import Foundation

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
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              (0...24).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        // 24:00:00 is the end of the day (ISO 8601); a leap second is read as :59 (Foundation has none).
        if hour == 24, minute != 0 || second != 0 || fraction != 0 { return nil }
        let seconds = daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offsetSeconds
        return Parsed(date: Date(timeIntervalSince1970: Double(seconds) + fraction), zoneAssumed: zoneAssumed)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `2025-09-19T12:00:00Z`: whole seconds, UTC, the form `stele feed --json` prints.
    public static func iso8601(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilFromDays(days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }

    /// The inverse of ``daysFromCivil(year:month:day:)``.
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
}
