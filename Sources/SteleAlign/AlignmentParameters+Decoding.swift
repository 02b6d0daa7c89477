import SteleLanguage
// Decoding takes every missing field from `AlignmentParameters.calibrated`, so that a parameter
// file names only what it changes; `validate()` then refuses values the aligner cannot work with.

extension AlignmentParameters {
    /// Decodes parameters, taking missing fields from ``calibrated``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let base = AlignmentParameters.calibrated
        beads = try container.decodeIfPresent(BeadPenalties.self, forKey: .beads) ?? base.beads
        length = try container.decodeIfPresent(LengthModel.self, forKey: .length) ?? base.length
        anchors = try container.decodeIfPresent(AnchorModel.self, forKey: .anchors) ?? base.anchors
        confidenceScale = try container.decodeIfPresent(Double.self, forKey: .confidenceScale) ?? base.confidenceScale
        search = try container.decodeIfPresent(SearchLimits.self, forKey: .search) ?? base.search
    }

    /// Checks that every value is finite and in its range; the error names the first field that is not.
    public func validate() throws(InvalidAlignmentParameters) {
        func check(_ value: Double, _ field: String, _ range: ClosedRange<Double>) throws(InvalidAlignmentParameters) {
            guard value.isFinite, range.contains(value) else { throw InvalidAlignmentParameters(field: field, value: "\(value)", expected: "\(range)") }
        }
        let costs = 0.0...1000.0
        try check(beads.merge, "beads.merge", costs)
        try check(beads.doubleMerge, "beads.doubleMerge", costs)
        try check(beads.tripleMerge, "beads.tripleMerge", costs)
        try check(beads.skip, "beads.skip", costs)
        try check(beads.edgeSkip, "beads.edgeSkip", costs)
        for (language, profile) in length.profiles {
            try check(profile.ratio, "length.profiles.\(language.code).ratio", 0.1...10)
            try check(profile.variance, "length.profiles.\(language.code).variance", 0...1000)
        }
        try check(length.minimumVariance, "length.minimumVariance", 0.01...1000)
        try check(length.outlierProbability, "length.outlierProbability", 1e-12...0.5)
        try check(length.cutPenalty, "length.cutPenalty", costs)
        for (field, value) in [("number", anchors.number), ("digit", anchors.digit), ("month", anchors.month),
                               ("percent", anchors.percent), ("quote", anchors.quote),
                               ("questionOrExclamation", anchors.questionOrExclamation), ("colon", anchors.colon),
                               ("parenthesis", anchors.parenthesis), ("bullet", anchors.bullet), ("acronym", anchors.acronym),
                               ("name", anchors.name), ("matchReward", anchors.matchReward),
                               ("mismatchPenalty", anchors.mismatchPenalty)] {
            try check(value, "anchors.\(field)", costs)
        }
        try check(anchors.rarityExponent, "anchors.rarityExponent", 0...10)
        try check(anchors.absentFactor, "anchors.absentFactor", 0...1)
        try check(confidenceScale, "confidenceScale", 1e-6...1000)
        guard search.fullGridCellLimit >= 1 else {
            throw InvalidAlignmentParameters(field: "search.fullGridCellLimit", value: "\(search.fullGridCellLimit)", expected: "at least 1")
        }
        guard (1...100_000).contains(search.bandMargin) else {
            throw InvalidAlignmentParameters(field: "search.bandMargin", value: "\(search.bandMargin)", expected: "1...100000")
        }
    }
}

extension AlignmentParameters.BeadPenalties {
    /// Decodes penalties, taking missing fields from the calibrated ones.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let base = AlignmentParameters.calibrated.beads
        merge = try container.decodeIfPresent(Double.self, forKey: .merge) ?? base.merge
        doubleMerge = try container.decodeIfPresent(Double.self, forKey: .doubleMerge) ?? base.doubleMerge
        tripleMerge = try container.decodeIfPresent(Double.self, forKey: .tripleMerge) ?? base.tripleMerge
        skip = try container.decodeIfPresent(Double.self, forKey: .skip) ?? base.skip
        edgeSkip = try container.decodeIfPresent(Double.self, forKey: .edgeSkip) ?? base.edgeSkip
    }
}

extension AlignmentParameters.LengthModel {
    /// Decodes a length model, taking missing fields (and missing languages) from the calibrated one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let base = AlignmentParameters.calibrated.length
        let decoded = try container.decodeIfPresent([Language: AlignmentParameters.LengthProfile].self, forKey: .profiles) ?? [:]
        profiles = base.profiles.merging(decoded) { _, new in new }
        minimumVariance = try container.decodeIfPresent(Double.self, forKey: .minimumVariance) ?? base.minimumVariance
        outlierProbability = try container.decodeIfPresent(Double.self, forKey: .outlierProbability) ?? base.outlierProbability
        lastParagraphMayBeCut = try container.decodeIfPresent(Bool.self, forKey: .lastParagraphMayBeCut) ?? base.lastParagraphMayBeCut
        cutPenalty = try container.decodeIfPresent(Double.self, forKey: .cutPenalty) ?? base.cutPenalty
    }
}

extension AlignmentParameters.AnchorModel {
    /// Decodes an anchor model, taking missing fields from the calibrated one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let base = AlignmentParameters.calibrated.anchors
        func value(_ key: CodingKeys, _ fallback: Double) throws -> Double {
            try container.decodeIfPresent(Double.self, forKey: key) ?? fallback
        }
        number = try value(.number, base.number)
        digit = try value(.digit, base.digit)
        month = try value(.month, base.month)
        percent = try value(.percent, base.percent)
        quote = try value(.quote, base.quote)
        questionOrExclamation = try value(.questionOrExclamation, base.questionOrExclamation)
        colon = try value(.colon, base.colon)
        parenthesis = try value(.parenthesis, base.parenthesis)
        bullet = try value(.bullet, base.bullet)
        acronym = try value(.acronym, base.acronym)
        name = try value(.name, base.name)
        matchReward = try value(.matchReward, base.matchReward)
        mismatchPenalty = try value(.mismatchPenalty, base.mismatchPenalty)
        absentFactor = try value(.absentFactor, base.absentFactor)
        rarityExponent = try value(.rarityExponent, base.rarityExponent)
    }
}

extension AlignmentParameters.SearchLimits {
    /// Decodes search limits, taking missing fields from the calibrated ones.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let base = AlignmentParameters.calibrated.search
        fullGridCellLimit = try container.decodeIfPresent(Int.self, forKey: .fullGridCellLimit) ?? base.fullGridCellLimit
        bandMargin = try container.decodeIfPresent(Int.self, forKey: .bandMargin) ?? base.bandMargin
    }
}

/// A parameter is out of range or not a number; the message names it.
public struct InvalidAlignmentParameters: Error, CustomStringConvertible, Sendable {
    /// The dotted path of the field, e.g. `beads.skip`.
    public var field: String
    /// The value found.
    public var value: String
    /// What was expected.
    public var expected: String

    /// What is wrong, for people.
    public var description: String { "alignment parameter \(field) is \(value); expected \(expected)" }
}
