extension AlignmentParameters {
    /// The parameters fitted by `scripts/align-calibrate` on the NATO corpus and its synthetic
    /// perturbations (omissions, splits, merges, untranslated tails, cut texts, swapped boilerplate).
    public static let calibrated = AlignmentParameters(
        beads: BeadPenalties(merge: 4.0, doubleMerge: 7.0, tripleMerge: 7.0, skip: 3.0),
        length: LengthModel(
            profiles: [
                .english: LengthProfile(ratio: 1.0, variance: 0),
                .french: LengthProfile(ratio: 1.15, variance: 3.0),
                .ukrainian: LengthProfile(ratio: 1.0, variance: 4.0),
            ],
            minimumVariance: 1.0,
            outlierProbability: 0.01,
            lastParagraphMayBeCut: true
        ),
        anchors: AnchorModel(
            number: 2.0, digit: 0.5, month: 1.0, percent: 1.5, quote: 0.5, questionOrExclamation: 1.0,
            colon: 0.5, parenthesis: 0.7, bullet: 1.0, acronym: 1.0, name: 1.5,
            matchReward: 1.0, mismatchPenalty: 0.7, rarityExponent: 1.0
        ),
        confidenceScale: 2.0,
        search: SearchLimits(fullGridCellLimit: 1_000_000, bandMargin: 16)
    )
}
