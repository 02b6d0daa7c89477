import ArgumentParser
import SteleReports
import SteleStore

/// `stele log RELEASE`: the version history of a release.
struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the version history of a release, every language interleaved in time.",
        discussion: """
            First where each language stands (versions stored, or pending, missing, gone, with the next \
            check), then one line per version: when it was fetched, LANG@N, its paragraphs, what changed \
            against the version before (+added -removed ~rewritten paragraphs, +/- words), and its address. \
            A release is named by its key (news_231374), by SOURCE/KEY, or by a prefix only one release has.
            """
    )

    @OptionGroup var options: ReadingOptions
    @OptionGroup var colours: ColourOptions

    @Argument(help: ArgumentHelp("The release: KEY, SOURCE/KEY, or a unique prefix.", valueName: "release"), completion: ReleaseCompletion.kind)
    var release: String

    @Option(help: ArgumentHelp("Only this language.", valueName: "lang"))
    var lang: String?

    func run() throws {
        try options.run("log") { (store, configuration) throws(ReportError) in
            let reader = try ReleaseReader(store: store, release: try ReleaseResolver(store: store).resolve(release), preferredOrder: ReadingOptions.languages(configuration))
            let log = try VersionLog(reader, language: lang?.lowercased())
            printReport(options.json ? log.json + "\n" : log.text(style: colours.style))
        }
    }
}
