import Foundation
import SteleFixtures
import SteleService

/// A store filled by real `stele fetch` processes from the NATO-like site on 127.0.0.1, shared by
/// the tests of the reading commands (which only read it):
///
/// - 231001: English, then French and a Ukrainian lead (2 paragraphs), then the English corrected:
///   en@2 is newer than the French was made from;
/// - 231002 and 231003: English only, their translations pending.
struct FetchedStore: Sendable {
    let folder: String
    let store: String
    let config: String
    let first = NATOLikeSite.firstNumber

    /// The shared store, fetched on first use.
    static var shared: FetchedStore {
        get async throws { try await fetching.value }
    }

    private static let fetching = Task<FetchedStore, any Error> {
        let site = NATOLikeSite(releases: 3)
        let server = try FixtureServer { site.respond(to: $0) }
        SiteKeeper.keep(site, server)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stele-reading-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let fetched = FetchedStore(folder: folder, store: folder + "/store", config: folder + "/stele.toml")
        try site.configuration(baseURL: server.baseURL, storePath: fetched.store).write(toFile: fetched.config, atomically: true, encoding: .utf8)
        try fetched.fetch()
        site.setTranslation(fetched.first, "fr", .available)
        site.setTranslation(fetched.first, "uk", .partial(paragraphs: 2))
        try fetched.fetch()
        site.correctEnglish(fetched.first)
        try fetched.fetch()
        return fetched
    }

    /// One `stele fetch` of everything.
    private func fetch() throws {
        let result = try stele(["fetch", "--config", config])
        guard result.status == 0 else { throw FetchFailed(description: "stele fetch ended with \(String(describing: result.status)): \(result.errors)") }
    }

    /// Runs the built `stele` with `arguments`; returns its exit status (`nil` when killed), output and errors.
    func stele(_ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32?, output: String, errors: String) {
        let base = folder + "/run-\(UUID().uuidString)"
        defer { unlink(base + ".out"); unlink(base + ".err") }
        let child = try ChildProcess(executable: BuiltProducts.stele, arguments: arguments, environment: environment, standardOutput: base + ".out", standardError: base + ".err")
        let termination = child.wait(timeout: .seconds(60)) ?? child.terminate()
        func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        guard case .exited(let status) = termination else { return (nil, read(base + ".out"), read(base + ".err")) }
        return (status, read(base + ".out"), read(base + ".err"))
    }

    /// A file of the release `number`'s folder, e.g. `en/0001.txt`.
    func file(_ number: Int, _ path: String) -> String {
        "\(store)/sources/nato/releases/\(NATOLikeSite.key(number))/\(path)"
    }

    struct FetchFailed: Error, CustomStringConvertible {
        var description: String
    }
}

/// Keeps the site and its server running for the whole test run.
private enum SiteKeeper {
    nonisolated(unsafe) static var kept: [AnyObject] = []

    static func keep(_ site: NATOLikeSite, _ server: FixtureServer) {
        kept += [site, server]
    }
}
