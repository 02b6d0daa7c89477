/// Renders a ``ParagraphDiff`` for people: hunks with three paragraphs of context, removed text
/// as `[-…-]` and inserted text as `{+…+}` like `git diff --word-diff`, or in red and green on a
/// terminal like `git diff --word-diff=color`.
public struct WordDiffRenderer: Sendable {
    /// How changes are marked.
    public enum Style: Sendable {
        /// `[-removed-]{+inserted+}`, for files, pipes and terminals without colour.
        case plain
        /// ANSI colours: removed in red, inserted in green, hunk headers in cyan.
        case ansi
    }

    /// How changes are marked.
    public var style: Style
    /// Unchanged paragraphs shown around each change.
    public var context: Int

    /// A renderer with the given style and context.
    public init(style: Style = .plain, context: Int = 3) {
        self.style = style
        self.context = max(0, context)
    }

    /// The rendering of `diff`, headed by `--- oldLabel` / `+++ newLabel` when labels are given;
    /// the empty string when nothing changed.
    public func render(_ diff: ParagraphDiff, oldLabel: String? = nil, newLabel: String? = nil) -> String {
        guard !diff.isEmpty else { return "" }
        var output = ""
        if let oldLabel, let newLabel {
            output += paint("--- \(oldLabel)\n+++ \(newLabel)", .bold) + "\n"
        }
        for range in hunkRanges(diff.rows) {
            let rows = diff.rows[range]
            let oldIndices = rows.compactMap(\.oldIndex), newIndices = rows.compactMap(\.newIndex)
            let oldStart = oldIndices.first ?? Self.oldPosition(before: range.lowerBound, in: diff.rows)
            let newStart = newIndices.first ?? Self.newPosition(before: range.lowerBound, in: diff.rows)
            let header = "@@ -\(UnifiedDiff.rangeText(start: oldStart, count: oldIndices.count)) +\(UnifiedDiff.rangeText(start: newStart, count: newIndices.count)) @@"
            output += paint(header, .cyan) + "\n"
            for row in rows { output += line(row, diff) + "\n" }
        }
        return output
    }

    /// The text of one row.
    public func line(_ row: ParagraphDiff.Row, _ diff: ParagraphDiff) -> String {
        switch row {
        case .unchanged(let old, _): diff.old[old]
        case .removed(let old): removed(diff.old[old])
        case .added(let new): inserted(diff.new[new])
        case .changed(_, _, let words):
            words.segments.map { segment in
                switch segment {
                case .equal(let text): text
                case .removed(let text): removed(text)
                case .inserted(let text): inserted(text)
                }
            }.joined()
        }
    }

    private func removed(_ text: String) -> String {
        style == .plain ? "[-\(text)-]" : paint(text, .red)
    }

    private func inserted(_ text: String) -> String {
        style == .plain ? "{+\(text)+}" : paint(text, .green)
    }

    private enum Colour: String {
        case red = "31", green = "32", cyan = "36", bold = "1"
    }

    private func paint(_ text: String, _ colour: Colour) -> String {
        style == .plain ? text : "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[m"
    }

    /// Row ranges of the hunks: each change with `context` unchanged rows around it, merged when
    /// they touch.
    private func hunkRanges(_ rows: [ParagraphDiff.Row]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for (index, row) in rows.enumerated() where !row.isUnchanged {
            let range = max(0, index - context)..<min(rows.count, index + context + 1)
            if let last = ranges.last, last.upperBound >= range.lowerBound {
                ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                ranges.append(range)
            }
        }
        return ranges
    }

    private static func oldPosition(before row: Int, in rows: [ParagraphDiff.Row]) -> Int {
        rows[..<row].last(where: { $0.oldIndex != nil })?.oldIndex.map { $0 + 1 } ?? 0
    }

    private static func newPosition(before row: Int, in rows: [ParagraphDiff.Row]) -> Int {
        rows[..<row].last(where: { $0.newIndex != nil })?.newIndex.map { $0 + 1 } ?? 0
    }
}

extension ParagraphDiff.Row {
    /// The paragraph's index in the old version, if it has one there.
    public var oldIndex: Int? {
        switch self {
        case .unchanged(let old, _), .removed(let old), .changed(let old, _, _): old
        case .added: nil
        }
    }

    /// The paragraph's index in the new version, if it has one there.
    public var newIndex: Int? {
        switch self {
        case .unchanged(_, let new), .added(let new), .changed(_, let new, _): new
        case .removed: nil
        }
    }

    /// Whether the paragraph is the same in both versions.
    public var isUnchanged: Bool {
        if case .unchanged = self { return true }
        return false
    }
}
