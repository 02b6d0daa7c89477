import ArgumentParser
import Foundation
import SteleAlign
import SteleLanguage

/// `stele align A.txt B.txt --from en --to fr`: aligns two language versions paragraph by paragraph.
struct Align: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Align two language versions of a text paragraph by paragraph.",
        discussion: """
            Each file holds one paragraph a line (UTF-8; empty lines are ignored and take no index). \
            Prints the paragraphs side by side (numbered from 1, as stele diff numbers them), one block \
            per bead: which source paragraphs translate which target paragraphs (1-1, 2-1, 1-2, 2-2, 1-3, 3-1), which have no counterpart (1-0, 0-1), \
            and how confident the aligner is. With --json, prints \
            {"from": "en", "to": "fr", "beads": [{"source": [0], "target": [0], "confidence": 0.98}, ...]} \
            with 0-based paragraph indices; the beads are in order and hold every paragraph once. \
            Exits 2 when a file cannot be read or a language is unknown.
            """
    )

    /// Files larger than this are refused: no real text is this long, and alignment memory grows with it.
    static let maximumFileBytes = 32 << 20

    @Argument(help: ArgumentHelp("The source text, one paragraph a line.", valueName: "source-file"))
    var sourcePath: String?

    @Argument(help: ArgumentHelp("The target text (the translation), one paragraph a line.", valueName: "target-file"))
    var targetPath: String?

    @Option(help: ArgumentHelp("The source language: en, fr or uk.", valueName: "language"))
    var from: String?

    @Option(help: ArgumentHelp("The target language: en, fr or uk.", valueName: "language"))
    var to: String?

    @Flag(help: "Print the beads as JSON instead of side by side.")
    var json = false

    @Option(help: ArgumentHelp("Columns for the side-by-side text, 40 to 1000 (default: the terminal's width, or 100).", valueName: "columns"))
    var width: Int?

    /// Side-by-side text needs room for two columns; past this, lines are unreadable anyway.
    static let widths = 40...1000

    @Option(help: ArgumentHelp(
        "Read alignment parameters from this JSON file (fields not given keep their calibrated values).",
        discussion: "The format is what scripts/align-calibrate writes.", valueName: "file"))
    var parameters: String?

    @Flag(help: "Print the parameters in use as JSON (a starting point for --parameters) and exit.")
    var printParameters = false

    func validate() throws {
        guard !printParameters else { return }
        if sourcePath == nil || targetPath == nil { throw ValidationError("give the source and the target file") }
        if from == nil { throw ValidationError("give the source language with --from (\(Language.knownCodes))") }
        if to == nil { throw ValidationError("give the target language with --to (\(Language.knownCodes))") }
    }

    func run() throws {
        if printParameters {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(try loadParameters()), as: UTF8.self))
            return
        }
        guard let sourcePath, let targetPath, let from, let to else { throw ExitCode(2) }
        if let width, !Self.widths.contains(width) {
            printError("stele align: --width \(width) is out of range; use \(Self.widths.lowerBound) to \(Self.widths.upperBound) columns")
            throw ExitCode(2)
        }
        let sourceLanguage = try language(from, option: "--from")
        let targetLanguage = try language(to, option: "--to")
        let aligner = ParagraphAligner(parameters: try loadParameters())
        let source = try paragraphs(sourcePath)
        let target = try paragraphs(targetPath)
        let alignment = aligner.align(source: source, target: target, from: sourceLanguage, to: targetLanguage)
        if json {
            print(alignment.json)
        } else {
            let columns = width ?? min(Self.widths.upperBound, max(Self.widths.lowerBound, Terminal.columns(default: 100)))
            print(SideBySideText.render(alignment, source: source, target: target, width: columns))
            let unalignedSource = alignment.unalignedSource.count, unalignedTarget = alignment.unalignedTarget.count
            print("\(alignment.beads.count) \(alignment.beads.count == 1 ? "bead" : "beads"); \(unalignedSource) of \(source.count) "
                + "\(sourceLanguage.code) and \(unalignedTarget) of \(target.count) \(targetLanguage.code) paragraphs without counterpart")
        }
    }

    private func language(_ code: String, option: String) throws -> Language {
        guard let language = Language(code: code) else {
            printError("stele align: unknown language '\(code)' for \(option); use one of \(Language.knownCodes)")
            throw ExitCode(2)
        }
        return language
    }

    private func loadParameters() throws -> AlignmentParameters {
        guard let path = parameters else { return .calibrated }
        do {
            let parameters = try JSONDecoder().decode(AlignmentParameters.self, from: try read(path))
            try parameters.validate()
            return parameters
        } catch let error as InputError {
            printError("stele align: \(error.message)")
        } catch let error as InvalidAlignmentParameters {
            printError("stele align: \(path): \(error.description)")
        } catch {
            printError("stele align: \(path) is not a valid parameter file: \(error)")
        }
        throw ExitCode(2)
    }

    private func paragraphs(_ path: String) throws -> [String] {
        do {
            let data = try read(path)
            var bytes = [UInt8](data)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw InputError(message: "\(path) is not UTF-8 text; convert it first (for example with iconv -t UTF-8)")
            }
            let paragraphs = ParagraphText.paragraphs(in: text)
            guard paragraphs.count <= ParagraphAligner.maximumParagraphs else {
                throw InputError(message: "\(path) has \(paragraphs.count) paragraphs, more than \(ParagraphAligner.maximumParagraphs); no release is that long")
            }
            return paragraphs
        } catch let error as InputError {
            printError("stele align: \(error.message)")
            throw ExitCode(2)
        }
    }

    /// The bytes of a regular file, refused when it is missing, unreadable, not a file or too large.
    private func read(_ path: String) throws(InputError) -> Data {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw InputError(message: "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & S_IFMT == S_IFREG else { throw InputError(message: "cannot read \(path): not a regular file") }
        guard Int(status.st_size) <= Self.maximumFileBytes else {
            throw InputError(message: "\(path) is \(status.st_size) bytes; stele align reads files of at most \(Self.maximumFileBytes) bytes")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(message: "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: Self.maximumFileBytes + 1) ?? Data()
            guard data.count <= Self.maximumFileBytes else {
                throw InputError(message: "\(path) grew past \(Self.maximumFileBytes) bytes while being read")
            }
            return data
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(message: "cannot read \(path): \(error.localizedDescription)")
        }
    }

    private struct InputError: Error {
        var message: String
    }
}
