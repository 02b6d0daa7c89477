import Foundation
import SteleFeeds
import Testing

/// The feeds under `Fixtures/`, written for these tests.
enum Fixtures {
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"), "fixture \(name) is missing")
        return Array(try Data(contentsOf: url))
    }

    static func parse(_ name: String, url: String? = nil, charset: String? = nil, limits: FeedLimits = FeedLimits()) throws -> Feed {
        try FeedParser(limits: limits).parse(bytes(name), url: url, charset: charset)
    }
}

/// A UTC date from an RFC 3339 string, by Foundation's own formatter (so the expectation does not
/// share code with what it checks).
func utc(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = text.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
    guard let date = formatter.date(from: text) else { fatalError("bad test date \(text)") }
    return date
}

/// Parses `text` as UTF-8.
func parse(_ text: String, url: String? = nil, charset: String? = nil, limits: FeedLimits = FeedLimits()) throws -> Feed {
    try FeedParser(limits: limits).parse(Array(text.utf8), url: url, charset: charset)
}

/// The error that parsing throws, recording an issue when it does not throw.
func parseError(_ bytes: [UInt8], limits: FeedLimits = FeedLimits(), sourceLocation: SourceLocation = #_sourceLocation) -> FeedError? {
    do {
        let feed = try FeedParser(limits: limits).parse(bytes)
        Issue.record("expected an error, got a \(feed.format.rawValue) feed with \(feed.items.count) items", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// An RSS 2.0 document around `items`.
func rss(_ items: String, channel: String = "<title>T</title><link>https://example.org/</link>") -> String {
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>\(channel)\(items)</channel></rss>"
}
