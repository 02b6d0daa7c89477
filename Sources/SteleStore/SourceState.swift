public import Foundation

/// `sources/<source>/state.json`: the feed state of one source, so that a restarted daemon polls
/// politely (conditional requests, backoff) from where it stopped.
public struct SourceState: Codable, Sendable, Equatable {
    /// One entry per feed address.
    public var feeds: [FeedState]

    /// A source state.
    public init(feeds: [FeedState] = []) {
        self.feeds = feeds
    }
}

/// The state of one feed address.
public struct FeedState: Codable, Sendable, Equatable {
    /// The feed address.
    public var url: String
    /// The `ETag` of the last successful response.
    public var etag: String?
    /// The `Last-Modified` of the last successful response.
    public var lastModified: String?
    /// The last poll, successful or not.
    public var lastPoll: Date?
    /// The last successful poll.
    public var lastSuccess: Date?
    /// Failures since the last success.
    public var consecutiveFailures: Int
    /// The last failure, in words.
    public var lastError: String?
    /// When to poll next (after backoff or `Retry-After`).
    public var nextDue: Date?
    /// The address to poll instead of `url`, after a permanent redirect (301, 308) was seen twice in a row.
    public var permanentURL: String?
    /// A permanent redirect seen once, awaiting confirmation by the next poll.
    public var movedTo: String?

    /// A feed state.
    public init(
        url: String, etag: String? = nil, lastModified: String? = nil, lastPoll: Date? = nil, lastSuccess: Date? = nil,
        consecutiveFailures: Int = 0, lastError: String? = nil, nextDue: Date? = nil, permanentURL: String? = nil, movedTo: String? = nil
    ) {
        self.movedTo = movedTo
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.lastPoll = lastPoll
        self.lastSuccess = lastSuccess
        self.consecutiveFailures = consecutiveFailures
        self.lastError = lastError
        self.nextDue = nextDue
        self.permanentURL = permanentURL
    }
}
