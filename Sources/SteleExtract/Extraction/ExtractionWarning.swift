/// Something about a page that a person may want to know, though paragraphs were extracted.
public enum ExtractionWarning: Sendable, Hashable, CustomStringConvertible {
    /// No paragraph of text was found.
    case noText
    /// The content rule selected no element, or only elements without text, so the generic fallback
    /// chose the body.
    case ruleMatchedNothing(rule: String, reason: String)
    /// The declared charset is unknown to browsers and iconv; the page was read as the charset named.
    case unknownCharset(label: String, declaredBy: CharsetSource, usedInstead: String)
    /// Bytes that are not valid in the page's charset were replaced by U+FFFD.
    case invalidBytes(count: Int, charset: String)
    /// Elements nest deeper than libxml2 allows; it stopped reading there, so text after that point is missing.
    case nestingTooDeep(limit: Int)
    /// Links to other language versions are relative and the page has no address to resolve them against.
    case unresolvedLinks(count: Int)

    /// A sentence that says what happened and what to do.
    public var description: String {
        switch self {
        case .noText:
            return "the page has no paragraphs of text (empty, only scripts, or only navigation); check the address and the content rule"
        case .ruleMatchedNothing(let rule, let reason):
            return "the content rule \"\(rule)\" \(reason); the generic fallback chose the body instead (check the rule against the page)"
        case .unknownCharset(let label, let source, let used):
            return "the charset \"\(label)\" declared by the \(source == .http ? "HTTP header" : "<meta> tag") is unknown; the page was read as \(used)"
        case .invalidBytes(let count, let charset):
            return "\(count) byte sequence\(count == 1 ? " is" : "s are") not valid \(charset) and became U+FFFD; the declared charset may be wrong"
        case .nestingTooDeep(let limit):
            return "elements nest deeper than \(limit) levels; libxml2 stopped reading there, so the text after that point is missing"
        case .unresolvedLinks(let count):
            return "\(count) relative link\(count == 1 ? "" : "s") to other language versions could not be resolved without the page's address (give a base URL)"
        }
    }
}
