import Foundation

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

    /// The language a link text names, or `nil`.
    static func naming(_ text: String) -> Naming? {
        let folded = text.precomposedStringWithCanonicalMapping.lowercased()
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
            .trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.whitespaces))
        guard !folded.isEmpty, folded.count <= 30 else { return nil }
        if let language = names[folded] { return Naming(language: language, isCode: false) }
        return codes[folded].map { Naming(language: $0, isCode: true) }
    }
}
