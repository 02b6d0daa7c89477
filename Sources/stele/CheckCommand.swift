import ArgumentParser
import Foundation
import SteleStore

/// `stele check [--repair]`: verifies every version of the store.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify the store: every text against its hash, every diff, every alignment, every metadata file.",
        discussion: """
            Reads the whole store and reports what is wrong. Readers take no lock, so this runs while the \
            daemon writes (its writes in progress may then show as leftovers). With --repair it takes the \
            writer's lock, removes the leftovers of interrupted writes (temporary files, versions that never \
            reached their commit point), rebuilds missing or wrong diffs and the index, and never deletes a \
            committed version. Exits 0 when the store is clean (after repairs), 1 when problems remain.
            """
    )

    @Option(help: "The store folder (default: $STATE_DIRECTORY, else /var/lib/stele for root, else ./var).")
    var store: String?

    @Flag(help: "Fix what can be fixed without losing a committed version (takes the writer's lock).")
    var repair = false

    @Flag(help: "With --repair, wait for the running writer to finish instead of failing.")
    var wait = false

    @Flag(help: "Print the report as one JSON object.")
    var json = false

    func run() throws {
        let root = store ?? StoreLayout.defaultRoot()
        let report: CheckReport
        do {
            if repair {
                let writer = try StoreWriter(at: root, create: false, wait: wait)
                defer { writer.close() }
                report = StoreChecker(store: writer.store).run(repairingWith: writer)
            } else {
                report = StoreChecker(store: try Store(at: root)).run()
            }
        } catch {
            FileHandle.standardError.write(Data("stele check: \(error)\n".utf8))
            throw ExitCode(error.isNotAStore ? 2 : 1)
        }
        print(json ? Self.json(report) : Self.text(report, root: root))
        if !report.isClean { throw ExitCode.failure }
    }

    static func text(_ report: CheckReport, root: String) -> String {
        var lines: [String] = []
        if let pid = report.runningWriter {
            lines.append("note: a writer (pid \(pid)) is running; its writes in progress may show as leftovers")
        }
        lines += report.repaired.map { "repaired: \($0.path): \($0.message)" }
        lines += report.problems.map { "problem: \($0)" }
        let counts = "\(report.releases) releases, \(report.versions) versions, \(report.alignments) alignments"
        if report.isClean {
            lines.append("\(root): clean (\(counts))")
        } else {
            let advice = report.isRepairable ? "; run stele check --repair" : ""
            lines.append("\(root): \(report.problems.count) problem(s) (\(counts))\(advice)")
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ report: CheckReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(report)) ?? Data(), as: UTF8.self)
    }
}

extension StoreError {
    fileprivate var isNotAStore: Bool {
        if case .notAStore = self { return true }
        return false
    }
}
