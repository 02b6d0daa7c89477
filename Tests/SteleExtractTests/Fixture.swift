import Foundation
import SteleExtract
import Testing

/// The fixture pages in `Fixtures/` (own texts, written for these tests) and shortcuts to extract them.
enum Fixture {
    /// The NATO-like release pages' address in each language.
    static func releaseURL(_ language: String) -> String {
        "https://www.nato.int/cps/\(language)/natohq/news_990001.htm?selectedLocale=\(language)"
    }

    /// The bytes of `Fixtures/<name>.html`.
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "html", subdirectory: "Fixtures"), "missing fixture \(name).html")
        return Array(try Data(contentsOf: url))
    }

    /// Extracts `Fixtures/<name>.html` as if fetched from `url`.
    static func extract(_ name: String, url: String? = nil, httpCharset: String? = nil, rule: String? = nil,
                        rewriteRules: [URLRewriteRule] = []) throws -> ExtractedPage {
        let options = ExtractionOptions(contentRule: try rule.map { try ContentRule($0) }, rewriteRules: rewriteRules)
        return try PageExtractor(options: options).extract(HTMLPage(bytes: try bytes(name), url: url, httpCharset: httpCharset))
    }

    /// Extracts a page given as text.
    static func extract(html: String, url: String? = nil, rule: String? = nil) throws -> ExtractedPage {
        let options = ExtractionOptions(contentRule: try rule.map { try ContentRule($0) })
        return try PageExtractor(options: options).extract(HTMLPage(bytes: Array(html.utf8), url: url))
    }

    /// The paragraphs of an HTML fragment put in a page's `<body>`, all of it (the rule `body`, so
    /// that the fallback's judgement stays out of tests about markup).
    static func paragraphs(_ body: String) throws -> [String] {
        try extract(html: "<html><head><title>t</title></head><body>\(body)</body></html>", rule: "body").paragraphs
    }
}
