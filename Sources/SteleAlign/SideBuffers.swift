/// One side's paragraphs as plain buffers for the cost model, which reads them for every cell.
final class SideBuffers {
    /// Paragraphs (or blocks of paragraphs).
    let count: Int
    /// `prefix[i]` is the length of paragraphs `0..<i`.
    let prefix: UnsafeMutableBufferPointer<Double>
    /// Paragraphs each entry stands for.
    let units: UnsafeMutableBufferPointer<Double>
    /// Anchors: paragraph i's are `ids[offsets[i]..<offsets[i + 1]]`, with their positions as
    /// shares of the paragraph.
    let offsets: UnsafeMutableBufferPointer<Int32>
    let ids: UnsafeMutableBufferPointer<Int32>
    let positions: UnsafeMutableBufferPointer<Float>
    /// Per anchor id, whether the other text has it too.
    let isShared: UnsafeMutableBufferPointer<Bool>

    /// The buffers of `side`, whose counterpart text has the anchors marked in `otherHas`.
    init(_ side: AlignmentFeatures.Side, otherHas: [Bool]) {
        var sums = [0.0]
        sums.reserveCapacity(side.count + 1)
        for length in side.lengths { sums.append(sums[sums.count - 1] + length) }
        count = side.count
        prefix = Self.copy(sums)
        units = Self.copy(side.units)
        offsets = Self.copy(side.anchorOffsets)
        ids = Self.copy(side.anchorIDs)
        positions = Self.copy(side.anchorPositions)
        isShared = Self.copy(otherHas)
    }

    deinit {
        prefix.deallocate()
        units.deallocate()
        offsets.deallocate()
        ids.deallocate()
        positions.deallocate()
        isShared.deallocate()
    }

    private static func copy<Element>(_ array: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(1, array.count))
        _ = buffer.initialize(from: array)
        return buffer
    }
}
