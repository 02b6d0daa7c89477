public import Foundation
import Synchronization

/// A web site held in memory that a test can change between steps: each document has a body, a
/// content type, a strong `ETag` and a `Last-Modified` date, and conditional requests get 304.
///
/// Documents are found by their full target (path and query) first, then by path alone, so that
/// `/news_1.htm?selectedLocale=fr` can differ from `/news_1.htm`.
public final class FixtureSite: Sendable {
    /// One document of the site.
    public struct Document: Sendable {
        /// The body as served (before any gzip the server applies).
        public var body: [UInt8]
        /// The `Content-Type` value.
        public var contentType: String
        /// The time reported in `Last-Modified`.
        public var lastModified: Date
        /// Extra headers to send with it.
        public var headers: [(name: String, value: String)]

        /// A document.
        public init(body: [UInt8], contentType: String, lastModified: Date = Date(), headers: [(name: String, value: String)] = []) {
            self.body = body
            self.contentType = contentType
            self.lastModified = lastModified
            self.headers = headers
        }

        /// The strong `ETag` served for the uncompressed body.
        public var etag: String {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: enough to tell versions of a fixture apart
            for byte in body { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return "\"\(String(hash, radix: 16))\""
        }
    }

    private struct Entry {
        var document: Document
        var etag: String
        var gzipped: [UInt8]?
    }

    private let documents = Mutex<[String: Entry]>([:])

    /// An empty site.
    public init() {}

    /// A site with every file under `folder`, served at its relative path (`feeds/en.xml` at
    /// `/feeds/en.xml`), with the file's modification time as `Last-Modified`.
    public convenience init(folder: String) throws {
        self.init()
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .contentModificationDateKey])
        while let file = enumerator?.nextObject() as? URL {
            let values = try file.resourceValues(forKeys: [.isRegularFileKey, .contentModificationDateKey])
            guard values.isRegularFile == true else { continue }
            let relative = String(file.standardizedFileURL.path.dropFirst(root.path.count))
            put(relative, Document(
                body: Array(try Data(contentsOf: file)),
                contentType: Self.contentType(forPath: relative),
                lastModified: values.contentModificationDate ?? Date()
            ))
        }
    }

    /// Adds or replaces the document at `target`.
    public func put(_ target: String, _ document: Document) {
        let entry = Entry(document: document, etag: document.etag, gzipped: nil)
        documents.withLock { $0[target] = entry }
    }

    /// Adds or replaces a UTF-8 text document at `target`, its type guessed from the extension.
    public func put(_ target: String, text: String, contentType: String? = nil, lastModified: Date = Date()) {
        put(target, Document(body: Array(text.utf8), contentType: contentType ?? Self.contentType(forPath: target), lastModified: lastModified))
    }

    /// Removes the document at `target`; it answers 404 from then on.
    public func remove(_ target: String) {
        documents.withLock { _ = $0.removeValue(forKey: target) }
    }

    /// The document at `target`, if any.
    public func document(at target: String) -> Document? {
        documents.withLock { $0[target]?.document }
    }

    /// Answers `request` from the documents: 200, 304 or 404.
    public func respond(to request: FixtureRequest) -> FixtureResponse {
        let path = request.path
        let wantsGzip = request.acceptsGzip
        let found: (Entry, [UInt8]?)? = documents.withLock { documents in
            let key = documents[request.target] != nil ? request.target : path
            guard var entry = documents[key] else { return nil }
            if wantsGzip, entry.gzipped == nil, Self.isCompressible(entry.document) {
                entry.gzipped = Gzip.compress(entry.document.body)
                documents[key] = entry
            }
            return (entry, wantsGzip ? entry.gzipped : nil)
        }
        guard let (entry, gzipped) = found else {
            return .text("not found: \(request.target)\n", status: 404)
        }
        let document = entry.document
        let etag = gzipped == nil ? entry.etag : String(entry.etag.dropLast()) + "-gz\""
        var headers: [(name: String, value: String)] = [
            ("ETag", etag),
            ("Last-Modified", HTTPDateFormat.string(from: document.lastModified)),
        ]
        headers += document.headers
        if Self.matches(request, etags: [entry.etag, etag], lastModified: document.lastModified) {
            return FixtureResponse(status: 304, headers: headers)
        }
        headers.append(("Content-Type", document.contentType))
        if let gzipped {
            headers += [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")]
            return FixtureResponse(status: 200, headers: headers, body: .bytes(gzipped))
        }
        return FixtureResponse(status: 200, headers: headers, body: .bytes(document.body))
    }

    /// RFC 9110 §13.2.2: `If-None-Match` decides when present, else `If-Modified-Since`.
    private static func matches(_ request: FixtureRequest, etags: [String], lastModified: Date) -> Bool {
        if let ifNoneMatch = request.header("if-none-match") {
            let candidates = ifNoneMatch.split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "")
            }
            return candidates.contains("*") || candidates.contains { etags.contains($0) }
        }
        if let ifModifiedSince = request.header("if-modified-since"),
           let since = HTTPDateFormat.date(from: ifModifiedSince) {
            return lastModified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
        }
        return false
    }

    private static func isCompressible(_ document: Document) -> Bool {
        document.body.count > 256 && (document.contentType.hasPrefix("text/") || document.contentType.contains("xml") || document.contentType.contains("json"))
    }

    /// The content type for a path, from its extension.
    public static func contentType(forPath path: String) -> String {
        let name = path.prefix { $0 != "?" }
        switch name.split(separator: ".").last.map({ $0.lowercased() }) {
        case "htm", "html": return "text/html; charset=utf-8"
        case "xml": return name.contains("rss") ? "application/rss+xml; charset=utf-8" : "application/xml; charset=utf-8"
        case "rss": return "application/rss+xml; charset=utf-8"
        case "atom": return "application/atom+xml; charset=utf-8"
        case "json": return "application/json"
        case "gz": return "application/gzip"
        case "txt": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}

/// IMF-fixdate formatting and parsing for the fixture server's own headers.
enum HTTPDateFormat {
    private static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }()
    static func string(from date: Date) -> String {
        formatter.string(from: date)
    }

    static func date(from string: String) -> Date? {
        formatter.date(from: string)
    }
}
