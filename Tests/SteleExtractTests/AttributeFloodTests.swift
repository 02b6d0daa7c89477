import SteleExtract
import SteleText
import Testing

/// Pages built to make libxml2's attribute duplicate check (quadratic in 2.9) run for minutes are
/// refused before the parser sees them; real pages come out exactly as without the guard.
@Suite("Attribute floods")
struct AttributeFloodTests {
    /// Limits no document reaches: extraction as it was before the guard.
    private static let unguarded = ExtractionOptions(attributeLimits: AttributeLimits(perElement: .max, comparisons: .max))

    private static func flood(quoted: Bool, count: Int = 40_000) -> [UInt8] {
        let attributes = (0..<count).map { " a\($0)" + (quoted ? "=\"x\"" : "") }.joined()
        return Array("<html><body><p>Before.</p><p\(attributes)>hi</p></body></html>".utf8)
    }

    @Test("a <p> with 40,000 attributes, with values or bare names, is refused with the count and what it means", arguments: [true, false])
    func fortyThousand(quoted: Bool) {
        do {
            let page = try PageExtractor().extract(HTMLPage(bytes: Self.flood(quoted: quoted), url: "https://example.org/flood"))
            Issue.record("the page was parsed: \(page.paragraphs)")
        } catch {
            guard case .attributeFlood(let flood) = error.kind else { Issue.record("wrong error: \(error)"); return }
            #expect(flood.census.largestElement == 40_000)
            #expect(error.description.hasPrefix(
                "https://example.org/flood: an element with 40,000 attributes (more than 1,000): refused, a document built to slow the parser down"
            ))
        }
    }

    @Test("an element with 1,000 attributes is still read, and the limit is configurable")
    func atTheLimit() throws {
        let page = try PageExtractor().extract(HTMLPage(bytes: Self.flood(quoted: false, count: 1_000)))
        #expect(page.paragraphs == ["Before.", "hi"])
        let strict = ExtractionOptions(attributeLimits: AttributeLimits(perElement: 999))
        #expect(throws: ExtractionError.self) { try PageExtractor(options: strict).extract(HTMLPage(bytes: Self.flood(quoted: false, count: 1_000))) }
    }

    @Test("real-looking markup parses exactly as without the guard", arguments: [
        // A 300 KB SVG path and a 300 KB data- attribute.
        "<svg><path d=\"M0 0" + String(repeating: " L10 20 C1 2 3 4 5 6", count: 15_000) + "\" fill=\"none\"/></svg><p>Après le tracé.</p>",
        "<div data-state='" + String(repeating: "{\"k\":[1,2,3],\"v\":\"a=b c=d\"},", count: 10_000) + "'><p>Текст після даних.</p></div>",
        // Scripts whose JavaScript is full of `<a` and `=`, and a style with a `<` in it.
        "<script>for (var i=0;i<n;i++) { if (a<b) x = y <c; }" + String(repeating: " var s = '<a href=x class=y title=z>';", count: 2_000)
            + "</script><style>p<q { r: s }</style><p>After the script.</p>",
        // Comments that hold tags with many attributes.
        "<!-- <p" + String(repeating: " a", count: 5_000) + "> --><p>After the comment.</p>",
        // HTML has no CDATA sections: libxml2 reads the tags inside as tags, and so does the census.
        "<p>Before <![CDATA[ <x a=1 b=2 c=3> ]]> after.</p>",
    ])
    func realLooking(body: String) throws {
        let page = HTMLPage(bytes: Array("<html><head><title>t</title></head><body>\(body)</body></html>".utf8))
        let guarded = try PageExtractor().extract(page)
        #expect(guarded == (try PageExtractor(options: Self.unguarded).extract(page)))
        #expect(!guarded.paragraphs.isEmpty)
    }

    @Test("every fixture page extracts exactly as without the guard", arguments: [
        "french-windows-1252", "release-en", "release-fr-untranslated", "release-fr", "release-ru", "release-uk",
        "ukrainian-koi8-u", "ukrainian-windows-1251-undeclared", "ukrainian-windows-1251",
    ])
    func fixtures(name: String) throws {
        let page = HTMLPage(bytes: try Fixture.bytes(name), url: Fixture.releaseURL("en"))
        #expect(try PageExtractor().extract(page) == (try PageExtractor(options: Self.unguarded).extract(page)))
    }
}
