import Foundation

/// Reads an XML feed or sitemap from libxml2's events: recognises the kind by its root element and
/// hands the events to the reader of that vocabulary.
final class XMLFeedReader: XMLEventHandler {
    private let limits: FeedLimits
    private var vocabulary: (any FeedVocabulary)?
    private var captureDepth = 0
    private var captured: [UInt8] = []
    /// The feed read so far; `nil` until the root element was recognised.
    private(set) var draft: FeedDraft?
    /// The root element when it was not a feed's.
    private(set) var unknownRoot: String?
    private(set) var parser: XMLStreamParser!
    /// Settles the items as they are read.
    private(set) var assembler: FeedAssembler

    init(limits: FeedLimits, feedURL: String?) {
        self.limits = limits
        assembler = FeedAssembler(feedURL: feedURL, limits: limits)
    }

    /// Parses UTF-8 `bytes`; the result is in ``draft`` and the parser's ``XMLStreamParser/error``.
    func read(_ bytes: [UInt8]) {
        let parser = XMLStreamParser(handler: self, maxDepth: limits.maxDepth, attributeLimits: limits.attributes)
        self.parser = parser
        parser.parse(bytes)
    }

    func didStart(_ element: XMLElementStart, depth: Int, scope: XMLScope) {
        if depth == 1 {
            guard let (format, reader) = Self.vocabulary(for: element) else {
                unknownRoot = element.namespace == .none ? "<\(element.name)>" : "<\(element.name)> in an unknown namespace"
                parser.stop(.notAFeed(found: unknownRoot!))
                return
            }
            draft = FeedDraft(format: format)
            vocabulary = reader
        }
        vocabulary?.start(element, depth: depth, scope: scope, reader: self)
    }

    func didEnd(depth: Int) {
        vocabulary?.end(depth: depth, reader: self)
        if depth == captureDepth { captureDepth = 0 }
    }

    func didRead(text: UnsafeBufferPointer<UInt8>) {
        if captureDepth > 0 { captured.append(contentsOf: text) }
    }

    /// Starts collecting the text of the element at `depth`, its descendants' included.
    func capture(depth: Int) {
        captureDepth = depth
        captured.removeAll(keepingCapacity: true)
    }

    /// The text collected since ``capture(depth:)``, exactly as written.
    func capturedText() -> String {
        String(decoding: captured, as: UTF8.self)
    }

    /// Adds an item, or stops reading when the item limit is reached.
    func add(_ item: ItemDraft) {
        guard assembler.count < limits.maxItems else {
            parser.stop(.tooManyItems(limit: limits.maxItems))
            return
        }
        assembler.add(item, feed: draft!)
    }

    /// Edits the feed being read.
    func update(_ change: (inout FeedDraft) -> Void) {
        change(&draft!)
    }

    private static func vocabulary(for root: XMLElementStart) -> (FeedFormat, any FeedVocabulary)? {
        switch (root.name, root.namespace) {
        case ("rss", .none):
            let version = root.attribute("version")?.trimmingCharacters(in: .whitespaces) ?? ""
            return (version.hasPrefix("0.9") ? .rss09x : .rss2, RSSVocabulary())
        case ("RDF", .rdf):
            return (.rss1, RSSVocabulary())
        case ("feed", .atom):
            return (.atom, AtomVocabulary())
        case ("urlset", .sitemap), ("urlset", .none):
            return (.sitemap, SitemapVocabulary())
        case ("sitemapindex", .sitemap), ("sitemapindex", .none):
            return (.sitemapIndex, SitemapVocabulary())
        default:
            return nil
        }
    }
}

/// The elements of one kind of feed, turned into a ``FeedDraft``.
protocol FeedVocabulary: AnyObject {
    func start(_ element: XMLElementStart, depth: Int, scope: XMLScope, reader: XMLFeedReader)
    func end(depth: Int, reader: XMLFeedReader)
}
