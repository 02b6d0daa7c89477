import Foundation
public import SteleLanguage

/// How a source's address in one language becomes its address in another, without fetching anything.
///
/// Three kinds, each written in a configuration file as a table:
/// - `{ kind = "query-parameter", name = "selectedLocale" }` sets `?selectedLocale=fr`, replacing the
///   parameter's value or adding it (NATO: `.../news_222914.htm` → `.../news_222914.htm?selectedLocale=fr`);
/// - `{ kind = "path-segment" }` replaces the first path segment that is a language code
///   (`/en/news/1` → `/fr/news/1`);
/// - `{ kind = "replace", find = "/{lang}/", replace = "/{lang}/" }` replaces the first occurrence of a
///   literal text; `{lang}` in `find` matches any language's code, `{lang}` in `replace` is the wanted one.
///
/// Every kind takes an optional `codes` table when the site's codes are not `en`, `fr`, `uk`:
/// `codes = { uk = "ua" }`.
public struct URLRewriteRule: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What the rule changes in an address.
    public enum Kind: Sendable, Hashable {
        /// Set the query parameter with this name to the language code.
        case queryParameter(name: String)
        /// Replace the first path segment that is a language code.
        case pathSegment
        /// Replace the first occurrence of `find` by `replace`; `{lang}` is the language code in both.
        case replace(find: String, replace: String)
    }

    /// What the rule changes.
    public var kind: Kind
    /// The code the site uses for each language where it is not the standard one (`uk` → `ua`).
    public var codes: [Language: String]

    /// A rule of the given kind, with the site's own codes where they differ.
    public init(_ kind: Kind, codes: [Language: String] = [:]) throws(URLRewriteRuleError) {
        self.kind = kind
        self.codes = codes
        try validate()
    }

    /// The code the site uses for `language`.
    public func code(for language: Language) -> String { codes[language] ?? language.code }

    /// The address of `url`'s version in `language`, or `nil` when the rule does not apply to `url`
    /// (no path segment is a language code, the text to find is absent, the address does not parse).
    public func rewrite(_ url: String, to language: Language) -> String? {
        let target = code(for: language)
        switch kind {
        case .queryParameter(let name):
            return Self.settingQueryParameter(name, to: target, in: url)
        case .pathSegment:
            return Self.replacingPathSegment(in: url, codes: Language.handled.map(code(for:)), with: target)
        case .replace(let find, let replace):
            let replacement = replace.replacingOccurrences(of: "{lang}", with: target)
            guard find.contains("{lang}") else {
                guard let range = url.range(of: find) else { return nil }
                return url.replacingCharacters(in: range, with: replacement)
            }
            let candidates = Language.handled.compactMap { language -> Range<String.Index>? in
                url.range(of: find.replacingOccurrences(of: "{lang}", with: code(for: language)))
            }
            guard let first = candidates.min(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
            return url.replacingCharacters(in: first, with: replacement)
        }
    }

    /// The rule as it would be written in the configuration.
    public var description: String {
        switch kind {
        case .queryParameter(let name): "query parameter \(name)={lang}"
        case .pathSegment: "path segment /{lang}/"
        case .replace(let find, let replace): "replace \"\(find)\" by \"\(replace)\""
        }
    }

    private func validate() throws(URLRewriteRuleError) {
        for (language, code) in codes {
            guard language != .other else { throw URLRewriteRuleError("codes: \"other\" is not a language a version can be in; use en, fr or uk") }
            guard !code.isEmpty, code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw URLRewriteRuleError("codes.\(language): \"\(code)\" is not a usable code (letters, digits, - and _ only)")
            }
        }
        switch kind {
        case .queryParameter(let name):
            guard !name.isEmpty, !name.contains(where: { "&=#?".contains($0) || $0.isWhitespace }) else {
                throw URLRewriteRuleError("name: \"\(name)\" is not a query parameter name")
            }
        case .pathSegment:
            break
        case .replace(let find, let replace):
            guard !find.isEmpty else { throw URLRewriteRuleError("find: must not be empty") }
            guard replace.contains("{lang}") else {
                throw URLRewriteRuleError("replace: \"\(replace)\" has no {lang}, so every language would get the same address")
            }
        }
    }

    private static func settingQueryParameter(_ name: String, to value: String, in url: String) -> String? {
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else { return nil }
        let fragmentStart = url.firstIndex(of: "#") ?? url.endIndex
        let beforeFragment = url[..<fragmentStart]
        let fragment = url[fragmentStart...]
        guard let queryStart = beforeFragment.firstIndex(of: "?") else {
            return "\(beforeFragment)?\(name)=\(value)\(fragment)"
        }
        var pairs = beforeFragment[beforeFragment.index(after: queryStart)...].split(separator: "&", omittingEmptySubsequences: false).map(String.init)
        if let index = pairs.firstIndex(where: { $0 == name || $0.hasPrefix(name + "=") }) {
            pairs[index] = "\(name)=\(value)"
        } else {
            pairs.append("\(name)=\(value)")
        }
        return "\(beforeFragment[..<queryStart])?\(pairs.joined(separator: "&"))\(fragment)"
    }

    private static func replacingPathSegment(in url: String, codes: [String], with code: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let afterScheme = url[schemeEnd.upperBound...]
        guard let pathStart = afterScheme.firstIndex(of: "/") else { return nil }
        let pathEnd = url[pathStart...].firstIndex(where: { $0 == "?" || $0 == "#" }) ?? url.endIndex
        var segments = url[pathStart..<pathEnd].split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let index = segments.firstIndex(where: { segment in codes.contains { $0.caseInsensitiveCompare(segment) == .orderedSame } }) else {
            return nil
        }
        segments[index] = code
        return String(url[..<pathStart]) + segments.joined(separator: "/") + url[pathEnd...]
    }
}

/// A rewrite rule that cannot be used; the message names the key and what to write instead.
public struct URLRewriteRuleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, starting with the key.
    public var description: String

    /// An error with a message that starts with the offending key.
    public init(_ description: String) { self.description = description }
}
