import Foundation
import SteleFixtures
import SteleService
import Testing

@Suite("stele check, the command")
struct CheckCommandTests {
    let store = FileManager.default.temporaryDirectory.appendingPathComponent("stele-check-\(UUID().uuidString)").path
    var writerTool: String { BuiltProducts.folder.appendingPathComponent("stele-store-writer").path }

    /// Runs `stele` with `arguments`; returns how it ended, its output and its errors.
    func stele(_ arguments: [String]) throws -> (termination: ChildProcess.Termination, output: String, errors: String) {
        let output = store + "-\(UUID().uuidString).out", errors = store + "-\(UUID().uuidString).err"
        defer { unlink(output); unlink(errors) }
        let child = try ChildProcess(executable: BuiltProducts.stele, arguments: arguments, standardOutput: output, standardError: errors)
        let termination = child.wait(timeout: .seconds(60)) ?? child.terminate()
        func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return (termination, read(output), read(errors))
    }

    /// A store with one version, written by the store's helper writer process.
    func makeStore() throws {
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
        let written = try ChildProcess.run(writerTool, ["write", store, "2000"])
        try #require(written.termination == .exited(0), "stele-store-writer: \(written.output)")
    }

    @Test("a folder that is not a store is bad usage: exit 2 with a message naming it")
    func notAStore() throws {
        let result = try stele(["check", "--store", store])
        #expect(result.termination == .exited(2))
        #expect(result.errors.contains("\(store) is not a Stele store"))
    }

    @Test("a clean store exits 0; a leftover exits 1 and --repair removes it")
    func cleanThenRepaired() throws {
        try makeStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        var result = try stele(["check", "--store", store])
        #expect(result.termination == .exited(0))
        #expect(result.output.contains("clean (1 releases, 1 versions, 0 alignments)"))

        let leftover = store + "/sources/nato/releases/big/en/.tmp-0002.txt-1-2"
        try Data("half".utf8).write(to: URL(fileURLWithPath: leftover))
        result = try stele(["check", "--store", store, "--json"])
        #expect(result.termination == .exited(1))
        let report = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect((report?["problems"] as? [[String: Any]])?.first?["kind"] as? String == "leftover")

        result = try stele(["check", "--store", store, "--repair"])
        #expect(result.termination == .exited(0))
        #expect(result.output.contains("repaired: \(leftover)"))
        #expect(!FileManager.default.fileExists(atPath: leftover))
    }

    @Test("--repair while another writer holds the lock fails at once and names its pid")
    func repairWhileLocked() throws {
        try makeStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let holderOutput = store + "-holder.out"
        defer { unlink(holderOutput) }
        let holder = try ChildProcess(executable: writerTool, arguments: ["hold", store], standardOutput: holderOutput)
        defer { holder.send(SIGKILL); _ = holder.wait(timeout: .seconds(10)) }
        for _ in 0..<1_000 where ((try? String(contentsOfFile: holderOutput, encoding: .utf8)) ?? "").isEmpty { usleep(10_000) }
        let result = try stele(["check", "--store", store, "--repair"])
        #expect(result.termination == .exited(1))
        #expect(result.errors.contains("is locked by process \(holder.pid)"))
        // Without --repair, check is a reader and needs no lock.
        #expect(try stele(["check", "--store", store]).termination == .exited(0))
    }
}
