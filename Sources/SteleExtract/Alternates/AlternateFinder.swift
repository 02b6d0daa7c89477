import CLibXML2

/// Finds the addresses of a page's other language versions: by the source's rewrite rules, by
/// `<link rel="alternate" hreflang>`, and by a language switcher.
///
/// A switcher link counts when its `hreflang` or `lang` attribute names a language, or when its
/// text (or `title`, `aria-label`) is a language's name and a link naming another language sits
/// within a few levels of it: a lone link reading "English" or "UK" in a menu is not a switcher.
/// The page's own address is never reported as another version of itself.
struct AlternateFinder {
    let document: HTMLDocument
    /// The page's address, against which `<base href>` and relative links are resolved.
    let pageURL: String?
    let rules: [URLRewriteRule]

    /// How many levels up two switcher links may be apart and still form one switcher.
    static let switcherSpan = 4

    /// Everything found, in order of trust (rewrite, hreflang, switcher), then document order; and the
    /// number of relative links that could not be resolved.
    func find() -> (links: [AlternateLink], unresolved: Int) {
        let base = baseURL
        var links: [AlternateLink] = []
        var unresolved = 0
        func add(_ language: Language, _ href: String, _ via: AlternateLink.Method) {
            guard language != .other else { return }
            switch URLResolver.resolve(href, against: base) {
            case .resolved(let url):
                if let pageURL, URLResolver.withoutFragment(pageURL) == url { return }
                let link = AlternateLink(language: language, url: url, via: via)
                if !links.contains(link) { links.append(link) }
            case .needsBase:
                unresolved += 1
            case .unusable:
                break
            }
        }
        if let pageURL {
            for rule in rules {
                for language in Language.handled {
                    if let url = rule.rewrite(pageURL, to: language) { add(language, url, .rewrite) }
                }
            }
        }
        for (language, href) in hreflangLinks() { add(language, href, .hreflang) }
        for (language, href) in switcherLinks() { add(language, href, .switcher) }
        return (links, unresolved)
    }

    /// `<base href>` resolved against the page's address, else the page's address.
    private var baseURL: String? {
        guard let base = document.select("//base[@href]").elements.first?.attribute("href"),
              case .resolved(let url) = URLResolver.resolve(base, against: pageURL) else { return pageURL }
        return url
    }

    /// `<link rel="alternate" hreflang>` in document order, exact tags (`fr`) before regional ones (`fr-CA`).
    private func hreflangLinks() -> [(Language, String)] {
        var exact: [(Language, String)] = []
        var regional: [(Language, String)] = []
        for link in document.select("//link[@hreflang][@href]").elements {
            let rel = (link.attribute("rel") ?? "").lowercased().split(whereSeparator: { $0.isWhitespace })
            guard rel.contains("alternate"), let tag = link.attribute("hreflang"), let href = link.attribute("href"),
                  let language = Language(tag: tag) else { continue }
            if tag.contains("-") || tag.contains("_") { regional.append((language, href)) } else { exact.append((language, href)) }
        }
        return exact + regional
    }

    private struct Candidate {
        var node: xmlNodePtr
        var language: Language
        var href: String
        var namedByAttribute: Bool
    }

    /// Links and `<option value>`s of a language switcher, in document order.
    private func switcherLinks() -> [(Language, String)] {
        var candidates: [Candidate] = []
        for anchor in document.select("//a[@href]").elements {
            guard let href = anchor.attribute("href") else { continue }
            if let tag = anchor.attribute("hreflang") ?? anchor.attribute("lang"), let language = Language(tag: tag) {
                candidates.append(Candidate(node: anchor, language: language, href: href, namedByAttribute: true))
            } else if let language = namedLanguage(anchor) {
                candidates.append(Candidate(node: anchor, language: language, href: href, namedByAttribute: false))
            }
        }
        for option in document.select("//option[@value]").elements {
            guard let value = option.attribute("value"), value.hasPrefix("/") || value.hasPrefix("http"),
                  let language = option.attribute("lang").flatMap(Language.init(tag:)) ?? namedLanguage(option) else { continue }
            candidates.append(Candidate(node: option, language: language, href: value, namedByAttribute: false))
        }
        return candidates.filter { candidate in
            candidate.namedByAttribute || candidates.contains { other in
                other.language != candidate.language && Self.areNear(candidate.node, other.node)
            }
        }.map { ($0.language, $0.href) }
    }

    private func namedLanguage(_ node: xmlNodePtr) -> Language? {
        if let content = xmlNodeGetContent(node) {
            defer { stele_xml_free(content) }
            if let language = LanguageNames.language(named: String(cString: content)) { return language }
        }
        for attribute in ["title", "aria-label"] {
            if let text = node.attribute(attribute), let language = LanguageNames.language(named: text) { return language }
        }
        return nil
    }

    /// Whether two nodes share an ancestor at most ``switcherSpan`` levels above each.
    private static func areNear(_ first: xmlNodePtr, _ second: xmlNodePtr) -> Bool {
        var ancestors: [xmlNodePtr] = []
        var node = first.pointee.parent
        while let current = node, ancestors.count < switcherSpan {
            ancestors.append(current)
            node = current.pointee.parent
        }
        node = second.pointee.parent
        var level = 0
        while let current = node, level < switcherSpan {
            if ancestors.contains(current) { return true }
            node = current.pointee.parent
            level += 1
        }
        return false
    }
}
