extension AlignmentParameters {
    /// The parameters fitted by `scripts/align-calibrate` on the NATO corpus and its synthetic
    /// perturbations (omissions, splits, merges, untranslated tails, cut texts, swapped boilerplate).
    public static let calibrated = AlignmentParameters(
        beads: BeadPenalties(merge: 4.0, doubleMerge: 9.3, tripleMerge: 9.3, skip: 2.2, edgeSkip: 1.5),
        length: LengthModel(
            profiles: [
                .english: LengthProfile(ratio: 1.0, variance: 0),
                .french: LengthProfile(ratio: 1.15, variance: 6.0),
                .ukrainian: LengthProfile(ratio: 1.0, variance: 2.0),
            ],
            minimumVariance: 1.0,
            outlierProbability: 0.005,
            lastParagraphMayBeCut: true,
            cutPenalty: 1.2
        ),
        anchors: AnchorModel(
            number: 2.7, digit: 0.5, month: 1.0, percent: 1.5, quote: 0.5, questionOrExclamation: 1.0,
            colon: 0.5, parenthesis: 0.7, bullet: 1.0, acronym: 2.0, name: 1.5,
            matchReward: 1.0, mismatchPenalty: 0.7, absentFactor: 0.3, rarityExponent: 0.75
        ),
        confidenceScale: 2.0,
        search: SearchLimits(fullGridCellLimit: 1_000_000, bandMargin: 16)
    )
}
