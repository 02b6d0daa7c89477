public import SteleText

/// Why a document could not be read, or where its reading stopped.
///
/// Thrown by ``FeedParser/parse(_:url:charset:)`` when nothing usable could be read; carried in
/// ``Feed/error`` when the items before the fault were kept.
public struct FeedError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public var kind: Kind
    /// The line of the fault (1-based), when known.
    public var line: Int?
    /// The column of the fault (1-based, in characters of the decoded text), when known.
    public var column: Int?

    /// An error of `kind` at an optional position.
    public init(_ kind: Kind, line: Int? = nil, column: Int? = nil) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// The kinds of failure.
    public enum Kind: Sendable, Equatable {
        /// The document is empty or only white space.
        case empty
        /// The input (or what it inflates to) is larger than the limit.
        case tooLarge(limit: Int)
        /// The input looks gzip-compressed but does not inflate.
        case badGzip(reason: String)
        /// The document is XML or JSON, but not a kind of feed this reader knows (the root element or what was found instead).
        case notAFeed(found: String)
        /// The document declares entities in its DOCTYPE, which are never expanded (entity-expansion and external-entity attacks).
        case entityDeclaration(name: String)
        /// The document declares attribute defaults in its DOCTYPE: libxml2 adds them to every
        /// such element and checks each against the others, quadratic in their number.
        case attributeDefaults(element: String)
        /// An element carries so many attributes (or all elements so many between them) that libxml2
        /// would take minutes over them; the document was refused before it was parsed.
        case attributeFlood(AttributeFlood)
        /// Elements are nested deeper than the limit.
        case tooDeep(limit: Int)
        /// The document has more items than the limit.
        case tooManyItems(limit: Int)
        /// The XML is not well-formed; libxml2's message.
        case malformedXML(message: String)
        /// The JSON is not well-formed; the JSON parser's message.
        case malformedJSON(message: String)
        /// A sitemap crawl could not read some of the sitemaps an index lists (the first failure given).
        case incompleteCrawl(unread: Int, listed: Int, first: String?)
    }

    /// A short stable name for the kind, for logs and JSON.
    public var code: String {
        switch kind {
        case .empty: "empty"
        case .tooLarge: "too-large"
        case .badGzip: "bad-gzip"
        case .notAFeed: "not-a-feed"
        case .entityDeclaration: "entity-declaration"
        case .attributeDefaults: "attribute-defaults"
        case .attributeFlood: "attribute-flood"
        case .tooDeep: "too-deep"
        case .tooManyItems: "too-many-items"
        case .malformedXML: "malformed-xml"
        case .malformedJSON: "malformed-json"
        case .incompleteCrawl: "incomplete-crawl"
        }
    }

    /// Where and what, and what to do: `line 12, column 5: the XML is malformed (...)`.
    public var description: String {
        let position = switch (line, column) {
        case let (line?, column?): "line \(line), column \(column): "
        case let (line?, nil): "line \(line): "
        default: ""
        }
        return position + explanation
    }

    private var explanation: String {
        switch kind {
        case .empty:
            return "the document is empty; the address may serve nothing or a placeholder"
        case .tooLarge(let limit):
            return "the document is larger than the limit of \(limit) bytes (decompressed); raise the feed size limit if it is legitimate"
        case .badGzip(let reason):
            return "the document looks gzip-compressed but does not inflate (\(reason)); it may be truncated"
        case .notAFeed(let found):
            return "this is not a feed or sitemap (found \(found)); check that the address is the feed's and not a web page's"
        case .entityDeclaration(let name):
            return "the DOCTYPE declares the entity \"\(name)\"; DTD entities are never expanded (they are how billion-laughs and external-entity attacks work), so the document is refused"
        case .attributeDefaults(let element):
            return "the DOCTYPE declares default attributes for <\(element)>; no feed needs them, and thousands of them would hold the parser for minutes, so the document is refused"
        case .attributeFlood(let flood):
            return flood.description
        case .tooDeep(let limit):
            return "elements are nested more than \(limit) deep; no real feed does that, so reading stopped here"
        case .tooManyItems(let limit):
            return "the document has more than \(limit) items; reading stopped at the limit"
        case .malformedXML(let message):
            return "the XML is malformed (\(message)); reading stopped here"
        case .malformedJSON(let message):
            return "the JSON is malformed (\(message)); reading stopped here"
        case .incompleteCrawl(let unread, let listed, let first):
            return "\(unread) of \(listed) sitemaps could not be read or were not followed" + (first.map { " (first: \($0))" } ?? "")
                + "; pages missing from them are not gone from the site"
        }
    }
}

/// Something odd that did not stop the reading: a date that does not parse, a duplicate id, bytes
/// that were not valid in the declared encoding.
public struct FeedWarning: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The line the warning is about (1-based), when known.
    public var line: Int?
    /// What was odd and what was done about it.
    public var message: String

    /// A warning with an optional line.
    public init(_ message: String, line: Int? = nil) {
        self.message = message
        self.line = line
    }

    /// `line 7: the date "..." does not parse; published is left empty`.
    public var description: String {
        line.map { "line \($0): \(message)" } ?? message
    }
}
