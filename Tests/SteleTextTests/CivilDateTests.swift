import Foundation
import SteleText
import Testing

@Suite("Civil dates and UTC timestamps")
struct CivilDateTests {
    @Test("days from 1970-01-01 of known dates, both ways", arguments: [
        (1970, 1, 1, 0), (1969, 12, 31, -1), (2000, 3, 1, 11_017), (2024, 2, 29, 19_782), (1900, 3, 1, -25_508),
        (0, 3, 1, -719_468), (-1, 12, 31, -719_529), (9999, 12, 31, 2_932_896),
    ])
    func known(year: Int, month: Int, day: Int, days: Int) {
        #expect(CivilDate(year: year, month: month, day: day).daysSinceEpoch == days)
        #expect(CivilDate(daysSinceEpoch: days) == CivilDate(year: year, month: month, day: day))
    }

    @Test("every day from 1600 to 2400 agrees with Foundation's Gregorian calendar, and each follows the one before")
    func agreesWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        var previous = CivilDate(year: 1599, month: 12, day: 31)
        for days in -135_140...157_054 {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            let nextDay = previous.day < CivilDate.daysIn(month: previous.month, year: previous.year)
            let expected = nextDay ? CivilDate(year: previous.year, month: previous.month, day: previous.day + 1)
                : previous.month < 12 ? CivilDate(year: previous.year, month: previous.month + 1, day: 1)
                : CivilDate(year: previous.year + 1, month: 1, day: 1)
            if date != expected { Issue.record("day \(days) is \(date), expected \(expected)"); return }
            previous = date
            if days % 997 == 0 {
                let components = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
                #expect([components.year, components.month, components.day] == [date.year, date.month, date.day])
            }
        }
        #expect(previous == CivilDate(year: 2400, month: 1, day: 1))
    }

    @Test("leap years and month lengths", arguments: [(2024, true), (2025, false), (1900, false), (2000, true), (2100, false)])
    func leapYears(year: Int, leap: Bool) {
        #expect(CivilDate.isLeapYear(year) == leap)
        #expect(CivilDate.daysIn(month: 2, year: year) == (leap ? 29 : 28))
        #expect(CivilDate(year: year, month: 2, day: 29).isValid == leap)
    }

    @Test("only real days are valid", arguments: [(2025, 9, 31), (2025, 13, 1), (2025, 0, 10), (2025, 4, 0), (2025, 6, 31)])
    func invalid(year: Int, month: Int, day: Int) {
        #expect(!CivilDate(year: year, month: month, day: day).isValid)
    }

    @Test("timestamps are written in UTC, to the second or the millisecond, cut towards the past", arguments: [
        (0, "1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000Z"),
        (1_758_283_200.9, "2025-09-19T12:00:00Z", "2025-09-19T12:00:00.900Z"),
        (-1, "1969-12-31T23:59:59Z", "1969-12-31T23:59:59.000Z"),
        (-0.0005, "1969-12-31T23:59:59Z", "1969-12-31T23:59:59.999Z"),
        (-86_400.5, "1969-12-30T23:59:59Z", "1969-12-30T23:59:59.500Z"),
        (951_782_400, "2000-02-29T00:00:00Z", "2000-02-29T00:00:00.000Z"),
        (-62_135_596_800, "0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z"),
        (253_402_300_800, "10000-01-01T00:00:00Z", "10000-01-01T00:00:00.000Z"),
    ] as [(Double, String, String)])
    func timestamps(seconds: Double, whole: String, precise: String) {
        let timestamp = UTCTimestamp(Date(timeIntervalSince1970: seconds))
        #expect(timestamp.iso8601(milliseconds: false) == whole)
        #expect(timestamp.iso8601(milliseconds: true) == precise)
    }

    @Test("a date no clock gives (an infinity, 1e300, not a number) is written, not a trap", arguments: [
        Double.infinity, -Double.infinity, 1e300, -1e300, Double.nan, 9.3e15,
    ])
    func outOfRange(seconds: Double) {
        let text = UTCTimestamp(Date(timeIntervalSince1970: seconds)).iso8601(milliseconds: true)
        #expect(text.hasSuffix("Z"))
    }
}
