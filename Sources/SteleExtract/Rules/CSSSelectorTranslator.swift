/// Translates the CSS subset of ``ContentRule`` into XPath 1.0.
///
/// `section.content` becomes
/// `//section[contains(concat(' ', normalize-space(@class), ' '), ' content ')]`, `main > article`
/// becomes `//main/article`, and `a, b` becomes `//a | //b`.
enum CSSSelectorTranslator {
    static func xpath(for selector: String) throws(ContentRuleError) -> String {
        var parser = Parser(selector: selector)
        return try parser.parseGroup()
    }

    private struct Parser {
        let selector: String
        let characters: [Character]
        var position = 0

        init(selector: String) {
            self.selector = selector
            characters = Array(selector)
        }

        mutating func parseGroup() throws(ContentRuleError) -> String {
            var alternatives: [String] = []
            repeat {
                skipSpaces()
                alternatives.append(try parseComplex())
                skipSpaces()
            } while consume(",")
            guard position == characters.count else { throw unsupported() }
            return alternatives.joined(separator: " | ")
        }

        /// Compound selectors joined by combinators.
        private mutating func parseComplex() throws(ContentRuleError) -> String {
            var path = "//" + (try parseCompound())
            while true {
                let hadSpace = skipSpaces()
                guard let next = peek, next != "," else { return path }
                if next == ">" {
                    position += 1
                    skipSpaces()
                    path += "/" + (try parseCompound())
                } else if hadSpace, next != "+", next != "~" {
                    path += "//" + (try parseCompound())
                } else {
                    throw unsupported()
                }
            }
        }

        /// A type selector or `*`, then any number of `.class`, `#id` and `[attribute]`.
        private mutating func parseCompound() throws(ContentRuleError) -> String {
            let start = position
            var step = "*"
            if consume("*") {
                step = "*"
            } else if let next = peek, isNameCharacter(next) {
                step = try readName().lowercased()
            }
            var predicates: [String] = []
            while let next = peek {
                if consume(".") {
                    predicates.append("contains(concat(' ', normalize-space(@class), ' '), \(literal(" " + (try readName()) + " ")))")
                } else if consume("#") {
                    predicates.append("@id=\(literal(try readName()))")
                } else if consume("[") {
                    predicates.append(try parseAttribute())
                } else if next == " " || next == "\t" || next == ">" || next == "," {
                    break
                } else {
                    throw unsupported()
                }
            }
            if position == start { throw unsupported() }
            return step + predicates.map { "[\($0)]" }.joined()
        }

        private mutating func parseAttribute() throws(ContentRuleError) -> String {
            skipSpaces()
            let name = "@" + (try readName()).lowercased()
            skipSpaces()
            if consume("]") { return name }
            var operation = ""
            if let next = peek, "~|^$*".contains(next) {
                operation = String(next)
                position += 1
            }
            guard consume("=") else { throw unsupported() }
            skipSpaces()
            let value: String
            if let quote = peek, quote == "\"" || quote == "'" {
                position += 1
                guard let end = characters[position...].firstIndex(of: quote) else { throw failure("has an unterminated string") }
                value = String(characters[position..<end])
                position = end + 1
            } else {
                value = try readName()
            }
            skipSpaces()
            guard consume("]") else { throw unsupported() }
            let quoted = literal(value)
            switch operation {
            case "": return "\(name)=\(quoted)"
            case "~": return "contains(concat(' ', normalize-space(\(name)), ' '), \(literal(" " + value + " ")))"
            case "|": return "(\(name)=\(quoted) or starts-with(\(name), \(literal(value + "-"))))"
            case "^": return "starts-with(\(name), \(quoted))"
            case "$": return "substring(\(name), string-length(\(name)) - \(value.count - 1))=\(quoted)"
            default: return "contains(\(name), \(quoted))"
            }
        }

        private mutating func readName() throws(ContentRuleError) -> String {
            let start = position
            while let next = peek, isNameCharacter(next) { position += 1 }
            guard position > start else { throw unsupported() }
            return String(characters[start..<position])
        }

        private func isNameCharacter(_ character: Character) -> Bool {
            character.isLetter || character.isNumber || character == "-" || character == "_"
        }

        private var peek: Character? { position < characters.count ? characters[position] : nil }

        private mutating func consume(_ character: Character) -> Bool {
            guard peek == character else { return false }
            position += 1
            return true
        }

        @discardableResult
        private mutating func skipSpaces() -> Bool {
            let start = position
            while let next = peek, next == " " || next == "\t" || next == "\n" { position += 1 }
            return position > start
        }

        /// An XPath string literal for `text`, with `concat` when it holds both kinds of quote.
        private func literal(_ text: String) -> String {
            if !text.contains("'") { return "'\(text)'" }
            if !text.contains("\"") { return "\"\(text)\"" }
            return "concat('" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "', \"'\", '") + "')"
        }

        private func unsupported() -> ContentRuleError {
            let shown = position < characters.count ? "\"\(characters[position])\" at column \(position + 1)" : "the end"
            return failure(
                "is not in Stele's CSS subset (\(shown) is unexpected); use tag, *, .class, #id, [attr], [attr=value] "
                    + "(also ~= |= ^= $= *=), descendant and > combinators and commas, or write an XPath expression starting with //"
            )
        }

        private func failure(_ problem: String) -> ContentRuleError {
            ContentRuleError(expression: selector, problem: problem)
        }
    }
}
