/// Finds the article body of a page without a rule, in the spirit of readability and jusText.
///
/// Each paragraph is judged on its own first: *furniture* when it sits in navigation, a site header
/// or footer, a cookie banner or sharing buttons (by element, `role`, `class` or `id`), or when more
/// than half of its text is link text (menus, link lists, teasers); *good* when it has at least
/// ``goodLength`` visible characters and at most a third of them in links; *neutral* otherwise
/// (dates, captions, one-line labels). Every block element then scores the good text inside it minus
/// the furniture text inside it; the best-scoring element, the deepest one on a tie, is the core of
/// the body. The body then grows outwards through enclosing elements as long as they add no
/// furniture (so a title, a date line or a caption beside the core comes along) but never to
/// `<body>` itself. Its paragraphs, less any furniture inside it, are the page's paragraphs.
enum ContentFallback {
    /// A paragraph shorter than this is neither good nor bad on its own.
    static let goodLength = 40

    /// Which blocks are the article body, and the element they were found in (`nil` when the page
    /// had no good paragraph anywhere and every non-furniture paragraph was kept).
    struct Choice {
        var blockIndices: [Int]
        var container: Int?
    }

    static func choose(blocks: [TextBlock], containers: [BlockContainer]) -> Choice {
        let furniture = blocks.map { $0.isFurniture || ($0.characters > 0 && $0.linkDensity > 0.5) }
        var goodPrefix = [0]
        var badPrefix = [0]
        goodPrefix.reserveCapacity(blocks.count + 1)
        badPrefix.reserveCapacity(blocks.count + 1)
        for (index, block) in blocks.enumerated() {
            let good = !furniture[index] && block.characters >= goodLength && block.linkDensity <= 1.0 / 3.0
            goodPrefix.append(goodPrefix[index] + (good ? block.characters - block.linkedCharacters : 0))
            badPrefix.append(badPrefix[index] + (furniture[index] ? max(block.characters, 1) : 0))
        }
        func good(_ container: BlockContainer) -> Int { goodPrefix[container.endBlock] - goodPrefix[container.firstBlock] }
        func bad(_ container: BlockContainer) -> Int { badPrefix[container.endBlock] - badPrefix[container.firstBlock] }

        var best: Int?
        var bestScore = 0
        for (index, container) in containers.enumerated() {
            let score = good(container) - bad(container)
            if score > bestScore || (score == bestScore && best != nil && container.depth > containers[best!].depth) {
                best = index
                bestScore = score
            }
        }
        guard var chosen = best else {
            return Choice(blockIndices: blocks.indices.filter { !furniture[$0] }, container: nil)
        }
        while containers[chosen].parent >= 0 {
            let parent = containers[chosen].parent
            let name = containers[parent].node.name
            guard name != "body", name != "html", bad(containers[parent]) == bad(containers[chosen]) else { break }
            chosen = parent
        }
        let range = containers[chosen].firstBlock..<containers[chosen].endBlock
        return Choice(blockIndices: range.filter { !furniture[$0] }, container: chosen)
    }
}
