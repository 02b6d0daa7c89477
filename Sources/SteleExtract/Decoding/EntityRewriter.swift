import Glibc

/// Rewrites the named character references that libxml2's HTML 4 parser does not know (HTML5's
/// `&NoBreak;`, `&ThinSpace;`, `&hyphen;`, and legacy forms without `;` such as `&nbsp `) into
/// numeric references it does decode, before parsing. Done on the bytes so that `&amp;NoBreak;`,
/// which is the literal text "&NoBreak;", is never decoded twice.
enum EntityRewriter {
    /// Name (with `;` for the standard forms) to code points.
    private static let table: [String: [UInt32]] = {
        var table: [String: [UInt32]] = [:]
        for line in html5EntityTable.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard let name = fields.first else { continue }
            table[String(name)] = fields.dropFirst().compactMap { UInt32($0, radix: 16) }
        }
        return table
    }()

    private static let longestName = 32

    /// The bytes with every reference libxml2 would leave undecoded rewritten; `nil` when there is
    /// none (the common case costs one scan for `&`).
    static func rewrite(_ bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { input -> [UInt8]? in
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            while index < input.count {
                guard let ampersand = memchr(input.baseAddress! + index, Int32(UInt8(ascii: "&")), input.count - index) else { break }
                index = UnsafeRawPointer(ampersand) - UnsafeRawPointer(input.baseAddress!)
                var end = index + 1
                while end < input.count, end - index <= longestName, isAlphanumeric(input[end]) { end += 1 }
                guard end > index + 1 else { index += 1; continue }
                let name = String(decoding: UnsafeBufferPointer(rebasing: input[(index + 1)..<end]), as: UTF8.self)
                let terminated = end < input.count && input[end] == UInt8(ascii: ";")
                let codePoints: [UInt32]?
                if terminated {
                    codePoints = table[name + ";"]
                } else if end < input.count, input[end] == UInt8(ascii: "=") {
                    codePoints = nil  // `?a=1&copy=2` in an address is a parameter, not a reference
                } else {
                    codePoints = table[name]
                }
                guard let codePoints, !codePoints.isEmpty else { index = end; continue }
                if output.isEmpty { output.reserveCapacity(input.count + 64) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied..<index]))
                for codePoint in codePoints { output.append(contentsOf: Array("&#x\(String(codePoint, radix: 16));".utf8)) }
                index = terminated ? end + 1 : end
                copied = index
            }
            guard copied > 0 else { return nil }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied...]))
            return output
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
