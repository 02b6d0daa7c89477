/// Turns the bytes of a feed or sitemap into a ``Feed``: RSS 0.9x/1.0/2.0, Atom 1.0, JSON Feed 1.0/1.1,
/// sitemaps.org `urlset` and `sitemapindex`, gzip-compressed or not, in any encoding iconv knows.
///
/// Safe on hostile input: the size, the inflated size, the nesting depth and the item count are
/// bounded; no external entity, DTD or network resource is ever read; DTD entity declarations are
/// refused. Reentrant: one parser may be used from many threads at once.
///
/// ```swift
/// let feed = try FeedParser().parse(response.body, url: response.finalURL, charset: response.charset)
/// if !feed.isComplete { /* items missing from feed.items are not gone from the source */ }
/// ```
public struct FeedParser: Sendable {
    /// The bounds of every parse.
    public var limits: FeedLimits

    /// A parser with `limits`.
    public init(limits: FeedLimits = FeedLimits()) {
        self.limits = limits
    }

    /// Parses one document.
    ///
    /// - Parameters:
    ///   - bytes: the document as received (HTTP content-encoding already removed; a gzip file is inflated here).
    ///   - url: the address it came from, against which relative links are resolved.
    ///   - charset: the `charset` of the HTTP `Content-Type`, which outranks the XML declaration.
    /// - Returns: the feed; when its ``Feed/error`` is set, the items before the fault.
    /// - Throws: ``FeedError`` when nothing could be read: too large, not a feed, refused DTD, or
    ///   malformed before the first element.
    public func parse(_ bytes: [UInt8], url: String? = nil, charset: String? = nil) throws(FeedError) -> Feed {
        guard bytes.count <= limits.maxInputBytes else { throw FeedError(.tooLarge(limit: limits.maxInputBytes)) }
        var warnings = WarningLog(limit: limits.maxWarnings)
        var input = bytes
        if Gunzip.isGzip(input) {
            input = try Gunzip.inflate(input, limit: limits.maxInputBytes, warnings: &warnings)
        }
        let choice = CharsetDecoder.choose(for: input, httpCharset: charset, warnings: &warnings)
        let text = CharsetDecoder.decode(input, as: choice, warnings: &warnings)
        guard let first = text.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else {
            throw FeedError(.empty)
        }
        var assembler = FeedAssembler(feedURL: url, limits: limits)
        let draft: FeedDraft
        let error: FeedError?
        if first == 0x7B || first == 0x5B {
            (draft, error) = try JSONFeedReader.read(text, limits: limits, assembler: &assembler, warnings: &warnings)
        } else {
            (draft, error, assembler) = try readXML(text, url: url, warnings: &warnings)
        }
        var feed = assembler.finish(draft)
        warnings.append(contentsOf: assembler.warnings)
        feed.warnings = warnings.all
        feed.error = error
        return feed
    }

    private func readXML(_ text: [UInt8], url: String?, warnings: inout WarningLog) throws(FeedError) -> (FeedDraft, FeedError?, FeedAssembler) {
        try PrologCheck.check(text)
        let repaired = XMLInputRepair.repair(text, warnings: &warnings)
        let reader = XMLFeedReader(limits: limits, feedURL: url)
        reader.read(repaired)
        for problem in reader.parser.problems {
            warnings.add(problem.message, line: problem.line)
        }
        guard let draft = reader.draft else {
            throw reader.parser.error ?? FeedError(.notAFeed(found: "no root element"))
        }
        return (draft, reader.parser.error, reader.assembler)
    }
}
