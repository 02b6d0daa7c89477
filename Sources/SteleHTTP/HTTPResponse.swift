/// A response with a 2xx or 304 status. Other statuses arrive as ``HTTPError/Kind/status(_:retryAfter:)``.
public struct HTTPResponse: Sendable, Equatable {
    /// The address that was requested.
    public var url: String
    /// The address the body came from, after redirects.
    public var finalURL: String
    /// The HTTP status of the final response: 2xx, or 304 for a conditional request that matched.
    public var status: Int
    /// The redirects followed, in order.
    public var redirects: [HTTPRedirect]
    /// `ETag` and `Last-Modified` exactly as received (on a 304, the server's current ones, if sent).
    public var validators: HTTPValidators
    /// The `Content-Type` header, e.g. `text/html; charset=windows-1251`.
    public var contentType: String?
    /// The body, decoded from any `Content-Encoding`; empty on a 304.
    public var body: [UInt8]
    /// Time from the start of the transfer to its end.
    public var elapsed: Duration

    /// A response built from its parts (the client builds these; tests may too).
    public init(
        url: String, finalURL: String, status: Int, redirects: [HTTPRedirect] = [],
        validators: HTTPValidators = HTTPValidators(), contentType: String? = nil,
        body: [UInt8] = [], elapsed: Duration = .zero
    ) {
        self.url = url
        self.finalURL = finalURL
        self.status = status
        self.redirects = redirects
        self.validators = validators
        self.contentType = contentType
        self.body = body
        self.elapsed = elapsed
    }

    /// True for a 304: the stored copy is still current and there is no body.
    public var isNotModified: Bool { status == 304 }

    /// The lower-cased `charset` parameter of `Content-Type`, if any.
    public var charset: String? { contentType.flatMap(MediaType.charset(of:)) }

    /// The address to remember instead of ``url``: where the leading run of permanent redirects
    /// (301, 308) ended. `nil` when the first redirect was temporary or there was none.
    public var permanentURL: String? {
        var address: String?
        for redirect in redirects {
            guard redirect.isPermanent else { break }
            address = redirect.to
        }
        return address
    }
}

/// One redirect hop.
public struct HTTPRedirect: Sendable, Equatable, Hashable {
    /// The 3xx status of the hop.
    public var status: Int
    /// The address that answered with the redirect.
    public var from: String
    /// The absolute address it pointed to.
    public var to: String

    /// A redirect hop.
    public init(status: Int, from: String, to: String) {
        self.status = status
        self.from = from
        self.to = to
    }

    /// True for 301 Moved Permanently and 308 Permanent Redirect.
    public var isPermanent: Bool { status == 301 || status == 308 }
}
