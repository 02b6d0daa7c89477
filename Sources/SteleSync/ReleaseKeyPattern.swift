import Foundation

/// Takes a release key out of an address with the source's `key` pattern: the first capture
/// group, or the whole match when the pattern has none (`news_[0-9]+` on
/// `https://www.nato.int/cps/en/natohq/news_231374.htm` gives `news_231374`).
struct ReleaseKeyPattern: @unchecked Sendable {
    // NSRegularExpression is immutable and documented thread-safe.
    private let expression: NSRegularExpression?

    /// A pattern; `nil` keys releases by their feed id.
    init(_ pattern: String?) {
        expression = pattern.flatMap { try? NSRegularExpression(pattern: $0) }
    }

    /// The key in `address`, or `nil` when the pattern does not match (or there is none).
    func key(in address: String) -> String? {
        guard let expression else { return nil }
        let range = NSRange(address.startIndex..., in: address)
        guard let match = expression.firstMatch(in: address, range: range) else { return nil }
        let keyRange = match.numberOfRanges > 1 && match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range
        return Range(keyRange, in: address).map { String(address[$0]) }
    }

    /// The key for a feed item: the pattern applied to its link, else to its id; the id itself
    /// when there is no pattern. `nil` when a pattern is configured and matches neither, so that
    /// items that are not releases (a link to a photo gallery) are left out.
    func key(link: String?, id: String) -> String? {
        guard expression != nil else { return id }
        return link.flatMap(key(in:)) ?? key(in: id)
    }
}
