public import Foundation

/// One entry of a feed, or one page of a sitemap.
public struct FeedItem: Sendable, Equatable, Hashable {
    /// A stable identity within the feed: the declared id (RSS `guid`, Atom `id`, RDF `rdf:about`,
    /// JSON `id`, sitemap `loc`), else the link, else `sha256:` and a hash of title and date.
    public var id: String
    /// Where ``id`` came from.
    public var idSource: IdentitySource
    /// The item's address, resolved against `xml:base`, the feed's address, or the channel link.
    public var link: String?
    /// The title as plain text: entities decoded, markup removed, white space collapsed.
    public var title: String?
    /// The summary or content as plain text, like ``title``.
    public var summary: String?
    /// When the item was first published, in UTC.
    public var published: Date?
    /// When the item was last changed (Atom `updated`, JSON `date_modified`, sitemap `lastmod`), in UTC.
    public var updated: Date?
    /// The item's declared language (`xml:lang`, `dc:language`, JSON `language`), lower-cased.
    public var language: String?
    /// The item's other language versions: language tag (lower-cased) to absolute address, from
    /// sitemap `<xhtml:link rel="alternate" hreflang>` and Atom `<link rel="alternate" hreflang>`.
    public var alternates: [String: String]

    /// An item built from its parts.
    public init(
        id: String, idSource: IdentitySource = .declared, link: String? = nil, title: String? = nil,
        summary: String? = nil, published: Date? = nil, updated: Date? = nil, language: String? = nil,
        alternates: [String: String] = [:]
    ) {
        self.id = id
        self.idSource = idSource
        self.link = link
        self.title = title
        self.summary = summary
        self.published = published
        self.updated = updated
        self.language = language
        self.alternates = alternates
    }

    /// Where an item's ``FeedItem/id`` came from.
    public enum IdentitySource: String, Sendable, Equatable, Hashable {
        /// The feed declared it (`guid`, `id`, `rdf:about`, `loc`).
        case declared
        /// There was no id; the link stands in.
        case link
        /// There was neither id nor link: a SHA-256 of the title and the date.
        case hash
    }
}
