import Glibc
import SteleText

/// Rewrites named character references into numeric ones before parsing, so that every name is
/// read by HTML's table in SteleText (the one feeds use) rather than libxml2's HTML 4 table, which
/// lacks HTML5's `&NoBreak;`, `&ThinSpace;`, `&hyphen;` and the legacy forms without `;` such as
/// `&nbsp `, and reads `&lang;` and `&rang;` as HTML 4's angle brackets. Done on the bytes so that
/// `&amp;NoBreak;`, which is the literal text "&NoBreak;", is never decoded twice.
enum EntityRewriter {
    /// The bytes with every named reference made numeric; `nil` when there is none (the common
    /// case costs one scan for `&`).
    static func rewrite(_ bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { input -> [UInt8]? in
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            while index < input.count {
                guard let ampersand = memchr(input.baseAddress! + index, Int32(UInt8(ascii: "&")), input.count - index) else { break }
                index = UnsafeRawPointer(ampersand) - UnsafeRawPointer(input.baseAddress!)
                // Numeric references are left to libxml2, which reads them as HTML does.
                guard let reference = HTMLCharacterReference.match(in: input, at: index, acceptingLegacyForms: true), !reference.isNumeric else {
                    index += 1
                    continue
                }
                if output.isEmpty { output.reserveCapacity(input.count + 64) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied..<index]))
                for scalar in reference.scalars { output.append(contentsOf: Array("&#x\(String(scalar.value, radix: 16));".utf8)) }
                index = reference.end
                copied = index
            }
            guard copied > 0 else { return nil }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied...]))
            return output
        }
    }
}
