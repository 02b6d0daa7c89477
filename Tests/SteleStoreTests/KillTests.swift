import Foundation
import SteleFixtures
import SteleService
import SteleStore
import Testing

@Suite("SIGKILL at random moments loses nothing")
struct KillTests {
    @Test("200 kills of a writer in full flight: check is clean or repairable, and every version the writer saw committed is intact")
    func killedWriter() throws {
        var kills = 0, committed = 0, repairedStores = 0
        for _ in 0..<8 {
            let store = TemporaryStore("kill")
            let report = store.root + "-committed.txt"
            defer { unlink(report) }
            for _ in 0..<25 {
                let child = try ChildProcess(executable: storeWriterTool, arguments: ["loop", store.root, report])
                usleep(UInt32.random(in: 2_000...60_000))
                child.send(SIGKILL)
                let termination = child.wait(timeout: .seconds(30))
                #expect(termination == .signaled(SIGKILL) || termination == .exited(0), "the writer ended with \(String(describing: termination))")
                kills += 1

                let lines = ((try? String(contentsOfFile: report, encoding: .utf8)) ?? "").split(separator: "\n")
                guard let reader = try? store.reader() else {
                    #expect(lines.isEmpty, "versions were reported but the store cannot be opened")
                    continue
                }
                let check = StoreChecker(store: reader).run()
                #expect(check.isRepairable, "after kill \(kills): \(check.problems.filter { !$0.repairable })")
                if !check.isClean { repairedStores += 1 }
                for line in lines {
                    let fields = line.split(separator: " ").map(String.init)
                    guard fields.count == 4, let key = ReleaseKey(validating: fields[0]), let version = Int(fields[2]) else {
                        Issue.record("malformed report line: \(line)")
                        continue
                    }
                    let metadata = try reader.metadata(ReleaseRef(source: nato, key: key), language: fields[1], version: version)
                    #expect(metadata.sha256 == fields[3], "version \(line) changed after it was committed")
                }
                committed = lines.count

                let writer = try store.writer()
                let repaired = StoreChecker(store: writer.store).run(repairingWith: writer)
                writer.close()
                #expect(repaired.isClean, "after kill \(kills), --repair left: \(repaired.problems)")
            }
            #expect(committed > 0, "the writer never committed a version: the kills came too early to test anything")
        }
        #expect(kills == 200)
        print("kill test: \(kills) kills, \(repairedStores) times the store needed repair")
    }
}
