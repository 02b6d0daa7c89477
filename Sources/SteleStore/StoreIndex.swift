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

    /// A summary with every field given.
    public init(source: String, key: ReleaseKey, title: String?, published: Date?, firstSeen: Date?, languages: [String: LanguageSummary]) {
        self.source = source
        self.key = key
        self.title = title
        self.published = published
        self.firstSeen = firstSeen
        self.languages = languages
    }
}

/// One language in a ``ReleaseSummary``.
public struct LanguageSummary: Codable, Sendable, Equatable {
    /// The status from `release.json`, if it has one.
    public var status: LanguageStatus?
    /// Committed versions.
    public var versions: Int
    /// When the newest version was fetched.
    public var latestFetchedAt: Date?

    /// A language's summary.
    public init(status: LanguageStatus?, versions: Int, latestFetchedAt: Date? = nil) {
        self.status = status
        self.versions = versions
        self.latestFetchedAt = latestFetchedAt
    }
}

/// `index.tsv`: one summary line per change to a release, the last line of a release winning;
/// never a second source of truth. It is rebuilt from the release folders when it is missing, when
/// the previous writer did not close cleanly (`index.dirty` was left), or by `stele check --repair`,
/// and compacted when it holds a quarter more lines than releases, so that reading it stays fast.
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
    /// A release whose files cannot be read (a damaged `release.json`, a folder without
    /// permission) gets no line: one bad release must not keep a writer from opening the store,
    /// and `stele check` reports it.
    static func scan(_ store: Store) throws(StoreError) -> [ReleaseSummary] {
        var result: [ReleaseSummary] = []
        for release in try store.allReleases() {
            if let summary = try? summary(of: release, in: store) { result.append(summary) }
        }
        return result
    }

    /// The live summaries in the index and its line count, or `nil` when it is missing or unreadable.
    static func read(_ layout: StoreLayout) -> (summaries: [ReleaseSummary], lines: Int)? {
        guard let bytes = try? DurableFile.read(layout.indexFile) else { return nil }
        // About 150 bytes a line: sized once rather than grown through a dozen copies.
        var latest = [ReleaseRef: Int](minimumCapacity: bytes.count / 150)
        var summaries: [ReleaseSummary] = []
        summaries.reserveCapacity(bytes.count / 150)
        var lines = 0
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            defer { start = index + 1 }
            guard index > start, bytes[start] != 0x23 else { continue } // empty, or a "#" comment
            guard let summary = parse(bytes[start..<index]) else { return nil }
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
        var bytes = Array(header.utf8)
        for summary in summaries { bytes += line(summary) }
        try DurableFile.write(bytes, to: layout.indexFile)
    }

    static let header = "# stele index 1: source, key, title, published, first seen, languages (code:status:versions:latest fetch)\n"

    /// One line of the index: tab-separated fields, dates as seconds since 1970, the title escaped.
    /// Tab-separated rather than JSON because reading 10,000 lines must take milliseconds.
    static func line(_ summary: ReleaseSummary) -> [UInt8] {
        func date(_ value: Date?) -> String { value.map { String($0.timeIntervalSince1970) } ?? "" }
        let languages = summary.languages.sorted { $0.key < $1.key }.map { code, language in
            "\(code):\(language.status?.rawValue ?? ""):\(language.versions):\(date(language.latestFetchedAt))"
        }.joined(separator: ",")
        let fields = [summary.source, summary.key.rawValue, escape(summary.title ?? ""), date(summary.published), date(summary.firstSeen), languages]
        return Array((fields.joined(separator: "\t") + "\n").utf8)
    }

    /// Parsed on bytes in one pass: splitting into arrays of slices, Character-based splitting and
    /// Foundation's `contains` each cost more than everything else here.
    private static func parse(_ line: ArraySlice<UInt8>) -> ReleaseSummary? {
        var fields: [Range<Int>] = []
        fields.reserveCapacity(6)
        var start = line.startIndex
        for index in line.indices where line[index] == 0x09 {
            fields.append(start..<index)
            start = index + 1
        }
        fields.append(start..<line.endIndex)
        guard fields.count == 6, ReleaseKey.isSafe(asciiBytes: line[fields[1]]) else { return nil }
        let key = ReleaseKey(unchecked: text(line[fields[1]]))
        var languages = [String: LanguageSummary](minimumCapacity: 4)
        var entryStart = fields[5].lowerBound
        var parts: [Range<Int>] = []
        parts.reserveCapacity(4)
        for index in fields[5].lowerBound...fields[5].upperBound {
            guard index == fields[5].upperBound || line[index] == 0x2C || line[index] == 0x3A else { continue }
            parts.append(entryStart..<index)
            entryStart = index + 1
            guard index == fields[5].upperBound || line[index] == 0x2C else { continue }
            if parts.count == 1 && parts[0].isEmpty { break } // no languages
            guard parts.count == 4, let versions = integer(line[parts[2]]) else { return nil }
            let status = parts[1].isEmpty ? nil : status(line[parts[1]])
            languages[text(line[parts[0]])] = LanguageSummary(status: status, versions: versions, latestFetchedAt: date(line[parts[3]]))
            parts.removeAll(keepingCapacity: true)
        }
        let titleBytes = line[fields[2]]
        let title = titleBytes.isEmpty ? nil : titleBytes.contains(0x5C) ? unescape(text(titleBytes)) : text(titleBytes)
        return ReleaseSummary(source: text(line[fields[0]]), key: key, title: title, published: date(line[fields[3]]), firstSeen: date(line[fields[4]]), languages: languages)
    }

    /// Seconds since 1970 as ``line(_:)`` writes them (`1764849600.0`, `1764849600.123`): digits are
    /// read by hand, since the number is at most 17 digits divided by a power of ten at most 10^22,
    /// one correctly rounded division gives exactly what `strtod` would; anything else goes to it.
    /// A value that is not a number of seconds between the years 1 and 9999 (`inf`, `1e300`: an
    /// index written by hand or damaged) counts as no date; `stele check` finds the disagreement.
    private static func date(_ bytes: ArraySlice<UInt8>) -> Date? {
        guard !bytes.isEmpty else { return nil }
        var mantissa: Int64 = 0, digits = 0, fraction = -1
        var seconds: Double?
        for byte in bytes {
            if byte == 0x2E, fraction < 0 {
                fraction = 0
            } else if byte &- 0x30 < 10, digits < 17 {
                mantissa = mantissa * 10 + Int64(byte &- 0x30)
                digits += 1
                if fraction >= 0 { fraction += 1 }
            } else {
                seconds = Double(text(bytes)) ?? .nan
                break
            }
        }
        let value = seconds ?? Double(mantissa) / powersOfTen[max(0, fraction)]
        guard StoreDate.representableSeconds.contains(value) else { return nil }
        return Date(timeIntervalSince1970: value)
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    private static func integer(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte &- 0x30 < 10 else { return nil }
            value = value * 10 + Int(byte &- 0x30)
        }
        return value
    }

    private static func status(_ bytes: ArraySlice<UInt8>) -> LanguageStatus? {
        LanguageStatus.allCases.first { $0.rawValue.utf8.elementsEqual(bytes) }
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) || text.contains(where: \.isNewline) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r", "\r\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    private static func unescape(_ text: String) -> String {
        guard text.utf8.contains(0x5C) else { return text }
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                result.append(character == "t" ? "\t" : character == "n" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

extension JSONDecoder.DateDecodingStrategy {
    /// The store's dates: ISO 8601 with milliseconds, or without fractional seconds.
    static var iso8601WithMilliseconds: JSONDecoder.DateDecodingStrategy {
        .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = StoreDate.parse(text) { return date }
            if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
            if let date = try? Date(text, strategy: Date.ISO8601FormatStyle()) { return date }
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 date: \(text)")
        }
    }
}

extension Store {
    /// A summary of every release: from `index.tsv` when there is
    /// one (fast), else from the release folders.
    public func summaries() throws(StoreError) -> [ReleaseSummary] {
        if let index = StoreIndex.read(layout) { return index.summaries }
        return try StoreIndex.scan(self)
    }
}
