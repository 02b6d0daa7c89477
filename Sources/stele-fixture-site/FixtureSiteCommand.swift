import ArgumentParser
import Foundation
import SteleFixtures

/// `stele-fixture-site`: serves a NATO-like site, fixture files and the misbehaviour routes on
/// 127.0.0.1, so that a person can try Stele offline and benchmarks have a site to sync.
@main
struct FixtureSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stele-fixture-site",
        abstract: "Serve a fixture web site on 127.0.0.1 for trying and benchmarking Stele offline.",
        discussion: """
            Serves a generated NATO-like site (--releases N: an RSS feed and release pages in English, \
            with French and Ukrainian under ?selectedLocale=fr/uk), the files under --folder with ETag, \
            Last-Modified, 304 answers and gzip, small generated pages (--pages N), and the /misbehave/ \
            routes (statuses, Retry-After, delays, drips, endless bodies, redirect loops, broken \
            connections). Prints the base URL, then serves until killed.
            """
    )

    @Option(help: "TCP port on 127.0.0.1 (0 picks a free one).")
    var port: UInt16 = 8080

    @Option(help: "Generate this many NATO-like releases (feed at \(NATOLikeSite.feedPath)).")
    var releases: Int = 0

    @Flag(help: "Serve every French and Ukrainian translation (else the French and Ukrainian addresses serve the English, as NATO does before translating).")
    var translated = false

    @Option(help: "Write a Stele configuration that follows the generated site to this file.")
    var writeConfig: String?

    @Option(help: "The store path to put in the configuration written by --write-config.")
    var store = "./var"

    @Option(help: "Every second, write the requests served and the most that were in flight at once to this file (JSON).")
    var stats: String?

    @Option(help: "Every this many seconds, change the site as NATO's changes: a new release, the French of the one before, the Ukrainian of the one before that, whose English is also corrected (0: never).")
    var changeEvery: Int = 0

    @Option(help: "Serve the files under this folder.")
    var folder: String?

    @Option(help: "Also serve /pages/N.html for N below this number: small generated pages for benchmarks.")
    var pages: Int = 0

    func run() throws {
        let files = try folder.map { try FixtureSite(folder: $0) } ?? FixtureSite()
        for number in 0..<max(0, pages) {
            files.put("/pages/\(number).html", text: BenchmarkPage.html(number: number))
        }
        let nato = NATOLikeSite(releases: max(0, releases), feedSize: max(50, releases))
        if translated {
            for number in nato.releaseNumbers {
                nato.setTranslation(number, "fr", .available)
                nato.setTranslation(number, "uk", .available)
            }
        }
        let server = try FixtureServer(port: port, keepsLog: false) { request in
            if let response = Misbehaviour.respond(to: request) { return response }
            let response = nato.respond(to: request)
            return response.status == 404 ? files.respond(to: request) : response
        }
        if let writeConfig {
            try nato.configuration(baseURL: server.baseURL, storePath: store).write(toFile: writeConfig, atomically: true, encoding: .utf8)
        }
        FileHandle.standardOutput.write(Data((server.baseURL + "\n").utf8))  // unbuffered: scripts wait for it
        var seconds = 0
        while true {
            sleep(1)
            seconds += 1
            if let stats {
                let line = "{\"requests\": \(server.requestCount), \"maxConcurrent\": \(server.maxConcurrentRequests), \"connections\": \(server.connectionCount)}\n"
                try? line.write(toFile: stats, atomically: true, encoding: .utf8)
            }
            if changeEvery > 0, seconds % changeEvery == 0 {
                let number = nato.addRelease()
                nato.setTranslation(number - 1, "fr", .available)
                nato.setTranslation(number - 2, "uk", .available)
                nato.correctEnglish(number - 2)
            }
        }
    }
}
