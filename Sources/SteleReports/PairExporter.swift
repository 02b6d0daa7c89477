public import Foundation
public import SteleStore
import SteleDiff

/// What `stele export` writes.
public struct ExportOptions: Sendable, Equatable {
    /// Only these sources (all when empty).
    public var sources: [String]
    /// Only these pairs (when empty, every pair the store has aligned).
    public var pairs: [LanguagePair]
    /// Only beads at least this confident.
    public var minimumConfidence: Double
    /// Also merges and splits (2-1, 1-2, ...), their paragraphs joined by a space; else 1-1 beads only.
    public var includeMerges: Bool
    /// Leave out pairs whose original changed after the translation was made.
    public var skipChanged: Bool

    /// Options; by default every 1-1 bead of every aligned pair.
    public init(sources: [String] = [], pairs: [LanguagePair] = [], minimumConfidence: Double = 0, includeMerges: Bool = false, skipChanged: Bool = false) {
        self.sources = sources
        self.pairs = pairs
        self.minimumConfidence = minimumConfidence
        self.includeMerges = includeMerges
        self.skipChanged = skipChanged
    }
}

/// How much an export wrote and left out.
public struct ExportCount: Sendable, Equatable, Codable {
    /// Releases read.
    public var releases = 0
    /// Pairs written.
    public var written = 0
    /// Beads below the minimum confidence.
    public var belowConfidence = 0
    /// Merges and splits left out.
    public var merges = 0
    /// Beads without a counterpart (never exported).
    public var unaligned = 0
    /// Pairs left out because the original changed since translated.
    public var changed = 0
    /// Releases that could not be read (damaged, or not readable by this user), each with why:
    /// left out of the export, which goes on with the others.
    public var unreadable: [String] = []
}

/// Walks the releases of a store and hands each aligned pair of their newest versions to a writer.
/// The store's alignments are used when they are of the newest versions; others are aligned now,
/// as the next sync would. Reads only; takes no lock.
public struct PairExporter: Sendable {
    /// The store.
    public let store: Store
    /// What to write.
    public let options: ExportOptions
    /// The pairs that will be exported, sorted: the options' pairs, or every pair aligned in the store.
    public let pairs: [LanguagePair]

    /// An exporter; an unknown source or language in `options` is an error with the nearest names.
    public init(store: Store, options: ExportOptions) throws(ReportError) {
        self.store = store
        self.options = options
        let summaries = try ReportError.reading { () throws(StoreError) in try store.summaries() }
        let sources = Set(summaries.map(\.source))
        for source in options.sources where !sources.contains(source) {
            throw .unknownSource(name: source, known: sources.sorted(), suggestions: EditDistance.suggestions(for: source, among: Array(sources)))
        }
        let languages = Set(summaries.flatMap(\.languages.keys))
        for pair in options.pairs {
            for language in [pair.source, pair.target] where !languages.contains(language) {
                throw .unknownLanguage(language: language, release: nil, known: languages.sorted(), suggestions: EditDistance.suggestions(for: language, among: Array(languages)))
            }
        }
        if !options.pairs.isEmpty {
            pairs = Array(Set(options.pairs)).sorted()
        } else {
            var found = Set<LanguagePair>()
            for release in try Self.releases(store, options) {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: store.layout.alignFolder(release.source, release.key))) ?? []
                for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
                    if let pair = try? LanguagePair(parsing: String(name.dropLast(5))) { found.insert(pair) }
                }
            }
            pairs = found.sorted()
        }
    }

    /// The original language all pairs share, or `nil` when they differ (TMX then says `*all*`).
    public var sourceLanguage: String? {
        let sources = Set(pairs.map(\.source))
        return sources.count == 1 ? sources.first : nil
    }

    /// Hands every pair to `write`, release by release (by source, then key); stops at the first
    /// error `write` throws. A release that cannot be read is counted in ``ExportCount/unreadable``
    /// and left out. `now` dates alignments computed for the export.
    public func run(now: Date = Date(), _ write: (AlignedPair) throws(ReportError) -> Void) throws(ReportError) -> ExportCount {
        var count = ExportCount()
        for release in try Self.releases(store, options) {
            var releaseCount = count
            let found: [AlignedPair]
            do {
                found = try pairs(of: release, now: now, &releaseCount)
            } catch {
                count.unreadable.append("\(release): \(error)")
                continue
            }
            count = releaseCount
            count.releases += 1
            for pair in found {
                try write(pair)
                count.written += 1
            }
        }
        return count
    }

    /// The pairs of one release, counting what is left out.
    private func pairs(of release: ReleaseRef, now: Date, _ count: inout ExportCount) throws(ReportError) -> [AlignedPair] {
        let reader = try ReleaseReader(store: store, release: release)
        var result: [AlignedPair] = []
        for pair in pairs {
            // A language without a version is no pair; a version that cannot be read is an error.
            guard reader.versions[pair.source]?.isEmpty == false, reader.versions[pair.target]?.isEmpty == false else { continue }
            let source = try reader.resolve(VersionSpec(language: pair.source))
            let target = try reader.resolve(VersionSpec(language: pair.target))
            let comparison = try LanguageComparison(reader, source: source, target: target)
            let alignedAt = comparison.origin == .stored ? (try reader.alignment(from: pair.source, to: pair.target)?.computedAt ?? now) : now
            for (index, row) in comparison.rows.enumerated() {
                if row.source.isEmpty || row.target.isEmpty { count.unaligned += 1; continue }
                if row.kind == .merge && !options.includeMerges { count.merges += 1; continue }
                if row.confidence < options.minimumConfidence { count.belowConfidence += 1; continue }
                let changed = !row.changes.isEmpty
                if changed && options.skipChanged { count.changed += 1; continue }
                result.append(AlignedPair(
                    release: release, title: comparison.title, pair: pair, bead: index, shape: row.shape, confidence: row.confidence,
                    alignment: comparison.origin, alignedAt: alignedAt,
                    source: side(comparison.source, row.source), target: side(comparison.target, row.target),
                    changedSinceTranslated: changed, translatedFrom: changed ? translatedFrom(row, comparison) : nil))
            }
        }
        return result
    }

    private func side(_ side: LanguageComparison.Side, _ indices: [Int]) -> AlignedPair.Side {
        AlignedPair.Side(
            language: side.version.language, version: side.version.version, fetchedAt: side.version.metadata.fetchedAt,
            paragraphs: indices, text: indices.map { side.paragraphs[$0] }.joined(separator: " "))
    }

    /// The original's paragraphs of a changed row as they were in the version the translation was made from.
    private func translatedFrom(_ row: LanguageComparison.Row, _ comparison: LanguageComparison) -> String? {
        guard let diff = comparison.staleness.diff else { return nil }
        let texts = row.source.compactMap { index -> String? in
            switch row.changes[index] {
            case .changed(let baseIndex, _)?: diff.old[baseIndex]
            case .added?: nil
            case nil: comparison.source.paragraphs[index]
            }
        }
        return texts.isEmpty ? nil : texts.joined(separator: " ")
    }

    private static func releases(_ store: Store, _ options: ExportOptions) throws(ReportError) -> [ReleaseRef] {
        try ReportError.reading { () throws(StoreError) -> [ReleaseRef] in
            let sources = options.sources.isEmpty ? try store.sources() : options.sources.sorted()
            var releases: [ReleaseRef] = []
            for source in sources { releases += try store.releasesIncludingDamaged(source: source) }
            return releases
        }
    }
}
