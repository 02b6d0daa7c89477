import SteleExtract
import TOMLKit
import SteleLanguage

extension ConfigurationLoader {
    /// Source ids become folder names and command-line arguments: keep them plain.
    static func isValidSourceID(_ id: String) -> Bool {
        (1...40).contains(id.count) && id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "_" }
    }

    static func readSources(_ root: TableReader) -> [SourceConfiguration] {
        guard let value = root.value("source") else {
            root.report("no [[source]] is configured; add one (see the default config/stele.toml)")
            return []
        }
        guard let array = value.array else {
            root.report("\"source\" must be written as [[source]] tables", key: "source")
            return []
        }
        var sources: [SourceConfiguration] = []
        for (index, element) in array.enumerated() {
            guard let table = element.table else {
                root.report("each source must be a [[source]] table", key: "source")
                continue
            }
            let path = ["source", String(index)]
            let id = table["id"]?.string
            let context = id.map { "source \"\($0)\": " } ?? "source #\(index + 1): "
            let reader = TableReader(table: table, path: path, context: context, log: root.log)
            if let source = readSource(reader), !sources.contains(where: { $0.id == source.id }) {
                sources.append(source)
            } else if let id, sources.contains(where: { $0.id == id }) {
                reader.report("the id \"\(id)\" is used by an earlier source; ids must be unique", key: "id")
            }
        }
        return sources
    }

    private static func readSource(_ source: TableReader) -> SourceConfiguration? {
        let id = source.string("id", maxLength: 40)
        if id == nil, !source.contains("id") { source.report("\"id\" is missing; give a short name like \"nato\"") }
        if let id, !isValidSourceID(id) {
            source.report("\"id\" must be 1 to 40 lower-case letters, digits, \"-\" or \"_\", not \"\(id)\"", key: "id")
        }
        let name = source.string("name", maxLength: 200)
        let languages = readLanguages(source)
        let feeds = readFeeds(source, languages: languages ?? [])
        let versions = readVersions(source, languages: languages ?? [], feeds: feeds ?? [])
        let keyPattern = source.string("key", maxLength: 500)
        if let keyPattern { validateKeyPattern(keyPattern, in: source) }
        let content = source.string("content", maxLength: 500).flatMap { expression -> ContentRule? in
            do throws(ContentRuleError) {
                return try ContentRule(expression)
            } catch {
                source.report("\"content\": \(error.description)", key: "content")
                return nil
            }
        }
        let pollInterval = source.duration("poll_interval", in: .seconds(60) ... .seconds(7 * 86_400))
        let pending = schedule("pending_recheck", in: source)
        let edits = schedule("edit_recheck", in: source)
        source.finish()
        guard let id, isValidSourceID(id), let languages, let feeds, let versions else { return nil }
        return SourceConfiguration(
            id: id, name: name, languages: languages, feeds: feeds, versions: versions, keyPattern: keyPattern,
            content: content, pollInterval: pollInterval ?? .seconds(900),
            pendingRecheck: pending ?? SourceConfiguration.defaultPendingRecheck,
            editRecheck: edits ?? SourceConfiguration.defaultEditRecheck
        )
    }

    private static func readLanguages(_ source: TableReader) -> [Language]? {
        guard let codes = source.strings("languages") else {
            if !source.contains("languages") { source.report("\"languages\" is missing; list them primary first, like [\"en\", \"fr\", \"uk\"]") }
            return nil
        }
        var languages: [Language] = []
        for code in codes {
            guard let language = Language(rawValue: code), language != .other else {
                source.report("language \"\(code)\" is not supported; use \(supportedLanguages.map { "\"\($0)\"" }.joined(separator: ", "))", key: "languages")
                return nil
            }
            languages.append(language)
        }
        guard !languages.isEmpty, Set(languages).count == languages.count else {
            source.report("\"languages\" must list each language once, the primary first", key: "languages")
            return nil
        }
        return languages
    }

    /// `feed = "url"`, `feed = ["url", ...]` or `feed = { en = "url", fr = "url" }`.
    private static func readFeeds(_ source: TableReader, languages: [Language]) -> [FeedSubscription]? {
        guard let value = source.value("feed") else {
            source.report("\"feed\" is missing; give the address of its RSS, Atom or JSON feed or XML sitemap")
            return nil
        }
        var feeds: [FeedSubscription] = []
        if let url = value.string {
            feeds = [FeedSubscription(url: url)]
        } else if let array = value.array, array.allSatisfy({ $0.string != nil }), !array.isEmpty {
            feeds = array.compactMap(\.string).map { FeedSubscription(url: $0) }
        } else if let table = value.table {
            for code in table.keys {
                guard let url = table[code]?.string else {
                    source.report("each feed of \"feed\" must be an address", key: "feed")
                    return nil
                }
                guard let language = Language(rawValue: code), languages.contains(language) else {
                    source.report("\"feed\" names the language \"\(code)\", which is not in \"languages\"", key: "feed")
                    return nil
                }
                feeds.append(FeedSubscription(url: url, language: language))
            }
        } else {
            source.report("\"feed\" must be an address, a list of addresses, or a table of addresses by language", key: "feed")
            return nil
        }
        for feed in feeds where !isHTTPAddress(feed.url) {
            source.report("feed \"\(feed.url)\" is not an http:// or https:// address", key: "feed")
            return nil
        }
        return feeds
    }

    /// `versions = "page-links" | "feeds" | "sitemap"`, or a `[source.versions]` rewrite rule:
    /// `kind = "query-parameter"` with `name`, `kind = "path-segment"`, or `kind = "replace"` with
    /// `find` and `replace`; each with optional `codes = { uk = "ua" }`.
    private static func readVersions(_ source: TableReader, languages: [Language], feeds: [FeedSubscription]) -> VersionDiscovery? {
        let others = languages.dropFirst().map(\.code)
        guard let value = source.value("versions") else {
            if others.isEmpty { return .pageLinks }
            source.report("\"versions\" is missing: say how to find the \(others.joined(separator: "/")) versions (\"page-links\", \"feeds\", \"sitemap\", or a [source.versions] rewrite rule)")
            return nil
        }
        if let method = value.string {
            switch method {
            case "page-links": return .pageLinks
            case "sitemap": return .sitemap
            case "feeds":
                let covered = Set(feeds.compactMap(\.language))
                let missing = languages.filter { !covered.contains($0) }
                guard missing.isEmpty else {
                    source.report("versions = \"feeds\" needs a feed per language; \"feed\" has none for \(missing.map(\.code).joined(separator: ", "))", key: "versions")
                    return nil
                }
                return .feeds
            default:
                let hint = Suggestion.closest(to: method, among: ["page-links", "feeds", "sitemap"]).map { " (did you mean \"\($0)\"?)" } ?? ""
                source.report("\"versions\" must be \"page-links\", \"feeds\", \"sitemap\" or a rewrite rule table, not \"\(method)\"\(hint)", key: "versions")
                return nil
            }
        }
        guard let rule = source.table("versions") else { return nil }
        defer { rule.finish() }
        let kinds = ["query-parameter", "path-segment", "replace"]
        let kind: URLRewriteRule.Kind
        switch rule.string("kind") {
        case "query-parameter":
            guard let name = rule.string("name") else {
                rule.report("a query-parameter rule needs \"name\", like name = \"selectedLocale\"")
                return nil
            }
            kind = .queryParameter(name: name)
        case "path-segment":
            kind = .pathSegment
        case "replace":
            guard let find = rule.string("find"), let replace = rule.string("replace") else {
                rule.report("a replace rule needs \"find\" and \"replace\", like find = \"/en/\", replace = \"/{lang}/\"")
                return nil
            }
            kind = .replace(find: find, replace: replace)
        case let other?:
            rule.allow(["name", "find", "replace"])
            let hint = Suggestion.closest(to: other, among: kinds).map { " (did you mean \"\($0)\"?)" } ?? ""
            rule.report("\"kind\" must be \(kinds.map { "\"\($0)\"" }.joined(separator: ", ")), not \"\(other)\"\(hint)", key: "kind")
            return nil
        case nil:
            rule.allow(["name", "find", "replace"])
            rule.report("a rewrite rule needs \"kind\": \(kinds.map { "\"\($0)\"" }.joined(separator: ", "))")
            return nil
        }
        var codes: [Language: String] = [:]
        if let table = rule.table("codes") {
            for code in Language.handled.map(\.code) {
                if let value = table.string(code) { codes[Language(rawValue: code)!] = value }
            }
            table.finish()
        }
        do throws(URLRewriteRuleError) {
            return .rewrite(try URLRewriteRule(kind, codes: codes))
        } catch {
            rule.report(error.description)
            return nil
        }
    }

    private static func validateKeyPattern(_ pattern: String, in source: TableReader) {
        do {
            let regex = try Regex(pattern)
            _ = regex
        } catch {
            source.report("\"key\" is not a valid regular expression: \(error)", key: "key")
        }
    }

    private static func schedule(_ key: String, in source: TableReader) -> RecheckSchedule? {
        guard let text = source.string(key) else { return nil }
        guard let schedule = RecheckSchedule(text: text) else {
            source.report("\"\(key)\" must look like \"1h for 2d, 6h for 14d\" (each stage ending later than the one before) or \"never\", not \"\(text)\"", key: key)
            return nil
        }
        return schedule
    }

    static func isHTTPAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && text.count > 8 && !text.contains(where: \.isWhitespace)
    }
}
