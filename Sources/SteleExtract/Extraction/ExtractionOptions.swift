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

    /// Options from their parts; the defaults use the fallback, no rewrite rules and a 16 MiB limit.
    public init(contentRule: ContentRule? = nil, rewriteRules: [URLRewriteRule] = [], maxInputBytes: Int = defaultMaxInputBytes) {
        self.contentRule = contentRule
        self.rewriteRules = rewriteRules
        self.maxInputBytes = maxInputBytes
    }
}
