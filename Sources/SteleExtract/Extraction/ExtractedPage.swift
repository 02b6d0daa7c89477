public import SteleLanguage
public import SteleText
/// What Stele takes from a page: its title, its paragraphs, their language, and the addresses of
/// the page's other language versions.
public struct ExtractedPage: Sendable, Hashable {
    /// Where the paragraphs came from.
    public enum Body: Sendable, Hashable, CustomStringConvertible {
        /// The source's content rule matched (its expression).
        case rule(String)
        /// The generic fallback chose this element (`section.content`, `div#main`, ...).
        case fallback(element: String)
        /// The fallback found no article element and kept every paragraph that is not page furniture.
        case wholePage
        /// There was no text at all.
        case none

        /// `rule section.content`, `fallback section.content`, `whole page`, `none`.
        public var description: String {
            switch self {
            case .rule(let expression): "rule \(expression)"
            case .fallback(let element): "fallback \(element)"
            case .wholePage: "whole page"
            case .none: "none"
            }
        }
    }

    /// The page's title (`<title>`, else `og:title`), whitespace normalised; `nil` when it has none.
    public var title: String?
    /// The paragraphs of the article body, in order, each on one line: no line breaks, no empty paragraph.
    public var paragraphs: [String]
    /// The language of the paragraphs.
    public var language: LanguageGuess
    /// The address of each other language version, by the most trusted method that found one.
    public var alternates: [Language: AlternateLink]
    /// Every address found by every method, most trusted first (to cross-check methods).
    public var alternateCandidates: [AlternateLink]
    /// Where the paragraphs came from.
    public var body: Body
    /// The encoding the page was read in.
    public var charset: Charset
    /// Where that encoding was found.
    public var charsetSource: CharsetSource
    /// What a person may want to know about the page.
    public var warnings: [ExtractionWarning]

    /// The paragraphs in the store's format: UTF-8 text, one paragraph a line, each line ending in `\n`.
    public var text: String { paragraphs.map { $0 + "\n" }.joined() }
}
