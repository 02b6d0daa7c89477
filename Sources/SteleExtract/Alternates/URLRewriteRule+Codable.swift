import SteleLanguage
/// The configuration-file form of a rule: `{ kind = "query-parameter", name = "selectedLocale" }`,
/// `{ kind = "path-segment" }` or `{ kind = "replace", find = "/{lang}/", replace = "/{lang}/" }`,
/// each with an optional `codes = { uk = "ua" }`. Unknown keys are refused, so a misspelt key is
/// reported instead of ignored.
extension URLRewriteRule {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private static let allowedKeys: [String: Set<String>] = [
        "query-parameter": ["kind", "name", "codes"],
        "path-segment": ["kind", "codes"],
        "replace": ["kind", "find", "replace", "codes"],
    ]

    /// Reads a rule from a table; the error message names the offending key.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let kindName = try container.decode(String.self, forKey: Key("kind"))
        guard let allowed = Self.allowedKeys[kindName] else {
            throw DecodingError.dataCorruptedError(
                forKey: Key("kind"), in: container,
                debugDescription: "kind: \"\(kindName)\" is not one of query-parameter, path-segment, replace"
            )
        }
        if let unknown = container.allKeys.first(where: { !allowed.contains($0.stringValue) }) {
            throw DecodingError.dataCorruptedError(
                forKey: unknown, in: container,
                debugDescription: "unknown key \"\(unknown.stringValue)\" in a \(kindName) rule (expected \(allowed.sorted().joined(separator: ", ")))"
            )
        }
        let kind: Kind
        switch kindName {
        case "query-parameter": kind = .queryParameter(name: try container.decode(String.self, forKey: Key("name")))
        case "path-segment": kind = .pathSegment
        default:
            kind = .replace(find: try container.decode(String.self, forKey: Key("find")), replace: try container.decode(String.self, forKey: Key("replace")))
        }
        var codes: [Language: String] = [:]
        for (name, code) in try container.decodeIfPresent([String: String].self, forKey: Key("codes")) ?? [:] {
            guard let language = Language(rawValue: name), language != .other else {
                throw DecodingError.dataCorruptedError(forKey: Key("codes"), in: container, debugDescription: "codes: \"\(name)\" is not en, fr or uk")
            }
            codes[language] = code
        }
        do {
            try self.init(kind, codes: codes)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: Key("kind"), in: container, debugDescription: error.description)
        }
    }

    /// Writes the rule in the same form it is read.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch kind {
        case .queryParameter(let name):
            try container.encode("query-parameter", forKey: Key("kind"))
            try container.encode(name, forKey: Key("name"))
        case .pathSegment:
            try container.encode("path-segment", forKey: Key("kind"))
        case .replace(let find, let replace):
            try container.encode("replace", forKey: Key("kind"))
            try container.encode(find, forKey: Key("find"))
            try container.encode(replace, forKey: Key("replace"))
        }
        if !codes.isEmpty {
            try container.encode(Dictionary(uniqueKeysWithValues: codes.map { ($0.key.code, $0.value) }), forKey: Key("codes"))
        }
    }
}
