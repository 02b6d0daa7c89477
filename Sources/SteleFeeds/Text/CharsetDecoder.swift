import Foundation
import SteleText

/// Turns the bytes of a document into UTF-8, choosing the encoding in RFC 7303's order: a byte order
/// mark, then the HTTP `charset`, then the XML declaration, then UTF-8. Bytes that are invalid in
/// the chosen encoding become U+FFFD; nothing here fails.
struct CharsetDecoder {
    /// Where the encoding was learnt.
    enum Source: String {
        case byteOrderMark = "byte order mark"
        case http = "HTTP charset"
        case declaration = "XML declaration"
        case sniffed = "UTF-16 without a byte order mark"
        case assumed = "default"
    }

    /// The chosen encoding, the label that named it (for messages), where it came from, and the
    /// length of a byte order mark to skip.
    struct Choice {
        var charset: Charset
        var label: String
        var source: Source
        var skip: Int
    }

    /// Picks the encoding of `bytes`, noting labels it had to ignore in `warnings`.
    static func choose(for bytes: [UInt8], httpCharset: String?, warnings: inout WarningLog) -> Choice {
        if let bom = byteOrderMark(bytes) { return bom }
        if let label = httpCharset?.trimmingCharacters(in: .whitespaces), !label.isEmpty {
            if let charset = Charset(label: label) {
                return Choice(charset: byteOrder(of: bytes, labelled: charset), label: label.lowercased(), source: .http, skip: 0)
            }
            warnings.add("the HTTP charset \"\(label)\" is not an encoding this machine knows; it was ignored")
        }
        if bytes.starts(with: [0x3C, 0x00, 0x3F, 0x00]) { return Choice(charset: .utf16LittleEndian, label: "utf-16le", source: .sniffed, skip: 0) }
        if bytes.starts(with: [0x00, 0x3C, 0x00, 0x3F]) { return Choice(charset: .utf16BigEndian, label: "utf-16be", source: .sniffed, skip: 0) }
        if let label = declaredEncoding(bytes) {
            if let charset = Charset(label: label) {
                if charset.isWide {
                    // An ASCII-compatible declaration cannot truthfully announce UTF-16 or UTF-32 (XML 1.0 §4.3.3).
                    warnings.add("the XML declaration says \"\(label)\" but the bytes are not \(label); read as UTF-8")
                } else {
                    return Choice(charset: charset, label: label.lowercased(), source: .declaration, skip: 0)
                }
            } else {
                warnings.add("the XML declaration names the encoding \"\(label)\", which this machine does not know; read as UTF-8")
            }
        }
        return Choice(charset: .utf8, label: "utf-8", source: .assumed, skip: 0)
    }

    private static func byteOrderMark(_ bytes: [UInt8]) -> Choice? {
        guard let (charset, length) = ByteOrderMark.detect(bytes[...]) else { return nil }
        return Choice(charset: charset, label: charset.name, source: .byteOrderMark, skip: length)
    }

    /// A plain `utf-16` label does not say which byte order follows when there is no byte order
    /// mark (RFC 2781 guesses big-endian, browsers little-endian): an XML document starts with an
    /// ASCII character, whose zero byte tells.
    private static func byteOrder(of bytes: [UInt8], labelled charset: Charset) -> Charset {
        guard charset.codeUnitSize == 2, bytes.count >= 2 else { return charset }
        if bytes[0] == 0, bytes[1] != 0 { return .utf16BigEndian }
        if bytes[0] != 0, bytes[1] == 0 { return .utf16LittleEndian }
        return charset
    }

    /// The `encoding` pseudo-attribute of an XML declaration at the very start, if any.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        let head = bytes.prefix(256)
        guard let end = head.firstIndex(of: 0x3E) else { return nil }
        let declaration = String(decoding: head[..<end], as: UTF8.self)
        guard let key = declaration.range(of: "encoding") else { return nil }
        var rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return value.isEmpty ? nil : String(value)
    }

    /// `bytes` as UTF-8 under `choice`, with invalid sequences replaced by U+FFFD.
    static func decode(_ bytes: [UInt8], as choice: Choice, warnings: inout WarningLog) -> [UInt8] {
        if choice.charset.isUTF8 {
            return choice.skip == 0 ? bytes : Array(bytes[choice.skip...])
        }
        guard let converted = Transcoder.convert(bytes[choice.skip...], from: choice.charset) else {
            warnings.add("the encoding \(choice.label) could not be opened; read as UTF-8")
            return bytes
        }
        let replaced = converted.replacements
        if replaced > 0 {
            warnings.add("\(replaced) byte sequence\(replaced == 1 ? " was" : "s were") not valid \(choice.label) (from the \(choice.source.rawValue)) and became U+FFFD")
        }
        return converted.bytes
    }
}
