internal import CCrypto
import Foundation

/// Settles what a reader collected into a ``Feed``: absolute addresses, UTC dates, one identity per
/// item, each identity once.
struct FeedAssembler {
    private let feedURL: String?
    private var warnings: WarningLog

    init(feedURL: String?, warnings: WarningLog) {
        self.feedURL = feedURL.flatMap { URLResolver.isAbsolute($0) ? $0 : nil }
        self.warnings = warnings
    }

    /// The feed, and the warnings with those of assembling added.
    mutating func assemble(_ draft: FeedDraft) -> (Feed, WarningLog) {
        // RFC order for a relative address: xml:base, then the feed's own address, then the channel link.
        let channelLink = draft.link.flatMap { resolve($0, root: feedURL) }
        let root = feedURL ?? channelLink.flatMap { URLResolver.isAbsolute($0) ? $0 : nil }
        var feed = Feed(format: draft.format, title: draft.title, link: channelLink, language: draft.language, hints: draft.hints)
        var seen: [String: Int] = [:]
        feed.items.reserveCapacity(draft.items.count)
        for (index, item) in draft.items.enumerated() {
            guard let assembled = assemble(item, number: index + 1, root: root, format: draft.format) else { continue }
            if let first = seen[assembled.id] {
                warnings.add("the id \"\(assembled.id)\" appears again (first at item \(first)); the first is kept", line: line(of: item))
                continue
            }
            seen[assembled.id] = index + 1
            feed.items.append(assembled)
        }
        return (feed, warnings)
    }

    private mutating func assemble(_ draft: ItemDraft, number: Int, root: String?, format: FeedFormat) -> FeedItem? {
        let link = draft.link.flatMap { resolve($0, root: root, line: line(of: draft)) }
        let published = date(draft.published, field: "published")
        let updated = date(draft.updated, field: "updated")
        var alternates: [String: String] = [:]
        for alternate in draft.alternates where alternates[alternate.language] == nil {
            alternates[alternate.language] = resolve(alternate.reference, root: root, line: line(of: draft))
        }
        let identity: (String, FeedItem.IdentitySource)
        if let id = draft.id {
            identity = (id, .declared)
        } else if let link {
            // A sitemap's <loc> is its identity; elsewhere the link only stands in for a missing id.
            identity = (link, format == .sitemap || format == .sitemapIndex ? .declared : .link)
        } else if draft.title != nil || draft.published != nil {
            identity = (Self.hash(title: draft.title, date: draft.published?.text), .hash)
        } else {
            warnings.add("item \(number) has no id, link, title or date; skipped", line: line(of: draft))
            return nil
        }
        return FeedItem(
            id: identity.0, idSource: identity.1, link: link, title: draft.title, summary: draft.summary,
            published: published, updated: updated, language: draft.language, alternates: alternates
        )
    }

    private mutating func resolve(_ reference: ReferenceDraft, root: String?, line: Int? = nil) -> String {
        var base = root
        for value in reference.bases {
            base = URLResolver.resolve(value, against: base)
        }
        let resolved = URLResolver.resolve(reference.text, against: base)
        if !URLResolver.isAbsolute(resolved) {
            warnings.addOnce(key: "relative", "the relative address \"\(reference.text)\" could not be made absolute: no xml:base, feed address or channel link; kept as written", line: line)
        }
        return resolved
    }

    private mutating func date(_ draft: DateDraft?, field: String) -> Date? {
        guard let draft else { return nil }
        let line = draft.line > 0 ? draft.line : nil
        guard let parsed = FeedDate.parseDetailed(draft.text) else {
            warnings.add("the \(draft.element) date \"\(draft.text)\" does not parse; \(field) is left empty", line: line)
            return nil
        }
        if parsed.zoneAssumed {
            warnings.addOnce(key: "zone", "the \(draft.element) date \"\(draft.text)\" names no time zone; read as UTC (said once for the feed)", line: line)
        }
        return parsed.date
    }

    private func line(of item: ItemDraft) -> Int? {
        item.line > 0 ? item.line : nil
    }

    /// `sha256:` and the hex SHA-256 of the title and the date as written.
    static func hash(title: String?, date: String?) -> String {
        let bytes = Array(((title ?? "") + "\u{1F}" + (date ?? "")).utf8)
        var digest = [UInt8](repeating: 0, count: 32)
        _ = stele_sha256(bytes, bytes.count, &digest)
        return "sha256:" + digest.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }
}
