import Foundation

/// Resolves the addresses found in a page against its base address.
enum URLResolver {
    /// The absolute http(s) address `href` points to from `base`, without its fragment; `nil` for
    /// fragments alone, `javascript:`, `mailto:` and other schemes, and for relative addresses when
    /// there is no base.
    static func resolve(_ href: String, against base: String?) -> Resolution {
        // As browsers do: trim ASCII whitespace, drop tabs and newlines inside.
        let cleaned = href.trimmingCharacters(in: .whitespacesAndNewlines).filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        guard !cleaned.isEmpty, !cleaned.hasPrefix("#") else { return .unusable }
        if let absolute = URL(string: cleaned), let scheme = absolute.scheme?.lowercased() {
            guard scheme == "http" || scheme == "https", absolute.host != nil else { return .unusable }
            return .resolved(withoutFragment(absolute.absoluteString))
        }
        guard let base, let baseURL = URL(string: base), baseURL.scheme != nil else { return .needsBase }
        guard let resolved = URL(string: cleaned, relativeTo: baseURL)?.absoluteURL,
              let scheme = resolved.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return .unusable }
        return .resolved(withoutFragment(resolved.absoluteString))
    }

    enum Resolution: Equatable {
        case resolved(String)
        case needsBase
        case unusable
    }

    static func withoutFragment(_ url: String) -> String {
        url.firstIndex(of: "#").map { String(url[..<$0]) } ?? url
    }
}
