import ArgumentParser
import Foundation
import SteleFixtures

/// `stele-fixture-site`: serves fixture files and the misbehaviour routes on 127.0.0.1, so that a
/// person can try Stele offline and benchmarks have a server to fetch from.
@main
struct FixtureSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stele-fixture-site",
        abstract: "Serve a fixture web site on 127.0.0.1 for trying and benchmarking Stele offline.",
        discussion: """
            Serves the files under --folder at their relative paths, with ETag, Last-Modified, 304 \
            answers and gzip, plus the /misbehave/ routes (statuses, Retry-After, delays, drips, endless \
            bodies, redirect loops, broken connections). Prints the base URL, then serves until killed.
            """
    )

    @Option(help: "TCP port on 127.0.0.1 (0 picks a free one).")
    var port: UInt16 = 8080

    @Option(help: "Serve the files under this folder.")
    var folder: String?

    @Option(help: "Also serve /pages/N.html for N below this number: small generated pages for benchmarks.")
    var pages: Int = 0

    func run() throws {
        let site = try folder.map { try FixtureSite(folder: $0) } ?? FixtureSite()
        for number in 0..<max(0, pages) {
            site.put("/pages/\(number).html", text: BenchmarkPage.html(number: number))
        }
        let server = try FixtureServer(port: port, keepsLog: false) { request in
            Misbehaviour.respond(to: request) ?? site.respond(to: request)
        }
        FileHandle.standardOutput.write(Data((server.baseURL + "\n").utf8))  // unbuffered: scripts wait for it
        while true { sleep(3600) }
    }
}
