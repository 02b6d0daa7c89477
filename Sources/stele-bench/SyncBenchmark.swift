import ArgumentParser
import Foundation
import SteleFixtures
import SteleService

/// A cold and a warm `stele fetch` of a generated NATO-like site (releases × 3 languages) next to
/// `curl --parallel` fetching the same pages, plainly and then with the same conditional requests.
struct SyncBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "stele fetch (cold, then warm: all 304) against curl --parallel on the same pages (target: within 1.5x, under 64 MB)."
    )

    @Option(help: "Releases on the generated site; each has an English, a French and a Ukrainian page.")
    var releases = 1000

    @Option(help: "Runs of each side; medians are reported.")
    var runs = 3

    @Option(help: "Transfers in flight at once, for both sides.")
    var parallel = 8

    @Option(help: "Folder for the stores (the disk that is measured); default: the system's temporary folder.")
    var folder: String?

    func run() throws {
        let base = URL(fileURLWithPath: folder ?? FileManager.default.temporaryDirectory.path).appendingPathComponent("stele-bench-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        let config = base.appendingPathComponent("site.toml").path
        let siteOutput = base.appendingPathComponent("site.out").path
        let site = try ChildProcess(executable: siblingExecutable("stele-fixture-site"), arguments: [
            "--port", "0", "--releases", "\(releases)", "--translated", "--write-config", config, "--store", "unused",
        ], standardOutput: siteOutput)
        defer { site.terminate() }
        let baseURL = try waitForLine(siteOutput)
        try String(contentsOfFile: config, encoding: .utf8).replacingOccurrences(of: "per_host = 8", with: "per_host = \(parallel)")
            .write(toFile: config, atomically: true, encoding: .utf8)

        var urls = [baseURL + NATOLikeSite.feedPath]
        for number in NATOLikeSite.firstNumber..<(NATOLikeSite.firstNumber + releases) {
            urls += ["en", "fr", "uk"].map { baseURL + NATOLikeSite.pagePath(number, language: $0) }
        }
        let plain = base.appendingPathComponent("plain.cfg").path
        try urls.map { "url = \"\($0)\"\noutput = \"/dev/null\"" }.joined(separator: "\n").write(toFile: plain, atomically: true, encoding: .utf8)
        let conditional = base.appendingPathComponent("conditional.cfg").path
        try conditionalConfig(urls: urls, folder: base).write(toFile: conditional, atomically: true, encoding: .utf8)
        let curlArguments = ["--silent", "--compressed", "--parallel", "--parallel-max", "\(parallel)", "--config"]

        var cold: [Measurement] = [], warm: [Measurement] = [], curlCold: [Measurement] = [], curlWarm: [Measurement] = []
        for run in 0..<runs {
            let store = base.appendingPathComponent("store-\(run)").path
            let fetch = ["fetch", "--config", config, "--store", store]
            curlCold.append(try Measurement.run("/usr/bin/curl", curlArguments + [plain]))
            cold.append(try Measurement.run(siblingExecutable("stele"), fetch))
            curlWarm.append(try Measurement.run("/usr/bin/curl", curlArguments + [conditional]))
            warm.append(try Measurement.run(siblingExecutable("stele"), fetch))
        }
        print("sync: \(releases) releases x 3 languages (\(urls.count) requests), \(parallel) in flight, median of \(runs) runs")
        report("cold: everything new", stele: cold, curl: curlCold)
        report("warm: everything 304", stele: warm, curl: curlWarm)
    }

    private func report(_ title: String, stele: [Measurement], curl: [Measurement]) {
        let steleSeconds = median(stele.map(\.seconds)), curlSeconds = median(curl.map(\.seconds))
        let megabytes = median(stele.map { Double($0.peakKilobytes) / 1024 })
        print("  \(title)")
        print(String(format: "    stele fetch  %.3f s  %.1f MB peak (extraction, language, alignment and durable storage included)", steleSeconds, megabytes))
        print(String(format: "    curl         %.3f s  %.1f MB peak", curlSeconds, median(curl.map { Double($0.peakKilobytes) / 1024 })))
        print(String(format: "    ratio        %.2fx curl (target <= 1.50), memory %@ (target < 64 MB)", steleSeconds / curlSeconds, megabytes < 64 ? "ok" : "OVER"))
        TableRow.emit("sync", "\(title), \(releases) releases x 3", stele: String(format: "stele fetch %.2f s, %.0f MB", steleSeconds, megabytes), baseline: String(format: "curl --parallel %.2f s", curlSeconds),
                      ratio: String(format: "%.2fx", steleSeconds / curlSeconds), target: "<= 1.5x, < 64 MB", met: steleSeconds / curlSeconds <= 1.5 && megabytes < 64)
    }

    /// A curl configuration that sends each page's current ETag back, as the warm fetch does.
    private func conditionalConfig(urls: [String], folder: URL) throws -> String {
        let listing = folder.appendingPathComponent("etags.cfg").path
        try urls.map { "url = \"\($0)\"\noutput = \"/dev/null\"\nwrite-out = \"%{url_effective} %header{etag}\\\\n\"" }.joined(separator: "\nnext\n")
            .write(toFile: listing, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("etags.txt").path
        let child = try ChildProcess(executable: "/usr/bin/curl", arguments: ["--silent", "--compressed", "--config", listing], standardOutput: output)
        guard child.wait(timeout: .seconds(600)) == .exited(0) else { throw BenchmarkError("curl could not read the ETags") }
        return try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").map { line in
            let parts = line.split(separator: " ", maxSplits: 1)
            return "url = \"\(parts[0])\"\noutput = \"/dev/null\"\nheader = \"If-None-Match: \(parts.count > 1 ? String(parts[1]).replacingOccurrences(of: "\"", with: "\\\"") : "")\""
        }.joined(separator: "\nnext\n")
    }

    private func waitForLine(_ path: String) throws -> String {
        for _ in 0..<1000 {
            if let text = try? String(contentsOfFile: path, encoding: .utf8), text.hasSuffix("\n") {
                return text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            usleep(10_000)
        }
        throw BenchmarkError("stele-fixture-site did not start")
    }
}
