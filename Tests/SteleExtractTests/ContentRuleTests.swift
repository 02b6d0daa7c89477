import Foundation
import SteleExtract
import Testing

@Suite("Content rules: XPath, and the CSS subset translated to XPath")
struct ContentRuleTests {
    @Test("CSS selectors translate to XPath", arguments: [
        ("section.content", "//section[contains(concat(' ', normalize-space(@class), ' '), ' content ')]"),
        ("#main", "//*[@id='main']"),
        ("main > article", "//main/article"),
        ("div.page   p", "//div[contains(concat(' ', normalize-space(@class), ' '), ' page ')]//p"),
        ("DIV[data-role=body]", "//div[@data-role='body']"),
        ("[lang]", "//*[@lang]"),
        ("a[href^=\"/cps/\"]", "//a[starts-with(@href, '/cps/')]"),
        ("a[href$='.pdf']", "//a[substring(@href, string-length(@href) - 3)='.pdf']"),
        ("p[class*=lead]", "//p[contains(@class, 'lead')]"),
        ("[rel~=alternate]", "//*[contains(concat(' ', normalize-space(@rel), ' '), ' alternate ')]"),
        ("[lang|=fr]", "//*[(@lang='fr' or starts-with(@lang, 'fr-'))]"),
        ("h1, section.content", "//h1 | //section[contains(concat(' ', normalize-space(@class), ' '), ' content ')]"),
        ("*", "//*"),
        ("[title=\"l'OTAN\"]", "//*[@title=\"l'OTAN\"]"),
    ])
    func translation(css: String, xpath: String) throws {
        #expect(try ContentRule(css).xpath == xpath)
    }

    @Test("XPath expressions are used as written", arguments: ["//section[@class='content']", "/html/body/div[2]", "(//article)[1]", "./body"])
    func xpathAsWritten(expression: String) throws {
        let rule = try ContentRule(expression)
        #expect(rule.xpath == expression)
        #expect(rule.expression == expression)
    }

    @Test("CSS outside the subset is refused with the column and what to write instead", arguments: [
        ("p:first-child", ":", 2), ("h1 + p", "+", 4), ("h1 ~ p", "~", 4), ("a[href", "the end", 0), ("> p", ">", 1), ("div..x", ".", 5),
    ] as [(String, String, Int)])
    func unsupportedCSS(css: String, offender: String, column: Int) {
        do {
            _ = try ContentRule(css)
            Issue.record("\(css) was accepted")
        } catch {
            #expect(error.description.hasPrefix("content rule \"\(css)\" is not in Stele's CSS subset"))
            #expect(error.description.contains(column == 0 ? offender : "\"\(offender)\" at column \(column)"))
            #expect(error.description.contains("write an XPath expression"))
        }
    }

    @Test("invalid XPath and empty rules are refused", arguments: ["//section[@class='content'", "//*[", "///", "", "   "])
    func invalidXPath(expression: String) {
        #expect(throws: ContentRuleError.self) { try ContentRule(expression) }
    }

    @Test("a rule reads from and writes to a configuration as one string")
    func codable() throws {
        let rule = try JSONDecoder().decode(ContentRule.self, from: Data("\"section.content\"".utf8))
        #expect(rule == (try ContentRule("section.content")))
        #expect(String(decoding: try JSONEncoder().encode(rule), as: UTF8.self) == "\"section.content\"")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ContentRule.self, from: Data("\"p:hover\"".utf8)) }
    }

    @Test("a class selector matches one class among several, not a longer class name")
    func classMatching() throws {
        let html = "<body><div class='contents'><p>wrong</p></div><div class=' main  content wide'><p>right</p></div></body>"
        #expect(try Fixture.extract(html: html, rule: ".content").paragraphs == ["right"])
    }
}
