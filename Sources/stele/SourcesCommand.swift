import ArgumentParser
import SteleConfig
import SteleLanguage
import SteleExtract
import SteleReports

/// `stele sources`: each source's health.
struct Sources: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show each source's health: last poll, last success, failures, next poll, releases, translations pending.",
        discussion: """
            Reads each source's feed state (sources/<id>/state.json) and the store's index. A source is \
            ok, failing (its feeds' last polls failed: each failing feed is listed with its error), never \
            polled, or not configured (in the store but no longer in the configuration).
            """
    )

    @OptionGroup var options: ReadingOptions
    @OptionGroup var colours: ColourOptions

    func run() throws {
        try options.run("sources", needsConfiguration: true) { (store, configuration) throws(ReportError) in
            let configured = (configuration?.sources ?? []).map { source in
                SourceHealth.Configured(id: source.id, name: source.name, languages: source.languages.map(\.code), feeds: source.feeds.map(\.url))
            }
            let health = try SourceHealth(store: store, configured: configured)
            printReport(options.json ? health.json + "\n" : health.text(style: colours.style))
        }
    }
}
