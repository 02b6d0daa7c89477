import Foundation
import SteleDiff
import SteleStore

/// The JSON of every `--json` output: keys sorted, so that outputs are stable and diff well;
/// dates as the store writes them (`2025-12-04T12:00:00.000Z`, UTC); no escaped slashes in
/// addresses; absent values left out.
enum ReportJSON {
    /// `value` as pretty-printed JSON (one line per key) or compact (one line in all), without a
    /// final newline.
    static func encode<Value: Encodable>(_ value: Value, pretty: Bool = true) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(StoreDate.format(date))
        }
        // Plain structs of strings, numbers and dates always encode.
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }

    /// A word diff as a list of `{"equal": …}`, `{"removed": …}`, `{"inserted": …}`.
    static func segments(_ diff: WordDiff) -> [[String: String]] {
        diff.segments.map { segment in
            switch segment {
            case .equal(let text): ["equal": text]
            case .removed(let text): ["removed": text]
            case .inserted(let text): ["inserted": text]
            }
        }
    }
}

/// A version in JSON outputs.
struct VersionJSON: Encodable {
    var language: String
    var version: Int
    var fetchedAt: Date
    var url: String
    var paragraphs: Int
    var sha256: String

    init(_ version: ResolvedVersion) {
        language = version.language
        self.version = version.version
        fetchedAt = version.metadata.fetchedAt
        url = version.metadata.url
        paragraphs = version.metadata.paragraphs
        sha256 = version.metadata.sha256
    }
}
