import ArgumentParser
import Foundation
import SteleAlign
import SteleFixtures
import SteleService
import SteleLanguage

/// Times the paragraph aligner on generated pairs of 50 × 50 and 5,000 × 5,000 paragraphs, and
/// on the whole NATO corpus next to plain Gale-Church (NLTK) on the same pairs, both in-process.
struct AlignBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "The paragraph aligner: 50×50 (target < 1 ms), 5,000×5,000 (< 1 s, a few MB), the corpus against NLTK (≥ 100×).",
        discussion: """
            Run from the repository root after swift build -c release. Times are medians of in-process \
            alignment calls only (no process start, no file reading), for Stele and for NLTK's Gale-Church \
            (scripts/galechurch-time, with the Python that scripts/nltk-python finds or installs). Peak memory \
            of the 5,000×5,000 pair is what a process's peak resident size grows by while it aligns, after reading the texts.
            """
    )

    @Option(help: "Runs of the 50×50 pair.")
    var smallRuns = 500

    @Option(help: "Runs of the 5,000×5,000 pair.")
    var largeRuns = 5

    @Option(help: "Passes over the corpus, for Stele and for NLTK.")
    var corpusRuns = 20

    @Option(help: "The corpus folder (items with gold.json and en/fr/uk.txt).")
    var corpus = "../shared/corpus/nato"

    func run() throws {
        let aligner = ParagraphAligner()
        let small = SyntheticRelease.pair(paragraphs: 50, seed: 50)
        let smallSeconds = median((0..<smallRuns).map { _ in
            seconds { _ = aligner.align(source: small.source, target: small.target, from: .en, to: .fr) }
        })
        print("align: medians of in-process alignment calls")
        print(String(format: "  %d×%d generated pair     %8.3f ms   (target < 1 ms)%@", small.source.count, small.target.count,
                     smallSeconds * 1000, smallSeconds < 0.001 ? "" : "  OVER"))

        let large = SyntheticRelease.pair(paragraphs: 5_000, seed: 5_000)
        let largeSeconds = median((0..<largeRuns).map { _ in
            seconds { _ = aligner.align(source: large.source, target: large.target, from: .en, to: .fr) }
        })
        let memory = try peakMegabytes(of: large)
        print(String(format: "  %d×%d generated pair %8.3f s    (target < 1 s), %.1f MB peak memory for the alignment (target: a few MB)",
                     large.source.count, large.target.count, largeSeconds, memory))

        TableRow.emit("align", "\(small.source.count)x\(small.target.count) pair", stele: String(format: "%.3f ms", smallSeconds * 1000), baseline: "-", ratio: "-", target: "< 1 ms", met: smallSeconds < 0.001)
        TableRow.emit("align", "\(large.source.count)x\(large.target.count) pair", stele: String(format: "%.3f s, %.1f MB", largeSeconds, memory), baseline: "-", ratio: "-", target: "< 1 s, a few MB", met: largeSeconds < 1)
        try compareWithNLTK(aligner: aligner)
    }

    /// Peak resident memory the alignment of `pair` adds, measured in a child process
    /// (`stele-bench align-peak`) after it has read its input.
    private func peakMegabytes(of pair: SyntheticRelease.Pair) throws -> Double {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stele-bench-align-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("source.txt").path, target = folder.appendingPathComponent("target.txt").path
        try (pair.source.joined(separator: "\n") + "\n").write(toFile: source, atomically: true, encoding: .utf8)
        try (pair.target.joined(separator: "\n") + "\n").write(toFile: target, atomically: true, encoding: .utf8)
        let result = try ChildProcess.run(siblingExecutable("stele-bench"), ["align-peak", source, target], timeout: .seconds(600))
        guard result.termination == .exited(0), let kilobytes = Double(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchmarkError("stele-bench align-peak ended with \(result.termination)")
        }
        return kilobytes / 1024
    }

    /// Aligns every corpus pair with Stele and with NLTK, in-process both, and prints the ratio.
    private func compareWithNLTK(aligner: ParagraphAligner) throws {
        let pairs = corpusPairs()
        guard !pairs.isEmpty else {
            print("  corpus: \(corpus) not found; corpus comparison skipped")
            return
        }
        let texts = try pairs.map { pair in
            (try paragraphs(pair.sourcePath), try paragraphs(pair.targetPath), pair.from, pair.to)
        }
        let steleSeconds = median((0..<corpusRuns).map { _ in
            seconds {
                for (source, target, from, to) in texts { _ = aligner.align(source: source, target: target, from: from, to: to) }
            }
        })
        let line = String(format: "  corpus: %d pairs, one pass   stele %8.3f ms", pairs.count, steleSeconds * 1000)
        guard let python = nltkPython() else {
            print(line + "   NLTK unavailable (scripts/nltk-python failed): baseline skipped")
            return
        }
        let arguments = ["scripts/galechurch-time", String(corpusRuns)] + pairs.flatMap { [$0.sourcePath, $0.targetPath] }
        let result = try ChildProcess.run(python, arguments, timeout: .seconds(600))
        guard result.termination == .exited(0),
              let report = try? JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any],
              let nltkSeconds = report["median_seconds"] as? Double else {
            print(line + "   NLTK timing failed (\(result.termination)): baseline skipped")
            return
        }
        TableRow.emit("align", "corpus, \(pairs.count) pairs (in process, both)", stele: String(format: "%.3f ms", steleSeconds * 1000), baseline: String(format: "NLTK Gale-Church %.3f ms", nltkSeconds * 1000),
                      ratio: String(format: "%.0fx faster", nltkSeconds / steleSeconds), target: ">= 100x faster", met: nltkSeconds / steleSeconds >= 100)
        print(line + String(format: "   NLTK Gale-Church %8.3f ms   ratio %.0f× (target ≥ 100×)%@", nltkSeconds * 1000,
                            nltkSeconds / steleSeconds, nltkSeconds / steleSeconds >= 100 ? "" : "  UNDER"))
    }

    private struct CorpusPair {
        var sourcePath: String
        var targetPath: String
        var from: Language
        var to: Language
    }

    private func corpusPairs() -> [CorpusPair] {
        let items = (try? FileManager.default.contentsOfDirectory(atPath: corpus).sorted()) ?? []
        return items.flatMap { item -> [CorpusPair] in
            let folder = corpus + "/" + item
            guard let data = FileManager.default.contents(atPath: folder + "/gold.json"),
                  let gold = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
            return gold.keys.sorted().compactMap { key in
                let codes = key.split(separator: "-").map(String.init)
                guard codes.count == 2, let from = Language(code: codes[0]), let to = Language(code: codes[1]) else { return nil }
                return CorpusPair(sourcePath: "\(folder)/\(codes[0]).txt", targetPath: "\(folder)/\(codes[1]).txt", from: from, to: to)
            }
        }
    }

    private func paragraphs(_ path: String) throws -> [String] {
        ParagraphText.paragraphs(in: try String(contentsOfFile: path, encoding: .utf8))
    }

    private func nltkPython() -> String? {
        guard FileManager.default.isExecutableFile(atPath: "scripts/nltk-python"),
              let result = try? ChildProcess.run("scripts/nltk-python", [], timeout: .seconds(600)),
              result.termination == .exited(0) else { return nil }
        let path = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return path.isEmpty ? nil : path
    }

    private func seconds(_ body: () -> Void) -> Double {
        let start = ContinuousClock.now
        body()
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// Reads two texts, aligns them once, and prints by how many kilobytes the resident size peaked
/// above where it was before the alignment: the measured side of the 5,000×5,000 memory figure.
/// The kernel's peak counter (VmHWM) is reset after reading, so the texts themselves do not count.
struct AlignPeak: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "align-peak", abstract: "Peak memory of one alignment.", shouldDisplay: false)

    @Argument var source: String
    @Argument var target: String

    func run() throws {
        let sourceText = ParagraphText.paragraphs(in: try String(contentsOfFile: source, encoding: .utf8))
        let targetText = ParagraphText.paragraphs(in: try String(contentsOfFile: target, encoding: .utf8))
        _ = ParagraphAligner().align(source: ["Warm-up."], target: ["Échauffement."], from: .en, to: .fr)

        guard (try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)) != nil else {
            throw BenchmarkError("cannot reset the peak memory counter (/proc/self/clear_refs)")
        }
        let before = try status("VmRSS")
        _ = ParagraphAligner().align(source: sourceText, target: targetText, from: .en, to: .fr)
        print(try status("VmHWM") - before)
    }

    /// A kilobyte figure from /proc/self/status.
    private func status(_ field: String) throws -> Int {
        let text = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
              let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else {
            throw BenchmarkError("no \(field) in /proc/self/status")
        }
        return kilobytes
    }
}
