import ArgumentParser
import Foundation
import SteleExtract
import SteleHTTP

/// `stele extract FILE|URL`: what Stele takes from one page, for checking a source's rule.
struct Extract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the paragraphs, title, language and other language versions Stele extracts from one page.",
        discussion: """
            Reads an HTML file, or fetches an http:// or https:// address with Stele's HTTP client. Without \
            --rule, a generic fallback finds the article body (text density, link density, page furniture); with \
            --rule, the body is what the rule selects: an XPath expression (//section[@class='content']) or a CSS \
            selector from a small subset (section.content). Warnings go to standard error. Exits 0 when the page \
            was read (even with no text, which is warned about), 1 when it could not be fetched, 2 for a bad \
            argument or a page that is refused (too large, not HTML).
            """
    )

    @Argument(help: "An HTML file, or an http:// or https:// address to fetch.")
    var page: String

    @Option(help: ArgumentHelp("Where the article body is: XPath or CSS (see the README).", valueName: "xpath-or-css"))
    var rule: String?

    @Option(help: "The page's address, to resolve relative links (default: the address fetched, if any).")
    var baseURL: String?

    @Option(help: "The charset the server declared for the page (for a saved file).")
    var charset: String?

    @Option(help: "Refuse pages larger than this many bytes.")
    var maxBytes: Int = ExtractionOptions.defaultMaxInputBytes

    @Flag(help: "Print one JSON object: title, language, confidence, paragraphs, alternates.")
    var json = false

    func validate() throws {
        if maxBytes <= 0 { throw ValidationError("--max-bytes must be a positive number of bytes") }
    }

    func run() async throws {
        var options = ExtractionOptions(maxInputBytes: maxBytes)
        if let rule {
            do {
                options.contentRule = try ContentRule(rule)
            } catch {
                throw usageFailure(error.description)
            }
        }
        var input = try await read()
        if let baseURL { input.url = baseURL }
        if let charset { input.httpCharset = charset }
        let extracted: ExtractedPage
        do {
            extracted = try PageExtractor(options: options).extract(input)
        } catch {
            throw usageFailure(error.description)
        }
        for warning in extracted.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        let report = ExtractionReport(extracted)
        print(json ? report.json : report.text)
    }

    /// The page's bytes, from the network or the disk.
    private func read() async throws -> HTMLPage {
        if page.hasPrefix("http://") || page.hasPrefix("https://") {
            var configuration = HTTPClientConfiguration()
            configuration.maxBodyBytes = maxBytes
            let client = HTTPClient(configuration: configuration)
            defer { client.shutdown() }
            do {
                let response = try await client.fetch(HTTPRequest(url: page))
                return HTMLPage(bytes: response.body, url: response.finalURL, httpCharset: response.charset)
            } catch {
                FileHandle.standardError.write(Data("stele extract: \(error.description)\n".utf8))
                throw ExitCode.failure
            }
        }
        if page.contains("://") { throw usageFailure("\(page): only files and http:// or https:// addresses can be read") }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: page, isDirectory: &isFolder), isFolder.boolValue {
            throw usageFailure("\(page) is a folder; give an HTML file or an http(s) address")
        }
        guard let handle = FileHandle(forReadingAtPath: page) else {
            throw usageFailure("\(page): cannot open the file (does it exist, and is it readable?)")
        }
        defer { try? handle.close() }
        // Never read the whole of an enormous file to find out that it is too large.
        let size = try handle.seekToEnd()
        if size > UInt64(maxBytes) {
            throw usageFailure(ExtractionError(page: page, kind: .tooLarge(bytes: Int(clamping: size), limit: maxBytes)).description)
        }
        try handle.seek(toOffset: 0)
        let bytes = try handle.read(upToCount: maxBytes) ?? Data()
        return HTMLPage(bytes: Array(bytes))
    }

    private func usageFailure(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("stele extract: \(message)\n".utf8))
        return ExitCode(2)
    }
}
