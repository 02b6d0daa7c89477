import ArgumentParser
import Foundation
import SteleHTTP

/// `stele get URL`: one transfer with Stele's HTTP client, for debugging a source.
struct Get: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fetch one address with Stele's HTTP client and report what happened.",
        discussion: """
            Prints the status, the final address after redirects, the validators (ETag, Last-Modified), \
            the size and the time. Give --etag or --last-modified to try a conditional request: a 304 \
            means the server would send nothing new. Exits 0 on a 2xx or 304 response, 1 otherwise.
            """
    )

    @Argument(help: "The http:// or https:// address to fetch.")
    var url: String

    @Option(help: "Send If-None-Match with this ETag (quotes included, as the server sent it).")
    var etag: String?

    @Option(help: "Send If-Modified-Since with this HTTP-date.")
    var lastModified: String?

    @Option(help: "Refuse bodies larger than this many decoded bytes.")
    var maxBodyBytes: Int = HTTPClientConfiguration().maxBodyBytes

    @Option(help: "Give up after this many seconds.")
    var timeout: Int = 60

    @Option(help: "Trust the certificate authorities in this PEM file instead of the system's.")
    var caFile: String?

    @Option(help: "Write the body to this file ('-' for standard output).")
    var output: String?

    @Flag(help: "Print everything as one JSON object.")
    var json = false

    func validate() throws {
        if maxBodyBytes <= 0 { throw ValidationError("--max-body-bytes must be a positive number of bytes") }
        if timeout < 1 { throw ValidationError("--timeout must be at least 1 second") }
    }

    func run() async throws {
        var configuration = HTTPClientConfiguration()
        configuration.maxBodyBytes = maxBodyBytes
        configuration.totalTimeout = .seconds(timeout)
        configuration.caFile = caFile
        let client = HTTPClient(configuration: configuration)
        defer { client.shutdown() }
        let request = HTTPRequest(url: url, validators: HTTPValidators(etag: etag, lastModified: lastModified))
        let response: HTTPResponse
        do {
            response = try await client.fetch(request)
        } catch {
            if json {
                print(GetReport(error).json)
            } else {
                printError("stele get: " + error.description(naming: Self.option))
            }
            throw ExitCode.failure
        }
        try writeBody(response.body)
        let report = json ? GetReport(response).json : GetReport(response).text
        // With the body on standard output, the report goes to standard error.
        if output == "-" { printError(report) } else { print(report) }
    }

    /// The option of this command that sets what an error's advice names.
    static func option(_ setting: HTTPError.Setting) -> String {
        switch setting {
        case .totalTimeout: "--timeout"
        case .caFile: "--ca-file"
        case .maxBodyBytes: "--max-body-bytes"
        }
    }

    private func writeBody(_ body: [UInt8]) throws {
        guard let output else { return }
        if output == "-" {
            FileHandle.standardOutput.write(Data(body))
        } else {
            do {
                try Data(body).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                printError("stele get: cannot write the body to \(output): \((error as NSError).localizedFailureReason ?? "\(error)"); give a writable file path")
                throw ExitCode.failure
            }
        }
    }
}

/// What `stele get` reports, as text or JSON.
struct GetReport: Encodable {
    struct Redirect: Encodable {
        var status: Int
        var from: String
        var to: String
    }

    var url: String
    var status: Int?
    var finalURL: String?
    var permanentURL: String?
    var redirects: [Redirect] = []
    var etag: String?
    var lastModified: String?
    var contentType: String?
    var charset: String?
    var size: Int?
    var seconds: Double?
    var error: String?
    var errorMessage: String?
    var retryAfterSeconds: Int?

    init(_ response: HTTPResponse) {
        url = response.url
        status = response.status
        finalURL = response.finalURL
        permanentURL = response.permanentURL
        redirects = response.redirects.map { Redirect(status: $0.status, from: $0.from, to: $0.to) }
        etag = response.validators.etag
        lastModified = response.validators.lastModified
        contentType = response.contentType
        charset = response.charset
        size = response.body.count
        let (wholeSeconds, attoseconds) = response.elapsed.components
        seconds = Double(wholeSeconds) + Double(attoseconds) / 1e18
    }

    init(_ error: HTTPError) {
        url = error.url
        self.error = error.code
        errorMessage = error.description(naming: Get.option)
        if case .status(let code, let retryAfter) = error.kind {
            status = code
            retryAfterSeconds = retryAfter.map { Int($0.delay(from: Date()).components.seconds) }
        }
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    var text: String {
        var lines = ["\(status ?? 0) \(finalURL ?? url)"]
        lines += redirects.map { "redirect: \($0.status) \($0.from) -> \($0.to)" }
        if let permanentURL { lines.append("moved permanently to: \(permanentURL)") }
        lines.append("etag: \(etag ?? "-")")
        lines.append("last-modified: \(lastModified ?? "-")")
        lines.append("content-type: \(contentType ?? "-")")
        lines.append("size: \(size ?? 0) bytes")
        lines.append(String(format: "time: %.3f s", seconds ?? 0))
        return lines.joined(separator: "\n")
    }
}
