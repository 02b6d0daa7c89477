/// One link of an alignment: source paragraphs that translate into target paragraphs.
///
/// Indices are 0-based positions in the arrays given to ``ParagraphAligner/align(source:target:from:to:)``.
/// Either side may be empty: `[5] ↔ []` is a source paragraph without a translation (a 1-0 bead),
/// `[] ↔ [3]` a target paragraph with no source (0-1). Indices on each side are consecutive.
public struct AlignmentBead: Codable, Hashable, Sendable {
    /// The source paragraphs of this bead, in order (empty for a 0-1 bead).
    public var source: [Int]
    /// The target paragraphs of this bead, in order (empty for a 1-0 bead).
    public var target: [Int]
    /// How sure the aligner is of this bead, in [0, 1]; 0.5 means the best alternative was as good.
    public var confidence: Double

    /// A bead linking `source` to `target` with the given confidence.
    public init(source: [Int], target: [Int], confidence: Double) {
        self.source = source
        self.target = target
        self.confidence = confidence
    }

    /// True for 1-0 and 0-1 beads: a paragraph with no counterpart on the other side.
    public var isUnaligned: Bool { source.isEmpty || target.isEmpty }

    /// The bead's shape as "source count-target count", e.g. `1-1`, `2-1`, `1-0`.
    public var shape: String { "\(source.count)-\(target.count)" }
}
