import ArgumentParser
import Foundation
import SteleDiff
import SteleFixtures

/// Stele's paragraph diff against GNU `diff -u` on the same two 1 MB files, as processes.
struct DiffBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Stele's unified diff against GNU diff -u on 1 MB texts (targets: within 2x on 1% changed lines, under 1 s shuffled)."
    )

    @Option(help: "Size of each text in bytes.")
    var bytes = 1_000_000

    @Option(help: "Runs of each program; medians are reported.")
    var runs = 7

    func run() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stele-bench-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = SeededGenerator(seed: 1)
        let old = BenchText.paragraphs(bytes: bytes, &generator)
        let cases: [(name: String, new: [String], target: String)] = [
            ("1% of lines changed", BenchText.edit(old, fraction: 0.01, &generator), "target: within 2.00x GNU diff"),
            ("fully shuffled", old.shuffled(using: &generator), "target: under 1 s"),
        ]
        let oldPath = folder.appendingPathComponent("old.txt").path
        try Data((old.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: oldPath))
        let emptyPath = folder.appendingPathComponent("empty.txt").path
        try Data().write(to: URL(fileURLWithPath: emptyPath))
        print("diff: two texts of \(bytes / 1000) KB (\(old.count) paragraphs), median of \(runs) runs; programs timed as processes from spawn to exit, output to /dev/null")
        let startup = median(try (0..<runs).map { _ in try Measurement.timed(siblingExecutable("stele-bench"), ["diff-files", emptyPath, emptyPath]).seconds })
        for (index, testCase) in cases.enumerated() {
            let newPath = folder.appendingPathComponent("new\(index).txt").path
            let newText = testCase.new.joined(separator: "\n") + "\n"
            try Data(newText.utf8).write(to: URL(fileURLWithPath: newPath))
            try verify(oldPath: oldPath, newText: newText)
            var process: [Double] = [], inProcess: [Double] = [], gnu: [Double] = [], words: [Double] = []
            for _ in 0..<runs {
                process.append(try Measurement.timed(siblingExecutable("stele-bench"), ["diff-files", oldPath, newPath]).seconds)
                inProcess.append(try DiffFiles.timeInProcess(oldPath: oldPath, newPath: newPath))
                gnu.append(try Measurement.timed("/usr/bin/diff", ["-u", oldPath, newPath], acceptedExitCodes: [1]).seconds)
                let wordStart = ContinuousClock.now
                _ = ParagraphDiff(old: old, new: testCase.new).statistics
                words.append((ContinuousClock.now - wordStart).seconds)
            }
            let gnuSeconds = median(gnu)
            print("  \(testCase.name):")
            print(String(format: "    GNU diff -u (process)                    %.4f s", gnuSeconds))
            print(String(format: "    stele, in process: read, diff, write     %.4f s  %.2fx GNU diff  (%@)", median(inProcess), median(inProcess) / gnuSeconds, testCase.target))
            print(String(format: "    stele word-level diff and statistics     %.4f s  (in process, what the store computes for each new version)", median(words)))
            print(String(format: "    stele-bench diff-files (process)         %.4f s  %.2fx GNU diff  (of which %.4f s is starting a Swift program on empty files)", median(process), median(process) / gnuSeconds, startup))
            TableRow.emit("diff", "1 MB, \(testCase.name) (in process; as a process: \(String(format: "%.3f s", median(process))))", stele: String(format: "%.4f s", median(inProcess)),
                          baseline: String(format: "GNU diff -u %.4f s", gnuSeconds), ratio: String(format: "%.2fx", median(inProcess) / gnuSeconds),
                          target: testCase.target, met: testCase.name.contains("shuffled") ? median(inProcess) < 1 : median(inProcess) / gnuSeconds <= 2)
        }
    }

    /// The diff must turn the old text into the new one, or the timing means nothing.
    private func verify(oldPath: String, newText: String) throws {
        let old = try String(contentsOfFile: oldPath, encoding: .utf8)
        guard try UnifiedPatch.apply(UnifiedDiff.make(from: old, to: newText), to: old) == newText else {
            throw BenchmarkError("the diff does not rebuild the new text")
        }
    }

}

/// `stele-bench diff-files A B`: the measured process of ``DiffBenchmark``, like `diff -u A B`.
struct DiffFiles: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "diff-files", abstract: "Print the unified diff of two files.", shouldDisplay: false)

    @Argument var old: String
    @Argument var new: String

    func run() throws {
        try Self.diff(old, new, to: FileHandle.standardOutput)
    }

    /// Reads both files and writes their unified diff to `output`.
    static func diff(_ old: String, _ new: String, to output: FileHandle) throws {
        let oldText = String(decoding: try Data(contentsOf: URL(fileURLWithPath: old)), as: UTF8.self)
        let newText = String(decoding: try Data(contentsOf: URL(fileURLWithPath: new)), as: UTF8.self)
        output.write(Data(UnifiedDiff.make(from: oldText, to: newText, oldLabel: old, newLabel: new).utf8))
    }

    /// The time ``diff(_:_:to:)`` takes in this process, writing to /dev/null.
    static func timeInProcess(oldPath: String, newPath: String) throws -> Double {
        let sink = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/null"))
        defer { try? sink.close() }
        let start = ContinuousClock.now
        try diff(oldPath, newPath, to: sink)
        return (ContinuousClock.now - start).seconds
    }
}

/// Press-release-like paragraphs made of a small vocabulary.
enum BenchText {
    static let words = [
        "Allies", "NATO", "the", "of", "and", "security", "Secretary", "General", "defence", "support", "Ukraine", "meeting",
        "ministers", "said", "in", "Brussels", "on", "with", "partners", "deterrence", "forces", "summit", "agreed", "to",
    ]

    static func paragraph(_ generator: inout SeededGenerator) -> String {
        (0..<Int.random(in: 8...40, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ") + "."
    }

    static func paragraphs(bytes: Int, _ generator: inout SeededGenerator) -> [String] {
        var result: [String] = [], size = 0
        while size < bytes {
            let next = paragraph(&generator)
            size += next.utf8.count + 1
            result.append(next)
        }
        return result
    }

    /// `paragraphs` with `fraction` of them replaced, removed or preceded by a new one.
    static func edit(_ paragraphs: [String], fraction: Double, _ generator: inout SeededGenerator) -> [String] {
        var result: [String] = []
        result.reserveCapacity(paragraphs.count + 100)
        for paragraph in paragraphs {
            guard Double.random(in: 0..<1, using: &generator) < fraction else { result.append(paragraph); continue }
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: result.append(BenchText.paragraph(&generator))
            case 1: break
            default: result += [BenchText.paragraph(&generator), paragraph]
            }
        }
        return result
    }
}
