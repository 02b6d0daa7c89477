public import Foundation
import SteleText

/// The store's dates, `2025-06-15T15:06:40.123Z` (UTC, milliseconds), formatted and parsed by hand:
/// Foundation's ISO 8601 styles cost more than the rest of decoding a metadata file. Reports print
/// their dates for scripts in this same form.
public enum StoreDate {
    /// Seconds since 1970 that a store's date may hold: the years 1 to 9999.
    static let representableSeconds: ClosedRange<Double> = -62_135_596_800 ... 253_402_300_799.999

    /// `date` as UTC with milliseconds (truncated).
    public static func format(_ date: Date) -> String {
        UTCTimestamp(date).iso8601(milliseconds: true)
    }

    /// ``format(_:)``'s 24 bytes appended to `text`, for outputs that write thousands of dates.
    public static func append(_ date: Date, to text: inout [UInt8]) {
        UTCTimestamp(date).appendISO8601(milliseconds: true, to: &text)
    }

    /// The date of a string in exactly the store's format, else `nil` (the caller then tries a
    /// general ISO 8601 parser).
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 24, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
              bytes[16] == 0x3A, bytes[19] == 0x2E, bytes[23] == 0x5A else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
              let minute = number(14..<16), let second = number(17..<19), let millisecond = number(20..<23),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        let milliseconds = ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millisecond
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
