/// A page as fetched: its bytes and what the HTTP response said about them.
public struct HTMLPage: Sendable, Hashable {
    /// The body exactly as received (after any `Content-Encoding` was undone).
    public var bytes: [UInt8]
    /// The address the page came from (after redirects); relative links are resolved against it.
    public var url: String?
    /// The `charset` parameter of the HTTP `Content-Type` header, if the server sent one.
    public var httpCharset: String?

    /// A page from its bytes, address and HTTP charset.
    public init(bytes: [UInt8], url: String? = nil, httpCharset: String? = nil) {
        self.bytes = bytes
        self.url = url
        self.httpCharset = httpCharset
    }

    /// The page's address for messages, or "the page" when it has none.
    var name: String { url ?? "the page" }
}
