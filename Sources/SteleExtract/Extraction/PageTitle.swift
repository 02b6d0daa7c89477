import CLibXML2

/// Reads a page's title: the first `<title>` that is not an SVG's, else `<meta property="og:title">`
/// (or `twitter:title`). A `<title>` usually carries the site's name as well ("… - NATO",
/// "NATO - News: …, 04-Dec.-2024"); an `<h1>` that is most of it and inside it is the title
/// without that decoration.
enum PageTitle {
    static func read(_ index: ElementIndex) -> String? {
        for element in index.titles where !isInsideSVG(element) {
            if let text = normalisedText(of: element), !text.isEmpty { return withoutDecoration(text, headings: index.firstLevelHeadings) }
            break
        }
        for meta in index.metas {
            let key = meta.attribute("property") ?? meta.attribute("name")
            guard key == "og:title" || key == "twitter:title", let content = meta.attribute("content") else { continue }
            let text = normalised(content)
            if !text.isEmpty { return text }
        }
        return nil
    }

    /// The first `<h1>` that is inside `title` and at least half of it (a logo's "NATO" is not).
    private static func withoutDecoration(_ title: String, headings: [xmlNodePtr]) -> String {
        for heading in headings.prefix(4) where !isInsideSVG(heading) {
            guard let text = normalisedText(of: heading), text.count * 2 >= title.count, text != title, title.contains(text) else { continue }
            return text
        }
        return title
    }

    private static func isInsideSVG(_ element: xmlNodePtr) -> Bool {
        var node = element.pointee.parent
        while let current = node, current.isElement {
            if current.name == "svg" { return true }
            node = current.pointee.parent
        }
        return false
    }

    private static func normalisedText(of element: xmlNodePtr) -> String? {
        guard let content = xmlNodeGetContent(element) else { return nil }
        defer { stele_xml_free(content) }
        var builder = ParagraphBuilder()
        builder.append(content, linked: false, preformatted: false)
        builder.endParagraph()
        return builder.takeFinished().first?.text ?? ""
    }

    private static func normalised(_ text: String) -> String {
        var builder = ParagraphBuilder()
        text.withCString { pointer in
            pointer.withMemoryRebound(to: UInt8.self, capacity: text.utf8.count + 1) { builder.append($0, linked: false, preformatted: false) }
        }
        builder.endParagraph()
        return builder.takeFinished().first?.text ?? ""
    }
}
