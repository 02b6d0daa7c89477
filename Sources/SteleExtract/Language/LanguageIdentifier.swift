import Foundation
import SteleLanguage

/// Tells English, French and Ukrainian text from each other and from everything else.
///
/// Each paragraph is judged on its own. The script with the most letters in it decides which models
/// compete: Latin (English, French, and German, Spanish, Italian, Portuguese, Dutch, Polish as decoys)
/// or Cyrillic (Ukrainian, and Russian, Bulgarian, Belarusian as decoys), each time with an "unknown
/// language" model that explains words without favouring any list; any other script is `other`. Each
/// model is a unigram model of function words (Zipf-weighted by rank, covering 40% of running text);
/// the Cyrillic models also score the letters that separate the languages: і ї є ґ are Ukrainian,
/// ы э ё Russian (and Belarusian), ъ Bulgarian (and Russian), ў Belarusian, и absent from Belarusian,
/// ј љ њ ћ ђ џ ә қ ... other languages. Evidence within a paragraph is not independent word by word,
/// so its log-likelihoods are averaged per word and counted as at most ``evidenceCap`` words.
///
/// The page's answer is the language with the most evidence behind it: each paragraph weighs its
/// likelihoods by its word count times `1 - exp(-words / 12)`, so that one-word date lines and
/// labels hardly count. The confidence is the share of that evidence which agrees, times
/// `1 - exp(-agreeing words / 12)`: a title of 8 words gets about 0.5, a paragraph of 40 words 0.96,
/// a page half English, half French about one half.
public enum LanguageIdentifier {
    /// About this many bytes of text are read, in paragraphs spread over the whole page: plenty to
    /// decide, and a bounded cost on huge pages.
    public static let sampleLimit = 20_000
    static let evidenceCap = 30.0
    private static let vocabulary = 100_000.0
    private static let coverage = 0.4

    /// The language of paragraphs (page titles are better left out: they often carry the site's name).
    public static func identify(_ paragraphs: [String]) -> LanguageGuess {
        var weights: [Language: Double] = [:]
        var agreeingWords: [Language: Double] = [:]
        var words = 0
        let size = paragraphs.reduce(0) { $0 + $1.utf8.count }
        let stride = max(1, (size + sampleLimit - 1) / sampleLimit)
        for (index, paragraph) in paragraphs.enumerated() where index % stride == 0 {
            let (likelihoods, count) = judge(paragraph.utf8.count > sampleLimit ? String(paragraph.prefix(sampleLimit)) : paragraph)
            words += count
            let evidence = Double(count) * lengthFactor(count)
            // Always in the same order: sums of doubles depend on it, and a page must always get the same figures.
            for language in Language.allCases {
                let likelihood = likelihoods[language] ?? 0
                weights[language, default: 0] += likelihood * evidence
                agreeingWords[language, default: 0] += likelihood * Double(count)
            }
        }
        let total = Language.allCases.reduce(0) { $0 + (weights[$1] ?? 0) }
        guard total > 0, let best = weights.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) else {
            return LanguageGuess(language: .other, confidence: 0, likelihoods: Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, 0) }), wordCount: words)
        }
        let agreement = best.value / total
        let confidence = agreement * (1 - exp(-(agreeingWords[best.key] ?? 0) / 12))
        var likelihoods: [Language: Double] = [:]
        for language in Language.allCases { likelihoods[language] = (weights[language] ?? 0) / total }
        return LanguageGuess(language: best.key, confidence: confidence, likelihoods: likelihoods, wordCount: words)
    }

    /// The language of one text, taken as one paragraph.
    public static func identify(text: String) -> LanguageGuess { identify([text]) }

    /// How much a text of `words` words can say: 0.57 for 10 words, 0.92 for 30, 0.99 for 60.
    private static func lengthFactor(_ words: Int) -> Double { 1 - exp(-Double(words) / 12) }

    /// The likelihood of each language for one paragraph, and the number of words it rests on.
    private static func judge(_ paragraph: String) -> (likelihoods: [Language: Double], words: Int) {
        let tokens = Tokens(paragraph)
        switch tokens.dominantScript.script {
        case nil:
            return ([:], 0)
        case .latin:
            return (languageLikelihoods(words: tokens.latinWords, script: .latin, letters: tokens.cyrillicLetterCounts), tokens.latinWords.count)
        case .cyrillic:
            return (languageLikelihoods(words: tokens.cyrillicWords, script: .cyrillic, letters: tokens.cyrillicLetterCounts), tokens.cyrillicWords.count)
        case .otherScript:
            return ([.other: 1], tokens.otherWords.count)
        }
    }

    /// Every listed word, once, with the models that list it and its score in each: log(p(word) ·
    /// vocabulary), its likelihood against the unknown-language model. One hash per word of text.
    private static let wordTable: [UInt64: [(model: Int, score: Double)]] = {
        var table: [UInt64: [(model: Int, score: Double)]] = [:]
        for (index, model) in FunctionWords.models.enumerated() {
            let weights = model.words.indices.map { 1 / (Double($0) + 1 + 2.7) }
            let total = weights.reduce(0, +)
            for (word, weight) in zip(model.words, weights) {
                table[Tokens.hash(of: word), default: []].append((index, log(coverage * weight / total * vocabulary)))
            }
        }
        return table
    }()

    private static func languageLikelihoods(words: [UInt64], script: FunctionWords.Model.Script, letters: CyrillicLetters.Counts) -> [Language: Double] {
        let models = FunctionWords.models
        var listedScore = [Double](repeating: 0, count: models.count)
        var listedCount = [Int](repeating: 0, count: models.count)
        for word in words {
            guard let entries = wordTable[word] else { continue }
            for entry in entries {
                listedScore[entry.model] += entry.score
                listedCount[entry.model] += 1
            }
        }
        let unlisted = log(1 - coverage)
        var candidates: [(language: Language, score: Double)] = []
        for (index, model) in models.enumerated() where model.script == script {
            var score = listedScore[index] + unlisted * Double(words.count - listedCount[index])
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
