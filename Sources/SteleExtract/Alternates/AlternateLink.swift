public import SteleLanguage
/// The address of a page's version in another language, and how it was found.
public struct AlternateLink: Sendable, Hashable, CustomStringConvertible {
    /// How an address was found, in the order of trust used when methods disagree.
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        /// A URL rewrite rule from the source's configuration: the operator's explicit word.
        case rewrite
        /// `<link rel="alternate" hreflang="...">`: the page's own statement.
        case hreflang
        /// A language switcher: links whose `hreflang`/`lang` attributes or texts (English, Français,
        /// Українська, ...) name a language.
        case switcher
    }

    /// The language of the version.
    public var language: Language
    /// The absolute address of the version.
    public var url: String
    /// How it was found.
    public var via: Method

    /// A link from its parts.
    public init(language: Language, url: String, via: Method) {
        self.language = language
        self.url = url
        self.via = via
    }

    /// `fr https://... (hreflang)`.
    public var description: String { "\(language) \(url) (\(via.rawValue))" }
}
