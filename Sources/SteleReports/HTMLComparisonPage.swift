import SteleDiff
import SteleStore
/// A ``LanguageComparison`` as one self-contained HTML page — styles inline, no script, no image,
/// nothing fetched — that any browser opens and that prints legibly: the two columns, gaps,
/// rows changed since translated (with `<del>`/`<ins>` word diffs) and low-confidence rows each
/// marked by a class, a coloured background and a label in words, so that black-and-white
/// printing loses nothing.
///
/// Rows are `<tr class="row KIND [stale] [added] [gap] [low-confidence]">` with `KIND` one of
/// `match`, `merge`, `source-only`, `target-only`.
public struct HTMLComparisonPage: Sendable {
    /// How dates are shown.
    public var dates: DateStyle

    /// A page writer showing dates with `dates`.
    public init(dates: DateStyle = DateStyle()) {
        self.dates = dates
    }

    /// The page.
    public func render(_ comparison: LanguageComparison) -> String {
        let source = comparison.source.version, target = comparison.target.version
        let summary = comparison.summary
        let heading = comparison.title ?? comparison.release.description
        var html = """
            <!DOCTYPE html>
            <html lang="\(MarkupText.escape(source.language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="Stele">
            <title>\(MarkupText.escape(comparison.release.description)): \(source.label) and \(target.label)</title>
            <style>
            \(Self.styles)
            </style>
            </head>
            <body>
            <div class="heading">
            <h1>\(MarkupText.escape(heading))</h1>
            <p class="release">\(MarkupText.escape(comparison.release.description))</p>
            <p class="provenance">\(MarkupText.escape(SideBySideRenderer(width: 80, dates: dates).provenance(comparison)))</p>
            <ul class="summary">
            <li>\(summary.rows) rows, \(summary.matched) matched\(summary.merged > 0 ? ", \(summary.merged) merged or split" : "")</li>
            <li class="gap">\(summary.missingInTarget) \(source.language) \(SideBySideRenderer.paragraphs(summary.missingInTarget)) missing in \(target.language), \(summary.missingInSource) \(target.language) \(SideBySideRenderer.paragraphs(summary.missingInSource)) missing in \(source.language)</li>
            <li class="stale">\(MarkupText.escape(stalenessSummary(comparison)))</li>
            <li class="low-confidence">\(summary.lowConfidence) \(summary.lowConfidence == 1 ? "row" : "rows") of low confidence (below \(comparison.lowConfidenceThreshold))</li>
            </ul>
            </div>
            <table class="comparison">
            <colgroup><col class="bead"><col class="source"><col class="target"></colgroup>
            <thead><tr><th scope="col">bead</th><th scope="col" lang="\(MarkupText.escape(source.language))">\(source.label)</th><th scope="col" lang="\(MarkupText.escape(target.language))">\(target.label)</th></tr></thead>
            <tbody>

            """
        for (number, row) in comparison.rows.enumerated() {
            html += self.row(row, number: number + 1, comparison)
        }
        html += "</tbody>\n</table>\n"
        if !comparison.staleness.removed.isEmpty, let base = comparison.staleness.baseVersion {
            html += "<div class=\"removed\">\n<h2>Removed from \(source.language) since \(target.label) was made (\(source.language)@\(base) → \(source.label))</h2>\n"
            for paragraph in comparison.staleness.removed {
                html += "<p lang=\"\(MarkupText.escape(source.language))\"><span class=\"number\">\(paragraph.baseIndex + 1)</span> <del>\(MarkupText.escape(paragraph.text))</del></p>\n"
            }
            html += "</div>\n"
        }
        html += "<p class=\"footer\">Paragraph numbers are line numbers of the versions' text files. Made by Stele.</p>\n</body>\n</html>\n"
        return html
    }

    private func row(_ row: LanguageComparison.Row, number: Int, _ comparison: LanguageComparison) -> String {
        let source = comparison.source.version, target = comparison.target.version
        var classes = ["row", row.kind.rawValue]
        var labels: [String] = []
        if row.isChangedSinceTranslated { classes.append("stale"); labels.append("<span class=\"badge stale\">changed since translated</span>") }
        if row.isAddedSinceTranslated { classes.append("added"); labels.append("<span class=\"badge stale\">added since translated</span>") }
        if row.kind == .sourceOnly || row.kind == .targetOnly { classes.append("gap") }
        if row.isLowConfidence { classes.append("low-confidence"); labels.append("<span class=\"badge low\">low confidence</span>") }
        let sourceCell = row.source.isEmpty
            ? "<td class=\"source gap\"><span class=\"missing\">missing in \(MarkupText.escape(source.language))</span></td>"
            : "<td class=\"source\" lang=\"\(MarkupText.escape(source.language))\">" + row.source.map { index in
                paragraph(index, comparison.source.paragraphs[index], change: row.changes[index])
            }.joined() + "</td>"
        let targetCell = row.target.isEmpty
            ? "<td class=\"target gap\"><span class=\"missing\">missing in \(MarkupText.escape(target.language))</span></td>"
            : "<td class=\"target\" lang=\"\(MarkupText.escape(target.language))\">" + row.target.map { index in
                paragraph(index, comparison.target.paragraphs[index], change: nil)
            }.joined() + "</td>"
        return """
            <tr class="\(classes.joined(separator: " "))" id="row-\(number)">
            <td class="bead">\(row.shape) <span class="confidence">\(SideBySideRenderer.confidence(row.confidence))</span>\(labels.isEmpty ? "" : " " + labels.joined(separator: " "))</td>
            \(sourceCell)
            \(targetCell)
            </tr>

            """
    }

    private func paragraph(_ index: Int, _ text: String, change: ParagraphChange?) -> String {
        let body: String
        var attribute = ""
        switch change {
        case nil:
            body = MarkupText.escape(text)
        case .added?:
            body = "<ins>\(MarkupText.escape(text))</ins>"
            attribute = " data-since-translated=\"added\""
        case .changed(_, let words)?:
            body = words.segments.map { (segment: WordSegment) -> String in
                switch segment {
                case .equal(let text): MarkupText.escape(text)
                case .removed(let text): "<del>\(MarkupText.escape(text))</del>"
                case .inserted(let text): "<ins>\(MarkupText.escape(text))</ins>"
                }
            }.joined()
            attribute = " data-since-translated=\"changed\""
        }
        return "<p\(attribute)><span class=\"number\">\(index + 1)</span> \(body)</p>"
    }

    private func stalenessSummary(_ comparison: LanguageComparison) -> String {
        let source = comparison.source.version, target = comparison.target.version
        let summary = comparison.summary
        guard let base = comparison.staleness.baseVersion else { return "\(target.label) was fetched before any \(source.language) version" }
        guard base < source.version else { return "\(target.label) was made when \(source.language)@\(base) was current; no change since translated is shown" }
        return "changed since translated (\(source.language)@\(base) → \(source.label)): \(summary.changedSinceTranslated) rewritten, "
            + "\(summary.addedSinceTranslated) added, \(summary.removedSinceTranslated) removed"
    }


    static let styles = """
        :root { --gap: #fff1e0; --stale: #f1e7ff; --stale-edge: #7a3cd6; --low: #fff8d6; --ins: #d4f4dc; --del: #fbdada; }
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1d1d1f; background: #fff; margin: 2rem auto; max-width: 96rem; padding: 0 1rem; }
        h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
        .release, .provenance { color: #555; margin: .1rem 0; }
        ul.summary { padding-left: 1.2rem; }
        table.comparison { border-collapse: collapse; width: 100%; table-layout: fixed; }
        col.bead { width: 9rem; }
        th, td { border-top: 1px solid #d0d0d0; padding: .45rem .6rem; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
        thead th { border-bottom: 2px solid #888; }
        td p { margin: 0 0 .4rem; }
        td p:last-child { margin-bottom: 0; }
        .number { color: #888; font-size: .8em; font-variant-numeric: tabular-nums; }
        .confidence { color: #666; font-variant-numeric: tabular-nums; }
        tr.gap td.gap { background: var(--gap); }
        .missing { color: #a4262c; font-style: italic; }
        tr.stale td.source, tr.added td.source { background: var(--stale); box-shadow: inset 4px 0 0 var(--stale-edge); }
        tr.low-confidence td.bead { background: var(--low); }
        .badge { display: inline-block; font-size: .72em; line-height: 1.3; padding: 0 .35em; border: 1px solid currentColor; border-radius: .3em; white-space: nowrap; }
        .badge.stale { color: var(--stale-edge); }
        .badge.low { color: #8a6100; }
        ins { background: var(--ins); text-decoration: underline; }
        del { background: var(--del); text-decoration: line-through; }
        div.removed h2 { font-size: 1.1rem; }
        p.footer { color: #777; font-size: .85em; margin-top: 1.5rem; }
        @media print {
          body { margin: 0; max-width: none; font-size: 10pt; }
          tr { break-inside: avoid; }
          thead { display: table-header-group; }
          td, ins, del, .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}
