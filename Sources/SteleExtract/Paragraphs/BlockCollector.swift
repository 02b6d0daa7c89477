import CLibXML2

/// One paragraph of a page in document order, with what the fallback needs to judge it.
struct TextBlock {
    var text: String
    /// Visible characters (no spaces).
    var characters: Int
    /// Visible characters inside `<a href>`.
    var linkedCharacters: Int
    /// The innermost block element around it, as an index into ``BlockCollector/containers``.
    var container: Int
    /// Whether it sits in page furniture: navigation, a site header or footer, a cookie banner, ...
    var isFurniture: Bool

    var linkDensity: Double { characters == 0 ? 0 : Double(linkedCharacters) / Double(characters) }
}

/// A block element met during the walk, and the range of blocks found inside it.
struct BlockContainer {
    let node: xmlNodePtr
    /// The enclosing block element, or -1.
    let parent: Int
    let depth: Int
    var firstBlock: Int
    var endBlock: Int
}

/// Walks element trees without recursion (an explicit stack, so no page can overflow the thread's
/// stack) and cuts their text into paragraphs: block elements begin and end paragraphs, `<br><br>`
/// splits one, a single `<br>` is a space, and scripts, styles, embedded documents, form controls
/// and hidden elements contribute nothing.
struct BlockCollector {
    private(set) var blocks: [TextBlock] = []
    private(set) var containers: [BlockContainer] = []
    private var builder = ParagraphBuilder()
    private var frames: [Frame] = []

    private struct Frame {
        let node: xmlNodePtr
        let isBlock: Bool
        let container: Int
        let linkDepth: Int
        let preformatted: Bool
        let isFurniture: Bool
        let inContent: Bool
    }

    /// Collects the paragraphs of `root` and everything inside it.
    mutating func collect(from root: xmlNodePtr) {
        var current = root
        var descend = enter(current)
        while true {
            if descend, let child = current.pointee.children {
                current = child
                descend = enter(current)
                continue
            }
            while true {
                if frames.last?.node == current { leave() }
                if current == root {
                    finishParagraph()
                    return
                }
                if let sibling = current.pointee.next {
                    current = sibling
                    descend = enter(current)
                    break
                }
                guard let parent = current.pointee.parent else { return }
                current = parent
            }
        }
    }

    /// Handles the start of a node; returns whether its children are to be visited.
    private mutating func enter(_ node: xmlNodePtr) -> Bool {
        let outer = frames.last
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content {
                builder.append(content, linked: (outer?.linkDepth ?? 0) > 0, preformatted: outer?.preformatted ?? false)
            }
            return false
        case XML_ELEMENT_NODE:
            break
        default:
            return false
        }
        guard let rawName = node.pointee.name else { return false }
        let tag = HTMLTag(name: rawName)
        switch tag {
        case .ignored:
            return false
        case .lineBreak:
            builder.lineBreak()
            return false
        default:
            break
        }
        let traits = ElementTraits(node)
        if traits.isHidden { return false }

        let inContent = (outer?.inContent ?? false) || { if case .block(.content) = tag { return true } else { return false } }()
        var furniture = outer?.isFurniture ?? false
        if traits.namesNavigation { furniture = true }
        if case .block(.navigation) = tag { furniture = true }
        let isEdge: Bool = { if case .block(.sectionEdge) = tag { return true } else { return traits.namesSectionEdge } }()
        if isEdge, !(outer?.inContent ?? false) { furniture = true }

        var container = outer?.container ?? -1
        if tag.isBlock {
            finishParagraph()
            containers.append(BlockContainer(node: node, parent: container, depth: frames.count, firstBlock: blocks.count, endBlock: blocks.count))
            container = containers.count - 1
        }
        let isLink: Bool = { if case .anchor = tag { return traits.hasHref } else { return false } }()
        let preformatted: Bool = { if case .preformatted = tag { return true } else { return outer?.preformatted ?? false } }()
        frames.append(Frame(
            node: node, isBlock: tag.isBlock, container: container, linkDepth: (outer?.linkDepth ?? 0) + (isLink ? 1 : 0),
            preformatted: preformatted, isFurniture: furniture, inContent: inContent
        ))
        return true
    }

    private mutating func leave() {
        let frame = frames.removeLast()
        guard frame.isBlock else { return }
        finishParagraph(furniture: frame.isFurniture, container: frame.container)
        containers[frame.container].endBlock = blocks.count
    }

    /// Ends the paragraph in progress; it belongs to the innermost open block element.
    private mutating func finishParagraph() {
        finishParagraph(furniture: frames.last?.isFurniture ?? false, container: frames.last?.container ?? -1)
    }

    private mutating func finishParagraph(furniture: Bool, container: Int) {
        builder.endParagraph()
        for piece in builder.takeFinished() {
            blocks.append(TextBlock(
                text: piece.text, characters: piece.characters, linkedCharacters: piece.linkedCharacters,
                container: container, isFurniture: furniture
            ))
        }
    }
}
