public import Foundation
public import SteleStore
import SteleDiff

/// Which releases `stele list` shows.
public struct ListingQuery: Sendable, Equatable {
    /// Only these sources (all when empty).
    public var sources: [String]
    /// Only releases dated at or after this (their publication date, else when first seen).
    public var since: Date?
    /// Only releases without a version in one of these languages (pending, missing, gone or unknown).
    public var missing: [String]
    /// Only releases with a translation pending.
    public var pending: Bool
    /// At most this many (the newest).
    public var limit: Int?

    /// A query; by default every release.
    public init(sources: [String] = [], since: Date? = nil, missing: [String] = [], pending: Bool = false, limit: Int? = nil) {
        self.sources = sources
        self.since = since
        self.missing = missing
        self.pending = pending
        self.limit = limit
    }
}

/// The releases a query selects, newest first, from the store's index (one file read, however
/// many releases).
public struct ReleaseListing: Sendable {
    /// One release: its summary and the date it is sorted by.
    public struct Entry: Sendable, Equatable {
        /// What the index knows of it.
        public var summary: ReleaseSummary
        /// Its publication date, else when Stele first saw it.
        public var date: Date?
    }

    /// The releases, newest first.
    public let entries: [Entry]
    /// The language columns: the preferred order first, then the most present languages.
    public let languages: [String]
    /// Whether the entries come from several sources (then they are named `SOURCE/KEY`).
    public let severalSources: Bool

    /// Selects and sorts `summaries`. An unknown source or language in the query is an error with
    /// the nearest names; `knownLanguages` (the configured ones, primary first) are always accepted
    /// and come first.
    public init(summaries: [ReleaseSummary], query: ListingQuery, knownLanguages: [String] = []) throws(ReportError) {
        let sources = Set(summaries.map(\.source))
        for source in query.sources where !sources.contains(source) {
            throw .unknownSource(name: source, known: sources.sorted(), suggestions: EditDistance.suggestions(for: source, among: Array(sources)))
        }
        var presence: [String: Int] = [:]
        for summary in summaries {
            for (code, language) in summary.languages { presence[code, default: 0] += language.versions > 0 ? 1 : 0 }
        }
        let allLanguages = Set(presence.keys).union(knownLanguages)
        for language in query.missing where !allLanguages.contains(language) {
            throw .unknownLanguage(language: language, release: nil, known: allLanguages.sorted(),
                                   suggestions: EditDistance.suggestions(for: language, among: Array(allLanguages)))
        }
        languages = allLanguages.sorted { a, b in
            let rankA = knownLanguages.firstIndex(of: a) ?? knownLanguages.count, rankB = knownLanguages.firstIndex(of: b) ?? knownLanguages.count
            if rankA != rankB { return rankA < rankB }
            if presence[a, default: 0] != presence[b, default: 0] { return presence[a, default: 0] > presence[b, default: 0] }
            return a < b
        }
        let wantedSources = Set(query.sources)
        // Sorted as (date, position) pairs, then gathered: moving whole summaries while sorting costs more than the rest.
        var selected: [(date: Date?, position: Int)] = []
        selected.reserveCapacity(summaries.count)
        for (position, summary) in summaries.enumerated() {
            if !wantedSources.isEmpty && !wantedSources.contains(summary.source) { continue }
            let date = summary.published ?? summary.firstSeen
            if let since = query.since, (date.map { $0 < since } ?? true) { continue }
            if !query.missing.isEmpty && !query.missing.contains(where: { summary.languages[$0].map(Self.lacksVersion) ?? true }) { continue }
            if query.pending && !summary.languages.values.contains(where: { $0.status == .pending }) { continue }
            selected.append((date, position))
        }
        selected.sort { a, b in
            let dateA = a.date ?? .distantPast, dateB = b.date ?? .distantPast
            return dateA != dateB ? dateA > dateB : summaries[a.position].release > summaries[b.position].release
        }
        if let limit = query.limit, limit >= 0, selected.count > limit { selected.removeLast(selected.count - limit) }
        let entries = selected.map { Entry(summary: summaries[$0.position], date: $0.date) }
        self.entries = entries
        severalSources = Set(entries.map(\.summary.source)).count > 1
    }

    /// Whether a language has no version a reader can open (pending, missing, gone, or none yet).
    static func lacksVersion(_ language: LanguageSummary) -> Bool {
        language.versions == 0 || language.status == .gone
    }

    /// How a language of a release reads in the table: `v3` (three versions), `pending`, `missing`,
    /// `gone`, or `-` when nothing is known.
    static func cell(_ language: LanguageSummary?) -> (text: String, role: TextRole) {
        guard let language else { return ("-", .dim) }
        if language.status == .gone { return ("gone", .dim) }
        if language.versions > 0 { return ("v\(language.versions)", .plain) }
        switch language.status {
        case .pending?: return ("pending", .warning)
        case .missing?: return ("missing", .alert)
        case .present?, .gone?, nil: return ("-", .dim)
        }
    }

    /// The table: a header, then one line per release (date, release, a column per language,
    /// title). With a `width`, titles are cut to fit it; without, lines are whole (for pipes).
    /// Built as bytes: a listing of 10,000 releases must take milliseconds.
    public func text(width: Int? = nil, style: TextStyle = .plain, dates: DateStyle = DateStyle()) -> String {
        let names = entries.map { severalSources ? $0.summary.release.description : $0.summary.key.rawValue }
        let nameWidth = max(7, names.map { TerminalWidth.of($0) }.max() ?? 0)
        let cells = entries.map { entry in languages.map { Self.cell(entry.summary.languages[$0]) } }
        let cellWidths = languages.indices.map { column in max(languages[column].count, cells.map { $0[column].text.count }.max() ?? 0) }
        let fixed = 16 + 2 + nameWidth + 2 + cellWidths.reduce(0) { $0 + $1 + 2 }
        let titleWidth = width.map { max(10, $0 - fixed) }
        var output: [UInt8] = []
        output.reserveCapacity(entries.count * (fixed + 40) + 200)
        func append(_ text: String) { output.append(contentsOf: text.utf8) }
        func pad(_ count: Int) { if count > 0 { output.append(contentsOf: repeatElement(0x20, count: count)) } }
        var header = "DATE".rightPadded(to: 16) + "  " + "RELEASE".rightPadded(to: nameWidth) + "  "
        for (index, code) in languages.enumerated() { header += code.uppercased().rightPadded(to: cellWidths[index]) + "  " }
        append(style.paint(header + "TITLE", .heading) + "\n")
        for (row, entry) in entries.enumerated() {
            if let date = entry.date { dates.appendMinutes(date, to: &output) } else { pad(16) }
            pad(2)
            append(names[row])
            pad(nameWidth - TerminalWidth.of(names[row]) + 2)
            for (column, cell) in cells[row].enumerated() {
                append(style == .plain ? cell.text : style.paint(cell.text, cell.role))
                pad(cellWidths[column] - cell.text.count + 2)
            }
            let title = entry.summary.title ?? ""
            append(titleWidth.map { TerminalWidth.truncate(title, to: $0) } ?? title)
            while output.last == 0x20 { output.removeLast() }
            output.append(0x0A)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The releases as a JSON array, newest first, one release a line (so that `grep` and `jq`
    /// both work on it): `release` (`SOURCE/KEY`), `source`, `key`, `title`, `date`, `published`,
    /// `firstSeen`, and per language its `status`, `versions` and `latestFetchedAt`; keys sorted,
    /// absent values left out. Written by hand: a general encoder takes a third of a second here.
    public var json: String {
        var json = JSONObjectWriter(capacity: entries.count * 400 + 4)
        json.raw("[")
        for (index, entry) in entries.enumerated() {
            json.raw(index == 0 ? "\n" : ",\n")
            let summary = entry.summary
            json.open()
            json.date("date", entry.date)
            json.date("firstSeen", summary.firstSeen)
            json.string("key", summary.key.rawValue)
            json.key("languages")
            json.open()
            for code in summary.languages.keys.sorted() {
                let language = summary.languages[code]!
                json.key(code)
                json.open()
                json.date("latestFetchedAt", language.latestFetchedAt)
                json.string("status", language.status?.rawValue)
                json.number("versions", language.versions)
                json.close()
            }
            json.close()
            json.date("published", summary.published)
            json.string("release", summary.release.description)
            json.string("source", summary.source)
            json.string("title", summary.title)
            json.close()
        }
        json.raw(entries.isEmpty ? "]" : "\n]")
        return String(decoding: json.bytes, as: UTF8.self)
    }
}
