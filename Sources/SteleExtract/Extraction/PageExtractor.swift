import CLibXML2
import SteleLanguage
import SteleText

/// Takes the article paragraphs, the title, the language and the other language versions out of an
/// HTML page, with libxml2's HTML parser.
///
/// Safe to use from many threads at once: every call parses its own document, and libxml2's global
/// set-up runs once, before the first parse.
public struct PageExtractor: Sendable {
    /// The source's rule, rewrite rules and limits.
    public var options: ExtractionOptions

    /// An extractor with the given options.
    public init(options: ExtractionOptions = ExtractionOptions()) {
        self.options = options
    }

    /// Extracts `page`. A page without text is not an error: it gives zero paragraphs and a warning.
    public func extract(_ page: HTMLPage) throws(ExtractionError) -> ExtractedPage {
        let decoded = try PageDecoder.decode(page, maxInputBytes: options.maxInputBytes)
        let parsed: HTMLDocument?
        do {
            parsed = try HTMLDocument(utf8: decoded.utf8, url: page.url, attributeLimits: options.attributeLimits)
        } catch {
            throw ExtractionError(page: page.name, kind: .attributeFlood(error))
        }
        guard let document = parsed else { throw ExtractionError(page: page.name, kind: .parserFailed) }
        var warnings = decoded.warnings
        if document.stoppedAtNestingLimit { warnings.append(.nestingTooDeep(limit: HTMLDocument.nestingLimit)) }

        var (paragraphs, body) = ruleParagraphs(document, warnings: &warnings) ?? fallbackParagraphs(document)
        if paragraphs.isEmpty {
            warnings.append(.noText)
            body = .none
        }

        let index = ElementIndex(document)
        let (links, unresolved) = AlternateFinder(index: index, pageURL: page.url, rules: options.rewriteRules).find()
        if unresolved > 0 { warnings.append(.unresolvedLinks(count: unresolved)) }
        var alternates: [Language: AlternateLink] = [:]
        for link in links where alternates[link.language] == nil { alternates[link.language] = link }

        return ExtractedPage(
            title: PageTitle.read(index), paragraphs: paragraphs, language: LanguageIdentifier.identify(paragraphs),
            alternates: alternates, alternateCandidates: links, body: body, charset: decoded.charset,
            charsetSource: decoded.source, warnings: warnings
        )
    }

    /// The paragraphs inside the elements the content rule selects; `nil` (and a warning) when it
    /// selects nothing with text, so that the fallback takes over.
    private func ruleParagraphs(_ document: HTMLDocument, warnings: inout [ExtractionWarning]) -> ([String], ExtractedPage.Body)? {
        guard let rule = options.contentRule else { return nil }
        let (elements, problem) = document.select(rule.xpath)
        // Nested matches (`//div` selects a div and the divs inside it) would repeat text: keep the outermost.
        let selected = Set(elements)
        let outermost = elements.filter { element in
            var ancestor = element.pointee.parent
            while let current = ancestor {
                if selected.contains(current) { return false }
                ancestor = current.pointee.parent
            }
            return true
        }
        var collector = BlockCollector()
        for element in outermost { collector.collect(from: element) }
        let paragraphs = collector.blocks.map(\.text)
        guard paragraphs.isEmpty else { return (paragraphs, .rule(rule.expression)) }
        let reason = problem ?? (elements.isEmpty ? "matched no element" : "matched \(elements.count) element\(elements.count == 1 ? "" : "s") without text")
        warnings.append(.ruleMatchedNothing(rule: rule.expression, reason: reason))
        return nil
    }

    private func fallbackParagraphs(_ document: HTMLDocument) -> ([String], ExtractedPage.Body) {
        // From the root, not <body>: libxml2 leaves text that follows </html> outside the body, where
        // browsers would show it. The <head> contributes nothing either way.
        guard let root = document.rootElement else { return ([], .none) }
        var collector = BlockCollector()
        collector.collect(from: root)
        let choice = ContentFallback.choose(blocks: collector.blocks, containers: collector.containers)
        let paragraphs = choice.blockIndices.map { collector.blocks[$0].text }
        guard let container = choice.container else { return (paragraphs, .wholePage) }
        return (paragraphs, .fallback(element: Self.describe(collector.containers[container].node)))
    }

    /// `section.content`, `div#main.article`: enough to find the element in the page source.
    static func describe(_ element: xmlNodePtr) -> String {
        var description = element.name
        if let id = element.attribute("id"), !id.isEmpty, !id.contains(where: \.isWhitespace) { description += "#" + id }
        let classes = (element.attribute("class") ?? "").split(whereSeparator: \.isWhitespace).prefix(3)
        for name in classes { description += "." + name }
        return description
    }
}
