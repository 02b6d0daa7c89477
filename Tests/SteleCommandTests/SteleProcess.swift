import Foundation
import SteleService
import Testing

/// The `stele` executable built next to this test bundle, run as a user runs it.
enum SteleProcess {
    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("stele").path

    /// Runs `stele arguments…` to its end (at most a minute); returns how it ended and what it wrote.
    static func run(_ arguments: [String]) throws -> (status: ChildProcess.Termination, output: String, error: String) {
        #expect(FileManager.default.isExecutableFile(atPath: executable), "build the stele executable first (swift build)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stele-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out").path, error = folder.appendingPathComponent("err").path
        let child = try ChildProcess(executable: executable, arguments: arguments, standardOutput: output, standardError: error)
        let status = child.wait(timeout: .seconds(60)) ?? child.terminate()
        return (status, try String(contentsOfFile: output, encoding: .utf8), try String(contentsOfFile: error, encoding: .utf8))
    }
}
