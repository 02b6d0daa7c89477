internal import CCurl

/// URL parsing and reference resolution by libcurl's own URL parser, so that Stele sees an
/// address exactly as the transfer will.
enum CurlURL {
    /// The parts of an absolute URL that decide where a request goes.
    struct Origin: Equatable {
        var scheme: String
        var host: String
        var port: Int

        /// `scheme://host:port`, the key for per-host limits.
        var key: String { "\(scheme)://\(host):\(port)" }
    }

    /// Parses an absolute URL of any scheme; `nil` when libcurl cannot parse it.
    static func origin(of url: String) -> Origin? {
        withHandle(url) { handle in
            guard let scheme = part(handle, CURLUPART_SCHEME, flags: 0)?.lowercased() else { return nil }
            let host = part(handle, CURLUPART_HOST, flags: 0)?.lowercased() ?? ""
            let port = part(handle, CURLUPART_PORT, flags: UInt32(CURLU_DEFAULT_PORT)).flatMap { Int($0) } ?? 0
            return Origin(scheme: scheme, host: host, port: port)
        }
    }

    /// Resolves `reference` (absolute, or relative like a `Location` header) against `base`.
    static func resolve(_ reference: String, against base: String) -> String? {
        withHandle(base) { handle in
            guard curl_url_set(handle, CURLUPART_URL, reference, UInt32(CURLU_NON_SUPPORT_SCHEME)) == CURLUE_OK else {
                return nil
            }
            return part(handle, CURLUPART_URL, flags: 0)
        }
    }

    private static func withHandle<T>(_ url: String, _ body: (OpaquePointer) -> T?) -> T? {
        guard let handle = curl_url() else { return nil }
        defer { curl_url_cleanup(handle) }
        guard curl_url_set(handle, CURLUPART_URL, url, UInt32(CURLU_NON_SUPPORT_SCHEME)) == CURLUE_OK else { return nil }
        return body(handle)
    }

    private static func part(_ handle: OpaquePointer, _ what: CURLUPart, flags: UInt32) -> String? {
        var pointer: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, what, &pointer, flags) == CURLUE_OK, let pointer else { return nil }
        defer { curl_free(pointer) }
        return String(cString: pointer)
    }
}
