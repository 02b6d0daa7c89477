internal import CCrypto
import Foundation

/// Settles each item as its reader finishes it: absolute addresses, UTC dates, one identity. Items
/// are settled at once so that a large feed never holds its raw drafts and its items together;
/// only addresses that cannot be made absolute yet (no feed address, channel link not seen yet)
/// wait for ``finish(_:)``.
struct FeedAssembler {
    private let feedURL: String?
    private(set) var warnings: WarningLog
    private var items: [FeedItem] = []
    private var lines: [Int] = []
    private var waiting: [(index: Int, draft: ItemDraft)] = []

    init(feedURL: String?, limits: FeedLimits) {
        self.feedURL = feedURL.flatMap { URLResolver.isAbsolute($0) ? $0 : nil }
        warnings = WarningLog(limit: limits.maxWarnings)
    }

    /// Items settled so far.
    var count: Int { items.count }

    /// Settles `item` with what is known of its feed so far.
    mutating func add(_ item: ItemDraft, feed: FeedDraft) {
        let root = rootAddress(of: feed)
        let resolvable = root != nil || Self.isSelfContained(item)
        items.append(assemble(item, root: root, format: feed.format, final: resolvable) ?? FeedItem(id: ""))
        lines.append(item.line)
        if !resolvable { waiting.append((items.count - 1, item)) }
    }

    /// The feed: waiting addresses resolved against the final channel link, items without any
    /// identity dropped, each id kept once.
    mutating func finish(_ draft: FeedDraft) -> Feed {
        let root = rootAddress(of: draft)
        for (index, item) in waiting {
            items[index] = assemble(item, root: root, format: draft.format, final: true) ?? FeedItem(id: "")
        }
        waiting = []
        var seen: [String: Int] = [:]
        var kept = 0
        for index in items.indices where !items[index].id.isEmpty {
            if let first = seen[items[index].id] {
                warnings.add("the id \"\(items[index].id)\" appears again (first at item \(first)); the first is kept", line: lines[index] > 0 ? lines[index] : nil)
                continue
            }
            seen[items[index].id] = index + 1
            items.swapAt(kept, index)
            kept += 1
        }
        items.removeSubrange(kept...)
        let channelLink = draft.link.map { resolve($0, root: feedURL, final: true) }
        return Feed(format: draft.format, title: draft.title, link: channelLink, language: draft.language, hints: draft.hints, items: items)
    }

    /// RFC order for a relative address: xml:base, then the feed's own address, then the channel link.
    private func rootAddress(of feed: FeedDraft) -> String? {
        if let feedURL { return feedURL }
        guard let link = feed.link else { return nil }
        var base: String?
        for value in link.bases { base = URLResolver.resolve(value, against: base) }
        let resolved = URLResolver.resolve(link.text, against: base)
        return URLResolver.isAbsolute(resolved) ? resolved : nil
    }

    /// True when every address of the item is absolute already (or absolute after its xml:base).
    private static func isSelfContained(_ item: ItemDraft) -> Bool {
        let references = (item.link.map { [$0] } ?? []) + item.alternates.map(\.reference)
        return references.allSatisfy { reference in
            URLResolver.isAbsolute(reference.text) || reference.bases.contains(where: URLResolver.isAbsolute)
        }
    }

    /// The item, or nil when it has nothing to identify it by. Warnings are given only when `final`.
    private mutating func assemble(_ draft: ItemDraft, root: String?, format: FeedFormat, final: Bool) -> FeedItem? {
        let line = draft.line > 0 ? draft.line : nil
        let link = draft.link.map { resolve($0, root: root, final: final, line: line) }
        var alternates: [String: String] = [:]
        for alternate in draft.alternates where alternates[alternate.language] == nil {
            alternates[alternate.language] = resolve(alternate.reference, root: root, final: final, line: line)
        }
        let identity: (String, FeedItem.IdentitySource)
        if let id = draft.id {
            // Share the link's storage when the id repeats it, as RSS guids often do.
            identity = (id == link ? link! : id, .declared)
        } else if let link {
            // A sitemap's <loc> is its identity; elsewhere the link only stands in for a missing id.
            identity = (link, format == .sitemap || format == .sitemapIndex ? .declared : .link)
        } else if draft.title != nil || draft.published != nil {
            identity = (Self.hash(title: draft.title, date: draft.published?.text), .hash)
        } else {
            if final { warnings.add("item \(items.count + 1) has no id, link, title or date; skipped", line: line) }
            return nil
        }
        return FeedItem(
            id: identity.0, idSource: identity.1, link: link, title: draft.title, summary: draft.summary,
            published: date(draft.published, field: "published", final: final), updated: date(draft.updated, field: "updated", final: final),
            language: draft.language, alternates: alternates
        )
    }

    private mutating func resolve(_ reference: ReferenceDraft, root: String?, final: Bool, line: Int? = nil) -> String {
        var base = root
        for value in reference.bases {
            base = URLResolver.resolve(value, against: base)
        }
        let resolved = URLResolver.resolve(reference.text, against: base)
        if final, !URLResolver.isAbsolute(resolved) {
            warnings.addOnce(key: "relative", "the relative address \"\(reference.text)\" could not be made absolute: no xml:base, feed address or channel link; kept as written", line: line)
        }
        return resolved
    }

    private mutating func date(_ draft: DateDraft?, field: String, final: Bool) -> Date? {
        guard let draft else { return nil }
        let line = draft.line > 0 ? draft.line : nil
        guard let parsed = FeedDate.parseDetailed(draft.text) else {
            if final { warnings.add("the \(draft.element) date \"\(draft.text)\" does not parse; \(field) is left empty", line: line) }
            return nil
        }
        if parsed.zoneAssumed, final {
            warnings.addOnce(key: "zone", "the \(draft.element) date \"\(draft.text)\" names no time zone; read as UTC (said once for the feed)", line: line)
        }
        return parsed.date
    }

    /// `sha256:` and the hex SHA-256 of the title and the date as written.
    static func hash(title: String?, date: String?) -> String {
        let bytes = Array(((title ?? "") + "\u{1F}" + (date ?? "")).utf8)
        var digest = [UInt8](repeating: 0, count: 32)
        _ = stele_sha256(bytes, bytes.count, &digest)
        let hex = Array("0123456789abcdef".utf8)
        return "sha256:" + String(decoding: digest.flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 0x0F)]] }, as: UTF8.self)
    }
}
