import Foundation
import SteleFixtures
import SteleService
import Testing

private let analyzer = "/usr/bin/systemd-analyze"

@Suite("The systemd units", .enabled(if: FileManager.default.isExecutableFile(atPath: analyzer)))
struct SystemdUnitTests {
    /// The units with `/usr/local/bin/stele` replaced by the built binary, so that `verify` can
    /// check that the command exists.
    private func unitsForVerification() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stele-units-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for unit in ["stele.service", "stele-fetch.service", "stele-fetch.timer"] {
            let text = try String(contentsOf: BuiltProducts.file("systemd/\(unit)"), encoding: .utf8)
            try text.replacingOccurrences(of: "/usr/local/bin/stele", with: BuiltProducts.stele)
                .write(to: folder.appendingPathComponent(unit), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test("systemd-analyze verify finds nothing wrong with any unit")
    func verify() throws {
        let folder = try unitsForVerification()
        defer { try? FileManager.default.removeItem(at: folder) }
        let units = ["stele.service", "stele-fetch.service", "stele-fetch.timer"].map { folder.appendingPathComponent($0).path }
        let errorPath = folder.appendingPathComponent("verify.err").path
        let child = try ChildProcess(executable: analyzer, arguments: ["verify", "--man=no"] + units, standardError: errorPath)
        let termination = child.wait(timeout: .seconds(60))
        let messages = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        #expect(termination == .exited(0), "systemd-analyze verify: \(messages)")
        #expect(messages.isEmpty, "systemd-analyze verify: \(messages)")
    }

    @Test("systemd-analyze security scores both services 2.0 or better", arguments: ["stele.service", "stele-fetch.service"])
    func security(unit: String) throws {
        let path = BuiltProducts.file("systemd/\(unit)").path
        let result = try ChildProcess.run(analyzer, ["security", "--offline=yes", "--threshold=20", "--no-pager", path])
        // --threshold is in tenths: 20 fails the command above an exposure of 2.0.
        #expect(result.termination == .exited(0), "exposure above 2.0:\n\(result.output)")
    }
}
