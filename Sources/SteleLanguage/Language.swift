/// A language Stele keeps versions in, or `other` for any language it does not handle.
public enum Language: String, Sendable, Hashable, Codable, CodingKeyRepresentable, CaseIterable, Comparable, CustomStringConvertible {
    /// English.
    case en
    /// French.
    case fr
    /// Ukrainian.
    case uk
    /// Any other language (Russian, German, ...), or text too mixed to name.
    case other

    /// The languages a release can have versions in, in Stele's usual order.
    public static let handled: [Language] = [.en, .fr, .uk]

    /// The language named by a BCP 47 tag such as `fr`, `fr-BE` or `uk-UA`; `other` for any other
    /// language, `nil` for `x-default` and for text that is not a tag.
    ///
    /// `ua` is accepted for Ukrainian: it is a country code, not a language code, but sites use it.
    public init?(tag: String) {
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        switch primary {
        case "en", "eng": self = .en
        case "fr", "fra", "fre": self = .fr
        case "uk", "ukr", "ua": self = .uk
        case "x", "i", "": return nil
        default:
            guard (2...3).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
            self = .other
        }
    }

    /// The handled language with this code (`en`, `fr`, `uk`, case-insensitive); `nil` for any
    /// other text, `other` included.
    public init?(code: String) {
        guard let language = Language(rawValue: code.lowercased()), language != .other else { return nil }
        self = language
    }

    /// The code used in addresses and tags: `en`, `fr`, `uk`, or `other`.
    public var code: String { rawValue }

    /// The handled codes, for messages: `en, fr, uk`.
    public static var knownCodes: String { handled.map(\.code).joined(separator: ", ") }

    /// The code, for messages.
    public var description: String { rawValue }

    /// Orders languages as ``handled`` lists them, `other` last.
    public static func < (lhs: Language, rhs: Language) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
