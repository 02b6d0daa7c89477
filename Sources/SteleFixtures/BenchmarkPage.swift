/// Small generated HTML pages, all different, for transfer benchmarks.
public enum BenchmarkPage {
    /// A page of about 2 KB whose text depends on `number`.
    public static func html(number: Int) -> String {
        let paragraphs = (0..<6).map { index in
            "<p>Paragraph \(index) of page \(number): the allies met on day \(number % 28 + 1) and agreed on item \(number * 7 + index).</p>"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Page \(number)</title></head>
            <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <section class="content">
            <h1>Release \(number)</h1>
            \(paragraphs.joined(separator: "\n"))
            </section>
            <footer>Fixture site footer</footer></body></html>
            """
    }
}
