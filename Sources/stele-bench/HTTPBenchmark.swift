import ArgumentParser
import Foundation
import SteleFixtures
import SteleService
import SteleHTTP

/// Fetches N small pages from a local fixture site with Stele's client and with
/// `curl --parallel`, alternating runs, and prints medians and the ratio.
struct HTTPBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "http",
        abstract: "Stele's HTTP client against curl --parallel on the same URL list (target: within 1.2x, under 40 MB)."
    )

    @Option(help: "Pages to fetch per run.")
    var pages = 3000

    @Option(help: "Transfers in flight at once, for both clients.")
    var parallel = 8

    @Option(help: "Runs of each client; medians are reported.")
    var runs = 5

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stele-bench-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let site = try startSite(pages: pages, folder: folder)
        defer { site.process.terminate() }
        let urls = (0..<pages).map { "\(site.baseURL)/pages/\($0).html" }
        let listPath = folder.appendingPathComponent("urls.txt").path
        try urls.joined(separator: "\n").write(toFile: listPath, atomically: true, encoding: .utf8)
        let curlConfig = folder.appendingPathComponent("curl.cfg").path
        try urls.map { "url = \"\($0)\"\noutput = \"/dev/null\"" }.joined(separator: "\n").write(toFile: curlConfig, atomically: true, encoding: .utf8)

        var stele: [Measurement] = []
        var curl: [Measurement] = []
        for _ in 0..<runs {
            stele.append(try Measurement.run(siblingExecutable("stele-bench"), ["fetch-list", listPath, "--parallel", "\(parallel)"]))
            curl.append(try Measurement.run("/usr/bin/curl", ["--silent", "--fail", "--compressed", "--parallel", "--parallel-max", "\(parallel)", "--config", curlConfig]))
        }
        let steleSeconds = median(stele.map(\.seconds))
        let curlSeconds = median(curl.map(\.seconds))
        let steleMegabytes = median(stele.map { Double($0.peakKilobytes) / 1024 })
        let curlMegabytes = median(curl.map { Double($0.peakKilobytes) / 1024 })
        print("http: \(pages) pages, \(parallel) in flight, median of \(runs) runs each")
        print(String(format: "  stele  %.3f s  %.1f MB peak", steleSeconds, steleMegabytes))
        print(String(format: "  curl   %.3f s  %.1f MB peak", curlSeconds, curlMegabytes))
        print(String(format: "  ratio  %.2fx curl (target <= 1.20), memory %@ (target < 40 MB)", steleSeconds / curlSeconds, steleMegabytes < 40 ? "ok" : "OVER"))
        TableRow.emit("http", "\(pages) small pages, \(parallel) in flight", stele: String(format: "%.3f s", steleSeconds), baseline: String(format: "curl --parallel %.3f s", curlSeconds),
                      ratio: String(format: "%.2fx", steleSeconds / curlSeconds), target: "<= 1.2x", met: steleSeconds / curlSeconds <= 1.2)
        TableRow.emit("http", "peak memory", stele: String(format: "%.1f MB", steleMegabytes), baseline: String(format: "curl %.1f MB", curlMegabytes),
                      ratio: "-", target: "< 40 MB", met: steleMegabytes < 40)
    }

    private func startSite(pages: Int, folder: URL) throws -> (process: ChildProcess, baseURL: String) {
        let output = folder.appendingPathComponent("site.out").path
        let process = try ChildProcess(executable: siblingExecutable("stele-fixture-site"), arguments: ["--port", "0", "--pages", "\(pages)"], standardOutput: output)
        for _ in 0..<500 {
            if let line = try? String(contentsOfFile: output, encoding: .utf8), line.hasSuffix("\n") {
                return (process, line.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            usleep(10_000)
        }
        process.terminate()
        throw BenchmarkError("stele-fixture-site did not start")
    }
}

/// Fetches every URL in a file with Stele's client: the measured side of ``HTTPBenchmark``.
struct FetchList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fetch-list", abstract: "Fetch every URL in FILE (one a line) and exit.", shouldDisplay: false)

    @Argument var file: String
    @Option var parallel = 8

    func run() async throws {
        let urls = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
        var configuration = HTTPClientConfiguration()
        configuration.maxConcurrentTransfers = parallel
        configuration.maxConcurrentTransfersPerHost = parallel
        let client = HTTPClient(configuration: configuration)
        defer { client.shutdown() }
        // A bounded window of tasks, as the sync engine runs them: the client queues what it is
        // given, and 3,000 suspended tasks would measure the tasks rather than the client.
        let window = parallel * 4
        let failures = await withTaskGroup(of: Int.self) { group in
            var failures = 0
            for (index, url) in urls.enumerated() {
                if index >= window { failures += await group.next() ?? 0 }
                group.addTask {
                    do { _ = try await client.fetch(HTTPRequest(url: url)); return 0 } catch { return 1 }
                }
            }
            for await failed in group { failures += failed }
            return failures
        }
        if failures > 0 { throw BenchmarkError("\(failures) of \(urls.count) fetches failed") }
    }
}
