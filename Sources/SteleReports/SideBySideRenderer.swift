import SteleDiff
import SteleStore
/// Draws a ``LanguageComparison`` for a terminal: the original on the left, the translation on the
/// right, one block per bead under a rule that gives its shape, its confidence and what is wrong
/// with it, wrapped to the width; the original's changes since the translation shown as a word
/// diff in place.
///
///     en@2                                  │ fr@1
///     ── 1-1 · 0.98 ────────────────────────┼──────────────────────────────────────
///      1 NATO Foreign Ministers met in      │  1 Les ministres des Affaires
///        Vilnius on 2 January 2025.         │    étrangères de l'OTAN se sont réunis
///     ── 1-1 · 0.97 · changed since translated ────────────────────────────────────
///      2 Secretary General Tomas Berg said… │  2 Le secrétaire général, Tomas Berg…
///        {+This paragraph was updated.+}    │
///     ── 1-0 · 0.92 · missing in fr ────────┼──────────────────────────────────────
///      6 More than 4,000 troops took part…  │    (missing in fr)
///
/// Paragraph numbers are line numbers of the version's text file (from 1).
public struct SideBySideRenderer: Sendable {
    /// Columns in all (at least 40).
    public var width: Int
    /// Colours or plain markers.
    public var style: TextStyle
    /// How dates are shown.
    public var dates: DateStyle

    /// A renderer for `width` columns.
    public init(width: Int, style: TextStyle = .plain, dates: DateStyle = DateStyle()) {
        self.width = max(40, width)
        self.style = style
        self.dates = dates
    }

    /// The whole comparison, every line ending with a newline.
    public func render(_ comparison: LanguageComparison) -> String {
        let left = (width - 3) / 2, right = width - 3 - left
        let source = comparison.source.version, target = comparison.target.version
        let gutter = String(max(comparison.source.paragraphs.count, comparison.target.paragraphs.count, 1)).count + 1
        var lines: [StyledText] = []
        lines.append(StyledText(comparison.release.description + (comparison.title.map { "  " + $0 } ?? ""), .heading))
        lines += StyledText(provenance(comparison), .dim).wrapped(width: width)
        lines.append(StyledText())
        lines.append(joined(StyledText(source.label, .heading), StyledText(target.label, .heading), left: left))
        for row in comparison.rows {
            lines.append(rule(for: row, comparison, left: left))
            let leftLines = column(row.source, comparison.source.paragraphs, changes: row.changes, missingIn: source.language, width: left, gutter: gutter)
            let rightLines = column(row.target, comparison.target.paragraphs, changes: [:], missingIn: target.language, width: right, gutter: gutter)
            for index in 0..<max(leftLines.count, rightLines.count) {
                lines.append(joined(index < leftLines.count ? leftLines[index] : StyledText(), index < rightLines.count ? rightLines[index] : StyledText(), left: left))
            }
        }
        if !comparison.staleness.removed.isEmpty, let base = comparison.staleness.baseVersion {
            lines.append(StyledText())
            lines.append(StyledText("removed from \(source.language) since \(target.label) was made (\(source.language)@\(base) → \(source.label)):", .stale))
            for paragraph in comparison.staleness.removed {
                var text = StyledText(String(paragraph.baseIndex + 1).leftPadded(to: gutter) + " ", .dim)
                text.append(paragraph.text, .removed)
                lines += text.marked(for: style).wrapped(width: width)
            }
        }
        lines.append(StyledText())
        lines += summaryLines(comparison).flatMap { $0.wrapped(width: width) }
        return lines.map { trimmedRender($0) }.joined(separator: "\n") + "\n"
    }

    /// Which versions are compared and what the translation was made from.
    func provenance(_ comparison: LanguageComparison) -> String {
        let source = comparison.source.version, target = comparison.target.version
        let origin = comparison.origin == .stored ? "alignment from the store" : "aligned now (the store has no alignment of these versions)"
        return "\(source.label) fetched \(dates.minutes(source.metadata.fetchedAt)); \(target.label) fetched \(dates.minutes(target.metadata.fetchedAt))"
            + "\(Self.madeFrom(comparison).map { ", " + $0 } ?? ""); \(origin)"
    }

    /// "when en@1 was current", or `nil` when the translation came before any original.
    static func madeFrom(_ comparison: LanguageComparison) -> String? {
        comparison.staleness.baseVersion.map { "when \(comparison.source.version.language)@\($0) was current" }
    }

    private func summaryLines(_ comparison: LanguageComparison) -> [StyledText] {
        let summary = comparison.summary
        let source = comparison.source.version, target = comparison.target.version
        var counts = ["\(summary.matched) matched"]
        if summary.merged > 0 { counts.append("\(summary.merged) merged or split") }
        counts.append("\(summary.missingInTarget) \(source.language) \(Self.paragraphs(summary.missingInTarget)) missing in \(target.language)")
        if summary.missingInSource > 0 { counts.append("\(summary.missingInSource) \(target.language) \(Self.paragraphs(summary.missingInSource)) missing in \(source.language)") }
        var first = StyledText("\(summary.rows) rows: " + counts.joined(separator: ", "))
        if summary.lowConfidence > 0 { first.append("; \(summary.lowConfidence) of low confidence (below \(comparison.lowConfidenceThreshold))", .warning) }

        let staleness = comparison.staleness
        let second: StyledText
        switch staleness.baseVersion {
        case nil:
            second = StyledText("\(target.label) was fetched before any \(source.language) version: what it was made from is unknown", .warning)
        case let base? where base == source.version:
            second = StyledText("\(target.label) was made when \(source.label) was current: nothing changed since")
        case let base? where base > source.version:
            second = StyledText("\(source.label) is older than \(source.language)@\(base), which was current when \(target.label) was fetched")
        case let base?:
            let parts = ["\(summary.changedSinceTranslated) rewritten", "\(summary.addedSinceTranslated) added", "\(summary.removedSinceTranslated) removed"]
            let role: TextRole = staleness.isStale ? .stale : .plain
            second = StyledText("changed since translated (\(source.language)@\(base) → \(source.label)): " + parts.joined(separator: ", "), role)
        }
        return [first, second]
    }

    static func paragraphs(_ count: Int) -> String { count == 1 ? "paragraph" : "paragraphs" }

    /// `── 1-1 · 0.98 · changed since translated ──┼──────`.
    private func rule(for row: LanguageComparison.Row, _ comparison: LanguageComparison, left: Int) -> StyledText {
        var title = StyledText("── \(row.shape) · ", .dim)
        title.append(Self.confidence(row.confidence), row.isLowConfidence ? .warning : .dim)
        if row.isLowConfidence { title.append(" · low confidence", .warning) }
        if row.kind == .sourceOnly { title.append(" · missing in \(comparison.target.version.language)", .alert) }
        if row.kind == .targetOnly { title.append(" · missing in \(comparison.source.version.language)", .alert) }
        if row.isChangedSinceTranslated { title.append(" · changed since translated", .stale) }
        if row.isAddedSinceTranslated { title.append(" · added since translated", .stale) }
        title.append(" ", .dim)
        let used = title.width
        if used <= left + 1 {
            title.append(String(repeating: "─", count: left + 1 - used) + "┼" + String(repeating: "─", count: max(0, width - left - 2)), .dim)
        } else if used < width {
            title.append(String(repeating: "─", count: width - used), .dim)
        }
        return title
    }

    /// One side of a row: each paragraph wrapped, its line number in the gutter of its first line;
    /// `(missing in LANGUAGE)` when the side has none.
    private func column(_ indices: [Int], _ paragraphs: [String], changes: [Int: ParagraphChange], missingIn language: String, width: Int, gutter: Int) -> [StyledText] {
        guard !indices.isEmpty else { return [StyledText(String(repeating: " ", count: gutter + 1) + "(missing in \(language))", .dim)] }
        var lines: [StyledText] = []
        for index in indices {
            let text = Self.paragraph(paragraphs[index], change: changes[index]).marked(for: style)
            for (row, line) in text.wrapped(width: max(10, width - gutter - 1)).enumerated() {
                var margin = StyledText(row == 0 ? String(index + 1).leftPadded(to: gutter) + " " : String(repeating: " ", count: gutter + 1), .dim)
                margin.pieces += line.pieces
                lines.append(margin)
            }
        }
        return lines
    }

    /// A paragraph, with the word diff of its change since the translation when it has one.
    static func paragraph(_ text: String, change: ParagraphChange?) -> StyledText {
        switch change {
        case nil: return StyledText(text)
        case .added?: return StyledText(text, .inserted)
        case .changed(_, let words)?:
            return StyledText(words.segments.map { segment in
                switch segment {
                case .equal(let text): StyledText.Piece(text: text, role: .plain)
                case .removed(let text): StyledText.Piece(text: text, role: .removed)
                case .inserted(let text): StyledText.Piece(text: text, role: .inserted)
                }
            })
        }
    }

    private func joined(_ leftText: StyledText, _ rightText: StyledText, left: Int) -> StyledText {
        var line = StyledText()
        line.pieces = leftText.pieces
        let padding = left - leftText.width
        if padding > 0 { line.append(String(repeating: " ", count: padding)) }
        line.append(" │ ", .dim)
        line.pieces += rightText.pieces
        return line
    }

    private func trimmedRender(_ line: StyledText) -> String {
        var line = line
        while let last = line.pieces.last, last.text.allSatisfy({ $0 == " " }) { line.pieces.removeLast() }
        if var last = line.pieces.popLast() {
            while last.text.hasSuffix(" ") { last.text.removeLast() }
            line.pieces.append(last)
        }
        return line.render(style)
    }

    /// `0.98`: two decimals.
    static func confidence(_ value: Double) -> String {
        let hundredths = Int((min(1, max(0, value)) * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}

extension String {
    /// The string right-aligned in `width` columns.
    func leftPadded(to width: Int) -> String {
        let missing = width - TerminalWidth.of(self)
        return missing > 0 ? String(repeating: " ", count: missing) + self : self
    }

    /// The string left-aligned in `width` columns.
    func rightPadded(to width: Int) -> String {
        let missing = width - TerminalWidth.of(self)
        return missing > 0 ? self + String(repeating: " ", count: missing) : self
    }
}
