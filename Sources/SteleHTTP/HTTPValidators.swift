/// The cache validators of a response, kept exactly as the server sent them and sent back verbatim
/// in `If-None-Match` and `If-Modified-Since` on the next request for the same address.
public struct HTTPValidators: Sendable, Equatable, Hashable, Codable {
    /// The `ETag` header, quotes and `W/` prefix included.
    public var etag: String?
    /// The `Last-Modified` header as an HTTP-date string.
    public var lastModified: String?

    /// Validators with the given values; both `nil` makes an unconditional request.
    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    /// True when neither validator is known.
    public var isEmpty: Bool { etag == nil && lastModified == nil }
}
