import Foundation
public import SteleStore
import SteleDiff

/// One release as the reading commands see it: its record, its languages and their committed
/// versions, read once. A writer may commit versions meanwhile; what was listed stays readable.
public struct ReleaseReader: Sendable {
    /// The store.
    public let store: Store
    /// The release.
    public let release: ReleaseRef
    /// `release.json`, when there is one.
    public let record: ReleaseRecord?
    /// Committed version numbers per language, increasing.
    public let versions: [String: [Int]]
    /// Every language the release knows (a version or a status), in ``languageOrder(preferring:)`` order.
    public let languages: [String]

    /// Reads the release's record and version lists. `preferredOrder` puts those languages first
    /// (a source's configured languages, primary first).
    public init(store: Store, release: ReleaseRef, preferredOrder: [String] = []) throws(ReportError) {
        self.store = store
        self.release = release
        let (record, versions) = try ReportError.reading { () throws(StoreError) -> (ReleaseRecord?, [String: [Int]]) in
            try store.checkReleaseFolder(release)
            var versions: [String: [Int]] = [:]
            for language in try store.languages(release) { versions[language] = try store.versionNumbers(release, language: language) }
            return (try store.release(release), versions)
        }
        self.record = record
        self.versions = versions
        let known = Set(versions.keys).union(record?.languages.keys ?? [:].keys)
        languages = Self.order(Array(known), preferred: preferredOrder, record: record)
    }

    /// The title, English first.
    public var title: String? { record?.title(preferring: "en") }

    /// The version `spec` names; an unknown language or version is an error with what exists.
    public func resolve(_ spec: VersionSpec) throws(ReportError) -> ResolvedVersion {
        guard let numbers = versions[spec.language], !numbers.isEmpty else {
            if let entry = record?.languages[spec.language] {
                throw .noVersion(language: spec.language, release: release.description, status: entry.status, since: entry.statusSince)
            }
            throw .unknownLanguage(language: spec.language, release: release.description, known: languages,
                                   suggestions: EditDistance.suggestions(for: spec.language, among: languages))
        }
        guard let version = spec.pick(among: numbers) else {
            throw .unknownVersion(spec: spec.description, release: release.description, versions: numbers)
        }
        return ResolvedVersion(release: release, language: spec.language, version: version, metadata: try metadata(spec.language, version))
    }

    /// The metadata of one committed version.
    public func metadata(_ language: String, _ version: Int) throws(ReportError) -> VersionMetadata {
        try ReportError.reading { () throws(StoreError) in try store.metadata(release, language: language, version: version) }
    }

    /// The metadata of every committed version of `language`, oldest first.
    public func history(_ language: String) throws(ReportError) -> [VersionMetadata] {
        var result: [VersionMetadata] = []
        for version in versions[language] ?? [] { result.append(try metadata(language, version)) }
        return result
    }

    /// The paragraphs of a version.
    public func paragraphs(_ version: ResolvedVersion) throws(ReportError) -> [String] {
        try ReportError.reading { () throws(StoreError) in try store.verifiedParagraphs(release, language: version.language, version: version.version, metadata: version.metadata) }
    }

    /// The paragraphs of version `version` of `language`; a text that changed after it was stored is an error.
    public func paragraphs(_ language: String, _ version: Int) throws(ReportError) -> [String] {
        try ReportError.reading { () throws(StoreError) in try store.verifiedParagraphs(release, language: language, version: version) }
    }

    /// The text of a version, one paragraph a line, as stored.
    public func text(_ version: ResolvedVersion) throws(ReportError) -> String {
        try ReportError.reading { () throws(StoreError) in try store.verifiedText(release, language: version.language, version: version.version, metadata: version.metadata) }
    }

    /// The bytes as fetched, or `nil` when they were not kept.
    public func raw(_ version: ResolvedVersion) throws(ReportError) -> [UInt8]? {
        try ReportError.reading { () throws(StoreError) in try store.raw(release, language: version.language, version: version.version) }
    }

    /// The stored alignment of a language pair, or `nil`.
    public func alignment(from source: String, to target: String) throws(ReportError) -> AlignmentRecord? {
        try ReportError.reading { () throws(StoreError) in try store.alignment(release, sourceLanguage: source, targetLanguage: target) }
    }

    /// Languages ordered: the preferred ones first in their order, then those whose first version
    /// came first (the original before its translations), then by code.
    static func order(_ languages: [String], preferred: [String], record: ReleaseRecord?) -> [String] {
        func rank(_ language: String) -> (Int, Double, String) {
            let preferredRank = preferred.firstIndex(of: language) ?? preferred.count
            let since = record?.languages[language].flatMap { $0.status == .present ? $0.statusSince : nil }?.timeIntervalSince1970 ?? .infinity
            return (preferredRank, since, language)
        }
        return languages.sorted { rank($0) < rank($1) }
    }
}

/// A version that a ``VersionSpec`` picked: `en@2` of a release, with its metadata.
public struct ResolvedVersion: Sendable, Equatable {
    /// The release.
    public var release: ReleaseRef
    /// The language code.
    public var language: String
    /// The version number.
    public var version: Int
    /// Its metadata.
    public var metadata: VersionMetadata

    /// `en@2`.
    public var label: String { "\(language)@\(version)" }
}
