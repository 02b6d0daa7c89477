import Foundation
import SteleLanguage

/// The ways a language switcher names English, French and Ukrainian: in the language itself, in the
/// other two, in Russian (still common on Ukrainian sites), and as codes.
enum LanguageNames {
    /// A language named by a link text, and whether the text is only a short code (`EN`, `UA`), which
    /// means something else outside a switcher ("UK" is also a country).
    struct Naming {
        var language: Language
        var isCode: Bool
    }

    private static let names: [String: Language] = {
        var table: [String: Language] = [:]
        let lists: [(Language, String)] = [
            (.en, "english|anglais|англійська|англійською|английский|english version|in english|version anglaise"),
            (.fr, "français|francais|french|version française|en français|french version|in french|французька|французькою|французский"),
            (.uk, "українська|українською|ukrainian|ukrainien|in ukrainian|ukrainian version|en ukrainien|version ukrainienne|украинский|українська мова"),
        ]
        for (language, list) in lists {
            for name in list.split(separator: "|") { table[String(name)] = language }
        }
        return table
    }()

    private static let codes: [String: Language] = [
        "en": .en, "eng": .en, "англ": .en, "fr": .fr, "fra": .fr, "фр": .fr, "uk": .uk, "ua": .uk, "ukr": .uk, "укр": .uk,
    ]

    /// The longest name above, in UTF-8 bytes, with room for spaces and punctuation around it.
    private static let longestText = 64
    /// Punctuation that decorates switcher links: `[EN]`, `· FR ·`, `« Українська »`.
    private static let decoration: Set<Unicode.Scalar> = Set("[](){}|/\\·•-–—«»\"'’:;,.!?".unicodeScalars)

    /// The language a link text names, or `nil`. Cheap for the many links that name nothing: long
    /// texts are rejected unread, and the rest is folded in one pass.
    static func naming(_ text: String) -> Naming? {
        guard text.utf8.count <= longestText else { return nil }
        var folded = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || decoration.contains(scalar) {
                pendingSpace = !folded.isEmpty
                continue
            }
            if pendingSpace { folded.append(" ") }
            pendingSpace = false
            folded.append(scalar)
        }
        var key = String(folded).lowercased()
        if key.unicodeScalars.contains(where: { (0x300...0x36F).contains($0.value) }) { key = key.precomposedStringWithCanonicalMapping }
        guard !key.isEmpty else { return nil }
        if let language = names[key] { return Naming(language: language, isCode: false) }
        return codes[key].map { Naming(language: $0, isCode: true) }
    }
}
