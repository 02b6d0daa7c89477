import Foundation

/// The small conversions every vocabulary applies to what it reads.
enum FeedText {
    /// `text` trimmed, or nil when nothing is left.
    static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A title from RSS or JSON: HTML when it has markup or entities (many feeds escape twice), else plain.
    static func title(_ text: String) -> String? {
        let plain = text.utf8.contains(0x3C) || text.utf8.contains(0x26) ? HTMLText.plainText(fromHTML: text) : HTMLText.collapsingWhitespace(text)
        return plain.isEmpty ? nil : plain
    }

    /// Text that is HTML by definition (RSS description, Atom `type="html"`), as plain text.
    static func html(_ text: String) -> String? {
        let plain = HTMLText.plainText(fromHTML: text)
        return plain.isEmpty ? nil : plain
    }

    /// Text that is plain by definition (Atom `type="text"`, the text of `type="xhtml"`).
    static func plain(_ text: String) -> String? {
        let plain = HTMLText.collapsingWhitespace(text)
        return plain.isEmpty ? nil : plain
    }

    /// An Atom text construct by its `type`.
    static func atomText(_ text: String, type: String?) -> String? {
        switch type?.lowercased() {
        case "html", "text/html": html(text)
        default: plain(text)
        }
    }

    /// A language tag, lower-cased (`en-GB` → `en-gb`).
    static func language(_ text: String) -> String? {
        nonEmpty(text)?.lowercased()
    }

    static func reference(_ text: String, scope: XMLScope) -> ReferenceDraft? {
        nonEmpty(text).map { ReferenceDraft(text: $0, bases: scope.bases) }
    }

    static func date(_ text: String, element: String, line: Int) -> DateDraft? {
        nonEmpty(text).map { DateDraft(text: $0, element: element, line: line) }
    }
}

extension String {
    /// The string without leading and trailing white space (XML's, and Unicode's).
    func trimmingWhitespace() -> String {
        let utf8 = self.utf8
        // The common case, nothing to trim, without Foundation's slower Unicode scan.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
