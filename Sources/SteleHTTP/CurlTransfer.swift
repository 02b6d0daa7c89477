internal import CCurl
import Foundation

/// A request waiting for its turn: everything the loop thread needs to start it later.
struct PendingTransfer: Sendable {
    let id: UInt64
    let request: HTTPRequest
    let origin: CurlURL.Origin
    let continuation: CheckedContinuation<Result<HTTPResponse, HTTPError>, Never>
}

/// One transfer in flight. Lives on the loop thread only; libcurl's callbacks reach it through the
/// `CURLOPT_WRITEDATA` / `CURLOPT_HEADERDATA` pointers.
final class CurlTransfer {
    let pending: PendingTransfer
    let handle: UnsafeMutableRawPointer
    let bodyLimit: Int
    let maxRedirects: Int
    private(set) var body: [UInt8] = []
    private(set) var bodyLimitExceeded = false
    /// Status and `Location` of every response in the redirect chain (1xx responses left out).
    private(set) var hops: [(status: Int, location: String?)] = []
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    private var headerList: UnsafeMutablePointer<curl_slist>?

    var request: HTTPRequest { pending.request }

    /// Configures `handle` (fresh or reset) for `pending`.
    init(pending: PendingTransfer, handle: UnsafeMutableRawPointer, configuration: HTTPClientConfiguration) {
        self.pending = pending
        self.handle = handle
        self.bodyLimit = max(0, pending.request.maxBodyBytes ?? configuration.maxBodyBytes)
        self.maxRedirects = configuration.maxRedirects
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        configure(configuration)
    }

    deinit {
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    private func configure(_ configuration: HTTPClientConfiguration) {
        let request = pending.request
        setString(CURLOPT_URL, request.url)
        setLong(CURLOPT_NOSIGNAL, 1)
        setString(CURLOPT_PROTOCOLS_STR, "http,https")
        setString(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        setLong(CURLOPT_FOLLOWLOCATION, 1)
        setLong(CURLOPT_MAXREDIRS, configuration.maxRedirects)
        setString(CURLOPT_ACCEPT_ENCODING, "")  // every encoding this libcurl decodes: gzip, deflate, br, zstd
        setString(CURLOPT_USERAGENT, configuration.userAgent.description)
        setLong(CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.milliseconds)
        setLong(CURLOPT_TIMEOUT_MS, configuration.totalTimeout.milliseconds)
        setLong(CURLOPT_LOW_SPEED_LIMIT, configuration.lowSpeedLimit)
        setLong(CURLOPT_LOW_SPEED_TIME, max(1, configuration.lowSpeedTime.milliseconds / 1000))
        setLong(CURLOPT_SSL_VERIFYPEER, 1)
        setLong(CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = configuration.caFile { setString(CURLOPT_CAINFO, caFile) }
        // Refuses early when Content-Length already says too much; the write callback checks the
        // decoded bytes, which is what the limit is about.
        _ = stele_easy_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(bodyLimit))
        _ = stele_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)

        var headers: [String] = []
        if let etag = request.validators.etag { headers.append("If-None-Match: \(etag)") }
        if let lastModified = request.validators.lastModified { headers.append("If-Modified-Since: \(lastModified)") }
        headers += request.headers.map { "\($0.name): \($0.value)" }
        for header in headers where !header.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) {
            headerList = curl_slist_append(headerList, header)
        }
        if let headerList { _ = stele_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList) }

        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = stele_easy_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION, CurlTransfer.writeCallback)
        _ = stele_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        _ = stele_easy_setopt_write_callback(handle, CURLOPT_HEADERFUNCTION, CurlTransfer.headerCallback)
        _ = stele_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
    }

    private func setLong(_ option: CURLoption, _ value: Int) {
        _ = stele_easy_setopt_long(handle, option, value)
    }

    private func setString(_ option: CURLoption, _ value: String) {
        _ = stele_easy_setopt_string(handle, option, value)  // libcurl copies strings
    }

    // MARK: Callbacks

    private static let writeCallback: curl_write_callback = { data, size, count, context in
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
        let length = size * count
        guard transfer.body.count + length <= transfer.bodyLimit else {
            transfer.bodyLimitExceeded = true
            return 0  // makes libcurl stop with CURLE_WRITE_ERROR
        }
        if let data {
            data.withMemoryRebound(to: UInt8.self, capacity: length) {
                transfer.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
            }
        }
        return length
    }

    private static let headerCallback: curl_write_callback = { data, size, count, context in
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
        let length = size * count
        if let data {
            let line = data.withMemoryRebound(to: UInt8.self, capacity: length) {
                UnsafeBufferPointer(start: $0, count: length)
            }
            transfer.readHeaderLine(line)
        }
        return length
    }

    private func readHeaderLine(_ line: UnsafeBufferPointer<UInt8>) {
        if line.starts(with: "HTTP/".utf8) {
            // "HTTP/1.1 301 Moved Permanently": a new response in the chain.
            let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 2)
            guard fields.count >= 2, let status = Int(String(decoding: fields[1], as: UTF8.self)) else { return }
            body.removeAll(keepingCapacity: true)  // the body of a redirect is not the body we want
            if status >= 200 { hops.append((status, nil)) }
        } else if line.count > 9, !hops.isEmpty,
                  String(decoding: line[0..<9], as: UTF8.self).lowercased() == "location:" {
            let value = String(decoding: line[9...], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            hops[hops.count - 1].location = value
        }
    }

    // MARK: Result

    /// The outcome of the finished transfer, given libcurl's result code.
    func result(code: CURLcode) -> Result<HTTPResponse, HTTPError> {
        let url = request.url
        let redirects = redirectChain()
        guard code == CURLE_OK else {
            return .failure(HTTPError(url: url, kind: failureKind(code: code, redirects: redirects)))
        }
        let status = infoLong(CURLINFO_RESPONSE_CODE)
        guard (200..<300).contains(status) || status == 304 else {
            let retryAfter = header("Retry-After").flatMap(RetryAfter.init(headerValue:))
            return .failure(HTTPError(url: url, kind: .status(status, retryAfter: retryAfter)))
        }
        var totalMicroseconds: curl_off_t = 0
        _ = stele_easy_getinfo_off_t(handle, CURLINFO_TOTAL_TIME_T, &totalMicroseconds)
        return .success(HTTPResponse(
            url: url,
            finalURL: infoString(CURLINFO_EFFECTIVE_URL) ?? url,
            status: status,
            redirects: redirects,
            validators: HTTPValidators(etag: header("ETag"), lastModified: header("Last-Modified")),
            contentType: header("Content-Type"),
            body: status == 304 ? [] : body,
            elapsed: .microseconds(totalMicroseconds)
        ))
    }

    private func redirectChain() -> [HTTPRedirect] {
        var redirects: [HTTPRedirect] = []
        var current = request.url
        for hop in hops where (300..<400).contains(hop.status) && hop.status != 304 {
            guard let location = hop.location, let target = CurlURL.resolve(location, against: current) else { break }
            redirects.append(HTTPRedirect(status: hop.status, from: current, to: target))
            current = target
        }
        return redirects
    }

    private func failureKind(code: CURLcode, redirects: [HTTPRedirect]) -> HTTPError.Kind {
        let message = String(cString: errorBuffer)
        let detail = message.isEmpty ? String(cString: curl_easy_strerror(code)) : message
        switch code {
        case CURLE_WRITE_ERROR where bodyLimitExceeded, CURLE_FILESIZE_EXCEEDED:
            return .bodyTooLarge(limit: bodyLimit)
        case CURLE_UNSUPPORTED_PROTOCOL:
            let target = redirects.last?.to ?? request.url
            return .forbiddenScheme(CurlURL.origin(of: target)?.scheme ?? target)
        case CURLE_URL_MALFORMAT:
            return .invalidURL(reason: detail)
        case CURLE_COULDNT_RESOLVE_HOST:
            let prefix = "Could not resolve host: "
            let host = message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : pending.origin.host
            return .dnsFailure(host: host)
        case CURLE_COULDNT_CONNECT:
            return infoLong(CURLINFO_OS_ERRNO) == Int(ECONNREFUSED) ? .connectionRefused : .connectionFailed(reason: detail)
        case CURLE_OPERATION_TIMEDOUT:
            if message.contains("too slow") { return .timedOut(.lowSpeed) }
            var connectMicroseconds: curl_off_t = 0
            _ = stele_easy_getinfo_off_t(handle, CURLINFO_CONNECT_TIME_T, &connectMicroseconds)
            return .timedOut(connectMicroseconds == 0 ? .connect : .total)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_CRL_BADFILE, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_ENGINE_INITFAILED:
            return .tls(reason: detail)
        case CURLE_TOO_MANY_REDIRECTS:
            return .tooManyRedirects(limit: maxRedirects)
        case CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_HTTP2, CURLE_HTTP2_STREAM:
            return .connectionLost(reason: detail)
        case CURLE_BAD_CONTENT_ENCODING:
            return .badContentEncoding(reason: detail)
        default:
            return .transfer(code: Int(code.rawValue), message: detail)
        }
    }

    private func infoLong(_ info: CURLINFO) -> Int {
        var value = 0
        _ = stele_easy_getinfo_long(handle, info, &value)
        return value
    }

    private func infoString(_ info: CURLINFO) -> String? {
        var pointer: UnsafeMutablePointer<CChar>?
        guard stele_easy_getinfo_string(handle, info, &pointer) == CURLE_OK, let pointer else { return nil }
        return String(cString: pointer)
    }

    /// A header of the final response, exactly as received (libcurl trims surrounding blanks only).
    private func header(_ name: String) -> String? {
        var header: UnsafeMutablePointer<curl_header>?
        guard curl_easy_header(handle, name, 0, UInt32(CURLH_HEADER), -1, &header) == CURLHE_OK,
              let value = header?.pointee.value
        else { return nil }
        return String(cString: value)
    }
}

extension Duration {
    /// Whole milliseconds, rounded down, never negative.
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return max(0, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
