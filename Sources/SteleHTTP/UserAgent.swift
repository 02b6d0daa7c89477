/// The version of Stele that this build reports to servers and users.
public enum SteleVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}

/// A `User-Agent` of the form `Stele/<version> (+<contact>)`, so that a site's operator can see
/// who polls them and how to reach whoever runs this instance.
public struct UserAgent: Sendable, Equatable, CustomStringConvertible {
    /// A project URL or e-mail address where the operator of this instance can be reached;
    /// `nil` sends the bare product token.
    public var contact: String?

    /// A user agent naming `contact`.
    public init(contact: String? = nil) {
        self.contact = contact
    }

    /// The header value, e.g. `Stele/0.1.0 (+https://example.org/contact)`.
    public var description: String {
        guard let contact, !contact.isEmpty else { return "Stele/\(SteleVersion.current)" }
        return "Stele/\(SteleVersion.current) (+\(contact))"
    }
}
