import Foundation

/// RFC 3986 reference resolution, keeping absolute addresses exactly as written.
enum URLResolver {
    /// True when `text` starts with a scheme (`https:`, `mailto:`).
    static func isAbsolute(_ text: String) -> Bool {
        var length = 0
        for byte in text.utf8 {
            if byte == 0x3A { return length > 0 }
            let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            let isOther = (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E
            guard isLetter || (length > 0 && isOther) else { return false }
            length += 1
        }
        return false
    }

    /// `reference` resolved against `base`; unchanged when it is absolute already or there is no
    /// absolute base to resolve against.
    static func resolve(_ reference: String, against base: String?) -> String {
        guard !isAbsolute(reference), let base, isAbsolute(base), let baseURL = URL(string: base),
              let resolved = URL(string: reference, relativeTo: baseURL) else { return reference }
        return resolved.absoluteString
    }
}
