import ArgumentParser
import Foundation
import SteleFeeds
import SteleFixtures
import SteleService

/// Parses a generated 10,000-item RSS 2.0 feed and a 10,000-entry Atom feed with SteleFeeds and
/// with Python's feedparser (or `xmllint --stream` where feedparser is missing), alternating runs,
/// and prints medians, the ratio and the memory each parse needed.
struct FeedsBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "SteleFeeds against Python's feedparser on 10,000-item RSS and Atom feeds (target: >= 10x faster, memory < 3x the file).",
        discussion: """
            Both sides time the parse only, inside their own process, after the file is in memory: \
            SteleFeeds' FeedParser.parse, feedparser.parse(bytes). Memory is the growth of the peak \
            resident size (VmHWM) from before reading the file to after the parse: the file's bytes \
            plus everything the parse needed, without the interpreter's or runtime's own size; the \
            whole process's peak is shown too. \
            Without feedparser (pip install feedparser) the baseline is `xmllint --stream`, timed as a \
            whole process. Also times the hostile documents of the test suite.
            """
    )

    @Option(help: "Items in each generated feed.")
    var items = 10_000

    @Option(help: "Runs of each parser; medians are reported.")
    var runs = 5

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stele-bench-feeds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("feedparser_bench.py").path
        try Self.python.write(toFile: script, atomically: true, encoding: .utf8)
        let hasFeedparser = (try? ChildProcess.run("/usr/bin/env", ["python3", "-c", "import feedparser"]).termination) == .exited(0)
        let baselineName = hasFeedparser ? "feedparser" : "xmllint --stream (whole process)"

        for (name, document) in [("RSS 2.0", GeneratedFeed.rss(items: items)), ("Atom", GeneratedFeed.atom(items: items))] {
            let path = folder.appendingPathComponent(name == "Atom" ? "feed.atom" : "feed.rss").path
            try Data(document.utf8).write(to: URL(fileURLWithPath: path))
            let megabytes = Double(document.utf8.count) / 1_048_576
            var stele: [ParseFigures] = []
            var baseline: [ParseFigures] = []
            for _ in 0..<runs {
                stele.append(try ParseFigures.measure(siblingExecutable("stele-bench"), ["feed-parse", path]))
                baseline.append(hasFeedparser
                    ? try ParseFigures.measure("/usr/bin/env", ["python3", script, path])
                    : try ParseFigures.measureWholeProcess("/usr/bin/xmllint", ["--stream", "--noout", path]))
            }
            let steleSeconds = median(stele.map(\.seconds))
            let baselineSeconds = median(baseline.map(\.seconds))
            let growth = median(stele.map(\.growthMegabytes))
            print("\(name): \(items) items, \(String(format: "%.1f", megabytes)) MB, median of \(runs) runs each (parse only)")
            print(String(format: "  stele       %8.1f ms  memory +%.1f MB (%.2fx the file), process peak %.1f MB, %d items",
                         steleSeconds * 1000, growth, growth / megabytes, median(stele.map(\.peakMegabytes)), stele[0].items))
            print(String(format: "  %@  %8.1f ms  memory +%.1f MB, process peak %.1f MB, %d items",
                         baselineName.padding(toLength: 10, withPad: " ", startingAt: 0), baselineSeconds * 1000,
                         median(baseline.map(\.growthMegabytes)), median(baseline.map(\.peakMegabytes)), baseline[0].items))
            TableRow.emit("feeds", "\(name), \(items) items (\(String(format: "%.1f", megabytes)) MB)", stele: String(format: "%.1f ms, +%.1f MB", steleSeconds * 1000, growth),
                          baseline: String(format: "%@ %.1f ms", baselineName, baselineSeconds * 1000), ratio: String(format: "%.1fx faster", baselineSeconds / steleSeconds),
                          target: ">= 10x faster, < 3x file", met: baselineSeconds / steleSeconds >= 10 && growth < 3 * megabytes)
            print(String(format: "  ratio       %.1fx faster than %@ (target >= 10), memory %@ (target < 3x the file)",
                         baselineSeconds / steleSeconds, baselineName, growth < 3 * megabytes ? "ok" : "OVER"))
        }
        try hostile()
    }

    /// The hostile documents of the test suite, parsed in this process: each must end in milliseconds.
    private func hostile() throws {
        let entity = "<!DOCTYPE rss [<!ENTITY a \"" + String(repeating: "x", count: 100_000) + "\">]>"
        let documents: [(String, String)] = [
            ("billion laughs", "<!DOCTYPE rss [<!ENTITY lol \"lol\">" + (1...9).map { "<!ENTITY lol\($0) \"" + String(repeating: "&lol\($0 == 1 ? "" : String($0 - 1));", count: 10) + "\">" }.joined() + "]><rss><channel><title>&lol9;</title></channel></rss>"),
            ("quadratic blow-up (100 KB x 20,000)", entity + "<rss><channel><title>" + String(repeating: "&a;", count: 20_000) + "</title></channel></rss>"),
            ("100,000 nested elements", "<rss><channel>" + String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000) + "</channel></rss>"),
            ("truncated 10,000-item feed", String(GeneratedFeed.rss(items: items).dropLast(5000))),
        ]
        print("hostile input, median of \(runs) parses each")
        for (name, text) in documents {
            let bytes = Array(text.utf8)
            var seconds: [Double] = []
            var outcome = ""
            for _ in 0..<runs {
                let start = ContinuousClock.now
                do {
                    let feed = try FeedParser().parse(bytes)
                    outcome = "\(feed.items.count) items, " + (feed.error.map { "stopped: \($0.code)" } ?? "complete")
                } catch {
                    outcome = "refused: \(error.code)"
                }
                seconds.append((ContinuousClock.now - start).seconds)
            }
            print("  " + name.padding(toLength: 38, withPad: " ", startingAt: 0) + String(format: "%8.2f ms  ", median(seconds) * 1000) + outcome)
        }
    }

    /// The baseline side: reads the file, then times feedparser.parse on the bytes alone.
    static let python = """
        import sys, time
        import feedparser
        def peak():
            for line in open("/proc/self/status"):
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        before = peak()
        data = open(sys.argv[1], "rb").read()
        start = time.perf_counter()
        result = feedparser.parse(data)
        seconds = time.perf_counter() - start
        print(seconds, before, peak(), len(result.entries))
        """
}

/// One run's figures: parse seconds, peak resident size before and after, items found.
struct ParseFigures {
    var seconds: Double
    var peakMegabytes: Double
    var growthMegabytes: Double
    var items: Int

    /// Runs a program that prints `seconds maxrss-before-KB maxrss-after-KB items`.
    static func measure(_ executable: String, _ arguments: [String]) throws -> ParseFigures {
        let (termination, output) = try ChildProcess.run(executable, arguments, timeout: .seconds(600))
        let fields = output.split(whereSeparator: \.isWhitespace)
        guard termination == .exited(0), fields.count == 4, let seconds = Double(fields[0]), let before = Double(fields[1]),
              let after = Double(fields[2]), let items = Int(fields[3]) else {
            throw BenchmarkError("\(arguments.joined(separator: " ")) ended with \(termination) and printed \"\(output)\"")
        }
        return ParseFigures(seconds: seconds, peakMegabytes: after / 1024, growthMegabytes: (after - before) / 1024, items: items)
    }

    /// Times a whole process (for a baseline that cannot time its parse alone).
    static func measureWholeProcess(_ executable: String, _ arguments: [String]) throws -> ParseFigures {
        let run = try Measurement.run(executable, arguments)
        return ParseFigures(seconds: run.seconds, peakMegabytes: Double(run.peakKilobytes) / 1024, growthMegabytes: Double(run.peakKilobytes) / 1024, items: 0)
    }
}

/// The measured side of ``FeedsBenchmark``: reads FILE, parses it once, prints the figures.
struct FeedParse: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "feed-parse", abstract: "Parse FILE once and print seconds, peak RSS before and after (KB), items.", shouldDisplay: false)

    @Argument var file: String

    func run() throws {
        let before = peakResidentKilobytes()
        let bytes = try Self.read(file)
        let start = ContinuousClock.now
        let feed = try FeedParser().parse(bytes)
        let seconds = (ContinuousClock.now - start).seconds
        print(seconds, before, peakResidentKilobytes(), feed.items.count)
    }

    /// The file's bytes, read straight into one array (no second copy to count).
    private static func read(_ path: String) throws -> [UInt8] {
        guard let stream = fopen(path, "rb") else { throw BenchmarkError("cannot open \(path)") }
        defer { fclose(stream) }
        fseek(stream, 0, SEEK_END)
        let size = ftell(stream)
        fseek(stream, 0, SEEK_SET)
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = fread(buffer.baseAddress, 1, size, stream)
        }
    }

    /// `VmHWM` of /proc/self/status: unlike getrusage's ru_maxrss, which Linux carries over from
    /// the parent through fork and exec, it starts afresh with this program.
    private func peakResidentKilobytes() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
