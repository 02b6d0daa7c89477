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
        /// Anchor ids (indices into the weights), repeated as often as they occur, in order of position.
        var anchorIDs: [Int32]
        /// Where each anchor starts in its paragraph, as a share of the paragraph's length.
        var anchorPositions: [Float]
        /// How many paragraphs each entry stands for (1, or the size of a block): what skipping it costs.
        var units: [Double]

        /// How many paragraphs.
        var count: Int { lengths.count }

        /// The side with consecutive paragraphs grouped `blockSize` at a time, lengths summed and
        /// anchors pooled: the coarse view for long documents.
        func blocks(of blockSize: Int) -> Side {
            var blocks = Side(lengths: [], anchorOffsets: [0], anchorIDs: [], anchorPositions: [], units: [])
            var start = 0
            while start < count {
                let end = min(count, start + blockSize)
                blocks.lengths.append(lengths[start..<end].reduce(0, +))
                blocks.units.append(units[start..<end].reduce(0, +))
                blocks.anchorIDs.append(contentsOf: anchorIDs[Int(anchorOffsets[start])..<Int(anchorOffsets[end])])
                blocks.anchorPositions.append(contentsOf: anchorPositions[Int(anchorOffsets[start])..<Int(anchorOffsets[end])])
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
        let scanner = ParagraphScanner()
        var scannedSource = ScannedSide(), scannedTarget = ScannedSide()
        for text in source { scanner.scan(text, into: &scannedSource) }
        for text in target { scanner.scan(text, into: &scannedTarget) }
        let extras = Self.names(from: &scannedSource, &scannedTarget)

        var ids: [UInt64: Int32] = [:]
        var tokens: [UInt64] = []
        var paragraphCounts: [Int32] = []
        var lastParagraph: [Int32] = []
        var lastPosition: [Int32] = []
        var present: [Bool] = []
        var paragraphNumber: Int32 = 0
        func side(_ scanned: ScannedSide, extras: [ExtraName]) -> Side {
            let count = scanned.lengths.count
            var side = Side(lengths: scanned.lengths, anchorOffsets: [0], anchorIDs: [], anchorPositions: [],
                            units: [Double](repeating: 1, count: count))
            side.anchorOffsets.reserveCapacity(count + 1)
            side.anchorIDs.reserveCapacity(scanned.tokens.count + extras.count)
            side.anchorPositions.reserveCapacity(scanned.tokens.count + extras.count)
            var extra = 0
            func take(_ token: UInt64, _ position: Float) {
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
                    lastPosition.append(0)
                }
                present[Int(id)] = true
                if lastParagraph[Int(id)] == paragraphNumber {
                    // Names count once per paragraph, where they first occur.
                    if AnchorKind.of(token).countsPresenceOnly {
                        let first = Int(lastPosition[Int(id)])
                        side.anchorPositions[first] = min(side.anchorPositions[first], position)
                        return
                    }
                } else {
                    lastParagraph[Int(id)] = paragraphNumber
                    lastPosition[Int(id)] = Int32(side.anchorIDs.count)
                    paragraphCounts[Int(id)] += 1
                }
                side.anchorIDs.append(id)
                side.anchorPositions.append(position)
            }
            for paragraph in 0..<count {
                paragraphNumber += 1
                for index in Int(scanned.offsets[paragraph])..<Int(scanned.offsets[paragraph + 1]) {
                    take(scanned.tokens[index], scanned.positions[index])
                }
                while extra < extras.count && extras[extra].paragraph == paragraph {
                    take(extras[extra].token, extras[extra].position)
                    extra += 1
                }
                side.anchorOffsets.append(Int32(side.anchorIDs.count))
            }
            return side
        }
        self.source = side(scannedSource, extras: extras.source)
        inSource = present
        present = [Bool](repeating: false, count: present.count)
        self.target = side(scannedTarget, extras: extras.target)
        inTarget = present
        inSource += [Bool](repeating: false, count: present.count - inSource.count)
        weights = zip(tokens, paragraphCounts).map { token, paragraphs in
            let rarity = min(1, pow(2 / Double(paragraphs), model.rarityExponent))
            return model.weight(AnchorKind.of(token)) * rarity
        }
        presenceOnly = tokens.map { AnchorKind.of($0).countsPresenceOnly }
    }

    /// The name tokens the candidates turn out to be, per side and in paragraph order:
    /// - a capitalised word opening a sentence is a name when the same key appears capitalised
    ///   inside a sentence somewhere on its side (`Finland and Sweden …` yes, `During the visit …` no);
    /// - a long lowercase word is a name when its key is a name on either side: French and
    ///   Ukrainian write titles in lowercase (`secrétaire général`, `міністр`).
    private static func names(from source: inout ScannedSide, _ target: inout ScannedSide)
        -> (source: [ExtraName], target: [ExtraName]) {
        func innerNames(_ side: ScannedSide) -> [Bool] {
            var names = [Bool](repeating: false, count: NameKey.count)
            for token in side.tokens where AnchorKind.of(token) == .name { names[Int(token & 0xFFFF)] = true }
            return names
        }
        func resolve(_ side: inout ScannedSide, _ inner: [Bool], into names: inout [Bool]) {
            for index in side.candidates.indices where side.candidates[index].opensSentence {
                let key = Int(side.candidates[index].key.rawValue)
                if inner[key] { names[key] = true } else { side.candidates[index].opensSentence = false }
            }
        }
        var names = innerNames(source)
        for (key, isName) in innerNames(target).enumerated() where isName { names[key] = true }
        let sourceInner = innerNames(source), targetInner = innerNames(target)
        resolve(&source, sourceInner, into: &names)
        resolve(&target, targetInner, into: &names)
        func tokens(_ side: ScannedSide, inner: [Bool]) -> [ExtraName] {
            side.candidates.compactMap { candidate in
                let key = Int(candidate.key.rawValue)
                let isName = candidate.opensSentence ? inner[key] : candidate.key.hasThreeSounds && names[key]
                return isName ? ExtraName(paragraph: candidate.paragraph, token: AnchorKind.name.token(UInt64(key)), position: candidate.position) : nil
            }
        }
        return (tokens(source, inner: sourceInner), tokens(target, inner: targetInner))
    }

    /// A name found among the candidates, to add to its paragraph's anchors.
    private struct ExtraName {
        var paragraph: Int32
        var token: UInt64
        var position: Float
    }
}
