/// Atom 1.0 (RFC 4287): `<feed>` and its `<entry>` elements, with `rel="alternate"` links whose
/// `hreflang` names another language version.
final class AtomVocabulary: FeedVocabulary {
    private enum Field {
        case feedTitle
        case id, title, published, updated, summary, content
    }

    private var entryDepth: Int?
    private var entry: ItemDraft?
    private var field: (kind: Field, depth: Int, type: String?, line: Int)?
    private var content: String?

    func start(_ element: XMLElementStart, depth: Int, scope: XMLScope, reader: XMLFeedReader) {
        if depth == 1 {
            reader.update { $0.language = scope.language.flatMap(FeedText.language) }
        } else if depth == 2, element.is("entry", in: .atom) {
            entryDepth = depth
            var entry = ItemDraft(line: reader.parser.line)
            entry.language = scope.language.flatMap(FeedText.language)
            self.entry = entry
            content = nil
        } else if depth == 2, element.namespace == .atom {
            if element.name == "link" {
                guard Self.isAlternate(element), let href = element.attribute("href") else { return }
                reader.update { $0.link = $0.link ?? FeedText.reference(href, scope: scope) }
            } else if element.name == "title" {
                begin(.feedTitle, element, depth: depth, reader: reader)
            }
        } else if let entryDepth, depth == entryDepth + 1, element.namespace == .atom {
            switch element.name {
            case "link": addLink(element, scope: scope)
            case "id": begin(.id, element, depth: depth, reader: reader)
            case "title": begin(.title, element, depth: depth, reader: reader)
            case "published": begin(.published, element, depth: depth, reader: reader)
            case "updated": begin(.updated, element, depth: depth, reader: reader)
            case "summary": begin(.summary, element, depth: depth, reader: reader)
            case "content": begin(.content, element, depth: depth, reader: reader)
            default: break
            }
        }
    }

    func end(depth: Int, reader: XMLFeedReader) {
        if let field, field.depth == depth {
            self.field = nil
            let text = reader.capturedText()
            switch field.kind {
            case .feedTitle: reader.update { $0.title = FeedText.atomText(text, type: field.type) }
            case .id: entry?.id = FeedText.nonEmpty(text)
            case .title: entry?.title = FeedText.atomText(text, type: field.type)
            case .published: entry?.published = FeedText.date(text, element: "published", line: field.line)
            case .updated: entry?.updated = FeedText.date(text, element: "updated", line: field.line)
            case .summary: entry?.summary = FeedText.atomText(text, type: field.type)
            case .content: content = FeedText.atomText(text, type: field.type)
            }
        } else if depth == entryDepth, var entry {
            if entry.summary == nil { entry.summary = content }
            if entry.link == nil {
                // Only language-tagged alternates: the one in the entry's own language stands for it.
                entry.link = (entry.alternates.first { $0.language == entry.language } ?? entry.alternates.first)?.reference
            }
            entryDepth = nil
            self.entry = nil
            reader.add(entry)
        }
    }

    private func begin(_ kind: Field, _ element: XMLElementStart, depth: Int, reader: XMLFeedReader) {
        field = (kind, depth, element.attribute("type"), reader.parser.line)
        reader.capture(depth: depth)
    }

    private func addLink(_ element: XMLElementStart, scope: XMLScope) {
        guard Self.isAlternate(element), let href = element.attribute("href"),
              let reference = FeedText.reference(href, scope: scope) else { return }
        if let language = element.attribute("hreflang").flatMap(FeedText.language) {
            entry?.alternates.append((language, reference))
        } else if entry?.link == nil {
            entry?.link = reference
        }
    }

    /// RFC 4287 §4.2.7.2: a link without `rel` is an alternate.
    private static func isAlternate(_ element: XMLElementStart) -> Bool {
        let rel = element.attribute("rel")?.trimmingWhitespace() ?? "alternate"
        return rel == "alternate" || rel == "http://www.iana.org/assignments/relation/alternate"
    }
}
