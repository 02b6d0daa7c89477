/// Why a transfer gave no usable response, and for which address.
public struct HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The address that was requested.
    public var url: String
    /// What went wrong.
    public var kind: Kind

    /// An error for `url`.
    public init(url: String, kind: Kind) {
        self.url = url
        self.kind = kind
    }

    /// The phase of a transfer that ran out of time.
    public enum TimeoutPhase: String, Sendable, Equatable {
        /// No connection within the connect timeout.
        case connect
        /// The whole transfer took longer than the total timeout.
        case total
        /// The server sent data more slowly than the low-speed limit for too long.
        case lowSpeed = "low-speed"
    }

    /// The kinds of failure, each specific enough to decide whether and when to retry.
    public enum Kind: Sendable, Equatable {
        /// The address is not an absolute http or https URL.
        case invalidURL(reason: String)
        /// The address, or a redirect, uses a scheme other than http and https.
        case forbiddenScheme(String)
        /// The host name did not resolve.
        case dnsFailure(host: String)
        /// The host refused the connection (nothing listens on that port).
        case connectionRefused
        /// The connection could not be made for another reason (unreachable network, ...).
        case connectionFailed(reason: String)
        /// A time limit was reached.
        case timedOut(TimeoutPhase)
        /// The TLS handshake or the certificate check failed.
        case tls(reason: String)
        /// More redirects than allowed, or a loop.
        case tooManyRedirects(limit: Int)
        /// The decoded body grew past the limit.
        case bodyTooLarge(limit: Int)
        /// The connection broke off during the response (reset, closed early, short body).
        case connectionLost(reason: String)
        /// The body could not be decoded from its `Content-Encoding`.
        case badContentEncoding(reason: String)
        /// The server answered with a status other than 2xx or 304.
        case status(Int, retryAfter: RetryAfter?)
        /// The request was cancelled by its caller.
        case cancelled
        /// The client was shut down before the request finished.
        case shutDown
        /// Any other libcurl failure, with its code and message.
        case transfer(code: Int, message: String)
    }

    /// A short stable name for the kind, for logs and JSON: `dns-failure`, `status-503`, ...
    public var code: String {
        switch kind {
        case .invalidURL: "invalid-url"
        case .forbiddenScheme: "forbidden-scheme"
        case .dnsFailure: "dns-failure"
        case .connectionRefused: "connection-refused"
        case .connectionFailed: "connection-failed"
        case .timedOut(let phase): "timeout-\(phase.rawValue)"
        case .tls: "tls"
        case .tooManyRedirects: "too-many-redirects"
        case .bodyTooLarge: "body-too-large"
        case .connectionLost: "connection-lost"
        case .badContentEncoding: "bad-content-encoding"
        case .status(let status, _): "status-\(status)"
        case .cancelled: "cancelled"
        case .shutDown: "shut-down"
        case .transfer(let code, _): "curl-\(code)"
        }
    }

    /// A setting that an error's advice names.
    public enum Setting: Sendable {
        case totalTimeout, caFile, maxBodyBytes

        /// Its key in the configuration file.
        public var configurationKey: String {
            switch self {
            case .totalTimeout: "http.total_timeout"
            case .caFile: "http.ca_file"
            case .maxBodyBytes: "http.max_body_bytes"
            }
        }
    }

    /// A sentence that says what happened and what to do about it, naming settings by their
    /// configuration keys.
    public var description: String {
        description(naming: \.configurationKey)
    }

    /// ``description`` for a program that sets these things another way (command-line options).
    public func description(naming name: (Setting) -> String) -> String {
        "\(url): \(explanation(name))"
    }

    private func explanation(_ name: (Setting) -> String) -> String {
        switch kind {
        case .invalidURL(let reason):
            return "not a usable address (\(reason)); give an absolute http:// or https:// URL"
        case .forbiddenScheme(let scheme):
            return "refused the scheme \"\(scheme)\"; only http and https are fetched, also after redirects"
        case .dnsFailure(let host):
            return "the host name \"\(host)\" did not resolve; check the address and this machine's DNS"
        case .connectionRefused:
            return "the connection was refused; the server is down or the port is wrong"
        case .connectionFailed(let reason):
            return "could not connect (\(reason)); check the network"
        case .timedOut(.connect):
            return "no connection within the connect timeout; the host is unreachable or overloaded"
        case .timedOut(.total):
            return "the transfer took longer than the total timeout; raise \(name(.totalTimeout)) if the site is slow"
        case .timedOut(.lowSpeed):
            return "the server sent data too slowly and was cut off by the low-speed limit"
        case .tls(let reason):
            return "TLS failed (\(reason)); for a private certificate authority set \(name(.caFile))"
        case .tooManyRedirects(let limit):
            return "more than \(limit) redirects (a redirect loop?)"
        case .bodyTooLarge(let limit):
            return "the body is larger than the limit of \(limit) bytes; raise \(name(.maxBodyBytes)) if this page is legitimate"
        case .connectionLost(let reason):
            return "the connection broke off during the response (\(reason)); retried later"
        case .badContentEncoding(let reason):
            return "the body could not be decoded (\(reason))"
        case .status(let code, let retryAfter):
            let wait = retryAfter.map { retry -> String in
                switch retry {
                case .seconds(let seconds): return "; the server asks to retry after \(seconds) s"
                case .date(let date): return "; the server asks to retry after \(date)"
                }
            } ?? ""
            return "the server answered HTTP \(code)\(wait)"
        case .cancelled:
            return "the request was cancelled"
        case .shutDown:
            return "the HTTP client was shut down before the request finished"
        case .transfer(let code, let message):
            return "transfer failed (libcurl error \(code): \(message))"
        }
    }
}
