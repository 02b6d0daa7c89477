import Foundation

/// The ways a language switcher names English, French and Ukrainian: in the language itself, in the
/// other two, in Russian (still common on Ukrainian sites), and as codes.
enum LanguageNames {
    private static let names: [String: Language] = {
        var table: [String: Language] = [:]
        let lists: [(Language, String)] = [
            (.en, "english|anglais|англійська|англійською|английский|en|eng|english version|in english|version anglaise|англ"),
            (.fr, "français|francais|french|fr|fra|version française|en français|french version|in french|французька|французькою|французский|франц"),
            (.uk, "українська|українською|ukrainian|ukrainien|uk|ua|ukr|укр|in ukrainian|ukrainian version|en ukrainien|version ukrainienne|украинский|українська мова"),
        ]
        for (language, list) in lists {
            for name in list.split(separator: "|") { table[String(name)] = language }
        }
        return table
    }()

    /// The language a link text names, or `nil`.
    static func language(named text: String) -> Language? {
        let folded = text.precomposedStringWithCanonicalMapping.lowercased()
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
            .trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.whitespaces))
        guard !folded.isEmpty, folded.count <= 30 else { return nil }
        return names[folded]
    }
}
