import Foundation
import SteleText

/// Finds a page's encoding the way browsers do: a byte order mark, then the HTTP charset, then a
/// `<meta>` declaration near the start, then UTF-8.
enum CharsetSniffer {
    /// What was decided, and the label that could not be used on the way, if any.
    struct Decision {
        var charset: Charset
        var source: CharsetSource
        /// The length of the byte order mark to skip.
        var byteOrderMarkLength: Int
        /// A declared label nobody knows, with where it was declared.
        var unknownLabel: (label: String, source: CharsetSource)?
    }

    /// How far into the page a `<meta>` declaration is looked for. The standard says 1,024 bytes;
    /// real pages put long scripts and comments first, so Stele looks further but stops at `<body`.
    static let prescanLimit = 8192

    static func decide(_ bytes: ArraySlice<UInt8>, httpCharset: String?) -> Decision {
        let start = bytes.startIndex
        if let (charset, length) = ByteOrderMark.detect(bytes) {
            return Decision(charset: charset, source: .byteOrderMark, byteOrderMarkLength: length)
        }
        var unknown: (String, CharsetSource)?
        if let label = httpCharset, !label.isEmpty {
            if let charset = Charset(label: label) { return Decision(charset: charset, source: .http, byteOrderMarkLength: 0) }
            unknown = (label, .http)
        }
        if let label = metaCharsetLabel(bytes[start..<min(bytes.endIndex, start + prescanLimit)]) {
            if let charset = Charset(label: label) {
                // A page that can declare UTF-16 or UTF-32 in ASCII is neither.
                return Decision(charset: charset.isWide ? .utf8 : charset, source: .meta, byteOrderMarkLength: 0, unknownLabel: unknown)
            }
            if unknown == nil { unknown = (label, .meta) }
        }
        return Decision(charset: .utf8, source: .default, byteOrderMarkLength: 0, unknownLabel: unknown)
    }

    /// The label in the first `<meta charset>` or `<meta http-equiv="content-type">`, skipping
    /// comments and the attributes of other tags so that a quoted `<meta` does not count.
    static func metaCharsetLabel(_ bytes: ArraySlice<UInt8>) -> String? {
        var scanner = TagScanner(bytes: bytes)
        while let tag = scanner.nextTag() {
            if tag.name == "body" { return nil }
            guard tag.name == "meta" else { continue }
            if let charset = tag.attributes["charset"], !charset.isEmpty { return charset }
            if tag.attributes["http-equiv"]?.lowercased() == "content-type", let content = tag.attributes["content"],
               let label = charsetParameter(in: content) {
                return label
            }
        }
        return nil
    }

    /// `windows-1251` from `text/html; charset="windows-1251"`.
    static func charsetParameter(in content: String) -> String? {
        var rest = Substring(content.lowercased())
        while let range = rest.range(of: "charset") {
            var value = rest[range.upperBound...].drop(while: { $0 == " " || $0 == "\t" })
            rest = rest[range.upperBound...]
            guard value.first == "=" else { continue }
            value = value.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
            if let quote = value.first, quote == "\"" || quote == "'" {
                let quoted = value.dropFirst().prefix(while: { $0 != quote })
                return quoted.isEmpty ? nil : String(quoted)
            }
            let bare = value.prefix(while: { $0 != ";" && $0 != " " && $0 != "\t" && $0 != "\"" && $0 != "'" })
            return bare.isEmpty ? nil : String(bare)
        }
        return nil
    }
}

/// A small tokenizer for the start of an HTML document: enough to find tags and their attributes
/// before the encoding is known (everything it looks at is ASCII).
struct TagScanner {
    struct Tag {
        var name: String
        var attributes: [String: String]
    }

    let bytes: ArraySlice<UInt8>
    var index: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        index = bytes.startIndex
    }

    mutating func nextTag() -> Tag? {
        while index < bytes.endIndex {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            if bytes[index...].starts(with: Array("<!--".utf8)) {
                index = find(Array("-->".utf8), from: index + 4).map { $0 + 3 } ?? bytes.endIndex
                continue
            }
            let next = index + 1 < bytes.endIndex ? bytes[index + 1] : 0
            if next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                index = find([UInt8(ascii: ">")], from: index + 1).map { $0 + 1 } ?? bytes.endIndex
                continue
            }
            guard Self.isLetter(next) else { index += 1; continue }
            index += 1
            let name = readWhile { !Self.isSpace($0) && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "/") }.lowercased()
            var attributes: [String: String] = [:]
            while let (key, value) = nextAttribute() {
                if attributes[key] == nil { attributes[key] = value }
            }
            return Tag(name: name, attributes: attributes)
        }
        return nil
    }

    /// The next attribute of the current tag, or `nil` at its end (the `>` is consumed).
    private mutating func nextAttribute() -> (String, String)? {
        skip { Self.isSpace($0) || $0 == UInt8(ascii: "/") }
        guard index < bytes.endIndex else { return nil }
        if bytes[index] == UInt8(ascii: ">") { index += 1; return nil }
        let name = readWhile { !Self.isSpace($0) && $0 != UInt8(ascii: "=") && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "/") }.lowercased()
        skip(Self.isSpace)
        guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "=") else { return (name, "") }
        index += 1
        skip(Self.isSpace)
        guard index < bytes.endIndex else { return (name, "") }
        let quote = bytes[index]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            index += 1
            let value = readWhile { $0 != quote }
            index = min(index + 1, bytes.endIndex)
            return (name, value)
        }
        return (name, readWhile { !Self.isSpace($0) && $0 != UInt8(ascii: ">") })
    }

    private mutating func readWhile(_ predicate: (UInt8) -> Bool) -> String {
        let start = index
        skip(predicate)
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func skip(_ predicate: (UInt8) -> Bool) {
        while index < bytes.endIndex, predicate(bytes[index]) { index += 1 }
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        var position = start
        while position + needle.count <= bytes.endIndex {
            if bytes[position] == needle[0], bytes[position..<(position + needle.count)].elementsEqual(needle) { return position }
            position += 1
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
}
