/// A pair of languages to export, original first: `en-fr`.
public struct LanguagePair: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The original's language.
    public var source: String
    /// The translation's language.
    public var target: String

    /// A pair.
    public init(source: String, target: String) {
        self.source = source
        self.target = target
    }

    /// Reads `en-fr` (case-insensitive); codes with subtags are written with `_` or given apart.
    public init(parsing text: String) throws(ReportError) {
        let parts = text.lowercased().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, VersionSpec.isLanguageCode(String(parts[0])), VersionSpec.isLanguageCode(String(parts[1])), parts[0] != parts[1] else {
            throw .invalidPair(text)
        }
        source = String(parts[0])
        target = String(parts[1])
    }

    /// `en-fr`, as the store names alignment files.
    public var description: String { "\(source)-\(target)" }

    /// Sorted by their names.
    public static func < (lhs: LanguagePair, rhs: LanguagePair) -> Bool { lhs.description < rhs.description }
}
