public import SteleLanguage
/// The language a text is written in, as far as it can be told, and how sure that is.
public struct LanguageGuess: Sendable, Hashable, CustomStringConvertible {
    /// The most likely language; `other` for languages Stele does not keep and for text with no letters.
    public var language: Language
    /// From 0 to 1: how likely the language is, times how much text there was to judge. A short text
    /// (a title, a caption) gets a low confidence even when its words point one way.
    public var confidence: Double
    /// The likelihood of each of `en`, `fr`, `uk` and `other` before the length of the text is taken
    /// into account; they add up to 1 (all 0 for a text without letters).
    public var likelihoods: [Language: Double]
    /// The words the judgement rests on.
    public var wordCount: Int

    /// The confidence from which a guess is trusted: about 17 words of running text.
    public static let reliableConfidence = 0.75

    /// A guess from its parts.
    public init(language: Language, confidence: Double, likelihoods: [Language: Double] = [:], wordCount: Int = 0) {
        self.language = language
        self.confidence = confidence
        self.likelihoods = likelihoods
        self.wordCount = wordCount
    }

    /// Whether the guess can be acted on (``confidence`` of at least ``reliableConfidence``).
    public var isReliable: Bool { confidence >= Self.reliableConfidence }

    /// Whether the text is reliably *not* in `expected`: how Stele notices that a French address served
    /// the English text. A short or mixed text never contradicts anything.
    public func contradicts(_ expected: Language) -> Bool { isReliable && language != expected }

    /// `en (0.97)`.
    public var description: String {
        "\(language.code) (\((confidence * 100).rounded() / 100))"
    }
}
