import SteleExtract
import Testing

@Suite("Finding the body: the content rule, and the fallback without one")
struct FallbackTests {
    static let furniture = """
        <div class="cookieBanner"><p>We use cookies to measure how this site is used and to remember your choices. You can change them at any time.</p></div>
        <header><a href="/">Home</a><nav><a href="/a">About us</a> <a href="/b">What we do</a> <a href="/c">News room</a></nav></header>
        """
    static let sidebar = """
        <aside><h2>Most read</h2><p>A short note on what readers looked at most in the past week, without any links in it at all.</p></aside>
        <div class="share-tools"><p>Share this article with your colleagues by mail or on your favourite social network today.</p></div>
        <ul class="teasers"><li><a href="/n1">Ministers meet to discuss the budget for the coming year and beyond</a></li><li><a href="/n2">A new partnership with the region is agreed by all the members</a></li></ul>
        <footer><p>Copyright 2025 The Organisation. All rights reserved. Reproduction permitted with mention of the source.</p></footer>
        """

    @Test("navigation, cookie banners, sidebars, sharing tools, teaser lists and footers stay out")
    func furnitureStaysOut() throws {
        let html = """
            <html><body>\(Self.furniture)<div id="page"><article>
            <header><h1>Ministers agree a common approach to sea mines</h1><p class="byline">Brussels, 3 June</p></header>
            <div class="text">
            <p>Defence ministers agreed on Tuesday to pool their mine-hunting ships into two standing groups, one for the north and one for the south.</p>
            <p>The groups will be ready by the end of next year, and each will be led in turn by a different country.</p>
            </div>
            <footer><p>Photo: the ministers at the start of the meeting.</p></footer>
            </article>\(Self.sidebar)</div></body></html>
            """
        let page = try Fixture.extract(html: html)
        #expect(page.paragraphs == [
            "Ministers agree a common approach to sea mines",
            "Brussels, 3 June",
            "Defence ministers agreed on Tuesday to pool their mine-hunting ships into two standing groups, one for the north and one for the south.",
            "The groups will be ready by the end of next year, and each will be led in turn by a different country.",
            "Photo: the ministers at the start of the meeting.",
        ])
        #expect(page.body == .fallback(element: "article"))
    }

    @Test("a body without article markup is found by its text and link density")
    func plainDivs() throws {
        let html = """
            <html><body>
            <div><div><a href="/1">Home</a></div><div><a href="/2">Events</a></div><div><a href="/3">Library</a></div></div>
            <div><div class="x1">
            <div>The committee published its yearly report on Monday, covering the exercises held in the spring and the autumn.</div>
            <div>It recommends that the next exercise take place further north, where the winter conditions are harder.</div>
            <div>Short line</div>
            </div>
            <div><a href="/more">Read the other reports of the committee in our archive of past publications</a></div></div>
            </body></html>
            """
        let page = try Fixture.extract(html: html)
        #expect(page.paragraphs == [
            "The committee published its yearly report on Monday, covering the exercises held in the spring and the autumn.",
            "It recommends that the next exercise take place further north, where the winter conditions are harder.",
            "Short line",
        ])
        #expect(page.body == .fallback(element: "div.x1"))
    }

    @Test("text after </html>, which libxml2 leaves outside <body>, is still found")
    func textAfterHTML() throws {
        let page = try Fixture.extract(html: "<html><body><nav><a href=/>Home</a></nav></body></html><p>A paragraph that a sloppy template printed after the end of the document.</p>")
        #expect(page.paragraphs == ["A paragraph that a sloppy template printed after the end of the document."])
    }

    @Test("a small page with no long paragraph keeps everything that is not furniture")
    func smallPage() throws {
        let page = try Fixture.extract(html: "<body><nav><a href=/>Home</a></nav><p>Bonjour</p><p>Au revoir</p></body>")
        #expect(page.paragraphs == ["Bonjour", "Au revoir"])
        #expect(page.body == .wholePage)
    }

    @Test("a rule that matches nothing falls back, with a warning naming the rule", arguments: [
        ("section.missing", "matched no element"),
        ("//div[@id='empty']", "matched 1 element without text"),
        ("//p = 'x'", "gives a value, not elements"),
    ])
    func ruleMatchesNothing(rule: String, reason: String) throws {
        let html = "<body><div id=empty> </div><div class=main><p>The text of the article is long enough to be recognised as the body of the page.</p></div></body>"
        let page = try Fixture.extract(html: html, rule: rule)
        #expect(page.paragraphs == ["The text of the article is long enough to be recognised as the body of the page."])
        #expect(page.warnings == [.ruleMatchedNothing(rule: rule, reason: reason)])
        #expect(page.body == .fallback(element: "div.main"))
    }

    @Test("a rule that selects nested elements gives each paragraph once, and separate matches in order")
    func nestedAndSeparateMatches() throws {
        let html = "<body><div class=a><p>one</p><div class=a><p>two</p></div></div><p>skipped</p><div class=a><p>three</p></div></body>"
        #expect(try Fixture.extract(html: html, rule: "div.a").paragraphs == ["one", "two", "three"])
        #expect(try Fixture.extract(html: html, rule: "//div").paragraphs == ["one", "two", "three"])
    }

    @Test("with a rule, everything visible inside the selected element is kept, links included")
    func ruleKeepsLinks() throws {
        let html = "<body><section class=content><p><a href=/pdf>Download the declaration (PDF)</a></p><nav><a href=/x>Next</a></nav></section></body>"
        #expect(try Fixture.extract(html: html, rule: "section.content").paragraphs == ["Download the declaration (PDF)", "Next"])
    }
}
