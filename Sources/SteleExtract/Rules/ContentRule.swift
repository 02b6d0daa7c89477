import CLibXML2

/// Where a source's article body is: an XPath 1.0 expression such as `//section[@class='content']`,
/// or a CSS selector from a small subset such as `section.content`, translated to XPath.
///
/// An expression that starts with `/`, `./` or `(` is XPath; anything else is CSS. The CSS subset:
/// type selectors (`section`) and `*`, `.class`, `#id`, `[attr]`, `[attr=value]`, `[attr~=value]`,
/// `[attr|=value]`, `[attr^=value]`, `[attr$=value]`, `[attr*=value]`, the descendant (space) and
/// child (`>`) combinators, and `,` between alternatives. Pseudo-classes and the sibling combinators
/// are refused with a message: write XPath for those.
///
/// In a configuration file the rule is one string: `content = "section.content"`.
public struct ContentRule: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The expression as written.
    public let expression: String
    /// The XPath expression that is evaluated (the expression itself for XPath rules).
    public let xpath: String

    /// The rule for `expression`, checked: CSS must be in the subset, XPath must compile.
    public init(_ expression: String) throws(ContentRuleError) {
        let trimmed = expression.trimmingASCIIWhitespace()
        guard !trimmed.isEmpty else { throw ContentRuleError(expression: expression, problem: "is empty") }
        guard trimmed.utf8.count <= 2000 else { throw ContentRuleError(expression: String(trimmed.prefix(60)) + "…", problem: "is longer than 2,000 bytes") }
        self.expression = trimmed
        if trimmed.hasPrefix("/") || trimmed.hasPrefix("./") || trimmed.hasPrefix("(") {
            xpath = trimmed
        } else {
            xpath = try CSSSelectorTranslator.xpath(for: trimmed)
        }
        try Self.checkCompiles(xpath, expression: trimmed)
    }

    /// Reads the rule from a single string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Writes the rule as the string it was written as.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(expression)
    }

    /// The expression as written.
    public var description: String { expression }

    private static func checkCompiles(_ xpath: String, expression: String) throws(ContentRuleError) {
        LibXML.initialise()
        guard let context = xmlXPathNewContext(nil) else { return }
        defer { xmlXPathFreeContext(context) }
        context.pointee.error = { _, _ in }
        guard let compiled = xmlXPathCtxtCompile(context, xpath) else {
            throw ContentRuleError(expression: expression, problem: "is not a valid XPath 1.0 expression (libxml2 could not compile it)")
        }
        xmlXPathFreeCompExpr(compiled)
    }
}

/// A content rule that cannot be used, with what is wrong and how to write it instead.
public struct ContentRuleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rule as written.
    public var expression: String
    /// What is wrong, as the end of a sentence that starts with the rule.
    public var problem: String

    /// An error about `expression`.
    public init(expression: String, problem: String) {
        self.expression = expression
        self.problem = problem
    }

    /// A sentence naming the rule and the problem.
    public var description: String { "content rule \"\(expression)\" \(problem)" }
}

extension String {
    /// The string without the ASCII white space (space, tab, line feed, carriage return, form feed) around it.
    fileprivate func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
