import Foundation

/// Renders a release as a NATO-like HTML page: the article body in `section.content`, surrounded by
/// the boilerplate a real site has (cookie banner, navigation, language switcher, date line, photo
/// caption, related links, footer, scripts).
enum ReleasePage {
    static let languageNames = ["en": "English", "fr": "Français", "uk": "Українська"]
    private static let navigation = [
        "en": ["Home", "News", "Events", "Photos", "About us"],
        "fr": ["Accueil", "Actualités", "Événements", "Photos", "À propos"],
        "uk": ["Головна", "Новини", "Події", "Фото", "Про нас"],
    ]
    private static let chrome = [
        "en": ["This website uses cookies to improve your experience.", "Accept", "Related news", "Share this page", "Photo: Allied flags at NATO Headquarters"],
        "fr": ["Ce site utilise des cookies pour améliorer votre expérience.", "Accepter", "Actualités liées", "Partager cette page", "Photo : les drapeaux des Alliés au siège de l'OTAN"],
        "uk": ["Цей сайт використовує файли cookie, щоб покращити ваш досвід.", "Прийняти", "Пов'язані новини", "Поділитися сторінкою", "Фото: прапори союзників у штаб-квартирі НАТО"],
    ]

    /// The page at `path` (query included) showing `title` and `paragraphs`, dressed in the
    /// boilerplate of `chromeLanguage` (the language the address asks for).
    static func html(path: String, number: Int, published: Date, chromeLanguage: String, textLanguage: String, title: String, paragraphs: [String]) -> String {
        let chrome = chrome[chromeLanguage] ?? chrome["en"]!
        let navigation = (navigation[chromeLanguage] ?? navigation["en"]!).enumerated().map { "<li><a href=\"/cps/\(chromeLanguage)/natohq/section_\($0.offset).htm\">\($0.element)</a></li>" }
        let switcher = ReleaseText.languages.map { language in
            "<li><a href=\"\(path)?selectedLocale=\(language)\" lang=\"\(language)\">\(languageNames[language]!)</a></li>"
        }
        let body = paragraphs.map { "<p>\(escape($0))</p>" }.joined(separator: "\n    ")
        return """
            <!DOCTYPE html>
            <html lang="\(chromeLanguage)">
            <head>
            <meta charset="utf-8">
            <title>\(escape(title)) - NATO</title>
            <script>window.dataLayer = window.dataLayer || []; dataLayer.push({"page": "news_\(number)"});</script>
            <style>.content p { margin: 0 0 1em; }</style>
            </head>
            <body>
            <div id="cookie-banner"><p>\(chrome[0])</p><button>\(chrome[1])</button></div>
            <header>
              <nav><ul>\(navigation.joined())</ul></nav>
              <ul class="language-switcher">\(switcher.joined())</ul>
            </header>
            <main>
              <h1 class="title">\(escape(title))</h1>
              <p class="date">\(NATODate.pageDate(published))</p>
              <figure><img src="/images/news_\(number).jpg" alt=""><figcaption>\(chrome[4])</figcaption></figure>
              <section class="content">
                \(body)
              </section>
              <aside class="related"><h2>\(chrome[2])</h2><ul><li><a href="/cps/\(chromeLanguage)/natohq/news_\(number - 1).htm">news_\(number - 1)</a></li><li><a href="/cps/\(chromeLanguage)/natohq/news_\(number - 2).htm">news_\(number - 2)</a></li></ul></aside>
              <div class="share">\(chrome[3])</div>
            </main>
            <footer><p>© NATO-OTAN</p><ul><li><a href="/cps/\(chromeLanguage)/natohq/contact.htm">Contact</a></li></ul></footer>
            <script>document.querySelectorAll('.share').forEach(function (e) { e.hidden = false; });</script>
            </body>
            </html>
            """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}

/// Dates as NATO writes them.
enum NATODate {
    private static let months = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."]

    /// `19 Sep. 2025 12:00:00 GMT`, the form of NATO's RSS `pubDate`.
    static func feedDate(_ date: Date) -> String {
        let (day, month, year, clock) = parts(date)
        return "\(day) \(months[month - 1]) \(year) \(clock) GMT"
    }

    /// `19 Sep. 2025`, the date line of a page.
    static func pageDate(_ date: Date) -> String {
        let (day, month, year, _) = parts(date)
        return "\(day) \(months[month - 1]) \(year)"
    }

    private static func parts(_ date: Date) -> (Int, Int, Int, String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.day, .month, .year, .hour, .minute, .second], from: date)
        return (c.day!, c.month!, c.year!, String(format: "%02d:%02d:%02d", c.hour!, c.minute!, c.second!))
    }
}
