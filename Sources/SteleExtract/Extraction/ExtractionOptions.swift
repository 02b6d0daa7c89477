public import SteleText

/// How to extract one source's pages.
public struct ExtractionOptions: Sendable, Hashable {
    /// The default size limit: 16 MiB, above the HTTP client's 10 MiB body limit, far above any article.
    public static let defaultMaxInputBytes = 16 * 1024 * 1024

    /// Where the article body is; `nil` lets the generic fallback find it.
    public var contentRule: ContentRule?
    /// How the source's addresses change from one language to another.
    public var rewriteRules: [URLRewriteRule]
    /// Pages larger than this are refused with ``ExtractionError/Kind/tooLarge(bytes:limit:)``.
    public var maxInputBytes: Int
    /// Pages whose elements carry more attributes are refused with ``ExtractionError/Kind/attributeFlood(_:)``.
    public var attributeLimits: AttributeLimits

    /// Options from their parts; the defaults use the fallback, no rewrite rules, a 16 MiB limit and
    /// 1,000 attributes on one element.
    public init(
        contentRule: ContentRule? = nil, rewriteRules: [URLRewriteRule] = [], maxInputBytes: Int = defaultMaxInputBytes,
        attributeLimits: AttributeLimits = AttributeLimits()
    ) {
        self.contentRule = contentRule
        self.rewriteRules = rewriteRules
        self.maxInputBytes = maxInputBytes
        self.attributeLimits = attributeLimits
    }
}
