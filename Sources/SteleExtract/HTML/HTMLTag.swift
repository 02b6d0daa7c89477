import CLibXML2

/// What the walker needs to know about an element name. libxml2's HTML 4 parser lower-cases names
/// and keeps HTML5 elements (`section`, `nav`, ...) under their own names.
enum HTMLTag: Sendable {
    /// Text inside it and around it form separate paragraphs: `p`, `li`, `div`, `td`, ...
    case block(BlockKind)
    /// Text flows through it: `span`, `b`, `a`, unknown and custom elements.
    case inline
    /// `<a>`: inline, and its text counts as link text when it has an `href`.
    case anchor
    /// `<br>`: one is a space, two or more end the paragraph.
    case lineBreak
    /// `<pre>` and `<textarea>`-like text whose newlines are line breaks.
    case preformatted
    /// Never contributes text: scripts, styles, embedded documents, form controls, the head.
    case ignored

    /// Block elements that say something about the text inside them.
    enum BlockKind: Sendable {
        /// `nav`, `aside`, `form`, `menu`, `dialog`: never article text.
        case navigation
        /// `header` and `footer`: a site's banner or footer, unless inside an article or main.
        case sectionEdge
        /// `article` and `main`: the page says the content is here.
        case content
        /// Any other block.
        case plain
    }

    private static let table: [String: HTMLTag] = {
        var table: [String: HTMLTag] = [:]
        let plainBlocks = """
            address blockquote body caption center dd details dir div dl dt fieldset figcaption figure \
            frameset h1 h2 h3 h4 h5 h6 hgroup hr html legend li ol p section summary table tbody td tfoot th \
            thead tr ul
            """
        for name in plainBlocks.split(separator: " ") { table[String(name)] = .block(.plain) }
        for name in ["nav", "aside", "form", "menu", "dialog", "search"] { table[name] = .block(.navigation) }
        for name in ["header", "footer"] { table[name] = .block(.sectionEdge) }
        for name in ["article", "main"] { table[name] = .block(.content) }
        let ignored = """
            script style noscript template svg math iframe frame noframes object embed applet canvas video audio \
            select datalist textarea button input head title meta link base map area noembed
            """
        for name in ignored.split(separator: " ") { table[String(name)] = .ignored }
        table["a"] = .anchor
        table["br"] = .lineBreak
        table["pre"] = .preformatted
        table["listing"] = .preformatted
        table["plaintext"] = .preformatted
        table["xmp"] = .preformatted
        return table
    }()

    /// The kind of an element named `name` (a NUL-terminated, lower-case name from libxml2).
    init(name: UnsafePointer<xmlChar>) {
        let key = String(cString: name)
        self = HTMLTag.table[key] ?? .inline
    }

    /// Whether the element starts and ends paragraphs.
    var isBlock: Bool {
        switch self {
        case .block, .preformatted: true
        default: false
        }
    }
}
