public import Foundation

/// `release.json`: a release and the state of each of its languages.
public struct ReleaseRecord: Codable, Sendable, Equatable {
    /// The folder name.
    public var key: ReleaseKey
    /// The id as the outside world gave it, when it was not a safe folder name and was hashed.
    public var originalID: String?
    /// The source this release comes from.
    public var source: String
    /// When the release was first noticed.
    public var firstSeen: Date
    /// The publication date the feed or page gave, if any.
    public var published: Date?
    /// Per language code: where it is, its title, and whether it exists yet.
    public var languages: [String: LanguageEntry]

    /// A release record.
    public init(key: ReleaseKey, originalID: String? = nil, source: String, firstSeen: Date, published: Date? = nil, languages: [String: LanguageEntry] = [:]) {
        self.key = key
        self.originalID = originalID
        self.source = source
        self.firstSeen = firstSeen
        self.published = published
        self.languages = languages
    }

    /// The title in `language`, else in any language (sorted by code), else `nil`.
    public func title(preferring language: String) -> String? {
        languages[language]?.title ?? languages.sorted { $0.key < $1.key }.lazy.compactMap(\.value.title).first
    }
}

/// One language of a release.
public struct LanguageEntry: Codable, Sendable, Equatable {
    /// The address of this language version.
    public var url: String?
    /// Its title.
    public var title: String?
    /// Whether it exists.
    public var status: LanguageStatus
    /// Since when the status holds.
    public var statusSince: Date?
    /// When it was last checked.
    public var lastChecked: Date?
    /// When to check it next (pending translations, edits of known versions).
    public var nextCheck: Date?
    /// Failed fetches since the last success; absent when there were none.
    public var consecutiveFailures: Int?
    /// The last failure, as a short code (`status-503`, `timeout-total`, ...).
    public var lastError: String?
    /// An address that a permanent redirect (301, 308) pointed to once; the entry's `url` becomes
    /// it when the next fetch is redirected there again.
    public var movedTo: String?
    /// The `ETag` of the last response read in full from `url` (a version, or a page found not yet
    /// translated), sent back as `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` of that response, sent back as `If-Modified-Since`.
    public var lastModified: String?

    /// A language entry.
    public init(
        url: String? = nil, title: String? = nil, status: LanguageStatus, statusSince: Date? = nil, lastChecked: Date? = nil, nextCheck: Date? = nil,
        consecutiveFailures: Int? = nil, lastError: String? = nil, movedTo: String? = nil, etag: String? = nil, lastModified: String? = nil
    ) {
        self.etag = etag
        self.lastModified = lastModified
        self.url = url
        self.title = title
        self.status = status
        self.statusSince = statusSince
        self.lastChecked = lastChecked
        self.nextCheck = nextCheck
        self.consecutiveFailures = consecutiveFailures
        self.lastError = lastError
        self.movedTo = movedTo
    }
}

/// Whether a language version of a release exists.
public enum LanguageStatus: String, Codable, Sendable, CaseIterable {
    /// At least one version is stored.
    case present
    /// The address exists but serves another language (an untranslated page): checked again later.
    case pending
    /// Not found, and no longer looked for.
    case missing
    /// It existed and was withdrawn (410).
    case gone
}
