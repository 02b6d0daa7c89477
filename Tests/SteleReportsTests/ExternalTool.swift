import Foundation
import SteleService

/// A program the tests check outputs with (xmllint, patch), run to its end.
enum ExternalTool {
    /// Runs `executable` with `arguments`; returns its exit status (`nil` when killed), output and errors.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32?, output: String, errors: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("stele-tool-\(UUID().uuidString)").path
        defer { unlink(base + ".out"); unlink(base + ".err") }
        let child = try ChildProcess(executable: executable, arguments: arguments, standardOutput: base + ".out", standardError: base + ".err")
        let termination = child.wait(timeout: .seconds(60)) ?? child.terminate()
        func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        guard case .exited(let status) = termination else { return (nil, read(base + ".out"), read(base + ".err")) }
        return (status, read(base + ".out"), read(base + ".err"))
    }

    /// A file in a temporary folder, removed by the caller.
    static func temporaryFile(_ suffix: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("stele-reports-\(UUID().uuidString)\(suffix)").path
    }
}
