import Foundation
import SteleStore

/// Writes JSON objects into bytes, key by key, for outputs too large for a general encoder:
/// `{"a":1,"b":{"c":"x"}}`. Keys are written in the order given (callers give them sorted, as every
/// other `--json` output has them); `nil` values are left out.
struct JSONObjectWriter {
    /// The JSON written so far.
    private(set) var bytes: [UInt8] = []
    /// Per open object: whether a member was written (the next one needs a comma).
    private var hasMembers: [Bool] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends text as it is (array brackets, separators, new lines).
    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Opens an object: at the top level, or as the value of the last `key`.
    mutating func open() {
        bytes.append(0x7B)
        hasMembers.append(false)
    }

    /// Closes the innermost object.
    mutating func close() {
        bytes.append(0x7D)
        hasMembers.removeLast()
    }

    /// Writes `"name":`; a value must follow (`open()` or a scalar written by the other methods).
    mutating func key(_ name: String) {
        if hasMembers[hasMembers.count - 1] { bytes.append(0x2C) }
        hasMembers[hasMembers.count - 1] = true
        Self.appendString(name, to: &bytes)
        bytes.append(0x3A)
    }

    mutating func string(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        Self.appendString(value, to: &bytes)
    }

    mutating func number(_ name: String, _ value: Int?) {
        guard let value else { return }
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A date as the store writes it: `"2025-12-04T12:00:00.000Z"`.
    mutating func date(_ name: String, _ value: Date?) {
        guard let value else { return }
        key(name)
        bytes.append(0x22)
        StoreDate.append(value, to: &bytes)
        bytes.append(0x22)
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8.
    static func appendString(_ text: String, to output: inout [UInt8]) {
        output.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            // Runs that need no escape are copied whole: byte-by-byte appends cost most of a long listing.
            var runStart = 0
            for index in 0..<bytes.count where bytes[index] < 0x20 || bytes[index] == 0x22 || bytes[index] == 0x5C {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                switch bytes[index] {
                case 0x22: output.append(contentsOf: [0x5C, 0x22])
                case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: output.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: output.append(contentsOf: [0x5C, 0x72])
                case 0x09: output.append(contentsOf: [0x5C, 0x74])
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    output.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(bytes[index] >> 4)], hex[Int(bytes[index] & 0x0F)]])
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(0x22)
    }
}
