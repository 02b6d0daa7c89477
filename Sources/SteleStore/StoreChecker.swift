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
        found += checkEventLog()
        do {
            for source in try DurableFile.list(layout.sourcesFolder).sorted() {
                found += checkSource(source, &report)
            }
        } catch {
            found.append((CheckProblem(.unreadable, layout.sourcesFolder, "\(error)", repairable: false), nil))
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
        if repairedAny, let writer, !report.repaired.contains(where: { $0.kind == .staleIndex }) {
            try? writer.rebuildIndex()
        }
        return report
    }

    /// A fix for one problem.
    struct Repair {
        var run: (StoreWriter) throws(StoreError) -> Void

        static func remove(_ path: String) -> Repair { Repair { _ throws(StoreError) in try DurableFile.remove(path) } }
    }

    private func leftovers(in folder: String) -> [(CheckProblem, Repair?)] {
        let names = (try? DurableFile.list(folder)) ?? []
        return names.filter { $0.hasPrefix(DurableFile.temporaryPrefix) }.sorted().map { name in
            let path = folder + "/" + name
            return (CheckProblem(.leftover, path, "temporary file of an interrupted write", repairable: true), .remove(path))
        }
    }

    private func checkEventLog() -> [(CheckProblem, Repair?)] {
        let path = store.layout.eventLog
        guard let bytes = try? DurableFile.read(path), !bytes.isEmpty else { return [] }
        var problems: [(CheckProblem, Repair?)] = []
        if bytes.last != 0x0A {
            // Opening the writer already cut the partial line; reaching here means no writer ran since.
            problems.append((CheckProblem(.cutEventLog, path, "the last line was cut by an interrupted write", repairable: true), Repair { _ throws(StoreError) in
                let descriptor = open(path, O_RDWR | O_CLOEXEC)
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
        var found = leftovers(in: folder)
        do {
            _ = try store.sourceState(source)
        } catch {
            found.append((CheckProblem(.unreadable, layout.sourceState(source), "\(error)", repairable: false), nil))
        }
        found += leftovers(in: layout.releasesFolder(source))
        let names = ((try? DurableFile.list(layout.releasesFolder(source))) ?? []).sorted()
        for name in names where !name.hasPrefix(DurableFile.temporaryPrefix) {
            guard let key = ReleaseKey(validating: name) else {
                found.append((CheckProblem(.unexpectedFile, layout.releasesFolder(source) + "/" + name, "not a release key", repairable: false), nil))
                continue
            }
            report.releases += 1
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
        guard mismatched.isEmpty && indexed.count == actual.count else {
            let example = mismatched.first.map { " (e.g. \($0.release))" } ?? ""
            return [(CheckProblem(.staleIndex, path, "disagrees with the release folders on \(max(mismatched.count, abs(indexed.count - actual.count))) release(s)\(example)", repairable: true), repair)]
        }
        return []
    }
}
