import SteleLanguage
import SteleText

/// An extracted page as `stele extract` prints it: JSON for scripts, text for people.
public struct ExtractionReport: Sendable {
    /// The page reported on.
    public var page: ExtractedPage

    /// A report on `page`.
    public init(_ page: ExtractedPage) {
        self.page = page
    }

    /// `{"title": ..., "language": "en", "confidence": 0.97, "paragraphs": [...],
    /// "alternates": {"fr": {"url": ..., "via": "hreflang"}}}`, keys in that order, languages in
    /// Stele's order, the confidence rounded to two decimals.
    public var json: String {
        let alternates = page.alternates.keys.sorted().map { language -> String in
            let link = page.alternates[language]!
            return "    \(Self.quoted(language.code)): {\"url\": \(Self.quoted(link.url)), \"via\": \(Self.quoted(link.via.rawValue))}"
        }
        let paragraphs = page.paragraphs.map { "    " + Self.quoted($0) }
        return """
            {
              "title": \(page.title.map(Self.quoted) ?? "null"),
              "language": \(Self.quoted(page.language.language.code)),
              "confidence": \(Self.rounded(page.language.confidence)),
              "paragraphs": \(paragraphs.isEmpty ? "[]" : "[\n" + paragraphs.joined(separator: ",\n") + "\n  ]"),
              "alternates": \(alternates.isEmpty ? "{}" : "{\n" + alternates.joined(separator: ",\n") + "\n  }")
            }
            """
    }

    /// A header (title, language, where the body was found, charset, other versions), a blank line,
    /// then the paragraphs one a line: everything after the blank line is the store's text format.
    public var text: String {
        var lines = [
            "title: \(page.title ?? "-")",
            "language: \(page.language.language.code) (confidence \(Self.rounded(page.language.confidence)), \(page.language.wordCount) words)",
            "body: \(page.body)",
            "charset: \(page.charset.name) (\(page.charsetSource.rawValue))",
        ]
        for language in page.alternates.keys.sorted() {
            let link = page.alternates[language]!
            lines.append("alternate \(language.code): \(link.url) (\(link.via.rawValue))")
        }
        lines.append("paragraphs: \(page.paragraphs.count)")
        lines.append("")
        lines += page.paragraphs
        return lines.joined(separator: "\n")
    }

    private static func rounded(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return hundredths == 100 ? "1.0" : hundredths % 10 == 0 ? "0.\(hundredths / 10)" : "0.\(hundredths < 10 ? "0" : "")\(hundredths)"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, everything else as is.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
