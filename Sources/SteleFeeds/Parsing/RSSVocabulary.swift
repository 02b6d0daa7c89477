/// RSS 0.90 to 2.0 and RSS 1.0 (RDF), with the Dublin Core, content, syndication and Atom elements
/// feeds add to them.
final class RSSVocabulary: FeedVocabulary {
    private enum Field {
        case channelTitle, channelLink, channelLanguage, timeToLive, updatePeriod, updateFrequency
        case title, link, guid, description, content, published, dublinCoreDate, updated, language
    }

    private var channelDepth: Int?
    private var itemDepth: Int?
    private var item: ItemDraft?
    private var field: (kind: Field, depth: Int, scope: XMLScope, line: Int)?
    private var content: String?
    private var dublinCoreDate: DateDraft?

    func start(_ element: XMLElementStart, depth: Int, scope: XMLScope, reader: XMLFeedReader) {
        guard depth > 1 else { return }
        if itemDepth == nil, element.name == "item", element.namespace.isRSS {
            itemDepth = depth
            var item = ItemDraft(line: reader.parser.line)
            item.id = element.attribute("about", in: .rdf).flatMap(FeedText.nonEmpty)
            item.language = scope.language
            self.item = item
            content = nil
            dublinCoreDate = nil
        } else if channelDepth == nil, itemDepth == nil, element.name == "channel", element.namespace.isRSS {
            channelDepth = depth
            if element.namespace == .rss090 { reader.update { $0.format = .rss09x } }
            if let language = scope.language { reader.update { $0.language = $0.language ?? language } }
        } else if let itemDepth, depth == itemDepth + 1 {
            if element.is("link", in: .atom) {
                addAtomLink(element, scope: scope)
            } else if let kind = Self.itemField(element) {
                field = (kind, depth, scope, reader.parser.line)
                reader.capture(depth: depth)
            }
        } else if let channelDepth, itemDepth == nil, depth == channelDepth + 1, let kind = Self.channelField(element) {
            field = (kind, depth, scope, reader.parser.line)
            reader.capture(depth: depth)
        }
    }

    func end(depth: Int, reader: XMLFeedReader) {
        if let field, field.depth == depth {
            self.field = nil
            apply(field.kind, text: reader.capturedText(), scope: field.scope, line: field.line, reader: reader)
        } else if depth == itemDepth, var item {
            if item.summary == nil { item.summary = content }
            if item.published == nil { item.published = dublinCoreDate }
            itemDepth = nil
            self.item = nil
            reader.add(item)
        } else if depth == channelDepth {
            channelDepth = nil
        }
    }

    private func apply(_ kind: Field, text: String, scope: XMLScope, line: Int, reader: XMLFeedReader) {
        switch kind {
        case .channelTitle: reader.update { $0.title = FeedText.title(text) }
        case .channelLink: reader.update { $0.link = FeedText.reference(text, scope: scope) ?? $0.link }
        case .channelLanguage: reader.update { $0.language = FeedText.language(text) ?? $0.language }
        case .timeToLive: reader.update { $0.hints.timeToLiveMinutes = Int(text.trimmingWhitespace()).flatMap { $0 >= 0 ? $0 : nil } }
        case .updatePeriod: reader.update { $0.hints.updatePeriod = FeedHints.UpdatePeriod(rawValue: text.trimmingWhitespace().lowercased()) }
        case .updateFrequency: reader.update { $0.hints.updateFrequency = Int(text.trimmingWhitespace()).flatMap { $0 > 0 ? $0 : nil } }
        case .title: item?.title = FeedText.title(text)
        case .link: if let link = FeedText.reference(text, scope: scope) { item?.link = link }
        case .guid: if let id = FeedText.nonEmpty(text) { item?.id = id }
        case .description: item?.summary = FeedText.html(text)
        case .content: content = FeedText.html(text)
        case .published: item?.published = FeedText.date(text, element: "pubDate", line: line)
        case .dublinCoreDate: dublinCoreDate = dublinCoreDate ?? FeedText.date(text, element: "dc:date", line: line)
        case .updated: item?.updated = FeedText.date(text, element: "updated", line: line)
        case .language: if let language = FeedText.language(text) { item?.language = language }
        }
    }

    /// `<atom:link>` in an RSS item: another language version when it has a `hreflang`, else the link.
    private func addAtomLink(_ element: XMLElementStart, scope: XMLScope) {
        guard (element.attribute("rel") ?? "alternate") == "alternate", let href = element.attribute("href"),
              let reference = FeedText.reference(href, scope: scope) else { return }
        if let language = element.attribute("hreflang").flatMap(FeedText.language) {
            item?.alternates.append((language, reference))
        } else if item?.link == nil {
            item?.link = reference
        }
    }

    private static func itemField(_ element: XMLElementStart) -> Field? {
        switch (element.name, element.namespace) {
        case ("title", let namespace) where namespace.isRSS: .title
        case ("link", let namespace) where namespace.isRSS: .link
        case ("guid", let namespace) where namespace.isRSS: .guid
        case ("description", let namespace) where namespace.isRSS: .description
        case ("pubDate", let namespace) where namespace.isRSS: .published
        case ("encoded", .content): .content
        case ("date", .dublinCore), ("issued", .dublinCoreTerms), ("created", .dublinCoreTerms): .dublinCoreDate
        case ("modified", .dublinCoreTerms), ("updated", .atom): .updated
        case ("language", .dublinCore): .language
        default: nil
        }
    }

    private static func channelField(_ element: XMLElementStart) -> Field? {
        switch (element.name, element.namespace) {
        case ("title", let namespace) where namespace.isRSS: .channelTitle
        case ("link", let namespace) where namespace.isRSS: .channelLink
        case ("language", let namespace) where namespace.isRSS: .channelLanguage
        case ("language", .dublinCore): .channelLanguage
        case ("ttl", .none): .timeToLive
        case ("updatePeriod", .syndication): .updatePeriod
        case ("updateFrequency", .syndication): .updateFrequency
        default: nil
        }
    }
}
