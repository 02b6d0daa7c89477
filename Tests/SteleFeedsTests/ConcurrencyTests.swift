import Foundation
import SteleFeeds
import Synchronization
import Testing

@Suite("Parsing on many threads at once")
struct ConcurrencyTests {
    /// Documents that exercise every path with global state in libxml2: errors, warnings, encodings.
    static func documents() throws -> [(name: String, bytes: [UInt8])] {
        let rss2 = try Fixtures.bytes("rss2.xml")
        return [
            ("rss2", rss2),
            ("atom", try Fixtures.bytes("atom.xml")),
            ("rss1", try Fixtures.bytes("rss1.rdf")),
            ("rss091", try Fixtures.bytes("rss091.xml")),
            ("json", try Fixtures.bytes("feed.json")),
            ("sitemap", try Fixtures.bytes("sitemap-hreflang.xml")),
            ("truncated", Array(rss2.prefix(rss2.count / 2))),
            ("mismatch", Array(rss("<item><guid>1</guid></item><item></itme>").utf8)),
            ("undeclared prefix", Array(rss("<item><guid>1</guid><dc:date>2025-01-01</dc:date></item>").utf8)),
            ("windows-1251", EncodingTests.document(declaring: "windows-1251", title: [0xCF, 0xF0, 0xE8, 0xE2, 0xB3, 0xF2])),
            ("billion laughs", Array(HostileInputTests.billionLaughs.utf8)),
            ("html", Array("<html><body>x</body></html>".utf8)),
        ]
    }

    static func outcome(_ bytes: [UInt8]) -> Result<Feed, FeedError> {
        Result { () throws(FeedError) in try FeedParser().parse(bytes, url: "https://example.org/feed") }
    }

    @Test("16 threads parsing every kind of document 25 times each get exactly the single-threaded results")
    func manyThreads() throws {
        let documents = try Self.documents()
        let expected = documents.map { Self.outcome($0.bytes) }
        let mismatches = Mutex<[String]>([])
        let done = DispatchGroup()
        for thread in 0..<16 {
            done.enter()
            Thread.detachNewThread {
                for round in 0..<25 {
                    let index = (thread + round) % documents.count
                    let result = Self.outcome(documents[index].bytes)
                    if result != expected[index] {
                        mismatches.withLock { $0.append("thread \(thread) round \(round): \(documents[index].name)") }
                    }
                }
                done.leave()
            }
        }
        #expect(done.wait(timeout: .now() + 120) == .success)
        #expect(mismatches.withLock { $0 } == [])
    }
}
