/// Where the encoding of a page was found, in the order they are consulted.
public enum CharsetSource: String, Sendable, Hashable {
    /// A byte order mark at the start of the body.
    case byteOrderMark = "bom"
    /// The `charset` parameter of the HTTP `Content-Type` header.
    case http
    /// `<meta charset>` or `<meta http-equiv="Content-Type" content="...; charset=...">`.
    case meta
    /// Nothing was declared: UTF-8.
    case `default`
}
