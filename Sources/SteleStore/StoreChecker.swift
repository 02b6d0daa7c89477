import SteleDiff
#if canImport(Glibc)
import Glibc
#endif

/// Verifies a whole store — every version's hash, every diff applied, every alignment's versions,
/// every metadata file parsed — and, given the writer, repairs what can be repaired without losing
/// a committed version: leftovers of interrupted writes are removed, diffs and the index rebuilt.
public struct StoreChecker: Sendable {
    private let store: Store

    /// A checker of `store`.
    public init(store: Store) {
        self.store = store
    }

    /// Checks the store; with `writer` (which holds the lock) repairs what it can, then reports
    /// what remains.
    public func run(repairingWith writer: StoreWriter? = nil) -> CheckReport {
        var report = CheckReport()
        if writer == nil, let pid = store.lastWriterPID(), pid != getpid(), kill(pid, 0) == 0 { report.runningWriter = pid }
        var found: [(CheckProblem, Repair?)] = []
        let layout = store.layout
        found += leftovers(in: layout.root)
        for file in [layout.formatFile, layout.eventLog, layout.indexFile, layout.lockFile] {
            if let problem = Self.linkProblem(file) { found.append(problem) }
        }
        found += checkEventLog()
        if let problem = Self.folderProblem(layout.sourcesFolder) {
            found.append(problem)
        } else {
            do {
                for source in try DurableFile.list(layout.sourcesFolder).sorted() {
                    found += checkSource(source, &report)
                }
            } catch {
                found.append((CheckProblem(.unreadable, layout.sourcesFolder, error.checkDescription, repairable: false), nil))
            }
        }
        found += checkIndex()

        var repairedAny = false
        for (problem, repair) in found {
            guard let writer, let repair, problem.repairable else { report.problems.append(problem); continue }
            do {
                try repair.run(writer)
                report.repaired.append(problem)
                repairedAny = true
            } catch {
                report.problems.append(CheckProblem(problem.kind, problem.path, problem.message + "; repair failed: \(error)", repairable: false))
            }
        }
        // Lost versions keep the index as it is: it may be the last record of them.
        if repairedAny, let writer, !report.repaired.contains(where: { $0.kind == .staleIndex }), !report.problems.contains(where: { $0.kind == .missingLanguage }) {
            try? writer.rebuildIndex()
        }
        return report
    }

    /// A fix for one problem.
    struct Repair {
        var run: (StoreWriter) throws(StoreError) -> Void

        /// Removes the file at `path`, in the store, without following a symbolic link on the way.
        static func remove(_ path: String) -> Repair {
            Repair { writer throws(StoreError) in
                let root = writer.store.layout.root
                guard path.hasPrefix(root + "/") else { throw StoreError.io(operation: "remove", path: path, code: EXDEV) }
                try DurableFile.removeBelow(root, String(path.dropFirst(root.count + 1)))
            }
        }
    }

    /// The problem of a symbolic link at `path`, or `nil` when there is none (or nothing at all).
    static func linkProblem(_ path: String) -> (CheckProblem, Repair?)? {
        do {
            guard try DurableFile.entry(path) == .symbolicLink else { return nil }
            return (CheckProblem(.symbolicLink, path, "is a symbolic link; the store holds only real files and folders: move it away by hand", repairable: false), nil)
        } catch {
            return (CheckProblem(.unreadable, path, "\(error)", repairable: false), nil)
        }
    }

    /// The problem of `path` when it is there but is not a real folder (a symbolic link, a file),
    /// or `nil`: the checker never looks through such a path, and --repair never deletes through it.
    static func folderProblem(_ path: String) -> (CheckProblem, Repair?)? {
        do {
            switch try DurableFile.entry(path) {
            case .folder?, nil: return nil
            case .symbolicLink?: return linkProblem(path)
            case .file?, .other?:
                return (CheckProblem(.unexpectedFile, path, "is not a folder: the store holds a folder here; move the file away by hand", repairable: false), nil)
            }
        } catch {
            return (CheckProblem(.unreadable, path, "\(error)", repairable: false), nil)
        }
    }

    /// Temporary files of interrupted writes in `folder` (a symbolic link among them is reported, never removed).
    static func leftovers(in folder: String) -> [(CheckProblem, Repair?)] {
        let names = (try? DurableFile.list(folder)) ?? []
        return names.filter { $0.hasPrefix(DurableFile.temporaryPrefix) }.sorted().map { name in
            let path = folder + "/" + name
            if let problem = linkProblem(path) { return problem }
            return (CheckProblem(.leftover, path, "temporary file of an interrupted write", repairable: true), .remove(path))
        }
    }

    private func leftovers(in folder: String) -> [(CheckProblem, Repair?)] { Self.leftovers(in: folder) }

    private func checkEventLog() -> [(CheckProblem, Repair?)] {
        let path = store.layout.eventLog
        guard let bytes = try? DurableFile.read(path), !bytes.isEmpty else { return [] }
        var problems: [(CheckProblem, Repair?)] = []
        if bytes.last != 0x0A {
            // Opening the writer already cut the partial line; reaching here means no writer ran since.
            problems.append((CheckProblem(.cutEventLog, path, "the last line was cut by an interrupted write", repairable: true), Repair { _ throws(StoreError) in
                let descriptor = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC)
                guard descriptor >= 0 else { throw StoreError.system("open", path) }
                defer { close(descriptor) }
                let keep = (try DurableFile.read(path) ?? []).lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                guard ftruncate(descriptor, off_t(keep)) == 0, fsync(descriptor) == 0 else { throw StoreError.system("truncate", path) }
            }))
        }
        do {
            var previous = 0
            for event in try EventLog.read(path, after: 0).events {
                if event.sequence <= previous {
                    problems.append((CheckProblem(.unreadable, path, "event \(event.sequence) follows event \(previous): sequence numbers must increase", repairable: false), nil))
                    break
                }
                previous = event.sequence
            }
        } catch {
            problems.append((CheckProblem(.unreadable, path, "\(error)", repairable: false), nil))
        }
        return problems
    }

    private func checkSource(_ source: String, _ report: inout CheckReport) -> [(CheckProblem, Repair?)] {
        let layout = store.layout
        let folder = layout.sourceFolder(source)
        guard ReleaseKey.isSafe(source) else {
            return [(CheckProblem(.unexpectedFile, folder, "not a source folder name", repairable: false), nil)]
        }
        if let problem = Self.folderProblem(folder) { return [problem] }
        var found = leftovers(in: folder)
        if let problem = Self.linkProblem(layout.sourceState(source)) {
            found.append(problem)
        } else {
            do {
                _ = try store.sourceState(source)
            } catch {
                found.append((CheckProblem(.unreadable, layout.sourceState(source), "\(error)", repairable: false), nil))
            }
        }
        if let problem = Self.folderProblem(layout.releasesFolder(source)) { return found + [problem] }
        found += leftovers(in: layout.releasesFolder(source))
        let names: [String]
        do {
            names = try DurableFile.list(layout.releasesFolder(source)).sorted()
        } catch {
            return found + [(CheckProblem(.unreadable, layout.releasesFolder(source), "\(error)", repairable: false), nil)]
        }
        for name in names where !name.hasPrefix(DurableFile.temporaryPrefix) {
            let path = layout.releasesFolder(source) + "/" + name
            guard let key = ReleaseKey(validating: name) else {
                found.append((CheckProblem(.unexpectedFile, path, "not a release key", repairable: false), nil))
                continue
            }
            report.releases += 1
            if let problem = Self.folderProblem(path) {
                found.append(problem)
                continue
            }
            found += ReleaseChecker(store: store, release: ReleaseRef(source: source, key: key)).check(&report)
        }
        return found
    }

    private func checkIndex() -> [(CheckProblem, Repair?)] {
        let path = store.layout.indexFile
        guard DurableFile.exists(path) else { return [] }
        let repair = Repair { writer throws(StoreError) in try writer.rebuildIndex() }
        guard let index = StoreIndex.read(store.layout) else {
            return [(CheckProblem(.staleIndex, path, "does not parse", repairable: true), repair)]
        }
        guard let actual = try? StoreIndex.scan(store) else { return [] }
        let indexed = Dictionary(index.summaries.map { ($0.release, $0) }, uniquingKeysWith: { $1 })
        let mismatched = actual.filter { summary in
            guard let entry = indexed[summary.release] else { return true }
            return entry.languages.mapValues(\.versions) != summary.languages.mapValues(\.versions)
        }
        // Versions the index counts of a language that has none left were lost, not mis-indexed:
        // rebuilding the index would erase the last trace of them.
        var lost: [(CheckProblem, Repair?)] = []
        for summary in mismatched {
            for (language, entry) in (indexed[summary.release]?.languages ?? [:]).sorted(by: { $0.key < $1.key })
            where entry.versions > 0 && (summary.languages[language]?.versions ?? 0) == 0 {
                let folder = store.layout.languageFolder(summary.source, summary.key, language)
                lost.append((CheckProblem(.missingLanguage, folder, "the index counts \(entry.versions) version(s) of \(language), but none is stored: restore \(folder) from a backup", repairable: false), nil))
            }
        }
        guard mismatched.isEmpty && indexed.count == actual.count else {
            let example = mismatched.first.map { " (e.g. \($0.release))" } ?? ""
            let message = "disagrees with the release folders on \(max(mismatched.count, abs(indexed.count - actual.count))) release(s)\(example)"
            if !lost.isEmpty { return lost + [(CheckProblem(.staleIndex, path, message + "; kept as it is while versions it counts are missing", repairable: false), nil)] }
            return [(CheckProblem(.staleIndex, path, message, repairable: true), repair)]
        }
        return []
    }
}
