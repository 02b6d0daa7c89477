public import SteleText

/// The bounds every parse obeys, so that a hostile document costs a bounded amount of time and memory.
public struct FeedLimits: Sendable, Equatable, Hashable {
    /// Bytes of input, and of gzip-inflated input. The default is the sitemaps.org maximum, 50 MiB.
    public var maxInputBytes: Int
    /// How deep elements (or JSON arrays and objects) may nest.
    public var maxDepth: Int
    /// Items kept; reading stops with ``FeedError/Kind/tooManyItems(limit:)`` past it.
    public var maxItems: Int
    /// Warnings kept; the rest are counted in one last warning.
    public var maxWarnings: Int
    /// Attributes on one element and in the whole document; past them an XML document is refused
    /// with ``FeedError/Kind/attributeFlood(_:)`` before libxml2 reads it.
    public var attributes: AttributeLimits

    /// The defaults: 50 MiB, depth 64, 100,000 items, 100 warnings, 1,000 attributes on one element.
    public init(
        maxInputBytes: Int = 50 * 1024 * 1024, maxDepth: Int = 64, maxItems: Int = 100_000, maxWarnings: Int = 100,
        attributes: AttributeLimits = AttributeLimits()
    ) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxItems = maxItems
        self.maxWarnings = maxWarnings
        self.attributes = attributes
    }
}
