import CLibXML2

/// Reads a page's title: `<title>` (not an SVG's), else `<meta property="og:title">`.
enum PageTitle {
    static func read(_ document: HTMLDocument) -> String? {
        for element in document.select("(//title[not(ancestor::svg)])[1]").elements {
            if let text = normalisedText(of: element), !text.isEmpty { return text }
        }
        for meta in document.select("//meta[@property='og:title' or @name='og:title' or @name='twitter:title'][@content]").elements {
            if let content = meta.attribute("content") {
                let text = normalised(content)
                if !text.isEmpty { return text }
            }
        }
        return nil
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
