public import SteleLanguage
/// The paragraph alignment of two language versions of a text.
///
/// Beads come in document order and cover every paragraph of both sides exactly once, so reading
/// them in turn walks both texts from start to end. Encoded as JSON it is
/// `{"from": "en", "to": "fr", "beads": [{"source": [0], "target": [0], "confidence": 0.98}, …]}`.
public struct ParagraphAlignment: Codable, Hashable, Sendable {
    /// The language of the source paragraphs.
    public var from: Language
    /// The language of the target paragraphs.
    public var to: Language
    /// The beads, in document order.
    public var beads: [AlignmentBead]

    /// An alignment from its beads, which must be in order and cover both sides exactly once.
    public init(from: Language, to: Language, beads: [AlignmentBead]) {
        self.from = from
        self.to = to
        self.beads = beads
    }

    /// Source paragraphs that have no counterpart (in 1-0 beads), in order.
    public var unalignedSource: [Int] { beads.filter { $0.target.isEmpty }.flatMap(\.source) }

    /// Target paragraphs that have no counterpart (in 0-1 beads), in order.
    public var unalignedTarget: [Int] { beads.filter { $0.source.isEmpty }.flatMap(\.target) }

    /// The bead that holds source paragraph `index`, if any.
    public func bead(containingSource index: Int) -> AlignmentBead? {
        beads.first { $0.source.contains(index) }
    }

    /// The bead that holds target paragraph `index`, if any.
    public func bead(containingTarget index: Int) -> AlignmentBead? {
        beads.first { $0.target.contains(index) }
    }
}
