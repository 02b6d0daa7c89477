import SteleText
import Testing

@Suite("Attribute census before libxml2")
struct AttributeCensusTests {
    private func largest(_ markup: String, _ dialect: MarkupDialect) -> Int {
        AttributeCensus.take(of: Array(markup.utf8), dialect: dialect).largestElement
    }

    @Test("attributes are counted as libxml2 2.9's HTML parser reads them (checked with xmllint --html --recover)", arguments: [
        ("<p a b c>", 3),
        ("<p a=\"x y z\" b='q r' c=d e>", 4),
        ("<p\n a=1\tb = \"2\"/>", 2),
        ("<p title=\"a>b\" c d>", 3),
        ("<p a==b c>", 2),
        // A name starts with an ASCII letter, `_`, `:` or `.`; anything else is dropped up to the next
        // blank, so the quote after `é=` opens no value and the names inside it count.
        ("<p é=\" a1 a2 \">", 2),
        ("<p 1e=\" f g \">", 2),
        ("<script>if (a<b && c) { x = '<p q r s t>'; }</script><i a>", 1),
        ("<SCRIPT type=text/javascript>a<b c d e f</ScRiPt><i a>", 1),
        ("<style>p<q r s t { }</style ><i a>", 1),
        ("<script/><p a b c>", 3),
        ("<title><p a b c></title>", 3),
        ("<textarea><p a b c></textarea>", 3),
        ("<!-- <p a b c d> --><i a>", 1),
        ("<!-- x --!><p a b c>", 3),
        ("<!--> <p a b c d> --><i a>", 1),
        ("<![CDATA[ <p a b c> ]]>", 3),
        ("<!x <p a b c> >", 3),
        ("<? x > <p a b c>", 3),
        // `<?` starts a processing instruction only when a name follows; otherwise the tag after it is read.
        ("<? <p a b c>", 3),
        ("<?php <p a b c> ?> <i a>", 1),
        // libxml2 reads 100 bytes of a name at a time: the rest of a longer name is more attribute names
        // (here the second 100 a's repeat the first and are dropped, but only after the comparison).
        ("<p " + String(repeating: "a", count: 250) + ">", 3),
        ("<" + String(repeating: "p", count: 150) + " a>", 2),
        ("<!doctype html><p a b c>", 3),
        ("</p a b c d><i a>", 1),
        ("<_a b c d><i a>", 1),
        ("<p a \" b c\">", 3),
    ])
    func html(markup: String, expected: Int) {
        #expect(largest(markup, .html) == expected)
    }

    @Test("attributes are counted as libxml2's XML parser reads them", arguments: [
        ("<item a=\"1\" b='2' c = \"3\"/>", 3),
        ("<item a=\"<x b c d>\" e=\"'\"/>", 2),
        ("<![CDATA[ <x a=1 b=2 c=3> ]]><item a=\"1\"/>", 1),
        ("<!-- <x a b c> --><item a=\"1\"/>", 1),
        ("<?pi <x a b c> ?><item a=\"1\"/>", 1),
        ("<!DOCTYPE rss [<!-- ] > --><!ATTLIST x y CDATA \"]>\">]><rss a=\"1\" b=\"2\">", 2),
        ("<ns:item xml:lang=\"fr\" é=\"1\"/>", 2),
        ("<script>a<b c d e></script>", 3),
    ])
    func xml(markup: String, expected: Int) {
        #expect(largest(markup, .xml) == expected)
    }

    @Test("the census sums attributes and libxml2's comparisons over all elements")
    func sums() {
        let census = AttributeCensus.take(of: Array("<p a b c><q d e><r>".utf8), dialect: .html)
        #expect(census.total == 5)
        #expect(census.comparisons == 3 + 1)
        #expect(census.largestElement == 3)
        #expect(census.largestElementOffset == 0)
        #expect(!census.stoppedEarly)
    }

    @Test("an element with 40,000 attributes, quoted or bare, is refused with the count in the message", arguments: [true, false])
    func fortyThousand(quoted: Bool) {
        let markup = "<html><body><p" + (0..<40_000).map { " a\($0)" + (quoted ? "=\"x\"" : "") }.joined() + ">hi</p>"
        #expect(throws: AttributeFlood.self) { try AttributeLimits().check(Array(markup.utf8), dialect: .html) }
        do {
            try AttributeLimits().check(Array(markup.utf8), dialect: .html)
        } catch {
            #expect(error.census.largestElement == 40_000)
            #expect(error.description.hasPrefix("an element with 40,000 attributes (more than 1,000): refused, a document built to slow the parser down"))
        }
    }

    @Test("many elements under the per-element limit are refused by their sum of comparisons")
    func manyModerateElements() throws {
        let element = "<p" + String(repeating: " a", count: 1_000) + ">x</p>"
        let markup = Array(String(repeating: element, count: 101).utf8)
        let flood = try #require(throws: AttributeFlood.self) { try AttributeLimits().check(markup, dialect: .html) }
        #expect(flood.census.largestElement == 1_000)
        #expect(flood.census.stoppedEarly)
        #expect(flood.description.contains("would cost the parser 50,449,500 comparisons (more than 50,000,000)"))
        #expect(throws: Never.self) { try AttributeLimits().check(Array(String(repeating: element, count: 100).utf8), dialect: .html) }
    }

    @Test("real-looking markup passes: a 300 KB path, data- values, scripts full of < and =")
    func realLookingMarkup() {
        let path = "M0 0" + String(repeating: " L10 20 C1 2 3 4 5 6", count: 15_000)
        let script = "<script>for (var i=0;i<n;i++) { if (a<b) x = y <c; } var s = \"<a href=x class=y>\";</script>"
        let markup = "<html><head>\(script)</head><body><svg><path d=\"\(path)\" fill=\"none\"/></svg><div data-state='\(path)'>t</div></body></html>"
        #expect(markup.utf8.count > 600_000)
        #expect(throws: Never.self) { try AttributeLimits().check(Array(markup.utf8), dialect: .html) }
        #expect(largest(markup, .html) == 2)
    }
}
