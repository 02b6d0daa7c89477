import Foundation

/// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
enum JSONFeedReader {
    /// Reads `bytes` (UTF-8 JSON). Throws when nothing could be read; a fault after some items
    /// gives those items and the fault.
    static func read(_ bytes: [UInt8], limits: FeedLimits, assembler: inout FeedAssembler, warnings: inout WarningLog) throws(FeedError) -> (draft: FeedDraft, error: FeedError?) {
        let scanner = JSONScanner(bytes, maxDepth: limits.maxDepth)
        var fault: (error: FeedError, offset: Int)?
        var root: Any?
        if let deep = scanner.tooDeepAt {
            fault = (error(.tooDeep(limit: limits.maxDepth), at: deep, in: bytes), deep)
        } else {
            do {
                root = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            } catch {
                let (message, offset) = describe(error, length: bytes.count)
                fault = (Self.error(.malformedJSON(message: message), at: offset, in: bytes), offset)
            }
        }
        if let fault {
            guard let prefix = scanner.prefix(of: bytes, before: fault.offset),
                  let partial = try? JSONSerialization.jsonObject(with: Data(prefix)) else { throw fault.error }
            root = partial
        }
        guard let object = root as? [String: Any], let items = object["items"] as? [Any] else {
            if let fault { throw fault.error }
            throw FeedError(.notAFeed(found: "JSON without an \"items\" array"))
        }
        if let version = object["version"] as? String {
            if !version.hasPrefix("https://jsonfeed.org/version/") {
                warnings.add("the JSON Feed version \"\(version)\" is not one this reader knows; read as 1.1")
            }
        } else if fault == nil {
            warnings.add("the JSON has no \"version\"; read as a JSON Feed because it has \"items\"")
        }
        var draft = FeedDraft(format: .json)
        draft.title = (object["title"] as? String).flatMap(FeedText.title)
        draft.link = (object["home_page_url"] as? String).flatMap { FeedText.reference($0, scope: XMLScope()) }
        draft.language = (object["language"] as? String).flatMap(FeedText.language)
        var stop = fault?.error
        for (index, value) in items.enumerated() {
            guard assembler.count < limits.maxItems else {
                stop = stop ?? FeedError(.tooManyItems(limit: limits.maxItems))
                break
            }
            guard let entry = value as? [String: Any] else {
                warnings.add("item \(index + 1) is not a JSON object; skipped")
                continue
            }
            assembler.add(item(entry, language: draft.language), feed: draft)
        }
        return (draft, stop)
    }

    private static func item(_ entry: [String: Any], language: String?) -> ItemDraft {
        var item = ItemDraft(line: 0)
        item.id = string(entry["id"]).flatMap(FeedText.nonEmpty)
        let url = (entry["url"] as? String) ?? (entry["external_url"] as? String)
        item.link = url.flatMap { FeedText.reference($0, scope: XMLScope()) }
        item.title = (entry["title"] as? String).flatMap(FeedText.title)
        item.summary = (entry["summary"] as? String).flatMap(FeedText.plain)
            ?? (entry["content_text"] as? String).flatMap(FeedText.plain)
            ?? (entry["content_html"] as? String).flatMap(FeedText.html)
        item.published = (entry["date_published"] as? String).flatMap { FeedText.date($0, element: "date_published", line: 0) }
        item.updated = (entry["date_modified"] as? String).flatMap { FeedText.date($0, element: "date_modified", line: 0) }
        item.language = (entry["language"] as? String).flatMap(FeedText.language)
        return item
    }

    /// JSON Feed 1.1: an id that is a number must be read as a string.
    private static func string(_ value: Any?) -> String? {
        switch value {
        case let text as String: text
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    /// Foundation's message and the offset it names ("around character 13"), else the end.
    private static func describe(_ error: any Error, length: Int) -> (String, Int) {
        let message = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
        let trimmed = message.hasSuffix(".") ? String(message.dropLast()) : message
        if let range = trimmed.range(of: "around character "), let offset = Int(trimmed[range.upperBound...]) {
            return (String(trimmed[..<range.lowerBound]).trimmingWhitespace(), offset)
        }
        return (trimmed, length)
    }

    private static func error(_ kind: FeedError.Kind, at offset: Int, in bytes: [UInt8]) -> FeedError {
        let (line, column) = TextPosition.of(offset: offset, in: bytes)
        return FeedError(kind, line: line, column: column)
    }
}
