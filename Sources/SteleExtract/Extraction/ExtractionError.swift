public import SteleText

/// Why a page could not be read at all. A page that merely has no text is not an error: it gives
/// zero paragraphs and an ``ExtractionWarning/noText``.
public struct ExtractionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The page's address, or "the page".
    public var page: String
    /// What went wrong.
    public var kind: Kind

    /// An error about `page`.
    public init(page: String, kind: Kind) {
        self.page = page
        self.kind = kind
    }

    /// The kinds of failure.
    public enum Kind: Sendable, Hashable {
        /// The page is larger than ``ExtractionOptions/maxInputBytes``.
        case tooLarge(bytes: Int, limit: Int)
        /// The bytes are not HTML (a PDF, an image, an archive, binary data).
        case notHTML(reason: String)
        /// An element carries so many attributes that libxml2 would take minutes over them; the page
        /// was refused before it was parsed.
        case attributeFlood(AttributeFlood)
        /// libxml2 returned no document (it only does so when memory runs out).
        case parserFailed
    }

    /// A short stable name for the kind, for logs and failure codes: `tooLarge`, `notHTML`,
    /// `attributeFlood`, `parserFailed`.
    public var code: String {
        switch kind {
        case .tooLarge: "tooLarge"
        case .notHTML: "notHTML"
        case .attributeFlood: "attributeFlood"
        case .parserFailed: "parserFailed"
        }
    }

    /// A sentence that says what happened and what to do.
    public var description: String {
        switch kind {
        case .tooLarge(let bytes, let limit):
            return "\(page): the page is \(bytes) bytes, more than the limit of \(limit) bytes; "
                + "raise the extraction size limit if such pages are legitimate"
        case .notHTML(let reason):
            return "\(page): not an HTML page (\(reason)); check the address or the source's content rule"
        case .attributeFlood(let flood):
            return "\(page): \(flood)"
        case .parserFailed:
            return "\(page): libxml2 could not build a document (out of memory?); try again with less load"
        }
    }
}
