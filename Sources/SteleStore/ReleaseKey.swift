/// The folder name of a release, safe whatever id the outside world gave it.
///
/// An id that is already a safe name (`[A-Za-z0-9._-]{1,100}`, not `.` or `..`, not starting with
/// a dot, which would hide it, or a dash, which tools would read as an option) is the key. Anything else — `../../etc/passwd`, an absolute path, a NUL byte, 10,000
/// characters, Cyrillic look-alikes — becomes a readable slug of its safe characters followed by
/// `-h` and 24 hex digits of the SHA-256 of the id: stable across runs and machines, and never a
/// path that leaves the store. The original id is then kept in `release.json`.
public struct ReleaseKey: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    /// The folder name.
    public let rawValue: String

    /// The key for an id from a feed or an address.
    public init(externalID: String) {
        if Self.isSafe(externalID) {
            rawValue = externalID
            return
        }
        var slug = String(externalID.unicodeScalars.lazy.map { Self.isSafeScalar($0) ? Character($0) : "_" }.prefix(40))
        while slug.hasPrefix(".") || slug.hasPrefix("_") || slug.hasPrefix("-") { slug.removeFirst() }
        let hash = SHA256.hex(Array(externalID.utf8)).prefix(24)
        rawValue = (slug.isEmpty ? "id" : slug) + "-h" + hash
    }

    /// A key read back from the store or typed by a person; `nil` unless it is a safe name.
    public init?(validating rawValue: String) {
        guard Self.isSafe(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// A key already checked with ``isSafe(asciiBytes:)``.
    init(unchecked rawValue: String) {
        self.rawValue = rawValue
    }

    /// Whether the key was derived by hashing (the id was not a safe name).
    public func isHashed(from externalID: String) -> Bool { rawValue != externalID }

    /// The folder name.
    public var description: String { rawValue }

    /// Keys sort by their folder names.
    public static func < (lhs: ReleaseKey, rhs: ReleaseKey) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Encoded as the bare folder name.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let key = ReleaseKey(validating: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a safe release key: \(text.prefix(80))"))
        }
        self = key
    }

    /// Encoded as the bare folder name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Whether `name` can be a folder name in the store as it is.
    static func isSafe(_ name: String) -> Bool {
        let scalars = name.unicodeScalars
        guard (1...100).contains(scalars.count), !name.hasPrefix("."), !name.hasPrefix("-") else { return false }
        return scalars.allSatisfy(isSafeScalar)
    }

    /// ``isSafe(_:)`` on the UTF-8 bytes of a name, without making a string first (safe names are ASCII).
    static func isSafe(asciiBytes bytes: ArraySlice<UInt8>) -> Bool {
        guard (1...100).contains(bytes.count), let first = bytes.first, first != 0x2E, first != 0x2D else { return false }
        return bytes.allSatisfy { byte in
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2E || byte == 0x5F || byte == 0x2D
        }
    }

    private static func isSafeScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-": true
        default: false
        }
    }
}

/// Names of sources and languages, which come from the configuration: checked, never hashed.
enum StoreName {
    /// `name` when it is a safe folder name, else an ``StoreError/invalidName(kind:value:)`` error.
    static func checked(_ name: String, kind: String) throws(StoreError) -> String {
        guard ReleaseKey.isSafe(name) else { throw .invalidName(kind: kind, value: name) }
        return name
    }

    /// A language code: `en`, `fr`, `uk`, `pt-BR`.
    static func language(_ code: String) throws(StoreError) -> String {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        let valid = (2...3).contains(parts[0].count) && parts[0].allSatisfy { $0.isASCII && $0.isLowercase }
            && parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        guard valid, parts.count <= 3 else { throw .invalidName(kind: "language code", value: code) }
        return code
    }
}
