/// A language Stele aligns, named by its ISO 639-1 code (`en`, `fr`, `uk`).
///
/// The aligner knows each language's typical length relative to English and how to read its
/// numbers, months and names (Ukrainian names are compared through a Latin transliteration).
public enum Language: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable {
    /// English, the language NATO publishes first.
    case english = "en"
    /// French.
    case french = "fr"
    /// Ukrainian (Cyrillic script).
    case ukrainian = "uk"

    /// The language with this ISO 639-1 code (case-insensitive), or nil when Stele does not know it.
    public init?(code: String) {
        self.init(rawValue: code.lowercased())
    }

    /// The ISO 639-1 code: `en`, `fr` or `uk`.
    public var code: String { rawValue }

    /// The codes Stele knows, for error messages: `en, fr, uk`.
    public static var knownCodes: String { allCases.map(\.code).joined(separator: ", ") }
}
