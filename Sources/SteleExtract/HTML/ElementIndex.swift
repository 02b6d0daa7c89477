import CLibXML2
import Glibc

/// The elements that title and language-version discovery look at (`a`, `link`, `option`, `base`,
/// `title`, `meta`, `h1`), found in one walk over the whole document instead of one XPath scan each.
struct ElementIndex {
    private(set) var anchors: [xmlNodePtr] = []
    private(set) var links: [xmlNodePtr] = []
    private(set) var options: [xmlNodePtr] = []
    private(set) var bases: [xmlNodePtr] = []
    private(set) var titles: [xmlNodePtr] = []
    private(set) var metas: [xmlNodePtr] = []
    private(set) var firstLevelHeadings: [xmlNodePtr] = []

    /// Walks every top-level node of `document` without recursion.
    init(_ document: HTMLDocument) {
        var topLevel = document.pointer.pointee.children
        while let root = topLevel {
            var node: xmlNodePtr? = root
            while let current = node {
                if current.isElement, let name = current.pointee.name {
                    add(current, name: name)
                    if let child = current.pointee.children {
                        node = child
                        continue
                    }
                }
                node = Self.next(after: current, within: root)
            }
            topLevel = root.pointee.next
        }
    }

    private mutating func add(_ node: xmlNodePtr, name: UnsafePointer<xmlChar>) {
        name.withMemoryRebound(to: CChar.self, capacity: 8) { name in
            switch name[0] {
            case 0x61 where name[1] == 0: anchors.append(node)  // a
            case 0x6C where strcmp(name, "link") == 0: links.append(node)
            case 0x6F where strcmp(name, "option") == 0: options.append(node)
            case 0x62 where strcmp(name, "base") == 0: bases.append(node)
            case 0x74 where strcmp(name, "title") == 0: titles.append(node)
            case 0x6D where strcmp(name, "meta") == 0: metas.append(node)
            case 0x68 where name[1] == 0x31 && name[2] == 0: firstLevelHeadings.append(node)  // h1
            default: break
            }
        }
    }

    /// The node after `node` in document order, skipping its children, without leaving `root`.
    static func next(after node: xmlNodePtr, within root: xmlNodePtr) -> xmlNodePtr? {
        var current = node
        while current != root {
            if let sibling = current.pointee.next { return sibling }
            guard let parent = current.pointee.parent else { return nil }
            current = parent
        }
        return nil
    }
}
