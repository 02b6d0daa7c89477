import ArgumentParser
import Foundation
import SteleConfig
import SteleLanguage
import SteleReports
import SteleStore

/// `stele show RELEASE [LANG[@N]]`: the text of a version.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the text of a version (default: the newest of the source's primary language, English), or its raw bytes.",
        discussion: """
            The text is printed as stored: one paragraph a line. Without LANG, the newest version of \
            the source's primary language (its first configured language, else English); when it has no \
            version the command says so rather than show another language. LANG is the newest version of a \
            language, LANG@N version N, LANG@-1 the one before the newest. --raw prints the bytes as \
            fetched (the page's HTML), for re-extraction or a browser. With --json, the version's \
            metadata and its paragraphs.
            """
    )

    @OptionGroup var options: ReadingOptions

    @Argument(help: ArgumentHelp("The release: KEY, SOURCE/KEY, or a unique prefix.", valueName: "release"), completion: ReleaseCompletion.kind)
    var release: String

    @Argument(help: ArgumentHelp("The version: LANG, LANG@N or LANG@-N (default: the newest of the primary language, English).", valueName: "version"),
              completion: ReleaseCompletion.versionKind)
    var version: String?

    @Flag(help: "Print the raw bytes as fetched instead of the extracted text.")
    var raw = false

    func validate() throws {
        if raw && options.json { throw ValidationError("--raw prints bytes; it cannot be combined with --json") }
    }

    func run() throws {
        try options.run("show") { (store, configuration) throws(ReportError) in
            let reader = try ReleaseReader(store: store, release: try ReleaseResolver(store: store).resolve(release), preferredOrder: ReadingOptions.languages(configuration))
            let spec: VersionSpec
            if let version {
                spec = try VersionSpec(parsing: version)
            } else {
                // The original, never another language in its place: a release without an English
                // version says so, as `show RELEASE en` does.
                let primary = configuration?.sources.first { $0.id == reader.release.source }?.primaryLanguage.code ?? "en"
                spec = VersionSpec(language: primary)
            }
            let resolved = try reader.resolve(spec)
            if raw {
                guard let bytes = try reader.raw(resolved) else {
                    throw .output(path: "standard output", reason: "the raw bytes of \(resolved.label) of \(reader.release) were not kept; show its text without --raw")
                }
                FileHandle.standardOutput.write(Data(bytes))
            } else if options.json {
                printReport(try ShownVersion(reader, resolved).json + "\n")
            } else {
                printReport(try reader.text(resolved))
            }
        }
    }
}
