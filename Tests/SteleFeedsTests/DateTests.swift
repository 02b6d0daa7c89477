import Foundation
import SteleFeeds
import Testing

@Suite("Dates")
struct DateTests {
    static let rfc822Cases: [(String, String)] = [
        ("Fri, 19 Sep 2025 12:00:00 GMT", "2025-09-19T12:00:00Z"),
        ("19 Sep. 2025 12:00:00 GMT", "2025-09-19T12:00:00Z"),
        ("19 Sept. 2025 12:00:00 GMT", "2025-09-19T12:00:00Z"),
        ("Fri, 19 Sep 25 12:00:00 GMT", "2025-09-19T12:00:00Z"),
        ("Sun, 19 Sep 99 12:00:00 GMT", "1999-09-19T12:00:00Z"),
        ("19 Sep 2025 12:00 GMT", "2025-09-19T12:00:00Z"),
        ("Fri, 19 Sep 2025 08:00:00 EDT", "2025-09-19T12:00:00Z"),
        ("Fri, 19 Sep 2025 07:00:00 EST", "2025-09-19T12:00:00Z"),
        ("Fri, 19 Sep 2025 05:00:00 PDT", "2025-09-19T12:00:00Z"),
        ("Fri, 19 Sep 2025 14:00:00 CEST", "2025-09-19T12:00:00Z"),
        ("Fri, 19 Jan 2025 13:00:00 CET", "2025-01-19T12:00:00Z"),
        ("Fri, 19 Sep 2025 15:00:00 EEST", "2025-09-19T12:00:00Z"),
        ("Fri, 19 Sep 2025 12:00:00 UT", "2025-09-19T12:00:00Z"),
        ("Fri, 19 Sep 2025 12:00:00 Z", "2025-09-19T12:00:00Z"),
        ("Fri, 19 Sep 2025 14:00:00 +0200", "2025-09-19T12:00:00Z"),
        ("Fri, 19 Sep 2025 14:00:00 +02:00", "2025-09-19T12:00:00Z"),
        ("Fri, 19 Sep 2025 07:30:00 -0430", "2025-09-19T12:00:00Z"),
        ("Fri, 19 Sep 2025 14:00:00 GMT+2", "2025-09-19T12:00:00Z"),
        ("Friday, 19 September 2025 12:00:00 GMT", "2025-09-19T12:00:00Z"),
        ("fri, 19 sep 2025 12:00:00 gmt", "2025-09-19T12:00:00Z"),
        ("Fri,19 Sep 2025 12:00:00 GMT", "2025-09-19T12:00:00Z"),
        ("Fri, 19-Sep-2025 12:00:00 GMT", "2025-09-19T12:00:00Z"),
        ("Fri, 9 Sep 2025 2:05:09 GMT", "2025-09-09T02:05:09Z"),
        ("Fri, 19 Sep 2025 07:00:00 -0500 (EST)", "2025-09-19T12:00:00Z"),
        ("Sep 19, 2025 02:00 PM GMT+2", "2025-09-19T12:00:00Z"),
        ("Fri Sep 19 12:00:00 2025", "2025-09-19T12:00:00Z"),
        ("Sat, 01 Jan 2000 00:30:00 +0100", "1999-12-31T23:30:00Z"),
        ("Thu, 29 Feb 2024 12:00:00 GMT", "2024-02-29T12:00:00Z"),
    ]

    static let iso8601Cases: [(String, String)] = [
        ("2025-09-19T12:00:00Z", "2025-09-19T12:00:00Z"),
        ("2025-09-19t12:00:00z", "2025-09-19T12:00:00Z"),
        ("2025-09-19T14:00:00+02:00", "2025-09-19T12:00:00Z"),
        ("2025-09-19T14:00:00+0200", "2025-09-19T12:00:00Z"),
        ("2025-09-19T14:00:00+02", "2025-09-19T12:00:00Z"),
        ("2025-09-19T07:00:00-05:00", "2025-09-19T12:00:00Z"),
        ("2025-09-19 12:00:00Z", "2025-09-19T12:00:00Z"),
        ("2025-09-19T12:00Z", "2025-09-19T12:00:00Z"),
        ("2025-09-19T12:00:00.123456Z", "2025-09-19T12:00:00Z"),
        ("2025-09-19", "2025-09-19T00:00:00Z"),
        ("2025-09", "2025-09-01T00:00:00Z"),
        ("2025", "2025-01-01T00:00:00Z"),
        ("  2025-09-19T12:00:00Z\n", "2025-09-19T12:00:00Z"),
    ]

    @Test("RFC 822 and 5322 in the variants feeds write", arguments: rfc822Cases)
    func rfc822(text: String, expected: String) throws {
        let date = try #require(FeedDate.parse(text))
        #expect(FeedDate.iso8601(date) == expected)
    }

    @Test("RFC 3339, ISO 8601 and W3C datetime", arguments: iso8601Cases)
    func iso8601(text: String, expected: String) throws {
        let date = try #require(FeedDate.parse(text))
        #expect(FeedDate.iso8601(date) == expected)
    }

    @Test("fractional seconds are kept")
    func fractions() throws {
        #expect(FeedDate.parse("2025-09-19T12:00:00.250Z") == utc("2025-09-19T12:00:00.250Z"))
    }

    @Test("what is not a date, or not a real one, is nil", arguments: [
        "", "yesterday", "Fri, 31 Sep 2025 12:00:00 GMT", "Fri, 29 Feb 2025 12:00:00 GMT", "Fri, 19 Sep 2025 25:00:00 GMT",
        "Fri, 19 Sep 2025 12:61:00 GMT", "Fri, 19 Foo 2025 12:00:00 GMT", "19 Sep 2025 12:00:00 XYZ", "2025-13-01", "2025-09-19T12:00:00+25:00",
        "2025-09-19T12", "12:00:00", "Sep 2025", "Fri, 19 Sep 2025 12:00:00 GMT GMT 17", "2025-09-19T12:00:00Zjunk",
        String(repeating: "1", count: 200),
    ])
    func invalid(text: String) {
        #expect(FeedDate.parse(text) == nil)
    }

    @Test("a date without a zone is read as UTC, and the feed says so once")
    func missingZone() throws {
        let feed = try parse(rss("<item><guid>1</guid><pubDate>Fri, 19 Sep 2025 12:00:00</pubDate></item><item><guid>2</guid><pubDate>Sat, 20 Sep 2025 12:00:00</pubDate></item>"))
        #expect(feed.items.map(\.published) == [utc("2025-09-19T12:00:00Z"), utc("2025-09-20T12:00:00Z")])
        #expect(feed.warnings.map(\.message) == ["the pubDate date \"Fri, 19 Sep 2025 12:00:00\" names no time zone; read as UTC (said once for the feed)"])
    }

    @Test("the printed form is whole seconds in UTC, also before 1970")
    func printing() {
        #expect(FeedDate.iso8601(Date(timeIntervalSince1970: 1_758_283_200.9)) == "2025-09-19T12:00:00Z")
        #expect(FeedDate.iso8601(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
    }
}
