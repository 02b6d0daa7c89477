import CLibXML2

/// What an element's attributes say: hidden, a link, or page furniture by its `class`, `id` or `role`.
struct ElementTraits {
    /// Whether the element is not rendered (`hidden`, `aria-hidden="true"`, `display:none`,
    /// `visibility:hidden`, or a screen-reader-only class).
    var isHidden = false
    /// Whether it is an `<a>` with an `href`.
    var hasHref = false
    /// Whether `class`, `id` or `role` name navigation, a cookie banner, sharing buttons, ...
    var namesNavigation = false
    /// Whether `class`, `id` or `role` name a page header or footer (furniture unless inside an article).
    var namesSectionEdge = false

    /// Class and id words that mark page furniture, in the spirit of readability's "unlikely candidates".
    private static let navigationWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "menubar", "submenu", "megamenu", "breadcrumb", "breadcrumbs",
        "sidebar", "widget", "widgets", "cookie", "cookies", "consent", "gdpr", "newsletter", "subscribe",
        "subscription", "signup", "login", "share", "sharing", "sharebar", "social", "socials", "related",
        "recommended", "promo", "advert", "advertisement", "ads", "ad", "sponsor", "sponsored", "popup", "modal",
        "skip", "skiplink", "toolbar", "pagination", "pager", "comments", "comment", "disqus", "languages",
        "langswitch", "switcher", "search", "searchbox", "topbar", "utility", "follow",
    ]
    private static let sectionEdgeWords: Set<String> = ["header", "footer", "colophon", "masthead"]
    private static let hiddenWords: Set<String> = ["sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "element-invisible"]
    private static let navigationRoles: Set<String> = [
        "navigation", "complementary", "search", "dialog", "alertdialog", "menu", "menubar", "toolbar", "tablist",
    ]
    private static let sectionEdgeRoles: Set<String> = ["banner", "contentinfo"]

    /// Reads the attributes of `node` once.
    init(_ node: xmlNodePtr) {
        var attribute = node.pointee.properties
        while let current = attribute {
            defer { attribute = current.pointee.next }
            guard let rawName = current.pointee.name else { continue }
            var value: String { current.pointee.children?.pointee.content.map { String(cString: $0) } ?? "" }
            switch String(cString: rawName) {
            case "hidden":
                isHidden = true
            case "aria-hidden":
                if value.lowercased() == "true" { isHidden = true }
            case "style":
                let style = value.lowercased().filter { !$0.isWhitespace }
                if style.contains("display:none") || style.contains("visibility:hidden") { isHidden = true }
            case "href":
                hasHref = true
            case "role":
                let role = value.lowercased()
                if Self.navigationRoles.contains(role) { namesNavigation = true }
                if Self.sectionEdgeRoles.contains(role) { namesSectionEdge = true }
            case "class", "id":
                readNames(value)
            default:
                break
            }
        }
    }

    private mutating func readNames(_ value: String) {
        for name in value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            let lower = name.lowercased()
            if Self.hiddenWords.contains(lower) { isHidden = true }
            for word in Self.words(of: name) {
                if Self.navigationWords.contains(word) { namesNavigation = true }
                if Self.sectionEdgeWords.contains(word) { namesSectionEdge = true }
            }
        }
    }

    /// `main-nav`, `main_nav` and `mainNav` all give `main` and `nav`.
    static func words(of name: Substring) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in name {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
                continue
            }
            if character.isUppercase, previousWasLower, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(contentsOf: character.lowercased())
            previousWasLower = character.isLowercase
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
