import Dispatch
import SteleExtract
import Synchronization
import Testing

@Suite("Extraction from many threads at once")
struct ConcurrencyTests {
    @Test("32 threads extracting different pages at once get the same results as one thread alone")
    func manyThreads() throws {
        let fixtures = ["release-en", "release-fr", "release-uk", "ukrainian-windows-1251", "ukrainian-koi8-u", "release-ru", "french-windows-1252"]
        let pages = try fixtures.map { HTMLPage(bytes: try Fixture.bytes($0), url: Fixture.releaseURL("en")) }
        let extractor = PageExtractor(options: ExtractionOptions(contentRule: try ContentRule("section.content, div.article")))
        let expected = try pages.map { try extractor.extract($0) }

        let mismatches = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 32 * 20) { iteration in
            let index = iteration % pages.count
            do {
                let result = try extractor.extract(pages[index])
                if result != expected[index] { mismatches.withLock { $0.append("\(fixtures[index]) differed on iteration \(iteration)") } }
            } catch {
                mismatches.withLock { $0.append("\(fixtures[index]) failed: \(error)") }
            }
        }
        #expect(mismatches.withLock { $0 }.isEmpty)
    }

    @Test("rules compiled and invalid XPath refused on many threads at once leave no shared error state")
    func rulesOnManyThreads() {
        let failures = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 400) { iteration in
            let expression = iteration % 2 == 0 ? "//section[@class='content']" : "//section[@class="
            let accepted = (try? ContentRule(expression)) != nil
            if accepted != (iteration % 2 == 0) { failures.withLock { $0 += 1 } }
        }
        #expect(failures.withLock { $0 } == 0)
    }
}
