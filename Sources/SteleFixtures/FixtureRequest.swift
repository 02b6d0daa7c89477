import Foundation

/// A request as the fixture server read it off the wire.
public struct FixtureRequest: Sendable {
    /// `GET`, `HEAD`, ...
    public var method: String
    /// The request target, path and query: `/cps/en/natohq/news_1.htm?selectedLocale=fr`.
    public var target: String
    /// Header fields with lower-cased names, in the order received.
    public var headers: [(name: String, value: String)]
    /// Serial number of the TCP connection the request came on (counts from 1).
    public var connection: Int

    /// A request (the server builds these; tests may too).
    public init(method: String = "GET", target: String, headers: [(name: String, value: String)] = [], connection: Int = 0) {
        self.method = method
        self.target = target
        self.headers = headers
        self.connection = connection
    }

    /// The target without its query.
    public var path: String {
        String(target.prefix { $0 != "?" })
    }

    /// The query parameters, percent-decoding left out (fixture routes use plain values).
    public var query: [String: String] {
        guard let mark = target.firstIndex(of: "?") else { return [:] }
        var result: [String: String] = [:]
        for pair in target[target.index(after: mark)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            result[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return result
    }

    /// The last value of the header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let key = name.lowercased()
        return headers.last { $0.name == key }?.value
    }

    /// True when `Accept-Encoding` lists `gzip`.
    public var acceptsGzip: Bool {
        header("accept-encoding")?.lowercased().split(separator: ",").contains {
            $0.trimmingCharacters(in: .whitespaces).hasPrefix("gzip")
        } ?? false
    }
}
