import Foundation

/// The JSON dialect of the store: sorted keys and indentation so that files diff well, dates as
/// ISO 8601 with milliseconds in UTC, no escaped slashes in URLs.
enum StoreJSON {
    static func encode<Value: Encodable>(_ value: Value, pretty: Bool = true) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(StoreDate.format(date))
        }
        // Encoding plain Codable records of strings, numbers and dates cannot fail.
        var bytes = Array((try? encoder.encode(value)) ?? Data())
        if pretty { bytes.append(0x0A) }
        return bytes
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8], path: String) throws(StoreError) -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601WithMilliseconds
        do {
            return try decoder.decode(type, from: Data(bytes))
        } catch {
            throw .corrupt(path: path, reason: Self.explain(error))
        }
    }

    private static func explain(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .dataCorrupted(let context): "invalid JSON at \(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context): "missing \"\(key.stringValue)\" at \(path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): "wrong type at \(path(context.codingPath + [])): \(context.debugDescription)"
        default: "invalid JSON: \(error)"
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.isEmpty ? "the top level" : codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
