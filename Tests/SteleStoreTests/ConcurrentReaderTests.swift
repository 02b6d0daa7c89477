import Foundation
import SteleFixtures
import SteleService
import SteleStore
import Testing

@Suite("Readers beside a running writer")
struct ConcurrentReaderTests {
    @Test("a reader without the lock sees every version whole while another process writes")
    func readerNeverSeesHalfAVersion() throws {
        let store = TemporaryStore("readers")
        let report = store.root + "-committed.txt"
        defer { unlink(report) }
        let writer = try ChildProcess(executable: storeWriterTool, arguments: ["loop", store.root, report])
        defer { writer.send(SIGKILL); _ = writer.wait(timeout: .seconds(10)) }
        var reader: Store?
        for _ in 0..<500 where reader == nil {
            reader = try? store.reader()
            usleep(10_000)
        }
        let store0 = try #require(reader)
        var versionsRead = 0, alignmentsRead = 0
        let deadline = ContinuousClock.now + .seconds(2)
        while ContinuousClock.now < deadline {
            for release in try store0.allReleases() {
                for language in try store0.languages(release) {
                    for number in try store0.versionNumbers(release, language: language) {
                        let metadata = try store0.metadata(release, language: language, version: number)
                        let text = try store0.text(release, language: language, version: number)
                        #expect(text.utf8.count == metadata.textBytes, "\(release) \(language)@\(number) read half-written")
                        if number > 1 { #expect(try store0.diff(release, language: language, version: number) != nil) }
                        versionsRead += 1
                    }
                }
                // An alignment is written after both versions it names: they must exist.
                for alignment in try store0.alignments(release) {
                    _ = try store0.metadata(release, language: alignment.source.language, version: alignment.source.version)
                    _ = try store0.metadata(release, language: alignment.target.language, version: alignment.target.version)
                    alignmentsRead += 1
                }
            }
            _ = try store0.events()
            _ = try store0.summaries()
        }
        #expect(versionsRead > 100 && alignmentsRead > 0, "the writer wrote too little to prove anything (\(versionsRead) versions read)")
    }
}
