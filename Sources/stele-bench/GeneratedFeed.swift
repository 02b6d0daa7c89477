/// Feeds the size of a busy publisher's archive, generated the same way every time.
enum GeneratedFeed {
    private static let paragraph = "Defence ministers met on Tuesday to review the readiness of the forces, the progress of the " +
        "joint training programme and the plans for the coming winter. They agreed to strengthen cooperation &amp; to " +
        "report back before the end of the year. The meeting was chaired by the Deputy Secretary General."

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// An RSS 2.0 feed of `items` items with guid, link, title, an HTML description and an RFC 822 date.
    static func rss(items: Int) -> String {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n"
            + "<title>Benchmark news</title>\n<link>https://bench.example.org/news/</link>\n<description>Generated</description>\n<language>en</language>\n"
        text.reserveCapacity(items * 700)
        for number in 0..<items {
            text += """
                <item>
                <title>Release \(number): ministers review readiness &amp; training</title>
                <link>https://bench.example.org/news/\(number).htm</link>
                <guid isPermaLink="true">https://bench.example.org/news/\(number).htm</guid>
                <description>&lt;p&gt;\(paragraph)&lt;/p&gt;</description>
                <pubDate>\(1 + number % 28) \(months[number % 12]). 2025 \(10 + number % 12):\(10 + number % 50):00 GMT</pubDate>
                </item>

                """
        }
        return text + "</channel>\n</rss>\n"
    }

    /// An Atom feed of `items` entries with id, title, links in three languages, dates and a summary.
    static func atom(items: Int) -> String {
        var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n"
            + "<title>Benchmark news</title>\n<link href=\"https://bench.example.org/en/\"/>\n<id>urn:bench</id>\n<updated>2025-09-19T12:00:00Z</updated>\n"
        text.reserveCapacity(items * 900)
        for number in 0..<items {
            let day = 1 + number % 28
            let dayText = day < 10 ? "0\(day)" : "\(day)"
            text += """
                <entry>
                <id>tag:bench.example.org,2025:\(number)</id>
                <title type="html">Release \(number): ministers review readiness &amp;amp; training</title>
                <link rel="alternate" href="https://bench.example.org/en/news/\(number)"/>
                <link rel="alternate" hreflang="fr" href="https://bench.example.org/fr/news/\(number)"/>
                <link rel="alternate" hreflang="uk" href="https://bench.example.org/uk/news/\(number)"/>
                <published>2025-09-\(dayText)T10:00:00+02:00</published>
                <updated>2025-09-\(dayText)T12:30:00Z</updated>
                <summary type="html">&lt;p&gt;\(paragraph)&lt;/p&gt;</summary>
                </entry>

                """
        }
        return text + "</feed>\n"
    }
}
