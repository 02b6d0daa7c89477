import ArgumentParser
import Foundation
import SteleExtract
import SteleFixtures
import SteleService

/// Extraction of a typical 100 KB release page and of a 5 MB page, next to `xmllint --html --xpath`
/// on the same files in the same run.
///
/// Stele is timed in process (parse, body, paragraphs, language, alternates: everything the sync
/// engine pays per page) and as a process (`stele extract`, start-up included); xmllint can only be
/// timed as a process, so the fair ratio is process against process.
struct ExtractBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Page extraction against xmllint --html --xpath (targets: 100 KB page < 5 ms, 5 MB page < 300 ms, medians)."
    )

    @Option(help: "Runs for the 100 KB page; medians are reported.")
    var runs = 200

    @Option(help: "Runs for the 5 MB page.")
    var largeRuns = 15

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stele-bench-extract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let cases: [(name: String, page: [UInt8], runs: Int, target: Double)] = [
            ("typical page", BenchmarkReleasePage.make(paragraphs: 40, scriptKilobytes: 60), runs, 5),
            ("large page", BenchmarkReleasePage.make(paragraphs: 13_000, scriptKilobytes: 60), largeRuns, 300),
        ]
        let steleExecutable = siblingExecutable("stele")
        let hasStele = FileManager.default.isExecutableFile(atPath: steleExecutable)
        print("extract: medians; Stele with the rule section.content and with the fallback; xmllint selects the same <p>s")
        for benchmark in cases {
            let path = folder.appendingPathComponent("\(benchmark.page.count).html").path
            try Data(benchmark.page).write(to: URL(fileURLWithPath: path))
            let page = HTMLPage(bytes: benchmark.page, url: "https://www.nato.int/cps/en/natohq/news_990001.htm")
            let withRule = PageExtractor(options: ExtractionOptions(contentRule: try ContentRule("section.content")))
            let fallback = PageExtractor()
            let paragraphs = try withRule.extract(page).paragraphs.count
            guard try fallback.extract(page).paragraphs.count == paragraphs else {
                throw BenchmarkError("the fallback and the rule disagree on the benchmark page")
            }

            let ruleMilliseconds = try median(inProcess(benchmark.runs) { _ = try withRule.extract(page) })
            let fallbackMilliseconds = try median(inProcess(benchmark.runs) { _ = try fallback.extract(page) })
            let processRuns = min(benchmark.runs, 30)
            let xmllint = try median((0..<processRuns).map { _ in
                try processMilliseconds("/usr/bin/xmllint", ["--html", "--xpath", "//section[@class='content']//p", path])
            })
            print(String(format: "  %@: %.0f KB, %d paragraphs", benchmark.name, Double(benchmark.page.count) / 1024, paragraphs))
            print(String(format: "    stele, in process, rule       %8.2f ms  (target < %.0f ms: %@)", ruleMilliseconds, benchmark.target, ruleMilliseconds < benchmark.target ? "met" : "MISSED"))
            print(String(format: "    stele, in process, fallback   %8.2f ms  (target < %.0f ms: %@)", fallbackMilliseconds, benchmark.target, fallbackMilliseconds < benchmark.target ? "met" : "MISSED"))
            print(String(format: "    xmllint --html --xpath        %8.2f ms  (process)", xmllint))
            TableRow.emit("extract", String(format: "%@ (%.0f KB), rule / fallback", benchmark.name, Double(benchmark.page.count) / 1024),
                          stele: String(format: "%.2f / %.2f ms", ruleMilliseconds, fallbackMilliseconds), baseline: String(format: "xmllint --html --xpath %.2f ms (process)", xmllint),
                          ratio: String(format: "%.2fx", ruleMilliseconds / xmllint), target: String(format: "< %.0f ms", benchmark.target),
                          met: max(ruleMilliseconds, fallbackMilliseconds) < benchmark.target)
            if hasStele {
                let process = try median((0..<processRuns).map { _ in
                    try processMilliseconds(steleExecutable, ["extract", path, "--rule", "section.content"])
                })
                let startUp = try median((0..<processRuns).map { _ in try processMilliseconds(steleExecutable, ["--version"]) })
                print(String(format: "    stele extract --rule          %8.2f ms  (process)  ratio %.2fx xmllint", process, process / xmllint))
                print(String(format: "    stele --version               %8.2f ms  (process start-up alone, for reading the ratio)", startUp))
            }
        }
    }

    /// Wall time of each of `runs` calls, in milliseconds.
    private func inProcess(_ runs: Int, _ body: () throws -> Void) throws -> [Double] {
        let clock = ContinuousClock()
        return try (0..<runs).map { _ in
            let elapsed = try clock.measure(body)
            return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        }
    }

    /// Wall time of one run of a program, output discarded, in milliseconds (a blocking wait, so the
    /// figure is not rounded to a polling interval).
    private func processMilliseconds(_ executable: String, _ arguments: [String]) throws -> Double {
        let start = ContinuousClock.now
        let child = try ChildProcess(executable: executable, arguments: arguments)
        var status: Int32 = 0
        guard waitpid(child.pid, &status, 0) == child.pid, status == 0 else {
            throw BenchmarkError("\(executable) \(arguments.joined(separator: " ")) failed (status \(status))")
        }
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }
}
