import Foundation

/// RFC 3986 reference resolution, keeping absolute addresses exactly as written.
enum URLResolver {
    /// True when `text` starts with a scheme (`https:`, `mailto:`).
    static func isAbsolute(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        let scheme = text[..<colon]
        return scheme.first!.isASCII && scheme.first!.isLetter
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    /// `reference` resolved against `base`; unchanged when it is absolute already or there is no
    /// absolute base to resolve against.
    static func resolve(_ reference: String, against base: String?) -> String {
        guard !isAbsolute(reference), let base, isAbsolute(base), let baseURL = URL(string: base),
              let resolved = URL(string: reference, relativeTo: baseURL) else { return reference }
        return resolved.absoluteString
    }
}
