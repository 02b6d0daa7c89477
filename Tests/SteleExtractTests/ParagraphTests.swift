import SteleExtract
import Testing

@Suite("Paragraphs: blocks, line breaks, invisible elements and whitespace")
struct ParagraphTests {
    @Test("block elements each give a paragraph", arguments: [
        ("<p>One</p><p>Two</p>", ["One", "Two"]),
        ("<h1>Title</h1><h2>Sub</h2><h6>Small</h6>", ["Title", "Sub", "Small"]),
        ("<ul><li>a</li><li>b<ul><li>b1</li></ul></li></ul><ol><li>c</li></ol>", ["a", "b", "b1", "c"]),
        ("<blockquote>Quoted words</blockquote>", ["Quoted words"]),
        ("<dl><dt>Term</dt><dd>Definition</dd></dl>", ["Term", "Definition"]),
        ("<table><tr><td>Cell one</td><td></td><td>Cell three</td></tr></table>", ["Cell one", "Cell three"]),
        ("<div>Direct text <b>bold</b> tail<p>Inner</p>After inner</div>", ["Direct text bold tail", "Inner", "After inner"]),
        ("<figure><img src=x alt='not text'><figcaption>Caption</figcaption></figure>", ["Caption"]),
        ("<section><article><p>Deep</p></article></section>", ["Deep"]),
    ] as [(String, [String])])
    func blocks(html: String, expected: [String]) throws {
        #expect(try Fixture.paragraphs(html) == expected)
    }

    @Test("one <br> is a space, two or more end the paragraph, whitespace between them included", arguments: [
        ("<p>first<br>second</p>", ["first second"]),
        ("<p>first <br/> second</p>", ["first second"]),
        ("<p>first<br><br>second</p>", ["first", "second"]),
        ("<p>first<br>\n  <br>second<br><br><br>third</p>", ["first", "second", "third"]),
        ("<p><br><br>leading and trailing<br><br></p>", ["leading and trailing"]),
        ("<div>a<br><br><span>b</span></div>", ["a", "b"]),
    ] as [(String, [String])])
    func lineBreaks(html: String, expected: [String]) throws {
        #expect(try Fixture.paragraphs(html) == expected)
    }

    @Test("scripts, styles, noscript, templates, SVG, form controls and embedded documents contribute nothing")
    func ignoredElements() throws {
        let html = """
            <p>Visible<script>document.write("<p>script</p>")</script> text</p>
            <style>p { color: red }</style><noscript><p>noscript</p></noscript>
            <template><p>template</p></template><svg><title>svg title</title><text>svg text</text></svg>
            <math><mi>x</mi></math><iframe>iframe</iframe><object>object</object>
            <select><option>option</option></select><textarea>textarea</textarea><button>button</button>
            <p>End</p>
            """
        #expect(try Fixture.paragraphs(html) == ["Visible text", "End"])
    }

    @Test("hidden elements contribute nothing", arguments: [
        "<div hidden>x</div>", "<p aria-hidden=\"true\">x</p>", "<p style=\"display: none\">x</p>",
        "<p style=\"color:red;VISIBILITY : hidden\">x</p>", "<span class=\"sr-only\">x</span>",
        "<span class=\"a visually-hidden b\">x</span>",
    ])
    func hidden(html: String) throws {
        #expect(try Fixture.paragraphs("<p>Shown</p>\(html)") == ["Shown"])
    }

    @Test("aria-hidden=\"false\" and an unrelated style do not hide")
    func notHidden() throws {
        #expect(try Fixture.paragraphs("<p aria-hidden=\"false\" style=\"display: block\">Shown</p>") == ["Shown"])
    }

    @Test("whitespace runs collapse; no-break spaces are kept, one per run, and never lead or trail", arguments: [
        ("<p>  many \t spaces \n\n and\r\nlines  </p>", "many spaces and lines"),
        ("<p>mot&nbsp;: «&nbsp;cité&nbsp;»</p>", "mot\u{A0}: «\u{A0}cité\u{A0}»"),
        ("<p>1&#8239;200 et 3&#x202F;400</p>", "1\u{202F}200 et 3\u{202F}400"),
        ("<p>a &nbsp; b</p>", "a\u{A0}b"),
        ("<p>a&nbsp;&nbsp;&nbsp;b</p>", "a\u{A0}b"),
        ("<p>&nbsp;&nbsp;lead and trail&nbsp;</p>", "lead and trail"),
        ("<p>em&#8195;space, thin&#8201;space</p>", "em space, thin space"),
        ("<p>soft&shy;hyphen, zero&#8203;width, word&#8288;joiner</p>", "softhyphen, zerowidth, wordjoiner"),
        ("<p>tab\tand\u{0C}form feed</p>", "tab and form feed"),
    ] as [(String, String)])
    func whitespace(html: String, expected: String) throws {
        #expect(try Fixture.paragraphs(html) == [expected])
    }

    @Test("a paragraph of spaces alone is no paragraph")
    func emptyParagraphs() throws {
        #expect(try Fixture.paragraphs("<p>&nbsp;</p><p> </p><p>&#8203;</p><div><br><br></div><p>Text</p>") == ["Text"])
    }

    @Test("inline elements join without inventing spaces")
    func inlineJoin() throws {
        #expect(try Fixture.paragraphs("<p><b>NATO</b>’s <i>Allies</i><span>agreed</span> <a href=/x>today</a>.</p>") == ["NATO’s Alliesagreed today."])
    }

    @Test("text in <pre> keeps its line structure as line breaks")
    func preformatted() throws {
        #expect(try Fixture.paragraphs("<pre>line one\nline two\n\nsecond block</pre>") == ["line one line two", "second block"])
    }

    @Test("decomposed letters are composed (NFC), so ї typed as і + U+0308 is the same text")
    func normalisationForm() throws {
        #expect(try Fixture.paragraphs("<p>Ки\u{456}\u{308}в, cafe\u{301}</p>") == ["Київ, café"])
        #expect(try Fixture.paragraphs("<p>cafe\u{301}<br><br>Ки\u{456}\u{308}в</p>") == ["café", "Київ"])
    }

    @Test("entities are decoded, including those inside attributes and numeric ones")
    func entities() throws {
        #expect(try Fixture.paragraphs("<p>&laquo;Oui&raquo; &amp; &#171;non&#187; &#x2014; l&rsquo;OTAN &euro;5 &lt;b&gt;</p>") == ["«Oui» & «non» — l’OTAN €5 <b>"])
    }
}
