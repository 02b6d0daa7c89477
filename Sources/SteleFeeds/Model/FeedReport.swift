import Foundation

/// A feed in the JSON shape `stele feed --json` prints, for scripts:
/// `{"format", "title", "link", "items": [{"id", "link", "title", "published", "updated", "alternates"}], "warnings", "error"}`,
/// dates in ISO 8601 UTC (`2025-09-19T12:00:00Z`) or null.
public struct FeedReport: Encodable, Sendable, Equatable {
    /// One item of the report.
    public struct Item: Encodable, Sendable, Equatable {
        /// The item's identity.
        public var id: String
        /// Its absolute address.
        public var link: String?
        /// Its plain-text title.
        public var title: String?
        /// Publication date, `2025-09-19T12:00:00Z`.
        public var published: String?
        /// Last change, `2025-09-19T12:00:00Z`.
        public var updated: String?
        /// Language tag to address.
        public var alternates: [String: String]

        private enum CodingKeys: String, CodingKey {
            case id, link, title, published, updated, alternates
        }

        /// Encodes every key, absent values as null.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(link, forKey: .link)
            try container.encode(title, forKey: .title)
            try container.encode(published, forKey: .published)
            try container.encode(updated, forKey: .updated)
            try container.encode(alternates, forKey: .alternates)
        }
    }

    /// The ``FeedFormat`` raw value, or null when nothing could be read.
    public var format: String?
    /// The feed's title.
    public var title: String?
    /// The feed's link.
    public var link: String?
    /// The items.
    public var items: [Item]
    /// Each warning as one line.
    public var warnings: [String]
    /// Why the reading stopped early or failed, or null.
    public var error: String?

    /// The report of a feed read in full or in part.
    public init(_ feed: Feed) {
        format = feed.format.rawValue
        title = feed.title
        link = feed.link
        items = feed.items.map {
            Item(id: $0.id, link: $0.link, title: $0.title, published: $0.published.map(FeedDate.iso8601), updated: $0.updated.map(FeedDate.iso8601), alternates: $0.alternates)
        }
        warnings = feed.warnings.map(\.description)
        error = feed.error?.description
    }

    /// The report of a document that could not be read at all.
    public init(failure: String) {
        items = []
        warnings = []
        error = failure
    }

    private enum CodingKeys: String, CodingKey {
        case format, title, link, items, warnings, error
    }

    /// Encodes every key, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(title, forKey: .title)
        try container.encode(link, forKey: .link)
        try container.encode(items, forKey: .items)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(error, forKey: .error)
    }

    /// Pretty-printed JSON with sorted keys and unescaped slashes.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// A short human-readable listing: a header, one block per item, warnings and the error.
    public var text: String {
        var lines = [[format ?? "unreadable", title, link].compactMap { $0 }.joined(separator: " · "), "\(items.count) item\(items.count == 1 ? "" : "s")"]
        for item in items {
            lines.append("")
            lines.append("\(item.published ?? item.updated ?? "-")  \(item.title ?? item.id)")
            lines.append("    \(item.link ?? item.id)")
            lines += item.alternates.sorted { $0.key < $1.key }.map { "    \($0.key): \($0.value)" }
        }
        if !warnings.isEmpty { lines.append("") }
        lines += warnings.map { "warning: \($0)" }
        if let error { lines.append("error: \(error)") }
        return lines.joined(separator: "\n")
    }
}
