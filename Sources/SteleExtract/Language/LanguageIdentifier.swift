import Foundation

/// Tells English, French and Ukrainian text from each other and from everything else.
///
/// The script with the most letters decides which models compete: Latin (English, French, and
/// German, Spanish, Italian, Portuguese, Dutch, Polish as decoys) or Cyrillic (Ukrainian, and
/// Russian, Bulgarian and Belarusian as decoys), each time with an "unknown language" model that
/// explains words without favouring any list. Each model is a unigram model of function words
/// (Zipf-weighted by rank, covering 40% of running text); the Cyrillic models also score the letters
/// that separate the languages: і ї є ґ are Ukrainian, ы э ё Russian (and Belarusian), ъ Bulgarian
/// (and Russian), ў Belarusian, и absent from Belarusian, and ј љ њ ћ ђ џ ә қ ... other languages.
///
/// Evidence from one text is not independent word by word, so the log-likelihoods are averaged per
/// word and counted as at most ``evidenceCap`` words before they become likelihoods: a bilingual text
/// comes out unsure instead of certain. The confidence is that likelihood times `1 - exp(-words/12)`
/// (a title of 8 words gets about 0.5, a paragraph of 40 words 0.96) times how much the leading script
/// dominates the letters.
public enum LanguageIdentifier {
    /// At most this many characters of text are read: plenty to decide, and a bounded cost on huge pages.
    public static let sampleLimit = 20_000
    static let evidenceCap = 30.0
    private static let vocabulary = 100_000.0
    private static let coverage = 0.4

    /// The language of paragraphs (page titles are better left out: they often carry the site's name).
    public static func identify(_ paragraphs: [String]) -> LanguageGuess {
        var sample = ""
        for paragraph in paragraphs {
            if sample.utf8.count >= sampleLimit { break }
            sample += paragraph
            sample += "\n"
        }
        return identify(text: sample)
    }

    /// The language of one text.
    public static func identify(text: String) -> LanguageGuess {
        let tokens = Tokens(text)
        let (script, share) = tokens.dominantScript
        guard tokens.letterCount > 0, let script else {
            return LanguageGuess(language: .other, confidence: 0, likelihoods: [:], wordCount: 0)
        }
        let words: [String]
        var likelihoods: [Language: Double] = [:]
        switch script {
        case .latin, .cyrillic:
            words = script == .latin ? tokens.latinWords : tokens.cyrillicWords
            likelihoods = languageLikelihoods(words: words, script: script == .latin ? .latin : .cyrillic, letters: tokens.cyrillicLetterCounts)
        case .otherScript:
            words = tokens.otherWords
            likelihoods = [.other: 1]
        }
        let best = likelihoods.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!
        let lengthFactor = 1 - exp(-Double(words.count) / 12)
        let scriptFactor = min(1, max(0, (share - 0.5) / 0.3))
        var complete: [Language: Double] = [:]
        for language in Language.allCases { complete[language] = likelihoods[language] ?? 0 }
        return LanguageGuess(language: best.key, confidence: best.value * lengthFactor * scriptFactor, likelihoods: complete, wordCount: words.count)
    }

    /// Per model: word → log(p(word) · vocabulary), the score of a listed word against the unknown model.
    private static let wordScores: [(model: FunctionWords.Model, scores: [String: Double])] = FunctionWords.models.map { model in
        let weights = model.words.indices.map { 1 / (Double($0) + 1 + 2.7) }
        let total = weights.reduce(0, +)
        var scores: [String: Double] = [:]
        for (word, weight) in zip(model.words, weights) { scores[word] = log(coverage * weight / total * vocabulary) }
        return (model, scores)
    }

    private static func languageLikelihoods(words: [String], script: FunctionWords.Model.Script, letters: CyrillicLetters.Counts) -> [Language: Double] {
        let unlisted = log(1 - coverage)
        var candidates: [(language: Language, score: Double)] = []
        for (model, scores) in wordScores where model.script == script {
            var score = 0.0
            for word in words { score += scores[word] ?? unlisted }
            if script == .cyrillic { score += CyrillicLetters.score(letters, model: model.name) }
            candidates.append((model.language, score))
        }
        candidates.append((.other, script == .cyrillic ? CyrillicLetters.score(letters, model: "unknown") : 0))
        // Averaged per word, counted as at most `evidenceCap` words.
        let scale = min(Double(words.count), evidenceCap) / Double(max(words.count, 1))
        let top = candidates.map { $0.score * scale }.max() ?? 0
        var likelihoods: [Language: Double] = [:]
        var sum = 0.0
        for candidate in candidates {
            let weight = exp(candidate.score * scale - top)
            likelihoods[candidate.language, default: 0] += weight
            sum += weight
        }
        return likelihoods.mapValues { $0 / sum }
    }
}
