import SteleLanguage
extension AlignmentParameters {
    /// The parameters fitted by `scripts/align-calibrate` on the NATO corpus and its synthetic
    /// perturbations (omissions, splits, merges, moved sentences, untranslated tails, cut texts,
    /// boilerplate left in English or with other dates, page furniture).
    public static let calibrated = AlignmentParameters(
        beads: BeadPenalties(merge: 3.0, doubleMerge: 6.3, tripleMerge: 4.7, skip: 2.2, edgeSkip: 1.1),
        length: LengthModel(
            profiles: [
                .en: LengthProfile(ratio: 1.0, variance: 0),
                .fr: LengthProfile(ratio: 1.15, variance: 11.0),
                .uk: LengthProfile(ratio: 1.0, variance: 1.5),
            ],
            minimumVariance: 1.0,
            outlierProbability: 0.005,
            lastParagraphMayBeCut: true,
            cutPenalty: 0.6
        ),
        anchors: AnchorModel(
            number: 0.7, digit: 0.5, month: 2.0, percent: 1.5, quote: 0.5, questionOrExclamation: 1.0,
            colon: 0.5, parenthesis: 0.7, bullet: 0.65, acronym: 2.7, name: 1.5,
            matchReward: 1.0, mismatchPenalty: 0.7, absentFactor: 0.15, rarityExponent: 0.75
        ),
        confidenceScale: 0.72,
        search: SearchLimits(fullGridCellLimit: 1_000_000, bandMargin: 16)
    )
}
