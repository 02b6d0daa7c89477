public import Foundation

/// What `stele list` shows of a release without opening its folder.
public struct ReleaseSummary: Codable, Sendable, Equatable {
    /// The release.
    public var source: String
    /// The release key.
    public var key: ReleaseKey
    /// The title (English when there is one).
    public var title: String?
    /// The publication date.
    public var published: Date?
    /// When Stele first saw it.
    public var firstSeen: Date?
    /// Per language: its status and versions.
    public var languages: [String: LanguageSummary]

    /// The release this summarises.
    public var release: ReleaseRef { ReleaseRef(source: source, key: key) }
}

/// One language in a ``ReleaseSummary``.
public struct LanguageSummary: Codable, Sendable, Equatable {
    /// The status from `release.json`, if it has one.
    public var status: LanguageStatus?
    /// Committed versions.
    public var versions: Int
    /// When the newest version was fetched.
    public var latestFetchedAt: Date?
}

/// `index.jsonl`: one summary line per change to a release, the last line of a release winning;
/// never a second source of truth. It is rebuilt from the release folders when it is missing, when
/// the previous writer did not close cleanly (`index.dirty` was left), or by `stele check --repair`,
/// and compacted when it grows to more than twice its live lines.
enum StoreIndex {
    /// Present while a writer runs; a writer that finds it knows the last one died mid-work.
    static func dirtyMarker(_ layout: StoreLayout) -> String { layout.root + "/index.dirty" }

    /// The summary of one release, from its files.
    static func summary(of release: ReleaseRef, in store: Store) throws(StoreError) -> ReleaseSummary {
        let record = try store.release(release)
        var languages: [String: LanguageSummary] = [:]
        for (code, entry) in record?.languages ?? [:] {
            languages[code] = LanguageSummary(status: entry.status, versions: 0, latestFetchedAt: nil)
        }
        for language in try store.languages(release) {
            let numbers = try store.versionNumbers(release, language: language)
            guard let latest = numbers.last else { continue }
            let metadata = try store.metadata(release, language: language, version: latest)
            languages[language, default: LanguageSummary(status: nil, versions: 0)].versions = numbers.count
            languages[language]?.latestFetchedAt = metadata.fetchedAt
        }
        return ReleaseSummary(
            source: release.source, key: release.key, title: record?.title(preferring: "en"),
            published: record?.published, firstSeen: record?.firstSeen, languages: languages)
    }

    /// Summaries of every release, read from the files (slow on a big store, always right).
    static func scan(_ store: Store) throws(StoreError) -> [ReleaseSummary] {
        var result: [ReleaseSummary] = []
        for release in try store.allReleases() { result.append(try summary(of: release, in: store)) }
        return result
    }

    /// The live summaries in the index and its line count, or `nil` when it is missing or unreadable.
    static func read(_ layout: StoreLayout) -> (summaries: [ReleaseSummary], lines: Int)? {
        guard let bytes = try? DurableFile.read(layout.indexFile) else { return nil }
        var latest: [ReleaseRef: Int] = [:]
        var summaries: [ReleaseSummary] = []
        var lines = 0
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601WithMilliseconds
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            defer { start = index + 1 }
            guard index > start else { continue }
            guard let summary = try? decoder.decode(ReleaseSummary.self, from: Data(bytes[start..<index])) else { return nil }
            lines += 1
            if let position = latest[summary.release] {
                summaries[position] = summary
            } else {
                latest[summary.release] = summaries.count
                summaries.append(summary)
            }
        }
        return (summaries, lines)
    }

    /// Replaces the index with `summaries`, atomically.
    static func rewrite(_ layout: StoreLayout, _ summaries: [ReleaseSummary]) throws(StoreError) {
        var bytes: [UInt8] = []
        for summary in summaries {
            bytes += StoreJSON.encode(summary, pretty: false)
            bytes.append(0x0A)
        }
        try DurableFile.write(bytes, to: layout.indexFile)
    }
}

extension JSONDecoder.DateDecodingStrategy {
    /// The store's dates: ISO 8601 with milliseconds, or without fractional seconds.
    static var iso8601WithMilliseconds: JSONDecoder.DateDecodingStrategy {
        .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
            if let date = try? Date(text, strategy: Date.ISO8601FormatStyle()) { return date }
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 date: \(text)")
        }
    }
}

extension Store {
    /// A summary of every release: from `index.jsonl` when there is
    /// one (fast), else from the release folders.
    public func summaries() throws(StoreError) -> [ReleaseSummary] {
        if let index = StoreIndex.read(layout) { return index.summaries }
        return try StoreIndex.scan(self)
    }
}
