public import Foundation
import SteleText

/// HTTP-dates (RFC 9110 §5.6.7) in the three forms a recipient must accept:
/// `Sun, 06 Nov 1994 08:49:37 GMT`, `Sunday, 06-Nov-94 08:49:37 GMT` and `Sun Nov  6 08:49:37 1994`.
public enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The moment an HTTP-date names, or `nil` when `text` is not one.
    public static func parse(_ text: String) -> Date? {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" }).map(String.init)
        guard tokens.count >= 5, tokens[0].allSatisfy(\.isLetter) else { return nil }
        let day: Int?, month: Int?, year: Int?, time: String
        if let monthIndex = months.firstIndex(of: tokens[1].lowercased()) {
            // asctime: weekday month day time year
            guard tokens.count == 5 else { return nil }
            (day, month, time, year) = (Int(tokens[2]), monthIndex + 1, tokens[3], Int(tokens[4]))
        } else {
            // IMF-fixdate or RFC 850: weekday day month year time GMT
            guard tokens.count == 6, tokens[5] == "GMT" || tokens[5] == "UTC",
                  let monthIndex = months.firstIndex(of: tokens[2].lowercased())
            else { return nil }
            var fullYear = Int(tokens[3])
            if let twoDigits = fullYear, tokens[3].count == 2 {
                fullYear = twoDigits < 70 ? 2000 + twoDigits : 1900 + twoDigits
            }
            (day, month, year, time) = (Int(tokens[1]), monthIndex + 1, fullYear, tokens[4])
        }
        let clock = time.split(separator: ":").compactMap { Int($0) }
        // A year past 9999 is no server's clock, and one near Int.max would overflow the arithmetic.
        guard let day, let month, let year, clock.count == 3, (1...9999).contains(year),
              (1...31).contains(day), (0...23).contains(clock[0]), (0...59).contains(clock[1]), (0...60).contains(clock[2])
        else { return nil }
        let seconds = CivilDate(year: year, month: month, day: day).daysSinceEpoch * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2]
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
