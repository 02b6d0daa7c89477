public import SteleLanguage
/// Everything the aligner weighs, calibrated on real NATO releases (see `scripts/align-calibrate`).
///
/// Costs are in nats: a bead's cost is the penalty of its shape, plus how unlikely its lengths are
/// for a translation, plus its anchors (shared anchors lower the cost, unshared ones raise it).
/// Decoding fills any missing field from ``calibrated``, so a file needs to name only what it changes.
public struct AlignmentParameters: Codable, Hashable, Sendable {
    /// Penalties for bead shapes other than 1-1.
    public var beads: BeadPenalties
    /// The length model.
    public var length: LengthModel
    /// The anchor model.
    public var anchors: AnchorModel
    /// How fast confidence rises with the cost margin: confidence is `1 / (1 + exp(-margin / scale))`.
    public var confidenceScale: Double
    /// Limits that keep long documents fast.
    public var search: SearchLimits

    enum CodingKeys: String, CodingKey { case beads, length, anchors, confidenceScale, search }

    /// Parameters from their parts.
    public init(beads: BeadPenalties, length: LengthModel, anchors: AnchorModel, confidenceScale: Double, search: SearchLimits) {
        self.beads = beads
        self.length = length
        self.anchors = anchors
        self.confidenceScale = confidenceScale
        self.search = search
    }

    /// Penalties in nats for each bead shape, on top of its length and anchor costs (1-1 costs 0).
    public struct BeadPenalties: Codable, Hashable, Sendable {
        /// A 1-2 or 2-1 bead (a paragraph split or merged in translation).
        public var merge: Double
        /// A 2-2 bead.
        public var doubleMerge: Double
        /// A 1-3 or 3-1 bead.
        public var tripleMerge: Double
        /// A 1-0 or 0-1 bead, flat: a paragraph without a counterpart (omitted, added, boilerplate).
        public var skip: Double
        /// A 1-0 or 0-1 bead before the other side has started or after it has ended: untranslated
        /// tails and page furniture at the top are common, omissions in the middle are not.
        public var edgeSkip: Double

        enum CodingKeys: String, CodingKey { case merge, doubleMerge, tripleMerge, skip, edgeSkip }

        /// Penalties from their values.
        public init(merge: Double, doubleMerge: Double, tripleMerge: Double, skip: Double, edgeSkip: Double) {
            self.merge = merge
            self.doubleMerge = doubleMerge
            self.tripleMerge = tripleMerge
            self.skip = skip
            self.edgeSkip = edgeSkip
        }
    }

    /// How long a translation is expected to be, after Gale and Church, made robust to outliers.
    public struct LengthModel: Codable, Hashable, Sendable {
        /// Per language: characters per English character, and the variance of that per character.
        public var profiles: [Language: LengthProfile]
        /// The smallest variance per character used for any pair (English to English included).
        public var minimumVariance: Double
        /// The share of translations whose length says nothing (rewritten titles, captions): it caps
        /// the length cost of a bead at about `-log(outlierProbability)`.
        public var outlierProbability: Double
        /// When true, the last paragraph of either side may be read as cut short: texts often are
        /// (a lead-only translation, a teaser, an excerpt), and then the last paragraph is only the
        /// beginning of its translation, of any length.
        public var lastParagraphMayBeCut: Bool
        /// The cost in nats of reading a last paragraph as cut (minus the log of how often texts are cut).
        public var cutPenalty: Double

        enum CodingKeys: String, CodingKey { case profiles, minimumVariance, outlierProbability, lastParagraphMayBeCut, cutPenalty }

        /// A length model from its values.
        public init(profiles: [Language: LengthProfile], minimumVariance: Double, outlierProbability: Double,
                    lastParagraphMayBeCut: Bool, cutPenalty: Double) {
            self.profiles = profiles
            self.minimumVariance = minimumVariance
            self.outlierProbability = outlierProbability
            self.lastParagraphMayBeCut = lastParagraphMayBeCut
            self.cutPenalty = cutPenalty
        }
    }

    /// How long one language's text is compared with English.
    public struct LengthProfile: Codable, Hashable, Sendable {
        /// Characters per English character (French about 1.15: `l’Organisation du Traité…`).
        public var ratio: Double
        /// Variance of the translated length per English character (0 for English itself).
        public var variance: Double

        /// A profile from its values.
        public init(ratio: Double, variance: Double) {
            self.ratio = ratio
            self.variance = variance
        }
    }

    /// The weight of each anchor kind, and how shared and unshared anchors count.
    public struct AnchorModel: Codable, Hashable, Sendable {
        /// A number of two digits or more, or with a fraction (`2017`, `1,000`, `2.5`).
        public var number: Double
        /// A one-digit number: frequent by chance.
        public var digit: Double
        /// A month name.
        public var month: Double
        /// A percentage.
        public var percent: Double
        /// A quotation mark.
        public var quote: Double
        /// `?` or `!`.
        public var questionOrExclamation: Double
        /// `:` outside a time of day.
        public var colon: Double
        /// `(`.
        public var parenthesis: Double
        /// A list bullet or number opening the paragraph.
        public var bullet: Double
        /// An acronym.
        public var acronym: Double
        /// A proper name.
        public var name: Double
        /// Cost removed per unit of weight found on both sides.
        public var matchReward: Double
        /// Cost added per unit of weight found on one side only, when the other text has the anchor elsewhere.
        public var mismatchPenalty: Double
        /// The share of the mismatch penalty paid for an anchor the other text never has (a date
        /// only one page shows): such an anchor tells less about which paragraph is which.
        public var absentFactor: Double
        /// Rarity: an anchor found in `d` paragraphs (both sides) weighs `min(1, (2 / d) ^ exponent)` times its kind's weight.
        public var rarityExponent: Double

        enum CodingKeys: String, CodingKey {
            case number, digit, month, percent, quote, questionOrExclamation, colon, parenthesis, bullet, acronym, name
            case matchReward, mismatchPenalty, absentFactor, rarityExponent
        }

        /// An anchor model from its values.
        public init(number: Double, digit: Double, month: Double, percent: Double, quote: Double, questionOrExclamation: Double,
                    colon: Double, parenthesis: Double, bullet: Double, acronym: Double, name: Double,
                    matchReward: Double, mismatchPenalty: Double, absentFactor: Double, rarityExponent: Double) {
            self.number = number
            self.digit = digit
            self.month = month
            self.percent = percent
            self.quote = quote
            self.questionOrExclamation = questionOrExclamation
            self.colon = colon
            self.parenthesis = parenthesis
            self.bullet = bullet
            self.acronym = acronym
            self.name = name
            self.matchReward = matchReward
            self.mismatchPenalty = mismatchPenalty
            self.absentFactor = absentFactor
            self.rarityExponent = rarityExponent
        }

        /// The weight of an anchor kind.
        func weight(_ kind: AnchorKind) -> Double {
            switch kind {
            case .number: number
            case .digit: digit
            case .month: month
            case .percent: percent
            case .quote: quote
            case .question, .exclamation: questionOrExclamation
            case .colon: colon
            case .parenthesis: parenthesis
            case .bullet: bullet
            case .acronym: acronym
            case .name: name
            }
        }
    }

    /// When to stop searching the whole grid of paragraph pairs.
    public struct SearchLimits: Codable, Hashable, Sendable {
        /// Above this many cells ((source + 1) × (target + 1)) the aligner finds a coarse path on
        /// blocks of paragraphs first and searches only a band around it.
        public var fullGridCellLimit: Int
        /// Paragraphs searched on each side of the coarse path (doubled while the best path touches the band's edge).
        public var bandMargin: Int

        enum CodingKeys: String, CodingKey { case fullGridCellLimit, bandMargin }

        /// Limits from their values.
        public init(fullGridCellLimit: Int, bandMargin: Int) {
            self.fullGridCellLimit = fullGridCellLimit
            self.bandMargin = bandMargin
        }
    }

    /// The expected target length per source character and its variance per character, for a language pair.
    func lengthExpectation(from source: Language, to target: Language) -> (ratio: Double, variance: Double) {
        let from = length.profiles[source] ?? LengthProfile(ratio: 1, variance: length.minimumVariance)
        let to = length.profiles[target] ?? LengthProfile(ratio: 1, variance: length.minimumVariance)
        let ratio = to.ratio / from.ratio
        // Both texts are translations of one meaning: their noises add up, in target characters.
        let variance = to.ratio * (from.variance / from.ratio + to.variance / to.ratio)
        return (ratio, max(length.minimumVariance, variance))
    }
}
