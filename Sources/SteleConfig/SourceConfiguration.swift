public import SteleExtract
public import SteleLanguage

/// One `[[source]]`: an institution whose releases Stele follows.
public struct SourceConfiguration: Sendable, Equatable {
    /// Short name used in the store and on the command line: `nato`.
    public var id: String
    /// A readable name: `NATO`.
    public var name: String
    /// The languages to keep, the primary (original) language first.
    public var languages: [Language]
    /// The feeds or sitemaps that announce releases.
    public var feeds: [FeedSubscription]
    /// How to find the other language versions of a release.
    public var versions: VersionDiscovery
    /// A regular expression applied to a release's address; its first capture group (or the whole
    /// match) is the release key. `nil` keys releases by the feed item id.
    public var keyPattern: String?
    /// Where the article body is: a CSS selector (`section.content`) or an XPath (`//main`);
    /// `nil` uses the generic boilerplate-removing extractor.
    public var content: ContentRule?
    /// Time between two polls of the feeds.
    public var pollInterval: Duration
    /// How often, and for how long, to look again for a translation that is not there yet.
    public var pendingRecheck: RecheckSchedule
    /// How often, and for how long, to re-fetch known versions to catch later corrections.
    public var editRecheck: RecheckSchedule

    /// A source with the default schedules.
    public init(
        id: String, name: String? = nil, languages: [Language], feeds: [FeedSubscription], versions: VersionDiscovery,
        keyPattern: String? = nil, content: ContentRule? = nil, pollInterval: Duration = .seconds(900),
        pendingRecheck: RecheckSchedule = SourceConfiguration.defaultPendingRecheck,
        editRecheck: RecheckSchedule = SourceConfiguration.defaultEditRecheck
    ) {
        self.id = id
        self.name = name ?? id
        self.languages = languages
        self.feeds = feeds
        self.versions = versions
        self.keyPattern = keyPattern
        self.content = content
        self.pollInterval = pollInterval
        self.pendingRecheck = pendingRecheck
        self.editRecheck = editRecheck
    }

    /// Hourly for two days, then every six hours until day fourteen.
    public static let defaultPendingRecheck = RecheckSchedule(stages: [
        .init(every: .seconds(3600), until: .seconds(2 * 86_400)),
        .init(every: .seconds(6 * 3600), until: .seconds(14 * 86_400)),
    ])

    /// Every six hours for two days, then daily until day thirty.
    public static let defaultEditRecheck = RecheckSchedule(stages: [
        .init(every: .seconds(6 * 3600), until: .seconds(2 * 86_400)),
        .init(every: .seconds(86_400), until: .seconds(30 * 86_400)),
    ])

    /// The primary language, in which releases appear first.
    public var primaryLanguage: Language { languages[0] }
}

/// A feed (RSS, Atom, JSON Feed) or XML sitemap to poll.
public struct FeedSubscription: Sendable, Equatable, Hashable {
    /// Its address.
    public var url: String
    /// The language of its items, for sources with one feed per language; `nil` for a feed of the
    /// primary language or of all languages.
    public var language: Language?

    /// A subscription.
    public init(url: String, language: Language? = nil) {
        self.url = url
        self.language = language
    }
}

/// How the other language versions of a release are found.
public enum VersionDiscovery: Sendable, Equatable {
    /// By rewriting the primary address (NATO: `?selectedLocale=fr`).
    case rewrite(URLRewriteRule)
    /// From the primary page: `<link rel="alternate" hreflang>` and its language switcher.
    case pageLinks
    /// From one feed per language, paired by release key.
    case feeds
    /// From the `hreflang` alternates of a multilingual sitemap.
    case sitemap
}
