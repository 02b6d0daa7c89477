import Foundation
import SteleHTTP
import Testing

@Suite("Header values: dates, Retry-After, charset")
struct HeaderParsingTests {
    @Test("the three HTTP-date forms name the same moment", arguments: [
        "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
    ])
    func httpDates(text: String) {
        #expect(HTTPDate.parse(text) == Date(timeIntervalSince1970: 784_111_777))
    }

    @Test("text that is not an HTTP-date gives nil", arguments: [
        "", "tomorrow", "Sun, 06 Nov 1994 25:00:00 GMT", "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 CEST", "2025-09-19T12:00:00Z",
        "Sun, 06 Nov 9223372036854775807 08:49:37 GMT", "Sun Nov  6 08:49:37 -9223372036854775807", "Sun, 06 Nov 0 08:49:37 GMT",
    ])
    func badDates(text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }

    @Test("Retry-After in seconds and as a date")
    func retryAfter() {
        #expect(RetryAfter(headerValue: "120") == .seconds(120))
        #expect(RetryAfter(headerValue: " 0 ") == .seconds(0))
        #expect(RetryAfter(headerValue: "99999999999999999999999") == .seconds(Int.max))
        #expect(RetryAfter(headerValue: "Wed, 21 Oct 2037 07:28:00 GMT") == .date(Date(timeIntervalSince1970: 2_139_722_880)))
        #expect(RetryAfter(headerValue: "-5") == nil)
        #expect(RetryAfter(headerValue: "soon") == nil)
    }

    @Test("the delay of a Retry-After date in the past is zero")
    func pastDate() {
        let now = Date(timeIntervalSince1970: 2_000_000_000)
        #expect(RetryAfter.date(Date(timeIntervalSince1970: 1_000)).delay(from: now) == .zero)
        #expect(RetryAfter.date(Date(timeIntervalSince1970: 2_000_000_030)).delay(from: now) == .seconds(30))
        #expect(RetryAfter.seconds(45).delay(from: now) == .seconds(45))
    }

    @Test("charset comes from Content-Type, lower-cased and unquoted", arguments: [
        ("text/html; charset=UTF-8", "utf-8"),
        ("text/html;charset=\"windows-1251\"", "windows-1251"),
        ("application/rss+xml; type=feed; Charset=KOI8-U", "koi8-u"),
        ("text/html", nil),
        ("text/html; charset=", nil),
    ] as [(String, String?)])
    func charset(contentType: String, expected: String?) {
        #expect(MediaType.charset(of: contentType) == expected)
    }

    @Test("the User-Agent without a contact is the bare product token")
    func bareUserAgent() {
        #expect(UserAgent().description == "Stele/\(SteleVersion.current)")
        #expect(UserAgent(contact: "https://example.org").description == "Stele/\(SteleVersion.current) (+https://example.org)")
    }
}
