/// What a reader collected, before identities, dates and addresses are settled by ``FeedAssembler``.
struct FeedDraft {
    var format: FeedFormat
    var title: String?
    var link: ReferenceDraft?
    var language: String?
    var hints = FeedHints()
}

/// One item as read.
struct ItemDraft {
    /// The line the item starts on, for warnings.
    var line: Int
    var id: String?
    var link: ReferenceDraft?
    var title: String?
    var summary: String?
    var published: DateDraft?
    var updated: DateDraft?
    var language: String?
    var alternates: [(language: String, reference: ReferenceDraft)] = []

    init(line: Int) {
        self.line = line
    }
}

/// An address as written, with the `xml:base` values in scope where it was written.
struct ReferenceDraft {
    var text: String
    var bases: [String] = []
}

/// A date as written, with the element it came from for warnings.
struct DateDraft {
    var text: String
    var element: String
    var line: Int
}
