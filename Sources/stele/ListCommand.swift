import ArgumentParser
import Foundation
import SteleConfig
import SteleReports
import SteleStore

/// `stele list`: the releases, newest first, with each language's state.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the releases, newest first, with the state of each language.",
        discussion: """
            One line per release: its date (published, else first seen), its key, then per language \
            the number of versions stored (v1, v2, ...) or its state (pending: the address still serves \
            another language; missing: given up; gone: withdrawn), and its title. Reads the store's index \
            (one file, however many releases). With --json, an array of objects with every field, one \
            release a line.

            For example, stele list --missing fr lists the releases without a French version, and \
            stele list --pending --since 7d those of the last week still waiting for a translation.
            """
    )

    @OptionGroup var options: ReadingOptions
    @OptionGroup var colours: ColourOptions

    @Option(help: ArgumentHelp("Only this source (repeatable).", valueName: "id"))
    var source: [String] = []

    @Option(help: ArgumentHelp("Only releases dated from then: 2025-12-04, 2025-12-04T15:30, or an age such as 36h, 7d, 2w.", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only releases without a version in this language (repeatable: any of them).", valueName: "lang"))
    var missing: [String] = []

    @Flag(help: "Only releases with a translation pending.")
    var pending = false

    @Option(name: [.customShort("n"), .long], help: ArgumentHelp("At most this many releases (the newest).", valueName: "count"))
    var limit: Int?

    @Option(help: ArgumentHelp("Cut titles to fit this many columns (default: the terminal's width; whole lines into a pipe).", valueName: "columns"))
    var width: Int?

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        if let width, !(40...1000).contains(width) { throw ValidationError("--width \(width) is out of range; use 40 to 1000 columns") }
    }

    func run() throws {
        try options.run("list") { (store, configuration) throws(ReportError) in
            let query = ListingQuery(
                sources: source, since: try since.map(DateArgument.parse), missing: missing.map { $0.lowercased() }, pending: pending, limit: limit)
            let summaries = try ReportError.reading { () throws(StoreError) in try store.summaries() }
            let listing = try ReleaseListing(summaries: summaries, query: query, knownLanguages: ReadingOptions.languages(configuration))
            if options.json {
                printReport(listing.json + "\n")
            } else if listing.entries.isEmpty {
                printError(summaries.isEmpty ? "no release in \(store.layout.root) yet: stele fetch fills it" : "no release matches")
            } else {
                let columns = width ?? (Terminal.isTerminal ? Terminal.columns(default: 100) : nil)
                printReport(listing.text(width: columns, style: colours.style))
            }
        }
    }
}

/// A date or an age on the command line.
enum DateArgument {
    /// `2025-12-04`, `2025-12-04T15:30` (local time), `…Z`, `…+01:00`, or an age (`36h`, `7d`, `2w`) before now.
    static func parse(_ text: String) throws(ReportError) -> Date {
        if let age = DurationText.parse(text) { return Date() - Double(age.components.seconds) }
        guard let date = DateStyle().parse(text) else { throw .invalidDate(text) }
        return date
    }
}
