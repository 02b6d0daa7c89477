/// What the fixture server sends back, including the ways it can misbehave on purpose.
public struct FixtureResponse: Sendable {
    /// The status code, any number the test wants.
    public var status: Int
    /// Header fields, sent as given. `Content-Length` and `Transfer-Encoding` are added from the
    /// body unless the body deliberately lies about its length.
    public var headers: [(name: String, value: String)]
    /// The body and how it is delivered.
    public var body: FixtureBody
    /// Time to wait before sending anything.
    public var delay: Duration
    /// Close the connection after this response instead of keeping it alive.
    public var closesConnection: Bool

    /// A response; by default an empty 200 on a kept-alive connection.
    public init(status: Int = 200, headers: [(name: String, value: String)] = [], body: FixtureBody = .bytes([]), delay: Duration = .zero, closesConnection: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
        self.closesConnection = closesConnection
    }

    /// A UTF-8 text body with its content type.
    public static func text(_ text: String, status: Int = 200, contentType: String = "text/plain; charset=utf-8") -> FixtureResponse {
        FixtureResponse(status: status, headers: [("Content-Type", contentType)], body: .bytes(Array(text.utf8)))
    }

    /// A redirect to `location` with the given 3xx status.
    public static func redirect(to location: String, status: Int = 302) -> FixtureResponse {
        FixtureResponse(status: status, headers: [("Location", location)], body: .bytes([]))
    }

    /// The value of header `name` (case-insensitive), if set.
    public func header(_ name: String) -> String? {
        let key = name.lowercased()
        return headers.last { $0.name.lowercased() == key }?.value
    }
}

/// A response body and the manner of its delivery.
public enum FixtureBody: Sendable {
    /// These bytes with a correct `Content-Length`.
    case bytes([UInt8])
    /// `count` copies of `byte` with a correct `Content-Length`, streamed without holding them.
    case repeated(UInt8, count: Int)
    /// These bytes with a correct `Content-Length`, one byte every `interval`.
    case drip([UInt8], interval: Duration)
    /// A chunked body that never ends: `pattern` again and again until the client goes away.
    case endless(pattern: [UInt8])
    /// Claims `declaredLength` bytes, sends `bytes`, then closes the connection normally.
    case truncated([UInt8], declaredLength: Int)
    /// Claims `declaredLength` bytes, sends `bytes`, then resets the connection (TCP RST).
    case reset([UInt8], declaredLength: Int)
    /// Claims `declaredLength` bytes but sends all of `bytes`, which are more.
    case overlong([UInt8], declaredLength: Int)
    /// Sends nothing at all and closes the connection: no status line, no headers.
    case hangUp
}

/// Reason phrases for the status line; an unknown code gets a neutral one.
enum ReasonPhrase {
    static func of(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        default: "Status \(status)"
        }
    }
}
