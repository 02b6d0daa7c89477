import ArgumentParser
import Foundation
import SteleFixtures
import SteleService
import SteleStore

/// Times the reading commands as a person runs them — `stele list`, `stele log`, `stele diff` as
/// processes — on a store of 10,000 releases × 3 languages × 3 versions, next to the 100 ms target
/// and to the cost of starting the program at all.
struct ReportsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports",
        abstract: "Time stele list, log and diff as processes on a store of 10,000 releases × 3 languages × 3 versions (target: 100 ms each).",
        discussion: """
            The store is written through the store's own writer (so that it passes stele check), by default \
            in /dev/shm, where its durable writes cost little; give --store to keep it somewhere and reuse it.
            """
    )

    /// The target for each command.
    static let target = 0.100

    @Option(help: "Releases in the generated store.")
    var releases = 10_000

    @Option(help: ArgumentHelp("Use (or create) the store in this folder and keep it (default: a new folder in /dev/shm, removed afterwards).", valueName: "folder"))
    var store: String?

    @Option(help: "Runs of each command; the median is reported.")
    var runs = 11

    @Flag(help: "Skip verifying the generated store with stele check.")
    var skipCheck = false

    func run() throws {
        let shm = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : FileManager.default.temporaryDirectory.path
        let root = store ?? "\(shm)/stele-bench-reports-\(UUID().uuidString)"
        defer { if store == nil { try? FileManager.default.removeItem(atPath: root) } }
        let stele = siblingExecutable("stele")
        guard FileManager.default.isExecutableFile(atPath: stele) else { throw BenchmarkError("build stele first: swift build -c release (looked for \(stele))") }

        let existing = (try? Store(at: root)).flatMap { try? $0.summaries().count }
        if existing == releases {
            print("reports: reusing the store in \(root) (\(releases) releases)")
        } else {
            guard existing == nil else { throw BenchmarkError("\(root) holds a store of \(existing!) releases, not \(releases): give another --store") }
            let start = ContinuousClock.now
            try GeneratedStore.write(releases: releases, at: root) { done in
                FileHandle.standardError.write(Data("  \(done) releases written\n".utf8))
            }
            print(String(format: "reports: wrote %d releases × 3 languages × 3 versions (%d versions) in %@ in %.1f s", releases, releases * 9, root, (ContinuousClock.now - start).seconds))
        }
        if !skipCheck {
            let start = ContinuousClock.now
            let check = try ChildProcess.run(stele, ["check", "--store", root], timeout: .seconds(3600))
            guard check.termination == .exited(0) else { throw BenchmarkError("stele check finds the generated store wrong: \(check.output.suffix(2000))") }
            print(String(format: "  stele check: %@ (%.1f s)", check.output.split(separator: "\n").last.map(String.init) ?? "", (ContinuousClock.now - start).seconds))
        }

        // Releases spread over the store, a different one each run.
        let numbers = (0..<runs).map { NATOLikeSite.firstNumber + (releases - 1) * ($0 + 1) / (runs + 1) }
        func key(_ run: Int) -> String { NATOLikeSite.key(numbers[run]) }
        let commands: [(String, (Int) -> [String])] = [
            ("stele --version (start-up alone)", { _ in ["--version"] }),
            ("stele list", { _ in ["list", "--store", root] }),
            ("stele list --json (every release)", { _ in ["list", "--store", root, "--json"] }),
            ("stele list --missing uk --json", { _ in ["list", "--store", root, "--missing", "uk", "--json"] }),
            ("stele log RELEASE", { ["log", "--store", root, key($0)] }),
            ("stele diff RELEASE en@1 en@3", { ["diff", "--store", root, key($0), "en@1", "en@3"] }),
            ("stele diff RELEASE en fr", { ["diff", "--store", root, key($0), "en", "fr", "--width", "120"] }),
            ("stele diff RELEASE en uk --json", { ["diff", "--store", root, key($0), "en", "uk", "--json"] }),
        ]
        // Each command once unmeasured, so that every run reads from the page cache alike.
        for (_, arguments) in commands { _ = try Measurement.timed(stele, arguments(0)) }
        var startup = 0.0
        for (index, (name, arguments)) in commands.enumerated() {
            let times = try (0..<runs).map { try Measurement.timed(stele, arguments($0)).seconds }
            let medianTime = median(times)
            if index == 0 {
                startup = medianTime
                print("  " + name.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: " median %6.1f ms", medianTime * 1000))
                continue
            }
            let verdict = medianTime <= Self.target ? "ok" : "OVER"
            print("  " + name.padding(toLength: 34, withPad: " ", startingAt: 0) + String(
                format: " median %6.1f ms (%5.1f ms after start-up)  max %6.1f ms   target %.0f ms  %@",
                medianTime * 1000, (medianTime - startup) * 1000, (times.max() ?? 0) * 1000, Self.target * 1000, verdict))
            TableRow.emit(
                "reports", "\(name), \(releases) releases × 3 × 3 (process)", stele: String(format: "%.1f ms", medianTime * 1000),
                baseline: String(format: "stele --version %.1f ms", startup * 1000), ratio: String(format: "%.1fx", medianTime / startup),
                target: String(format: "< %.0f ms", Self.target * 1000), met: medianTime <= Self.target)
        }
    }
}
