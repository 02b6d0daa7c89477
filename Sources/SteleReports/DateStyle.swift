public import Foundation
import SteleStore

/// Dates as reports print them for people — `2025-12-04 12:00` in a time zone — and as people type
/// them in arguments. Scripts get the store's own form instead (``StoreDate``, UTC).
public struct DateStyle: Sendable {
    /// The zone dates are shown in.
    public let timeZone: TimeZone
    private let fixedOffset: Int?

    /// Dates in `timeZone` (the local zone by default).
    public init(timeZone: TimeZone = .current) {
        self.timeZone = timeZone
        // A zone without daylight saving has one offset: no per-date lookup on long listings.
        let now = Date()
        let offsets = Set([0.0, 0.25, 0.5, 0.75].map { timeZone.secondsFromGMT(for: now + $0 * 365 * 86_400) })
        fixedOffset = offsets.count == 1 ? offsets.first : nil
    }

    /// Dates in UTC.
    public static let utc = DateStyle(timeZone: TimeZone(identifier: "UTC")!)

    /// `2025-12-04 12:00`: to the minute, in the zone.
    public func minutes(_ date: Date) -> String {
        var bytes: [UInt8] = []
        appendMinutes(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``minutes(_:)``'s 16 bytes, appended to `bytes`.
    func appendMinutes(_ date: Date, to bytes: inout [UInt8]) {
        let offset = fixedOffset ?? timeZone.secondsFromGMT(for: date)
        // "2025-12-04T12:00:00.000Z" → "2025-12-04 12:00"
        let start = bytes.count
        StoreDate.append(date + Double(offset), to: &bytes)
        bytes[start + 10] = 0x20
        bytes.removeLast(8)
    }

    /// The moment an argument names: a day (`2025-12-04`, its midnight in the zone), a local time
    /// (`2025-12-04T15:30`, `2025-12-04 15:30:10`), or a time with its offset (`…Z`, `…+01:00`).
    public func parse(_ text: String) -> Date? {
        var bytes = Array(text.utf8)
        guard bytes.count >= 10 else { return nil }
        var offset: Int?
        if bytes.last == UInt8(ascii: "Z") || bytes.last == UInt8(ascii: "z") {
            offset = 0
            bytes.removeLast()
        } else if bytes.count >= 16, let sign = [UInt8(ascii: "+"), UInt8(ascii: "-")].firstIndex(of: bytes[bytes.count - 6]), bytes[bytes.count - 3] == UInt8(ascii: ":"),
                  let hours = Self.number(bytes, bytes.count - 5, 2), let minutes = Self.number(bytes, bytes.count - 2, 2), hours < 24, minutes < 60 {
            offset = (sign == 0 ? 1 : -1) * (hours * 3600 + minutes * 60)
            bytes.removeLast(6)
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = Self.number(bytes, 0, 4), let month = Self.number(bytes, 5, 2), let day = Self.number(bytes, 8, 2) else { return nil }
        var hour = 0, minute = 0, second = 0
        if bytes.count > 10 {
            guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "), bytes.count == 16 || bytes.count == 19, bytes[13] == UInt8(ascii: ":"),
                  let h = Self.number(bytes, 11, 2), let m = Self.number(bytes, 14, 2) else { return nil }
            hour = h
            minute = m
            if bytes.count == 19 {
                guard bytes[16] == UInt8(ascii: ":"), let s = Self.number(bytes, 17, 2) else { return nil }
                second = s
            }
        } else if offset != nil {
            return nil
        }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        guard let utc = StoreDate.parse("\(yearText)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second)).000Z"),
              StoreDate.format(utc).hasPrefix("\(yearText)-\(two(month))-\(two(day))") else { return nil } // 2025-02-30 is no date
        if let offset { return utc - Double(offset) }
        // A local time: the zone's offset at that moment (read twice, in case the guess crossed a change).
        let guess = utc - Double(fixedOffset ?? timeZone.secondsFromGMT(for: utc))
        return utc - Double(fixedOffset ?? timeZone.secondsFromGMT(for: guess))
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start >= 0, start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<start + count] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
