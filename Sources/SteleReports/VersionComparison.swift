import Foundation
public import SteleDiff
public import SteleStore

/// Two versions of one language of a release, compared paragraph by paragraph with word diffs
/// inside rewritten paragraphs: what `stele diff RELEASE en@1 en@2` prints.
public struct VersionComparison: Sendable {
    /// The release.
    public let release: ReleaseRef
    /// The older side (or whichever was named first).
    public let old: ResolvedVersion
    /// The newer side.
    public let new: ResolvedVersion
    /// The comparison.
    public let diff: ParagraphDiff
    private let oldText: String
    private let newText: String

    /// Compares `old` with `new`, both of `reader`'s release.
    public init(_ reader: ReleaseReader, old: ResolvedVersion, new: ResolvedVersion) throws(ReportError) {
        release = reader.release
        self.old = old
        self.new = new
        oldText = try reader.text(old)
        newText = try reader.text(new)
        diff = ParagraphDiff(old: Self.lines(oldText), new: Self.lines(newText))
    }

    /// The file of a version as labels show it: `news_231001/en/0002.txt`.
    private func path(_ version: ResolvedVersion) -> String {
        "\(release.key)/\(version.language)/\(StoreLayout.versionName(version.version)).txt"
    }

    /// The word-level rendering (`[-removed-]{+inserted+}`, or colours), with `context` unchanged
    /// paragraphs around each change and a last line of counts; a sentence when nothing changed.
    public func word(style: TextStyle, context: Int = 3, dates: DateStyle = DateStyle()) -> String {
        guard !diff.isEmpty else { return "\(old.label) and \(new.label) of \(release) have the same text\n" }
        let renderer = WordDiffRenderer(style: style == .ansi ? .ansi : .plain, context: context)
        let oldLabel = "\(release) \(old.label) (\(dates.minutes(old.metadata.fetchedAt)))"
        let newLabel = "\(release) \(new.label) (\(dates.minutes(new.metadata.fetchedAt)))"
        return renderer.render(diff, oldLabel: oldLabel, newLabel: newLabel) + style.paint("\(old.label) → \(new.label): \(diff.statistics.summary)", .dim) + "\n"
    }

    /// The unified diff of the two text files, as `diff -u` prints it and `patch` applies it; empty
    /// when the texts are equal.
    public func unified(context: Int = 3) -> String {
        UnifiedDiff.make(from: oldText, to: newText, oldLabel: path(old), newLabel: path(new), context: context)
    }

    /// Everything as one JSON object: both versions, the counts, and every paragraph in order with
    /// its kind (`unchanged`, `changed`, `added`, `removed`), its 0-based indices and its text or word diff.
    public var json: String {
        ReportJSON.encode(VersionComparisonJSON(self))
    }

    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}

private struct VersionComparisonJSON: Encodable {
    struct Row: Encodable {
        var kind: String
        var old: Int?
        var new: Int?
        var text: String?
        var words: [[String: String]]?
    }

    var release: String
    var old: VersionJSON
    var new: VersionJSON
    var statistics: DiffStatistics
    var rows: [Row]

    init(_ comparison: VersionComparison) {
        release = comparison.release.description
        old = VersionJSON(comparison.old)
        new = VersionJSON(comparison.new)
        statistics = comparison.diff.statistics
        let diff = comparison.diff
        rows = diff.rows.map { row in
            switch row {
            case .unchanged(let old, let new): Row(kind: "unchanged", old: old, new: new, text: diff.old[old])
            case .removed(let old): Row(kind: "removed", old: old, text: diff.old[old])
            case .added(let new): Row(kind: "added", new: new, text: diff.new[new])
            case .changed(let old, let new, let words): Row(kind: "changed", old: old, new: new, words: ReportJSON.segments(words))
            }
        }
    }
}
