/// How much changed between two versions of a text.
public struct DiffStatistics: Hashable, Sendable, Codable {
    /// Paragraphs of the new version with no counterpart in the old one.
    public var paragraphsAdded = 0
    /// Paragraphs of the old version with no counterpart in the new one.
    public var paragraphsRemoved = 0
    /// Paragraphs rewritten in place (a removed paragraph paired with a similar added one).
    public var paragraphsChanged = 0
    /// Words gained, in added paragraphs and inside changed ones.
    public var wordsAdded = 0
    /// Words lost, in removed paragraphs and inside changed ones.
    public var wordsRemoved = 0

    /// Statistics with the given counts (all zero by default: no change).
    public init(paragraphsAdded: Int = 0, paragraphsRemoved: Int = 0, paragraphsChanged: Int = 0, wordsAdded: Int = 0, wordsRemoved: Int = 0) {
        self.paragraphsAdded = paragraphsAdded
        self.paragraphsRemoved = paragraphsRemoved
        self.paragraphsChanged = paragraphsChanged
        self.wordsAdded = wordsAdded
        self.wordsRemoved = wordsRemoved
    }

    /// Whether nothing changed.
    public var isEmpty: Bool { self == DiffStatistics() }

    /// A one-line summary: `+2 -1 ~3 paragraphs, +40 -12 words`.
    public var summary: String {
        "+\(paragraphsAdded) -\(paragraphsRemoved) ~\(paragraphsChanged) paragraphs, +\(wordsAdded) -\(wordsRemoved) words"
    }
}
