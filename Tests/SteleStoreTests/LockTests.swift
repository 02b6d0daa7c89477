import Foundation
import SteleFixtures
import SteleService
import SteleStore
import Testing

@Suite("One writer at a time")
struct LockTests {
    @Test("a second writer in the same process fails at once, naming the holder's pid")
    func secondWriterFailsFast() throws {
        let store = TemporaryStore("lock")
        let first = try store.writer()
        defer { first.close() }
        let error = try #require(throws: StoreError.self) { _ = try store.writer() }
        #expect(error == .locked(store: store.root, holderPID: getpid()))
        #expect(error.description.contains("process \(getpid())") && error.description.contains("--wait"))
    }

    @Test("a writer in another process blocks this one, which fails fast with that process's pid")
    func otherProcessHoldsTheLock() throws {
        let store = TemporaryStore("lock")
        let holder = try Self.startHolder(store, wait: false)
        defer { Self.stop(holder) }
        #expect(try Self.awaitLine(holder.output) == "locked \(holder.process.pid)")
        // A writer that waited would hang here: the holder never lets go while the test runs.
        let error = try #require(throws: StoreError.self) { _ = try store.writer() }
        #expect(error == .locked(store: store.root, holderPID: holder.process.pid))
        // Readers need no lock.
        #expect(StoreChecker(store: try store.reader()).run().runningWriter == holder.process.pid)
    }

    @Test("a waiting writer gets the lock as soon as the holder dies, even by SIGKILL")
    func waitingWriter() throws {
        let store = TemporaryStore("lock")
        let holder = try Self.startHolder(store, wait: false)
        var holderReaped = false // once reaped, its pid may be reused: never signal it again
        defer { if holderReaped { unlink(holder.output) } else { Self.stop(holder) } }
        #expect(try Self.awaitLine(holder.output) == "locked \(holder.process.pid)")
        let waiter = try Self.startHolder(store, wait: true)
        defer { Self.stop(waiter) }
        usleep(300_000)
        #expect((try? String(contentsOfFile: waiter.output, encoding: .utf8)) ?? "" == "")
        holder.process.send(SIGKILL)
        holderReaped = holder.process.wait(timeout: .seconds(10)) != nil
        #expect(try Self.awaitLine(waiter.output) == "locked \(waiter.process.pid)")
    }

    static func startHolder(_ store: TemporaryStore, wait: Bool) throws -> (process: ChildProcess, output: String) {
        let output = store.root + "-holder-\(UUID().uuidString).out"
        try FileManager.default.createDirectory(atPath: store.root, withIntermediateDirectories: true)
        let process = try ChildProcess(executable: storeWriterTool, arguments: ["hold", store.root] + (wait ? ["wait"] : []), standardOutput: output)
        return (process, output)
    }

    /// Kills a holder (if still there) and removes its output file.
    static func stop(_ holder: (process: ChildProcess, output: String)) {
        holder.process.send(SIGKILL)
        _ = holder.process.wait(timeout: .seconds(10))
        unlink(holder.output)
    }

    /// The first line the child printed, waiting up to ten seconds for it.
    static func awaitLine(_ path: String) throws -> String {
        for _ in 0..<1_000 {
            if let text = try? String(contentsOfFile: path, encoding: .utf8), text.hasSuffix("\n") {
                return text.trimmingCharacters(in: .newlines)
            }
            usleep(10_000)
        }
        throw StoreTestError("no line in \(path) after 10 s")
    }
}

struct StoreTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
