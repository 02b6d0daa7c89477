import CLibXML2
import SteleLanguage

/// Finds the addresses of a page's other language versions: by the source's rewrite rules, by
/// `<link rel="alternate" hreflang>`, and by a language switcher.
///
/// A switcher link counts when its `hreflang` or `lang` attribute names a language, or when its
/// text (or `title`, `aria-label`) names one and a link naming another language sits within a few
/// levels of it. A bare code (`EN`, `FR`, `UK`, `UA`) counts only when every link around it names a
/// language (`EN | FR | UA`): a link reading "UK" in a menu is about the country.
/// The page's own address is never reported as another version of itself.
struct AlternateFinder {
    let index: ElementIndex
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
        guard let base = index.bases.lazy.compactMap({ $0.attribute("href") }).first,
              case .resolved(let url) = URLResolver.resolve(base, against: pageURL) else { return pageURL }
        return url
    }

    /// `<link rel="alternate" hreflang>` in document order, exact tags (`fr`) before regional ones (`fr-CA`).
    private func hreflangLinks() -> [(Language, String)] {
        var exact: [(Language, String)] = []
        var regional: [(Language, String)] = []
        for link in index.links {
            let rel = (link.attribute("rel") ?? "").lowercased().split(whereSeparator: { $0.isWhitespace })
            guard rel.contains("alternate"), let tag = link.attribute("hreflang"), let href = link.attribute("href"),
                  let language = Language(tag: tag) else { continue }
            if tag.contains("-") || tag.contains("_") { regional.append((language, href)) } else { exact.append((language, href)) }
        }
        return exact + regional
    }

    private struct Candidate {
        enum Naming { case attribute, name, code }
        var node: xmlNodePtr
        var language: Language
        var href: String
        var naming: Naming
    }

    /// Links and `<option value>`s of a language switcher, in document order.
    private func switcherLinks() -> [(Language, String)] {
        var candidates: [Candidate] = []
        for anchor in index.anchors {
            guard let href = anchor.attribute("href") else { continue }
            if let tag = anchor.attribute("hreflang") ?? anchor.attribute("lang"), let language = Language(tag: tag) {
                candidates.append(Candidate(node: anchor, language: language, href: href, naming: .attribute))
            } else if let naming = naming(anchor) {
                candidates.append(Candidate(node: anchor, language: naming.language, href: href, naming: naming.isCode ? .code : .name))
            }
        }
        for option in index.options {
            guard let value = option.attribute("value"), value.hasPrefix("/") || value.hasPrefix("http") else { continue }
            if let language = option.attribute("lang").flatMap(Language.init(tag:)) {
                candidates.append(Candidate(node: option, language: language, href: value, naming: .attribute))
            } else if let naming = naming(option) {
                candidates.append(Candidate(node: option, language: naming.language, href: value, naming: naming.isCode ? .code : .name))
            }
        }
        let nodes = Set(candidates.map(\.node))
        func near(_ candidate: Candidate, _ other: Candidate) -> xmlNodePtr? {
            other.language == candidate.language ? nil : Self.commonAncestor(candidate.node, other.node)
        }
        // A code counts inside a pure switcher; a name needs another language named near it.
        let validCode = candidates.map { candidate in
            candidate.naming == .code && candidates.contains { other in
                near(candidate, other).map { Self.everyLink(under: $0, isIn: nodes) } ?? false
            }
        }
        return candidates.indices.filter { index in
            let candidate = candidates[index]
            switch candidate.naming {
            case .attribute: return true
            case .code: return validCode[index]
            case .name:
                return candidates.indices.contains { other in
                    near(candidate, candidates[other]) != nil && (candidates[other].naming != .code || validCode[other])
                }
            }
        }.map { candidates[$0] }.map { candidate in (candidate.language, candidate.href) }
    }

    private func naming(_ node: xmlNodePtr) -> LanguageNames.Naming? {
        if let content = xmlNodeGetContent(node) {
            defer { stele_xml_free(content) }
            if let naming = LanguageNames.naming(String(cString: content)) { return naming }
        }
        for attribute in ["title", "aria-label"] {
            if let text = node.attribute(attribute), let naming = LanguageNames.naming(text) { return naming }
        }
        return nil
    }

    /// The nearest ancestor two nodes share, if it is at most ``switcherSpan`` levels above each.
    private static func commonAncestor(_ first: xmlNodePtr, _ second: xmlNodePtr) -> xmlNodePtr? {
        var ancestors: [xmlNodePtr] = []
        var node = first.pointee.parent
        while let current = node, ancestors.count < switcherSpan {
            ancestors.append(current)
            node = current.pointee.parent
        }
        node = second.pointee.parent
        var level = 0
        while let current = node, level < switcherSpan {
            if ancestors.contains(current) { return current }
            node = current.pointee.parent
            level += 1
        }
        return nil
    }

    /// Whether every `<a href>` and `<option>` inside `ancestor` is one of `links` (a pure switcher).
    private static func everyLink(under ancestor: xmlNodePtr, isIn links: Set<xmlNodePtr>) -> Bool {
        var pending: [xmlNodePtr] = []
        var child = ancestor.pointee.children
        while let node = child {
            pending.append(node)
            child = node.pointee.next
        }
        while let node = pending.popLast() {
            guard node.isElement else { continue }
            let name = node.name
            if (name == "a" && node.attribute("href") != nil) || name == "option", !links.contains(node) { return false }
            var grandchild = node.pointee.children
            while let inner = grandchild {
                pending.append(inner)
                grandchild = inner.pointee.next
            }
        }
        return true
    }

}
