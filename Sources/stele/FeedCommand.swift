import ArgumentParser
import Foundation
import SteleFeeds
import SteleHTTP

/// `stele feed FILE|URL`: reads a feed or sitemap the way the sync engine does and prints it.
struct FeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Read an RSS, Atom, JSON Feed or sitemap from a file or an address and print its items.",
        discussion: """
            Shows what Stele sees in a feed: each item's id, address, title, dates and other language \
            versions (sitemap hreflang alternates), with warnings for what was odd (a date that does not \
            parse, invalid bytes). A gzip-compressed file is inflated. With --follow, a sitemap index is \
            followed to the sitemaps it lists.

            Exit status: 0 when the feed was read, also in part (the "error" then says where reading \
            stopped; add --strict to exit 1 then); 1 when it could not be read at all.
            """
    )

    @Argument(help: "A file ('-' for standard input), or an http:// or https:// address.")
    var source: String

    @Flag(help: "Print one JSON object: format, title, link, items, warnings, error.")
    var json = false

    @Flag(help: "Follow a sitemap index to the sitemaps it lists, and print their pages.")
    var follow = false

    @Flag(help: "Exit 1 also when the feed could be read only in part.")
    var strict = false

    @Option(help: "With --follow: how many sitemaps to fetch at most.")
    var maxSitemaps = SitemapCrawlLimits().maxSitemaps

    @Option(help: "With --follow: how many levels of index to descend.")
    var maxDepth = SitemapCrawlLimits().maxDepth

    @Option(help: "Refuse documents larger than this many bytes (also after gzip inflation).")
    var maxBytes = FeedLimits().maxInputBytes

    @Option(help: "The character encoding of a file, as an HTTP server would declare it (e.g. windows-1251).")
    var charset: String?

    @Option(help: "Give up on a transfer after this many seconds.")
    var timeout = 60

    func validate() throws {
        if maxBytes <= 0 { throw ValidationError("--max-bytes must be a positive number of bytes") }
        if maxSitemaps < 1 { throw ValidationError("--max-sitemaps must be at least 1") }
        if maxDepth < 0 { throw ValidationError("--max-depth must be 0 or more") }
        if timeout < 1 { throw ValidationError("--timeout must be at least 1 second") }
    }

    func run() async throws {
        let parser = FeedParser(limits: FeedLimits(maxInputBytes: maxBytes))
        let client = HTTPClient(configuration: httpConfiguration)
        defer { client.shutdown() }
        let fetch = Self.fetcher(client, maxBytes: maxBytes)
        var feed: Feed
        do {
            let document = Self.isAddress(source) ? try await fetch(source) : try readFile()
            feed = try parser.parse(document.bytes, url: document.url, charset: document.charset ?? charset)
            if follow, feed.format == .sitemapIndex {
                let crawler = SitemapCrawler(parser: parser, limits: SitemapCrawlLimits(maxDepth: maxDepth, maxSitemaps: maxSitemaps))
                feed = await crawler.crawl(feed, url: document.url ?? source, fetch: { try await fetch($0).fetched }).feed
            }
        } catch {
            if json { print(FeedReport(failure: "\(error)").json) }
            FileHandle.standardError.write(Data("stele feed: \(error is FileReadError ? "" : "\(source): ")\(error)\n".utf8))
            throw ExitCode.failure
        }
        let report = FeedReport(feed)
        print(json ? report.json : report.text)
        if let error = feed.error {
            FileHandle.standardError.write(Data("stele feed: \(source): read only in part: \(error)\n".utf8))
            if strict { throw ExitCode.failure }
        }
    }

    private var httpConfiguration: HTTPClientConfiguration {
        var configuration = HTTPClientConfiguration()
        configuration.maxBodyBytes = maxBytes
        configuration.totalTimeout = .seconds(timeout)
        return configuration
    }

    /// A document to parse: its bytes, and the address and charset it came with.
    struct Document {
        var bytes: [UInt8]
        var url: String?
        var charset: String?

        var fetched: FetchedDocument {
            FetchedDocument(bytes: bytes, url: url ?? "", charset: charset)
        }
    }

    private static func isAddress(_ source: String) -> Bool {
        let lowered = source.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
    }

    private static func fetcher(_ client: HTTPClient, maxBytes: Int) -> @Sendable (String) async throws -> Document {
        { address in
            let response = try await client.fetch(HTTPRequest(url: address, maxBodyBytes: maxBytes))
            return Document(bytes: response.body, url: response.finalURL, charset: response.charset)
        }
    }

    /// Reads at most one byte more than the limit, so that a huge file is refused without loading it.
    private func readFile() throws(FileReadError) -> Document {
        let descriptor = source == "-" ? STDIN_FILENO : open(source, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileReadError(path: source, code: errno) }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= maxBytes {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw FileReadError(path: source, code: errno) }
            if count == 0 { break }
            bytes += chunk[..<count]
        }
        return Document(bytes: bytes, url: nil, charset: nil)
    }
}

/// A file that could not be read, with the system's reason.
struct FileReadError: Error, CustomStringConvertible {
    var path: String
    var code: Int32

    var description: String {
        "cannot read \(path == "-" ? "standard input" : path): \(String(cString: strerror(code)))"
    }
}
