import Foundation
import SteleFixtures

/// A generated NATO-like release page of a chosen size: a head heavy with inline script and style
/// as real ones are, a cookie banner, navigation, a language switcher, the article in
/// `<section class="content">` (title, date lines, caption, paragraphs with links, entities and
/// line breaks, a list), related links and a footer. The words are drawn from a fixed list with a
/// fixed seed, so every run measures the same page.
enum BenchmarkReleasePage {
    private static let words = """
        the allies ministers agreed on new measures to protect critical undersea infrastructure and to strengthen \
        deterrence along the eastern flank while the secretary general stressed that support for partners remains \
        essential for the security of the whole alliance in the years ahead including training exercises and \
        cooperation with the european union on military mobility defence production and resilience against hybrid threats
        """.split(separator: " ").map(String.init)

    static func make(paragraphs: Int, scriptKilobytes: Int) -> [UInt8] {
        var random = SeededGenerator(seed: 990001)
        func sentence(_ count: Int) -> String {
            (0..<count).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
        }
        let script = (0..<(scriptKilobytes * 1024 / 64)).map { "dataLayer.push({event: 'view', id: \($0), path: '/cps/en/natohq'});" }.joined(separator: "\n")
        let navigation = (0..<60).map { "<li><a href=\"/cps/en/natohq/topics_\($0).htm\">\(sentence(2).capitalized)</a></li>" }.joined()
        let body = (0..<paragraphs).map { index -> String in
            switch index % 10 {
            case 3: return "<p>\(sentence(12)) <a href=\"/cps/en/natohq/news_\(index).htm\">\(sentence(3))</a> \(sentence(40)).</p>"
            case 5: return "<p>\(sentence(20)) &ldquo;\(sentence(15))&rdquo; &amp; \(sentence(10)).<br>\(sentence(20)).</p>"
            case 7: return "<ul>" + (0..<4).map { _ in "<li>\(sentence(9));</li>" }.joined() + "</ul>"
            case 9: return "<p>\(sentence(25)).<br><br>\(sentence(15)).</p><script>track(\(index));</script>"
            default: return "<p>\(sentence(55)).</p>"
            }
        }.joined(separator: "\n")
        let related = (0..<12).map { "<li><a href=\"/cps/en/natohq/news_\(100 + $0).htm\">\(sentence(8))</a></li>" }.joined()
        let html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>NATO - News: \(sentence(8)), 12-Mar.-2025</title>
            <link rel="alternate" hreflang="fr" href="https://www.nato.int/cps/fr/natohq/news_990001.htm?selectedLocale=fr">
            <link rel="alternate" hreflang="uk" href="https://www.nato.int/cps/uk/natohq/news_990001.htm?selectedLocale=uk">
            <style>\(String(repeating: ".nav li a { color: #003; padding: 2px 4px; }\n", count: 120))</style>
            <script>\(script)</script></head>
            <body><div class="cookie-consent"><p>\(sentence(25)).</p><button>Accept</button></div>
            <header><nav class="main-nav"><ul>\(navigation)</ul></nav>
            <ul class="language-links"><li><a href="/cps/en/natohq/news_990001.htm">English</a></li><li><a href="/cps/fr/natohq/news_990001.htm?selectedLocale=fr">Français</a></li><li><a href="/cps/uk/natohq/news_990001.htm?selectedLocale=uk">Українська</a></li></ul></header>
            <main><section class="content"><h1>\(sentence(10))</h1>
            <ul class="event-date"><li>12 Mar. 2025 -</li><li>|</li><li>Last updated: 13 Mar. 2025 09:15</li></ul>
            <figure><img src="/images/1.jpg" alt=""><figcaption>\(sentence(14))</figcaption></figure>
            \(body)
            </section></main>
            <aside class="related"><h2>Related news</h2><ul>\(related)</ul></aside>
            <footer><ul>\(navigation)</ul><p>&copy; NATO 2025. All rights reserved.</p></footer>
            </body></html>
            """
        return Array(html.utf8)
    }
}
