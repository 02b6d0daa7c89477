import Foundation

/// The letters that tell Cyrillic languages apart, counted and scored per language model.
enum CyrillicLetters {
    /// How many Cyrillic letters of each telling kind a text has.
    struct Counts {
        /// і ї є ґ: Ukrainian (і also Belarusian).
        var ukrainian = 0
        /// ы э ё: Russian and Belarusian, never Ukrainian.
        var russian = 0
        /// ъ: Bulgarian, rarely Russian, never Ukrainian.
        var hardSign = 0
        /// ў ђ ј љ њ ћ џ ѓ ќ ѕ ә ғ қ ң ө ұ ү һ: Belarusian, Serbian, Macedonian, Kazakh, ...
        var foreign = 0
        /// и: Ukrainian, Russian, Bulgarian; never Belarusian.
        var i = 0
        /// Every Cyrillic letter.
        var total = 0

        mutating func add(_ scalar: Unicode.Scalar) {
            total += 1
            switch scalar.value {
            case 0x456, 0x457, 0x454, 0x491: ukrainian += 1
            case 0x44B, 0x44D, 0x451: russian += 1
            case 0x44A: hardSign += 1
            case 0x438: i += 1
            case 0x45E, 0x452, 0x458, 0x459, 0x45A, 0x45B, 0x45F, 0x453, 0x45C, 0x455,
                 0x4D9, 0x493, 0x49B, 0x4A3, 0x4E9, 0x4B1, 0x4AF, 0x4BB:
                foreign += 1
            default: break
            }
        }
    }

    /// Per model, the share of letters of each kind: Ukrainian, Russian, hard sign, foreign, и.
    /// Rough letter frequencies of running text; "unknown" stands for any other Cyrillic language.
    private static let shares: [String: [Double]] = [
        "uk": [0.065, 0.0004, 0.0002, 0.0003, 0.06],
        "ru": [0.0008, 0.021, 0.0004, 0.0003, 0.075],
        "bg": [0.0008, 0.0004, 0.025, 0.0003, 0.085],
        "be": [0.06, 0.025, 0.0001, 0.02, 0.0003],
        "unknown": [0.01, 0.01, 0.005, 0.02, 0.04],
    ]

    /// The log-likelihood of the letter counts under `model`.
    static func score(_ counts: Counts, model: String) -> Double {
        guard let share = shares[model] else { return 0 }
        let telling = [counts.ukrainian, counts.russian, counts.hardSign, counts.foreign, counts.i]
        let plain = counts.total - telling.reduce(0, +)
        var score = Double(plain) * log(1 - share.reduce(0, +))
        for (count, probability) in zip(telling, share) { score += Double(count) * log(probability) }
        return score
    }
}
