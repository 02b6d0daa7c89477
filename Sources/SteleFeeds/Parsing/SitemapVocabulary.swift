/// The sitemaps.org protocol: `<urlset>` of `<url>` (with `xhtml:link rel="alternate" hreflang`
/// language versions and Google News titles and dates) and `<sitemapindex>` of `<sitemap>`.
final class SitemapVocabulary: FeedVocabulary {
    private enum Field {
        case location, lastModified, newsTitle, newsDate, newsLanguage
    }

    private var entryDepth: Int?
    private var entry: ItemDraft?
    private var field: (kind: Field, depth: Int, scope: XMLScope, line: Int)?

    func start(_ element: XMLElementStart, depth: Int, scope: XMLScope, reader: XMLFeedReader) {
        let isSitemapElement = element.namespace == .sitemap || element.namespace == .none
        if depth == 2 {
            guard isSitemapElement, element.name == "url" || element.name == "sitemap" else { return }
            entryDepth = depth
            entry = ItemDraft(line: reader.parser.line)
        } else if let entryDepth, depth == entryDepth + 1, isSitemapElement {
            switch element.name {
            case "loc": begin(.location, depth: depth, scope: scope, reader: reader)
            case "lastmod": begin(.lastModified, depth: depth, scope: scope, reader: reader)
            default: break
            }
        } else if let entryDepth, depth == entryDepth + 1, element.is("link", in: .xhtml) {
            guard element.attribute("rel")?.trimmingWhitespace() == "alternate",
                  let language = element.attribute("hreflang").flatMap(FeedText.language),
                  let reference = element.attribute("href").flatMap({ FeedText.reference($0, scope: scope) }) else { return }
            entry?.alternates.append((language, reference))
        } else if entryDepth != nil, element.namespace == .googleNews {
            switch element.name {
            case "title": begin(.newsTitle, depth: depth, scope: scope, reader: reader)
            case "publication_date": begin(.newsDate, depth: depth, scope: scope, reader: reader)
            case "language": begin(.newsLanguage, depth: depth, scope: scope, reader: reader)
            default: break
            }
        }
    }

    func end(depth: Int, reader: XMLFeedReader) {
        if let field, field.depth == depth {
            self.field = nil
            let text = reader.capturedText()
            switch field.kind {
            case .location:
                entry?.link = FeedText.reference(text, scope: field.scope)
            case .lastModified: entry?.updated = FeedText.date(text, element: "lastmod", line: field.line)
            case .newsTitle: entry?.title = FeedText.plain(text)
            case .newsDate: entry?.published = FeedText.date(text, element: "news:publication_date", line: field.line)
            case .newsLanguage: entry?.language = FeedText.language(text)
            }
        } else if depth == entryDepth, let entry {
            entryDepth = nil
            self.entry = nil
            reader.add(entry)
        }
    }

    private func begin(_ kind: Field, depth: Int, scope: XMLScope, reader: XMLFeedReader) {
        field = (kind, depth, scope, reader.parser.line)
        reader.capture(depth: depth)
    }
}
