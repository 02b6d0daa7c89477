/// Maps byte strings (lines, words) to small integers so that the diff compares integers.
///
/// Equality is byte equality, as GNU diff has it: two lines that are canonically equivalent
/// Unicode but encoded differently are different lines, and a diff applied to one gives back
/// exactly the bytes of the other.
struct ByteInterner {
    private var slots: [Int32]
    private var slotHashes: [UInt64]
    private var starts: [Int] = []
    private var ends: [Int] = []
    private var mask: Int
    private let bytes: [UInt8]

    /// An interner over `bytes`; ids refer to ranges of it.
    init(bytes: [UInt8], expectedCount: Int) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity <<= 1 }
        slots = Array(repeating: -1, count: capacity)
        slotHashes = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        self.bytes = bytes
    }

    /// How many distinct byte strings were seen.
    var count: Int { starts.count }

    /// The id of `bytes[range]`, the same for every range holding the same bytes.
    mutating func intern(_ range: Range<Int>) -> Int32 {
        if starts.count * 2 >= slots.count { grow() }
        let hash = Self.hash(bytes, range)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 {
                slots[slot] = Int32(starts.count)
                slotHashes[slot] = hash
                starts.append(range.lowerBound)
                ends.append(range.upperBound)
                return Int32(starts.count - 1)
            }
            if slotHashes[slot] == hash && equal(Int(id), range) { return id }
            slot = (slot + 1) & mask
        }
    }

    private func equal(_ id: Int, _ range: Range<Int>) -> Bool {
        let start = starts[id], length = ends[id] - start
        guard length == range.count else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < length {
                if buffer[start + offset] != buffer[range.lowerBound + offset] { return false }
                offset += 1
            }
            return true
        }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        var newSlots = Array(repeating: Int32(-1), count: capacity)
        var newHashes = Array(repeating: UInt64(0), count: capacity)
        let newMask = capacity - 1
        for index in slots.indices where slots[index] >= 0 {
            var slot = Int(truncatingIfNeeded: slotHashes[index]) & newMask
            while newSlots[slot] >= 0 { slot = (slot + 1) & newMask }
            newSlots[slot] = slots[index]
            newHashes[slot] = slotHashes[index]
        }
        slots = newSlots
        slotHashes = newHashes
        mask = newMask
    }

    /// A multiply-and-fold hash over 8-byte words (in the manner of wyhash), with the length mixed
    /// in; equal byte strings hash equally, which is all the table needs.
    private static func hash(_ bytes: [UInt8], _ range: Range<Int>) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(range.count)
            var offset = range.lowerBound
            while offset + 8 <= range.upperBound {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                hash = fold(hash ^ word, 0xA076_1D64_78BD_642F)
                offset += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < range.upperBound {
                tail |= UInt64(raw[offset]) << shift
                shift += 8
                offset += 1
            }
            return fold(hash ^ tail, 0xE703_7ED1_A0B4_28DB)
        }
    }

    /// The high and low halves of the 128-bit product, xored.
    private static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }
}
