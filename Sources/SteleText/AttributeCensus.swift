/// Which of libxml2's parsers will read the markup, and so which regions hold no tags.
public enum MarkupDialect: Sendable, Hashable {
    /// libxml2 2.9's HTML parser with `HTML_PARSE_RECOVER`: comments end at `-->` or `--!>`; only
    /// `script` and `style` hold raw text; `<![CDATA[`, `<!x` and `<_x` are text; `<?` and
    /// `<!DOCTYPE` end at the first `>`.
    case html
    /// libxml2's XML parser: comments, CDATA sections, processing instructions and the DOCTYPE
    /// (with its internal subset) hold no tags; attribute values are always quoted.
    case xml
}

/// How many attributes the start tags of a document carry, counted the way libxml2's parsers will
/// read them, in one linear pass over the bytes and without parsing anything.
///
/// libxml2 2.9 compares each new attribute of an element with every earlier one (to find
/// duplicates): an element with n attributes costs n(n-1)/2 comparisons, so 40,000 attributes on
/// one `<p>` hold the HTML parser for about 10 s. ``comparisons`` is that cost summed over the
/// document; ``AttributeLimits`` bounds it before libxml2 starts.
///
/// Cost, measured with `swiftc -O`: 12 ms for a 10 MB page (312,000 attributes), about 3% of
/// libxml2's own parse of it.
public struct AttributeCensus: Sendable, Hashable {
    /// The attributes of the element that carries the most.
    public var largestElement = 0
    /// The byte offset of that element's `<`.
    public var largestElementOffset = 0
    /// Attributes in all start tags.
    public var total = 0
    /// The pairs of attributes libxml2 compares: n(n-1)/2 summed over the elements.
    public var comparisons = 0
    /// Whether the scan stopped early because a limit was already exceeded (the figures then
    /// cover the document up to the end of the tag that exceeded it).
    public var stoppedEarly = false

    /// An empty census.
    public init() {}

    /// Counts the attributes of every start tag in `bytes` as `dialect` reads them; with `limits`,
    /// stops at the end of the first tag past which one of them is exceeded.
    public static func take(of bytes: [UInt8], dialect: MarkupDialect, stoppingPast limits: AttributeLimits? = nil) -> AttributeCensus {
        bytes.withUnsafeBufferPointer { source in
            var scanner = StartTagScanner(source: source, dialect: dialect, limits: limits)
            return scanner.run()
        }
    }

    /// Adds one start tag with `count` attributes at `offset`.
    mutating func record(count: Int, offset: Int) {
        total += count
        comparisons += count * (count - 1) / 2
        if count > largestElement {
            largestElement = count
            largestElementOffset = offset
        }
    }
}
