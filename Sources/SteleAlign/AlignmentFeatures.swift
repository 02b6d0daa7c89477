#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Both texts reduced to what the cost model reads: each paragraph's length and anchor ids, and
/// one weight per distinct anchor (its kind's weight times its rarity in this pair of texts).
struct AlignmentFeatures: Sendable {
    /// One side's paragraphs, with anchors stored back to back (`anchorOffsets[i]..<anchorOffsets[i + 1]`).
    struct Side: Sendable {
        /// Lengths in characters.
        var lengths: [Double]
        /// Where each paragraph's anchors start in `anchorIDs`; one more entry than paragraphs.
        var anchorOffsets: [Int32]
        /// Anchor ids (indices into the weights), repeated as often as they occur.
        var anchorIDs: [Int32]
        /// How many paragraphs each entry stands for (1, or the size of a block): what skipping it costs.
        var units: [Double]

        /// How many paragraphs.
        var count: Int { lengths.count }

        /// The side with consecutive paragraphs grouped `blockSize` at a time, lengths summed and
        /// anchors pooled: the coarse view for long documents.
        func blocks(of blockSize: Int) -> Side {
            var blocks = Side(lengths: [], anchorOffsets: [0], anchorIDs: [], units: [])
            var start = 0
            while start < count {
                let end = min(count, start + blockSize)
                blocks.lengths.append(lengths[start..<end].reduce(0, +))
                blocks.units.append(units[start..<end].reduce(0, +))
                blocks.anchorIDs.append(contentsOf: anchorIDs[Int(anchorOffsets[start])..<Int(anchorOffsets[end])])
                blocks.anchorOffsets.append(Int32(blocks.anchorIDs.count))
                start = end
            }
            return blocks
        }
    }

    /// The source paragraphs.
    var source: Side
    /// The target paragraphs.
    var target: Side
    /// The weight of each anchor id.
    var weights: [Double]
    /// Per anchor id, whether it occurs in the source text, and in the target text. An anchor
    /// that one side never has (a date only the French page shows) cannot tell pairings apart,
    /// so it costs nothing when unshared.
    var inSource: [Bool]
    var inTarget: [Bool]
    /// For each anchor id, whether it counts once per bead (names, acronyms) rather than per occurrence.
    var presenceOnly: [Bool]

    /// Scans both texts and weighs their anchors.
    init(source: [String], target: [String], anchors model: AlignmentParameters.AnchorModel) {
        var scanner = ParagraphScanner()
        var scannedSource = Self.resolvingNames(source.map { scanner.scan($0) })
        var scannedTarget = Self.resolvingNames(target.map { scanner.scan($0) })
        Self.addLowercaseNames(&scannedSource, &scannedTarget)

        var ids: [UInt64: Int32] = [:]
        var tokens: [UInt64] = []
        var paragraphCounts: [Int32] = []
        var lastParagraph: [Int32] = []
        var paragraphNumber: Int32 = 0
        var present: [Bool] = []
        func side(_ scanned: [ScannedParagraph]) -> Side {
            var side = Side(lengths: [], anchorOffsets: [0], anchorIDs: [], units: [Double](repeating: 1, count: scanned.count))
            side.lengths.reserveCapacity(scanned.count)
            side.anchorOffsets.reserveCapacity(scanned.count + 1)
            for paragraph in scanned {
                paragraphNumber += 1
                side.lengths.append(Double(paragraph.length))
                for token in paragraph.anchors {
                    let id: Int32
                    if let known = ids[token] {
                        id = known
                    } else {
                        id = Int32(tokens.count)
                        ids[token] = id
                        tokens.append(token)
                        paragraphCounts.append(0)
                        present.append(false)
                        lastParagraph.append(0)
                    }
                    present[Int(id)] = true
                    let seen = lastParagraph[Int(id)] == paragraphNumber
                    if !seen {
                        lastParagraph[Int(id)] = paragraphNumber
                        paragraphCounts[Int(id)] += 1
                    }
                    if seen && AnchorKind.of(token).countsPresenceOnly { continue }
                    side.anchorIDs.append(id)
                }
                side.anchorOffsets.append(Int32(side.anchorIDs.count))
            }
            return side
        }
        self.source = side(scannedSource)
        inSource = present
        present = [Bool](repeating: false, count: present.count)
        self.target = side(scannedTarget)
        inTarget = present
        inSource += [Bool](repeating: false, count: present.count - inSource.count)
        weights = zip(tokens, paragraphCounts).map { token, paragraphs in
            let rarity = min(1, pow(2 / Double(paragraphs), model.rarityExponent))
            return model.weight(AnchorKind.of(token)) * rarity
        }
        presenceOnly = tokens.map { AnchorKind.of($0).countsPresenceOnly }
    }

    /// Adds each sentence-initial capitalised word as a name when the same key appears capitalised
    /// inside a sentence elsewhere on this side; the others are ordinary words.
    private static func resolvingNames(_ paragraphs: [ScannedParagraph]) -> [ScannedParagraph] {
        var inner = [Bool](repeating: false, count: NameKey.count)
        for paragraph in paragraphs {
            for token in paragraph.anchors where AnchorKind.of(token) == .name {
                inner[Int(token & 0xFFFF)] = true
            }
        }
        return paragraphs.map { paragraph in
            var resolved = paragraph
            for key in paragraph.sentenceInitialNames {
                if inner[Int(key.rawValue)] {
                    resolved.anchors.append(AnchorKind.name.token(UInt64(key.rawValue)))
                } else if key.hasThreeSounds {
                    resolved.lowercaseKeys.append(key)
                }
            }
            resolved.sentenceInitialNames = []
            return resolved
        }
    }

    /// Adds lowercase words whose key is a name on either side as that name: a name written in
    /// lowercase by the other language is still there.
    private static func addLowercaseNames(_ source: inout [ScannedParagraph], _ target: inout [ScannedParagraph]) {
        var names = [Bool](repeating: false, count: NameKey.count)
        for paragraph in source + target {
            for token in paragraph.anchors where AnchorKind.of(token) == .name {
                names[Int(token & 0xFFFF)] = true
            }
        }
        for index in source.indices {
            for key in source[index].lowercaseKeys where names[Int(key.rawValue)] {
                source[index].anchors.append(AnchorKind.name.token(UInt64(key.rawValue)))
            }
            source[index].lowercaseKeys = []
        }
        for index in target.indices {
            for key in target[index].lowercaseKeys where names[Int(key.rawValue)] {
                target[index].anchors.append(AnchorKind.name.token(UInt64(key.rawValue)))
            }
            target[index].lowercaseKeys = []
        }
    }
}
