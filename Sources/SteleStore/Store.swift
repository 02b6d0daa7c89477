import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a store. Readers take no lock: every file is replaced atomically, and a version exists
/// only once its metadata file does, so a reader sees each version whole or not at all, while a
/// writer runs.
public struct Store: Sendable {
    /// Where the files are.
    public let layout: StoreLayout

    /// The store format this code reads and writes.
    public static let format = 1

    /// Opens the store at `root` for reading; fails when it is not a store.
    public init(at root: String) throws(StoreError) {
        layout = StoreLayout(root: root)
        guard let bytes = try DurableFile.read(layout.formatFile) else { throw .notAStore(path: root) }
        let marker = try StoreJSON.decode(FormatMarker.self, from: bytes, path: layout.formatFile)
        guard marker.format <= Self.format else { throw .unsupportedFormat(path: layout.formatFile, format: marker.format) }
    }

    struct FormatMarker: Codable {
        var format: Int
    }

    /// The sources that have a folder.
    public func sources() throws(StoreError) -> [String] {
        try DurableFile.list(layout.sourcesFolder).filter(ReleaseKey.isSafe).sorted()
    }

    /// The releases of a source, sorted by key.
    public func releases(source: String) throws(StoreError) -> [ReleaseRef] {
        // A folder without release.json is the start of a write that failed (a full disk): no release yet.
        try DurableFile.list(layout.releasesFolder(source)).compactMap(ReleaseKey.init(validating:)).sorted()
            .map { ReleaseRef(source: source, key: $0) }
            .filter { DurableFile.exists(layout.releaseFile($0.source, $0.key)) }
    }

    /// The releases of a source for a reader that must account for every one: those of
    /// ``releases(source:)`` and those it cannot tell apart from damage (a file or a symbolic link
    /// where the folder should be, a folder it may not read). Only a real folder without
    /// `release.json` (a first write that failed) is left out.
    public func releasesIncludingDamaged(source: String) throws(StoreError) -> [ReleaseRef] {
        try DurableFile.list(layout.releasesFolder(source)).compactMap(ReleaseKey.init(validating:)).sorted()
            .map { ReleaseRef(source: source, key: $0) }
            .filter { release in
                do {
                    guard try DurableFile.entry(layout.releaseFolder(release.source, release.key)) == .folder else { return true }
                    return try DurableFile.entry(layout.releaseFile(release.source, release.key)) != nil
                } catch {
                    return true
                }
            }
    }

    /// Whether anything bears the release's name in its source's folder: its folder, or damage in
    /// its place (a file, a symbolic link), which ``checkReleaseFolder(_:)`` then names.
    public func hasReleaseEntry(_ release: ReleaseRef) -> Bool {
        do {
            return try DurableFile.entry(layout.releaseFolder(release.source, release.key)) != nil
        } catch {
            return true
        }
    }

    /// Fails when the release's folder is not a real folder: a file or a symbolic link in its place
    /// is damage for a person to look at, never a release to read through.
    public func checkReleaseFolder(_ release: ReleaseRef) throws(StoreError) {
        try DurableFile.requireFolderOrNothing(layout.releaseFolder(release.source, release.key),
                                               reason: "it is not a folder, where a release is a folder holding release.json")
    }

    /// Every release of every source.
    public func allReleases() throws(StoreError) -> [ReleaseRef] {
        var result: [ReleaseRef] = []
        for source in try sources() { result += try releases(source: source) }
        return result
    }

    /// `release.json`, or `nil` when the release has none yet.
    public func release(_ release: ReleaseRef) throws(StoreError) -> ReleaseRecord? {
        try decode(ReleaseRecord.self, at: layout.releaseFile(release.source, release.key))
    }

    /// The language folders of a release that hold at least one committed version.
    public func languages(_ release: ReleaseRef) throws(StoreError) -> [String] {
        var result: [String] = []
        for name in try DurableFile.list(layout.releaseFolder(release.source, release.key)).sorted() where name != "align" {
            if (try? StoreName.language(name)) != nil, try !versionNumbers(release, language: name).isEmpty { result.append(name) }
        }
        return result
    }

    /// The committed versions of a language, in increasing order (a version is committed once its
    /// `.json` exists).
    public func versionNumbers(_ release: ReleaseRef, language: String) throws(StoreError) -> [Int] {
        try DurableFile.list(layout.languageFolder(release.source, release.key, language)).compactMap { name in
            guard let parsed = StoreLayout.parseVersionFile(name), parsed.kind == .metadata else { return nil }
            return parsed.version
        }.sorted()
    }

    /// The metadata of one version.
    public func metadata(_ release: ReleaseRef, language: String, version: Int) throws(StoreError) -> VersionMetadata {
        let path = layout.versionFile(release.source, release.key, language, version, .metadata)
        guard let metadata = try decode(VersionMetadata.self, at: path) else { throw .noSuchVersion(path: path) }
        return metadata
    }

    /// The metadata of the newest committed version of a language (its validators make the next
    /// conditional request), or `nil` when there is none.
    public func latestVersion(_ release: ReleaseRef, language: String) throws(StoreError) -> VersionMetadata? {
        guard let latest = try versionNumbers(release, language: language).last else { return nil }
        return try metadata(release, language: language, version: latest)
    }

    /// The metadata of every committed version of a language, oldest first.
    public func versions(_ release: ReleaseRef, language: String) throws(StoreError) -> [VersionMetadata] {
        var result: [VersionMetadata] = []
        for version in try versionNumbers(release, language: language) {
            result.append(try metadata(release, language: language, version: version))
        }
        return result
    }

    /// The text of a committed version, one paragraph a line.
    public func text(_ release: ReleaseRef, language: String, version: Int) throws(StoreError) -> String {
        String(decoding: try committedFile(release, language, version, .text), as: UTF8.self)
    }

    /// The paragraphs of a committed version.
    public func paragraphs(_ release: ReleaseRef, language: String, version: Int) throws(StoreError) -> [String] {
        Self.paragraphs(of: try text(release, language: language, version: version))
    }

    /// The text of a committed version, checked against the SHA-256 its metadata recorded, so that
    /// a reader never shows a text that changed after it was stored as if it were the version.
    public func verifiedText(_ release: ReleaseRef, language: String, version: Int) throws(StoreError) -> String {
        try verifiedText(release, language: language, version: version, metadata: try metadata(release, language: language, version: version))
    }

    /// ``verifiedText(_:language:version:)`` for a version whose metadata the caller has read already.
    public func verifiedText(_ release: ReleaseRef, language: String, version: Int, metadata: VersionMetadata) throws(StoreError) -> String {
        let bytes = try committedFile(release, language, version, .text)
        guard SHA256.hex(bytes) == metadata.sha256 else {
            throw .altered(path: layout.versionFile(release.source, release.key, language, version, .text),
                           metadata: layout.versionFile(release.source, release.key, language, version, .metadata))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The paragraphs of a committed version, checked as ``verifiedText(_:language:version:)`` does.
    public func verifiedParagraphs(_ release: ReleaseRef, language: String, version: Int) throws(StoreError) -> [String] {
        Self.paragraphs(of: try verifiedText(release, language: language, version: version))
    }

    /// ``verifiedParagraphs(_:language:version:)`` for a version whose metadata the caller has read already.
    public func verifiedParagraphs(_ release: ReleaseRef, language: String, version: Int, metadata: VersionMetadata) throws(StoreError) -> [String] {
        Self.paragraphs(of: try verifiedText(release, language: language, version: version, metadata: metadata))
    }

    /// The raw bytes as fetched, checked against the SHA-256 the metadata recorded, or `nil` when
    /// they were not kept.
    public func raw(_ release: ReleaseRef, language: String, version: Int) throws(StoreError) -> [UInt8]? {
        let metadata = try metadata(release, language: language, version: version)
        let path = layout.versionFile(release.source, release.key, language, version, .raw)
        guard let bytes = try DurableFile.read(path) else { return nil }
        if let expected = metadata.rawSHA256, SHA256.hex(bytes) != expected {
            throw .altered(path: path, metadata: layout.versionFile(release.source, release.key, language, version, .metadata))
        }
        return bytes
    }

    private static func paragraphs(of text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// The stored unified diff from `version - 1` to `version`, or `nil` for version 1.
    public func diff(_ release: ReleaseRef, language: String, version: Int) throws(StoreError) -> String? {
        guard version > 1 else { return nil }
        return String(decoding: try committedFile(release, language, version, .diff), as: UTF8.self)
    }

    /// The latest alignment of a language pair, or `nil`.
    public func alignment(_ release: ReleaseRef, sourceLanguage: String, targetLanguage: String) throws(StoreError) -> AlignmentRecord? {
        try decode(AlignmentRecord.self, at: layout.alignmentFile(release.source, release.key, sourceLanguage, targetLanguage))
    }

    /// Every alignment of a release.
    public func alignments(_ release: ReleaseRef) throws(StoreError) -> [AlignmentRecord] {
        let folder = layout.alignFolder(release.source, release.key)
        var result: [AlignmentRecord] = []
        for name in try DurableFile.list(folder).sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            if let record = try decode(AlignmentRecord.self, at: folder + "/" + name) { result.append(record) }
        }
        return result
    }

    /// The feed state of a source, or `nil` before its first poll.
    public func sourceState(_ source: String) throws(StoreError) -> SourceState? {
        try decode(SourceState.self, at: layout.sourceState(source))
    }

    /// Events after byte `offset` of the log; pass the returned offset to follow the log.
    public func events(after offset: Int = 0) throws(StoreError) -> EventBatch {
        try EventLog.read(layout.eventLog, after: offset)
    }

    /// The pid written in the lock file by the current or last writer (a hint: the lock itself is
    /// the `flock`, not the file's content).
    public func lastWriterPID() -> Int32? {
        StoreLock.readPID(layout.lockFile)
    }

    func committedFile(_ release: ReleaseRef, _ language: String, _ version: Int, _ kind: VersionFile) throws(StoreError) -> [UInt8] {
        let metadataPath = layout.versionFile(release.source, release.key, language, version, .metadata)
        guard DurableFile.exists(metadataPath) else { throw .noSuchVersion(path: metadataPath) }
        let path = layout.versionFile(release.source, release.key, language, version, kind)
        guard let bytes = try DurableFile.read(path) else { throw .corrupt(path: path, reason: "missing, although version \(version) is committed") }
        return bytes
    }

    /// The largest JSON file of a store (the alignment of two 100,000-paragraph texts is about
    /// 10 MB): a bigger one was not written by Stele, and decoding it would take several times its
    /// size in memory.
    static let maximumJSONBytes = 32 << 20

    func decode<Value: Decodable>(_ type: Value.Type, at path: String) throws(StoreError) -> Value? {
        guard let bytes = try DurableFile.read(path, limit: Self.maximumJSONBytes) else { return nil }
        return try StoreJSON.decode(type, from: bytes, path: path)
    }
}
