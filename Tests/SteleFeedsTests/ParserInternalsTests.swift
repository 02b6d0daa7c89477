import Foundation
@testable import SteleFeeds
import SteleText
import Testing

/// The layer under the prolog check: even a document that reached libxml2 with entity
/// declarations would not be expanded, because the parser substitutes nothing and records no
/// declaration.
@Suite("libxml2 options, without the prolog check")
struct ParserInternalsTests {
    final class TextCollector: XMLEventHandler {
        var text: [UInt8] = []
        func didStart(_ element: XMLElementStart, depth: Int, scope: XMLScope) {}
        func didEnd(depth: Int) {}
        func didRead(text: UnsafeBufferPointer<UInt8>) { self.text.append(contentsOf: text) }
    }

    func read(_ document: String) -> (text: String, error: FeedError?) {
        let collector = TextCollector()
        let parser = XMLStreamParser(handler: collector, maxDepth: 64, attributeLimits: AttributeLimits())
        parser.parse(Array(document.utf8))
        return (String(decoding: collector.text, as: UTF8.self), parser.error)
    }

    @Test("billion laughs reaching libxml2 expands nothing: the first reference is an undefined entity")
    func billionLaughs() {
        let (text, error) = read(HostileInputTests.billionLaughs)
        #expect(text.isEmpty)
        #expect(error == FeedError(.malformedXML(message: "Entity 'lol9' not defined"), line: 14, column: 42))
    }

    @Test("the quadratic blow-up reaching libxml2 expands nothing")
    func quadratic() {
        let (text, error) = read(HostileInputTests.quadraticBlowUp)
        #expect(text.isEmpty)
        #expect(error?.code == "malformed-xml")
    }

    @Test("an external entity reaching libxml2 is not read")
    func externalEntity() throws {
        let secret = try SecretFile()
        defer { secret.remove() }
        let upToReference = "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file://\(secret.path)\">]><r>&xxe;"
        let (text, error) = read(upToReference + "</r>")
        #expect(!text.contains(secret.content))
        #expect(error == FeedError(.malformedXML(message: "Entity 'xxe' not defined"), line: 1, column: upToReference.count + 1))
    }
}
