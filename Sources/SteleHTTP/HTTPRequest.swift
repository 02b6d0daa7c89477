/// One GET request: an address, optional validators for a conditional request, and extra headers.
public struct HTTPRequest: Sendable, Equatable {
    /// The absolute `http` or `https` address to fetch.
    public var url: String
    /// Validators from the previous response for this address; a match yields a 304 response.
    public var validators: HTTPValidators
    /// Extra request headers, sent as given after the ones Stele sets itself.
    public var headers: [HTTPHeader]
    /// A body limit for this request instead of the client's ``HTTPClientConfiguration/maxBodyBytes``.
    public var maxBodyBytes: Int?

    /// A GET of `url`, conditional when `validators` holds a value.
    public init(url: String, validators: HTTPValidators = HTTPValidators(), headers: [HTTPHeader] = [], maxBodyBytes: Int? = nil) {
        self.url = url
        self.validators = validators
        self.headers = headers
        self.maxBodyBytes = maxBodyBytes
    }
}

/// A header name and its value.
public struct HTTPHeader: Sendable, Equatable, Hashable {
    /// The field name, e.g. `Accept-Language`.
    public var name: String
    /// The field value.
    public var value: String

    /// A header field.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
