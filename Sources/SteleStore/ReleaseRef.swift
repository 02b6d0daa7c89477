/// A release in the store: its source and its key.
public struct ReleaseRef: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    /// The source id (a safe name from the configuration).
    public var source: String
    /// The release key.
    public var key: ReleaseKey
    /// The outside id the key was derived from, when it had to be hashed.
    public var originalID: String?

    /// A release named by a key already known to be safe (read from the store or typed by a person).
    public init(source: String, key: ReleaseKey) {
        self.source = source
        self.key = key
    }

    /// A release named by an id from the outside world (a feed item id, a part of an address).
    public init(source: String, externalID: String) {
        self.source = source
        key = ReleaseKey(externalID: externalID)
        originalID = key.rawValue == externalID ? nil : externalID
    }

    /// `source/key`.
    public var description: String { "\(source)/\(key)" }

    /// Two references name the same release when source and key agree.
    public static func == (lhs: ReleaseRef, rhs: ReleaseRef) -> Bool { lhs.source == rhs.source && lhs.key == rhs.key }

    /// Hashes source and key.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(key)
    }

    /// Sorted by source, then key.
    public static func < (lhs: ReleaseRef, rhs: ReleaseRef) -> Bool { (lhs.source, lhs.key.rawValue) < (rhs.source, rhs.key.rawValue) }
}
