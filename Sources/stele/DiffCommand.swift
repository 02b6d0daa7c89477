import ArgumentParser
import Foundation
import SteleReports
import SteleStore

/// `stele diff RELEASE A B`: two versions of one language, or two languages side by side.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two versions of a language, or two languages side by side as aligned.",
        discussion: """
            Two versions of one language (en@1 en@2; en alone is the newest, en@-1 the one before; a \
            single argument compares a version with the one before it): a word-level diff, in colour on \
            a terminal ([-removed-]{+inserted+} otherwise), or --format unified (applies with patch) or json.

            Two languages (en fr, or en@2 fr@1): the original and its translation side by side, one row per \
            aligned bead (matched paragraphs, merges and splits, paragraphs missing in the other language, \
            low-confidence rows flagged) and the original's paragraphs that changed after the translation \
            was made ("changed since translated", with the word diff of the change). The translation is \
            taken to be made from the original's version that was current when it was fetched. Put the \
            original first. --format json gives all of it; --html FILE writes a self-contained page.
            """
    )

    /// How to print the comparison.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case word, unified, json
    }

    @OptionGroup var options: ReadingOptions
    @OptionGroup var colours: ColourOptions

    @Argument(help: ArgumentHelp("The release: KEY, SOURCE/KEY, or a unique prefix.", valueName: "release"), completion: ReleaseCompletion.kind)
    var release: String

    @Argument(help: ArgumentHelp("One or two versions: LANG, LANG@N, LANG@-N.", valueName: "version"), completion: ReleaseCompletion.versionKind)
    var versions: [String] = []

    @Option(help: ArgumentHelp("word (default), unified (two versions of a language), or json.", valueName: "format"))
    var format: Format?

    @Option(help: ArgumentHelp("Write the comparison of two languages as a self-contained HTML page to this file.", valueName: "file"), completion: .file(extensions: ["html"]))
    var html: String?

    @Option(help: ArgumentHelp("Columns for the side-by-side text, 40 to 1000 (default: the terminal's width, else $COLUMNS, else 100).", valueName: "columns"))
    var width: Int?

    @Option(help: ArgumentHelp("Unchanged paragraphs (word) or lines (unified) around each change.", valueName: "count"))
    var context = 3

    @Option(help: ArgumentHelp("Flag aligned rows below this confidence.", valueName: "confidence"))
    var lowConfidence = LanguageComparison.defaultLowConfidence

    func validate() throws {
        if versions.isEmpty { throw ValidationError("give two versions of a language (en@1 en@2) or two languages (en fr)") }
        if versions.count > 2 { throw ValidationError("give at most two versions; got \(versions.count): \(versions.joined(separator: " "))") }
        if let width, !(40...1000).contains(width) { throw ValidationError("--width \(width) is out of range; use 40 to 1000 columns") }
        if context < 0 { throw ValidationError("--context must be 0 or more") }
        if !(0...1).contains(lowConfidence) { throw ValidationError("--low-confidence is a confidence between 0 and 1") }
        if options.json, let format, format != .json { throw ValidationError("--json and --format \(format.rawValue) disagree") }
    }

    func run() throws {
        try options.run("diff") { (store, configuration) throws(ReportError) in
            let reader = try ReleaseReader(store: store, release: try ReleaseResolver(store: store).resolve(release), preferredOrder: ReadingOptions.languages(configuration))
            let specs = try versions.map { (text: String) throws(ReportError) in try VersionSpec(parsing: text) }
            let format = options.json ? .json : format
            if specs.count == 2, specs[0].language != specs[1].language {
                try compareLanguages(reader, try reader.resolve(specs[0]), try reader.resolve(specs[1]), format: format)
            } else {
                let new = try reader.resolve(specs.last!)
                let old: ResolvedVersion
                if specs.count == 2 {
                    old = try reader.resolve(specs[0])
                } else {
                    guard let before = reader.versions[new.language]?.last(where: { $0 < new.version }) else {
                        throw .invalidArgument("nothing to compare: \(new.label) is the first \(new.language) version of \(reader.release); "
                            + "give two versions of a language (\(new.language)@1 \(new.language)@2) or two languages (en fr)")
                    }
                    old = try reader.resolve(VersionSpec(language: new.language, selector: .number(before)))
                }
                try compareVersions(reader, old, new, format: format)
            }
        }
    }

    private func compareVersions(_ reader: ReleaseReader, _ old: ResolvedVersion, _ new: ResolvedVersion, format: Format?) throws(ReportError) {
        guard html == nil else { throw .invalidArgument("--html compares two languages; \(old.label) and \(new.label) are one language") }
        let comparison = try VersionComparison(reader, old: old, new: new)
        switch format {
        case .json?: printReport(comparison.json + "\n")
        case .unified?: printReport(comparison.unified(context: context))
        case .word?, nil: printReport(comparison.word(style: colours.style, context: context))
        }
    }

    private func compareLanguages(_ reader: ReleaseReader, _ source: ResolvedVersion, _ target: ResolvedVersion, format: Format?) throws(ReportError) {
        if let format, format != .json {
            throw .invalidArgument("--format \(format.rawValue) compares two versions of one language; \(source.language) and \(target.language) are two languages (use the default or --format json)")
        }
        let comparison = try LanguageComparison(reader, source: source, target: target, lowConfidence: lowConfidence)
        if let html {
            try OutputFile.write(HTMLComparisonPage().render(comparison), to: html)
            let summary = comparison.summary
            printError("wrote \(html): \(summary.rows) rows, \(summary.missingInTarget + summary.missingInSource) paragraphs without counterpart, "
                + "\(summary.changedSinceTranslated + summary.addedSinceTranslated) changed since translated")
        }
        if format == .json {
            printReport(comparison.json + "\n")
        } else if html == nil {
            let environment = ProcessInfo.processInfo.environment
            let columns = width ?? Terminal.columns(default: environment["COLUMNS"].flatMap(Int.init) ?? 100)
            printReport(SideBySideRenderer(width: min(1000, max(40, columns)), style: colours.style).render(comparison))
        }
    }
}
