import Foundation
import SteleDiff
#if canImport(Glibc)
import Glibc
#endif

/// The one writer of a store. Opening it takes `<store>/lock`; every write is atomic and durable
/// (temporary file, fsync, rename, fsync of the folder) and a version is committed by its `.json`,
/// written last. Methods may be called from any thread; they run one at a time.
public final class StoreWriter: @unchecked Sendable {
    /// The store, for reading.
    public let store: Store
    /// True when the previous writer did not close (it crashed or was killed): its unfinished
    /// writes may have left files that ``StoreChecker`` repairs.
    public let foundUncleanShutdown: Bool
    private let lock: StoreLock
    private let mutex = NSLock()
    /// Writes to one release (its versions, `release.json`, alignments) hold its stripe of these
    /// locks, not `mutex`: writes to different releases run in parallel, so that their fsyncs
    /// overlap and the file system commits them together.
    private let releaseLocks = (0..<64).map { _ in NSLock() }
    // Guarded by `mutex`.
    private let events: EventLog.Appender
    private var indexLines: Int
    private var indexReleases: Set<ReleaseRef>
    private var closed = false
    /// Set when an index update failed (a full disk) after its version was committed.
    private var indexIsStale = false
    /// Releases whose index updates are held back by ``holdingIndexUpdates(of:_:)``, and whether
    /// one was asked for meanwhile.
    private var heldIndexUpdates: [ReleaseRef: Bool] = [:]

    /// Opens the store at `root` for writing, creating it when `create` and it does not exist.
    /// Fails at once with the pid of the writer in the way, or waits for it when `wait`.
    public init(at root: String, create: Bool = true, wait: Bool = false) throws(StoreError) {
        let layout = StoreLayout(root: root)
        if !DurableFile.exists(layout.formatFile) {
            guard create else { throw .notAStore(path: root) }
            try DurableFile.makeFolder(layout.root)
        }
        lock = try StoreLock.acquire(layout, wait: wait)
        do throws(StoreError) {
            if !DurableFile.exists(layout.formatFile) {
                try DurableFile.write(StoreJSON.encode(Store.FormatMarker(format: Store.format)), to: layout.formatFile)
            }
            store = try Store(at: root)
            events = try EventLog.Appender(path: layout.eventLog)
            let marker = StoreIndex.dirtyMarker(layout)
            foundUncleanShutdown = DurableFile.exists(marker)
            let index = foundUncleanShutdown ? nil : StoreIndex.read(layout)
            if let index {
                indexLines = index.lines
                indexReleases = Set(index.summaries.map(\.release))
            } else {
                let summaries = try StoreIndex.scan(store)
                try StoreIndex.rewrite(layout, summaries)
                indexLines = summaries.count
                indexReleases = Set(summaries.map(\.release))
            }
            try DurableFile.write([], to: marker)
        } catch {
            lock.release()
            throw error
        }
    }

    /// Releases the lock after marking the index clean. Writing after closing is a programming error.
    public func close() {
        mutex.withLock {
            guard !closed else { return }
            closed = true
            // A stale index keeps its marker, so that the next writer rebuilds it.
            if !indexIsStale { try? DurableFile.remove(StoreIndex.dirtyMarker(store.layout)) }
            lock.release()
        }
    }

    deinit { close() }

    /// Records one fetch of a language version: a new version when the text changed (with its diff
    /// against the previous one), else "seen again" in the latest version's metadata.
    ///
    /// A text without any paragraph is refused (an extraction that found nothing is not a version).
    /// On any error — a full disk included — the store is as it was before the call; only a crash
    /// can leave files of the unfinished version, which readers ignore and `stele check --repair`
    /// removes.
    public func record(_ fetched: FetchedText, release: ReleaseRef, language: String) throws(StoreError) -> RecordOutcome {
        try locked(release) { () throws(StoreError) -> RecordOutcome in
            let layout = store.layout
            _ = try StoreName.checked(release.source, kind: "source id")
            _ = try StoreName.language(language)
            try refuseLinks(release, layout.languageFolder(release.source, release.key, language))
            let text = fetched.storedText
            guard !text.isEmpty else { throw .emptyText(release: release.description, language: language) }
            let textBytes = Array(text.utf8)
            let sha256 = SHA256.hex(textBytes)
            let previousNumber = try store.versionNumbers(release, language: language).last
            if let previousNumber {
                var latest = try store.metadata(release, language: language, version: previousNumber)
                if latest.sha256 == sha256 {
                    latest.lastSeenAt = max(latest.lastSeenAt, fetched.fetchedAt)
                    latest.seenCount += 1
                    latest.url = fetched.url
                    latest.etag = fetched.etag
                    latest.lastModified = fetched.lastModified
                    try DurableFile.write(StoreJSON.encode(latest), to: layout.versionFile(release.source, release.key, language, previousNumber, .metadata))
                    return .unchanged(latest)
                }
            }
            let createdRelease = try ensureRelease(release, language: language, fetched: fetched)
            let metadata: VersionMetadata
            do throws(StoreError) {
                let version = (previousNumber ?? 0) + 1
                try DurableFile.makeFolder(layout.languageFolder(release.source, release.key, language))
                func path(_ kind: VersionFile) -> String { layout.versionFile(release.source, release.key, language, version, kind) }

                // The text, raw bytes and diff are made durable together, then the metadata commits
                // them. On failure they are removed again (a crash leaves them to check --repair), so
                // the store is as it was.
                var files: [(bytes: [UInt8], path: String)] = []
                if let raw = fetched.raw { files.append((raw, path(.raw))) }
                files.append((textBytes, path(.text)))
                var changes: DiffStatistics?
                if let previousNumber {
                    let previous = try store.text(release, language: language, version: previousNumber)
                    let diff = UnifiedDiff.make(from: previous, to: text, oldLabel: StoreLayout.versionName(previousNumber) + ".txt", newLabel: StoreLayout.versionName(version) + ".txt")
                    files.append((Array(diff.utf8), path(.diff)))
                    changes = ParagraphDiff(old: Self.lines(previous), new: Self.lines(text)).statistics
                }
                metadata = VersionMetadata(
                    version: version, language: language, url: fetched.url, fetchedAt: fetched.fetchedAt, lastSeenAt: fetched.fetchedAt, seenCount: 1,
                    etag: fetched.etag, lastModified: fetched.lastModified, contentType: fetched.contentType, sha256: sha256,
                    paragraphs: text.utf8.count { $0 == 0x0A }, textBytes: textBytes.count,
                    rawSHA256: fetched.raw.map { SHA256.hex($0) }, rawBytes: fetched.raw?.count,
                    detectedLanguage: fetched.detectedLanguage, languageConfidence: fetched.languageConfidence, changes: changes)
                try DurableFile.writeGroup(files)
                do throws(StoreError) {
                    try DurableFile.write(StoreJSON.encode(metadata), to: path(.metadata)) // the commit point
                } catch {
                    for file in files { try? DurableFile.remove(file.path) }
                    throw error
                }
            } catch {
                // The release.json made for this first version goes with it: no release without a version.
                if createdRelease { try? DurableFile.remove(store.layout.releaseFile(release.source, release.key)) }
                throw error
            }
            updateIndex(release)
            return .newVersion(metadata)
        }
    }

    /// Writes `release.json` (creating the release folder). Refuses a record whose original id
    /// differs from the one already stored under the same key.
    public func saveRelease(_ record: ReleaseRecord) throws(StoreError) {
        let release = ReleaseRef(source: record.source, key: record.key)
        try locked(release) { () throws(StoreError) in
            _ = try StoreName.checked(record.source, kind: "source id")
            for language in record.languages.keys { _ = try StoreName.language(language) }
            try refuseLinks(release)
            if let existing = try store.release(release), existing.originalID != record.originalID {
                throw .keyConflict(path: store.layout.releaseFolder(release.source, release.key), existingID: existing.originalID ?? existing.key.rawValue, newID: record.originalID ?? record.key.rawValue)
            }
            try DurableFile.makeFolder(store.layout.releaseFolder(release.source, release.key))
            try DurableFile.write(StoreJSON.encode(record), to: store.layout.releaseFile(release.source, release.key))
            updateIndex(release)
        }
    }

    /// Replaces the latest alignment of the record's language pair. Both versions must exist.
    public func saveAlignment(_ record: AlignmentRecord, release: ReleaseRef) throws(StoreError) {
        try locked(release) { () throws(StoreError) in
            let layout = store.layout
            for side in [record.source, record.target] {
                _ = try StoreName.language(side.language)
                _ = try store.metadata(release, language: side.language, version: side.version)
            }
            try refuseLinks(release, layout.alignFolder(release.source, release.key))
            try DurableFile.makeFolder(layout.alignFolder(release.source, release.key))
            try DurableFile.write(StoreJSON.encode(record), to: layout.alignmentFile(release.source, release.key, record.source.language, record.target.language))
        }
    }

    /// Replaces the feed state of a source.
    public func saveSourceState(_ state: SourceState, source: String) throws(StoreError) {
        try locked { () throws(StoreError) in
            _ = try StoreName.checked(source, kind: "source id")
            try DurableFile.makeFolder(store.layout.sourceFolder(source))
            try DurableFile.write(StoreJSON.encode(state), to: store.layout.sourceState(source))
        }
    }

    /// Appends an event to `events.jsonl` (fsynced) and returns it with its sequence number.
    @discardableResult
    public func append(_ event: StoreEvent) throws(StoreError) -> StoreEvent {
        let appended = try locked { () throws(StoreError) -> StoreEvent in try events.append(event) }
        // Outside the lock, so that events of different releases share one commit.
        try events.sync()
        return appended
    }

    /// Rebuilds `index.tsv` from the release folders.
    public func rebuildIndex() throws(StoreError) {
        try locked { () throws(StoreError) in
            let summaries = try StoreIndex.scan(store)
            try StoreIndex.rewrite(store.layout, summaries)
            indexLines = summaries.count
            indexReleases = Set(summaries.map(\.release))
        }
    }

    /// Creates `release.json` with the first version of a release, so that the original id is kept
    /// from the start; afterwards it is the sync engine's to update (saveRelease).
    /// Returns whether it created `release.json`.
    private func ensureRelease(_ release: ReleaseRef, language: String, fetched: FetchedText) throws(StoreError) -> Bool {
        let path = store.layout.releaseFile(release.source, release.key)
        // A safe key is the id itself: only a hashed key has an original id to compare.
        if release.originalID == nil && DurableFile.exists(path) { return false }
        if let existing = try store.release(release) {
            if let originalID = release.originalID, existing.originalID != originalID {
                throw .keyConflict(path: DurableFile.parent(of: path), existingID: existing.originalID ?? existing.key.rawValue, newID: originalID)
            }
            return false
        }
        let entry = LanguageEntry(url: fetched.url, status: .present, statusSince: fetched.fetchedAt)
        let record = ReleaseRecord(key: release.key, originalID: release.originalID, source: release.source, firstSeen: fetched.fetchedAt, languages: [language: entry])
        try DurableFile.makeFolder(store.layout.releaseFolder(release.source, release.key))
        try DurableFile.write(StoreJSON.encode(record), to: path)
        return true
    }

    /// Runs `body`, several writes to one release, with the release's index updates held back
    /// and made once at the end (even when `body` throws, for what it committed before): each
    /// update reads the release's files again. The index is a cache of the folders, behind them
    /// for the time of `body` at most.
    public func holdingIndexUpdates<Result>(of release: ReleaseRef, _ body: () throws(StoreError) -> Result) throws(StoreError) -> Result {
        let alreadyHeld = mutex.withLock {
            if heldIndexUpdates[release] != nil { return true }
            heldIndexUpdates[release] = false
            return false
        }
        if alreadyHeld { return try body() }
        defer {
            let asked = mutex.withLock { heldIndexUpdates.removeValue(forKey: release) ?? false }
            if asked { try? locked(release) { () throws(StoreError) in updateIndex(release) } }
        }
        return try body()
    }

    /// Appends the release's summary to the index; compacts the index when it has grown. Called
    /// under the release's lock, after the commit: the index is a cache of the folders, so a
    /// failure here (a full disk) does not fail the write; the index is marked for rebuilding.
    private func updateIndex(_ release: ReleaseRef) {
        let held = mutex.withLock {
            guard heldIndexUpdates[release] != nil else { return false }
            heldIndexUpdates[release] = true
            return true
        }
        if held { return }
        do throws(StoreError) {
            let summary = try StoreIndex.summary(of: release, in: store)
            try locked { () throws(StoreError) in try appendToIndex(summary, release: release) }
        } catch {
            mutex.withLock { indexIsStale = true }
        }
    }

    private func appendToIndex(_ summary: ReleaseSummary, release: ReleaseRef) throws(StoreError) {
        indexReleases.insert(release)
        if indexLines + 1 > indexReleases.count + indexReleases.count / 4 + 100, let current = StoreIndex.read(store.layout) {
            var summaries = current.summaries.filter { $0.release != release }
            summaries.append(summary)
            try StoreIndex.rewrite(store.layout, summaries)
            indexLines = summaries.count
            return
        }
        let line = StoreIndex.line(summary)
        let descriptor = open(store.layout.indexFile, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StoreError.system("open", store.layout.indexFile) }
        defer { Glibc.close(descriptor) }
        try DurableFile.writeAll(descriptor, line, path: store.layout.indexFile)
        indexLines += 1
    }

    private func locked<Result>(_ release: ReleaseRef, _ body: () throws(StoreError) -> Result) throws(StoreError) -> Result {
        var hasher = Hasher()
        hasher.combine(release)
        let lock = releaseLocks[Int(UInt(bitPattern: hasher.finalize()) % UInt(releaseLocks.count))]
        lock.lock()
        defer { lock.unlock() }
        mutex.withLock { precondition(!closed, "StoreWriter used after close()") }
        return try body()
    }

    private func locked<Result>(_ body: () throws(StoreError) -> Result) throws(StoreError) -> Result {
        mutex.lock()
        defer { mutex.unlock() }
        precondition(!closed, "StoreWriter used after close()")
        return try body()
    }

    /// Fails when a folder from `sources/` down to the release's folder, or `folder` inside it, is a
    /// symbolic link or a file: the writer never writes, renames over or removes files through a
    /// link planted in the store.
    private func refuseLinks(_ release: ReleaseRef, _ folder: String? = nil) throws(StoreError) {
        let layout = store.layout
        for above in [layout.sourcesFolder, layout.sourceFolder(release.source), layout.releasesFolder(release.source)] {
            try DurableFile.requireFolderOrNothing(above)
        }
        try store.checkReleaseFolder(release)
        if let folder { try DurableFile.requireFolderOrNothing(folder) }
    }

    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}
