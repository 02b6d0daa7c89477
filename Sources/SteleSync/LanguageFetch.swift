import Foundation
import SteleExtract
import SteleHTTP
import SteleStore

/// The result of fetching one language version of a release.
enum LanguageFetch: Sendable {
    /// A page was read and its paragraphs extracted.
    case page(ExtractedPage, HTTPResponse)
    /// The stored version is still current (304).
    case notModified(HTTPResponse)
    /// The fetch or the extraction failed.
    case failed(FetchFailure)

    /// Fetches `address` (conditionally, with `validators`) and extracts its paragraphs.
    static func fetch(_ address: String, validators: HTTPValidators, client: HTTPClient, extractor: PageExtractor) async -> LanguageFetch {
        let response: HTTPResponse
        do {
            response = try await client.fetch(HTTPRequest(url: address, validators: validators))
        } catch {
            return .failed(FetchFailure(error))
        }
        if response.isNotModified { return .notModified(response) }
        do {
            let page = try extractor.extract(HTMLPage(bytes: response.body, url: response.finalURL, httpCharset: response.charset))
            return .page(page, response)
        } catch {
            return .failed(FetchFailure(code: "extract-\(error.code)", message: "\(address): \(error.description)", status: nil, retryAfter: nil))
        }
    }
}

/// Why a fetch gave no page.
struct FetchFailure: Sendable {
    /// A short stable code: `status-503`, `timeout-total`, `extract-tooLarge`, ...
    var code: String
    /// A sentence naming the address.
    var message: String
    /// The HTTP status, when the server answered.
    var status: Int?
    /// The server's `Retry-After`, as a delay from now.
    var retryAfter: Duration?

    init(code: String, message: String, status: Int?, retryAfter: Duration?) {
        self.code = code
        self.message = message
        self.status = status
        self.retryAfter = retryAfter
    }

    init(_ error: HTTPError) {
        var status: Int?
        var retryAfter: Duration?
        if case .status(let code, let retry) = error.kind {
            status = code
            retryAfter = retry?.delay(from: Date())
        }
        self.init(code: error.code, message: error.description, status: status, retryAfter: retryAfter)
    }
}
