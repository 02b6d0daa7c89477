import SteleExtract
import SteleLanguage
import Testing

@Suite("Hostile and broken pages")
struct HostilePageTests {
    @Test("100,000 nested <div>s do not overflow the stack; the text before the nesting comes out, with a warning")
    func deepNesting() throws {
        let html = "<html><body><p>Before the pit.</p>" + String(repeating: "<div>", count: 100_000) + "<p>At the bottom.</p>"
            + String(repeating: "</div>", count: 100_000) + "</body></html>"
        let page = try Fixture.extract(html: html)
        #expect(page.paragraphs == ["Before the pit."])
        #expect(page.warnings.contains(.nestingTooDeep(limit: 256)))
    }

    @Test("100,000 nested inline elements and 100,000 stray end tags are survived", arguments: [
        String(repeating: "<b>", count: 100_000) + "deep text",
        "deep text" + String(repeating: "</p></div></span>", count: 100_000),
        String(repeating: "<p>", count: 50_000) + "deep text",
    ])
    func deepInlineAndStrayTags(markup: String) throws {
        let page = try Fixture.extract(html: "<html><body><p>Start.</p>\(markup)</body></html>", rule: "body")
        #expect(page.paragraphs.first == "Start.")
    }

    @Test("nesting below libxml2's limit is read completely, by an iterative walk")
    func nestingWithinLimit() throws {
        let html = "<p>Top.</p>" + String(repeating: "<div>", count: 250) + "<p>Bottom.</p>" + String(repeating: "</div>", count: 250) + "<p>After.</p>"
        let page = try Fixture.extract(html: html, rule: "body")
        #expect(page.paragraphs == ["Top.", "Bottom.", "After."])
        #expect(page.warnings.isEmpty)
    }

    @Test("a 50 MB page is refused by its size before it is parsed")
    func tooLarge() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 50 * 1024 * 1024)
        #expect(throws: ExtractionError(page: "https://example.org/huge", kind: .tooLarge(bytes: 50 * 1024 * 1024, limit: ExtractionOptions.defaultMaxInputBytes))) {
            try PageExtractor().extract(HTMLPage(bytes: bytes, url: "https://example.org/huge"))
        }
    }

    @Test("the size limit is configurable and its message says what to do")
    func configurableLimit() {
        let extractor = PageExtractor(options: ExtractionOptions(maxInputBytes: 10))
        do {
            _ = try extractor.extract(HTMLPage(bytes: Array("<p>eleven b</p>".utf8)))
            Issue.record("a page over the limit was accepted")
        } catch {
            #expect(error.description == "the page: the page is 15 bytes, more than the limit of 10 bytes; raise the extraction size limit if such pages are legitimate")
        }
    }

    @Test("pages without text give zero paragraphs and a warning", arguments: [
        "", "   \n ", "<html></html>", "<html><head><title>Only a title</title><script>var x = 1;</script></head><body></body></html>",
        "<body><script>document.write('text')</script><style>p{}</style><img src=a.png></body>",
        "<body><p>&nbsp;</p><div>   </div><br><br></body>",
    ])
    func noText(html: String) throws {
        let page = try Fixture.extract(html: html)
        #expect(page.paragraphs.isEmpty)
        #expect(page.warnings.contains(.noText))
        #expect(page.body == .none)
        #expect(page.language.language == .other)
        #expect(page.language.confidence == 0)
    }

    @Test("broken markup still gives the right paragraphs")
    func brokenMarkup() throws {
        let html = """
            <html><body><section class="content">
            <h1>Title without end
            <p>First paragraph, never closed
            <p>Second <b>bold <i>and</b> italic</i> mis-nested.
            </p></p></p>
            <p>Third with an <a href=/x class=a b>unquoted attribute</a> and <span title='it"s'>text</span> after.</div></p>
            <ul><li>one<li>two</ul>
            <p>Last & loose ampersand < and a lone less-than.
            </section></body></html>
            """
        let page = try Fixture.extract(html: html, rule: "section.content")
        #expect(page.paragraphs == [
            "Title without end",
            "First paragraph, never closed",
            "Second bold and italic mis-nested.",
            "Third with an unquoted attribute and text after.",
            "one", "two",
            "Last & loose ampersand < and a lone less-than.",
        ])
    }

    @Test("binary files served as pages are refused", arguments: [
        (Array("%PDF-1.7\n".utf8), "a PDF document"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
        ([0x1F, 0x8B, 0x08, 0x00], "gzip data"),
        ([0x00, 0x01, 0x02, 0x03] + Array("<p>x</p>".utf8), "NUL bytes"),
    ] as [([UInt8], String)])
    func binary(bytes: [UInt8], reason: String) {
        do {
            _ = try PageExtractor().extract(HTMLPage(bytes: bytes))
            Issue.record("binary data was accepted")
        } catch {
            guard case .notHTML(let why) = error.kind else { Issue.record("wrong error \(error)"); return }
            #expect(why.contains(reason))
        }
    }

    @Test("a page in a language Stele does not keep says other", arguments: [
        "<p>Die Verbündeten haben am Mittwoch in Constanța ein neues Ausbildungszentrum eröffnet, in dem Besatzungen gemeinsam die Minenabwehr, die Seenotrettung und den Schutz von Unterseekabeln üben werden. Die ersten Kurse beginnen im Mai.</p>",
        "<p>Los aliados inauguraron el miércoles en Constanza un nuevo centro donde las tripulaciones se entrenarán juntas en la lucha contra las minas, el rescate en el mar y la protección de los cables submarinos. Los primeros cursos empezarán en mayo.</p>",
        "<p>Οι σύμμαχοι εγκαινίασαν την Τετάρτη ένα νέο κέντρο εκπαίδευσης όπου τα πληρώματα θα εκπαιδεύονται μαζί στην εξουδετέρωση ναρκών και στη διάσωση στη θάλασσα.</p>",
    ])
    func otherLanguage(html: String) throws {
        let page = try Fixture.extract(html: html)
        #expect(page.language.language == .other)
        #expect(page.language.isReliable)
    }
}
