/// The eight bead shapes the search considers, by how many paragraphs they take from each side.
enum BeadShape: Int, CaseIterable, Sendable {
    case oneOne, oneTwo, oneThree, twoOne, twoTwo, threeOne, oneZero, zeroOne

    /// Source paragraphs taken.
    var sourceCount: Int { Self.sourceCounts[rawValue] }
    /// Target paragraphs taken.
    var targetCount: Int { Self.targetCounts[rawValue] }

    /// Source paragraphs taken, by raw value (for hot loops).
    static let sourceCounts = [1, 1, 1, 2, 2, 3, 1, 0]
    /// Target paragraphs taken, by raw value (for hot loops).
    static let targetCounts = [1, 2, 3, 1, 2, 1, 0, 1]
    /// How many shapes there are.
    static let count = 8

    /// The penalty of this shape.
    func penalty(_ beads: AlignmentParameters.BeadPenalties) -> Double {
        switch self {
        case .oneOne: 0
        case .oneTwo, .twoOne: beads.merge
        case .twoTwo: beads.doubleMerge
        case .oneThree, .threeOne: beads.tripleMerge
        case .oneZero, .zeroOne: beads.skip
        }
    }
}
