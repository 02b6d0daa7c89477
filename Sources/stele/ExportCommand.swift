// Public so that ExportFormat can conform to ExpressibleByArgument here.
public import ArgumentParser
import Foundation
import SteleHTTP
import SteleReports
import SteleStore

/// `stele export`: the aligned paragraph pairs of the newest versions, for translation memories and corpora.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the aligned paragraph pairs of the newest versions as TMX, TSV or JSON lines.",
        discussion: """
            One pair per 1-1 bead of each release's alignments (--include-merges adds 2-1, 1-2, ... beads, \
            their paragraphs joined by a space), release by release. The store's alignments are used when \
            they are of the newest versions; others are aligned on the way, as the next sync would.

            tmx: TMX 1.4b for translation-memory tools: srclang from the pairs, a <tu> per bead with a \
            <tuv xml:lang> per language, creation dates, the release as the x-release property.
            tsv: a header line, then original, translation, release, confidence, and the language pair \
            (en-uk) when there are several; backslashes, tabs and line ends inside a field written \\\\, \\t, \\n, \\r.
            jsonl: one JSON object a line with everything, including whether the original changed since \
            the translation was made and the text it was made from.

            The file given with -o appears complete or not at all. A release that cannot be read (damaged, \
            or not readable by this user) is named on standard error and left out; the others are \
            exported, and the exit status is 1.
            """
    )

    @OptionGroup var options: ReadingOptions

    @Option(help: ArgumentHelp("Only this source (repeatable).", valueName: "id"))
    var source: [String] = []

    @Option(help: ArgumentHelp("Only this language pair, original first, e.g. en-fr (repeatable; default: every pair the store aligned).", valueName: "pair"))
    var pair: [String] = []

    @Option(help: ArgumentHelp("Only beads at least this confident (0 to 1).", valueName: "confidence"))
    var minConfidence = 0.0

    @Option(help: ArgumentHelp("tmx, tsv or jsonl (default: jsonl with --json, else tmx).", valueName: "format"))
    var format: ExportFormat?

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"), completion: .file())
    var output: String?

    @Flag(help: "Also export merges and splits (2-1, 1-2, 2-2, ...), their paragraphs joined by a space.")
    var includeMerges = false

    @Flag(help: "Leave out pairs whose original changed after the translation was made.")
    var skipChanged = false

    func validate() throws {
        if !(0...1).contains(minConfidence) { throw ValidationError("--min-confidence is a confidence between 0 and 1") }
        if options.json, let format, format != .jsonl { throw ValidationError("--json and --format \(format.rawValue) disagree") }
    }

    func run() throws {
        try options.run("export") { (store, _) throws(ReportError) in
            let pairs = try pair.map { (text: String) throws(ReportError) in try LanguagePair(parsing: text) }
            let exporter = try PairExporter(store: store, options: ExportOptions(
                sources: source, pairs: pairs, minimumConfidence: minConfidence, includeMerges: includeMerges, skipChanged: skipChanged))
            let now = Date()
            let writer: any PairFormat
            switch options.json ? .jsonl : format ?? .tmx {
            case .tmx: writer = TMXWriter(sourceLanguage: exporter.sourceLanguage, createdAt: now, toolVersion: SteleVersion.current)
            case .tsv: writer = TSVWriter(pairs: exporter.pairs)
            case .jsonl: writer = JSONLinesWriter()
            }
            let file = try output.map { (path: String) throws(ReportError) in try OutputFile(path: path) }
            var pending = ""
            func emit(_ text: String) throws(ReportError) {
                if let file { return try file.write(text) }
                pending += text
                if pending.utf8.count >= 1 << 16 { printReport(pending); pending = "" }
            }
            try emit(writer.header())
            let count = try exporter.run(now: now) { (pair: AlignedPair) throws(ReportError) in try emit(writer.record(pair)) }
            try emit(writer.footer())
            if let file {
                try file.commit()
                var leftOut = ["\(count.unaligned) without counterpart"]
                if count.merges > 0 { leftOut.append("\(count.merges) merges") }
                if count.belowConfidence > 0 { leftOut.append("\(count.belowConfidence) below \(minConfidence)") }
                if count.changed > 0 { leftOut.append("\(count.changed) changed since translated") }
                printError("wrote \(count.written) pairs of \(count.releases) releases to \(file.path) (left out: \(leftOut.joined(separator: ", ")))")
            } else {
                printReport(pending)
            }
            guard count.unreadable.isEmpty else {
                for failure in count.unreadable { printError("stele export: left out \(failure)") }
                throw .unreadableReleases(count.unreadable.count)
            }
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
