/// One pass over JSON text, before any parser builds objects from it: enforces the depth limit and
/// notes where each element of a top-level array (a JSON Feed's `items`) ends, so that a truncated or
/// damaged feed can still give the items before the fault.
struct JSONScanner {
    /// Where the text nests deeper than the limit, if it does.
    var tooDeepAt: Int?
    /// Offsets just after each complete element of an array inside the root object.
    var elementEnds: [Int] = []

    init(_ bytes: [UInt8], maxDepth: Int) {
        bytes.withUnsafeBufferPointer { source in
            var depth = 0
            var rootIsObject = false
            var secondLevelIsArray = false
            var index = 0
            while index < source.count {
                switch source[index] {
                case 0x22:
                    // Skip the string, escapes included.
                    index += 1
                    while index < source.count, source[index] != 0x22 {
                        index += source[index] == 0x5C ? 2 : 1
                    }
                case 0x7B, 0x5B:
                    depth += 1
                    if depth > maxDepth {
                        tooDeepAt = index
                        return
                    }
                    if depth == 1 { rootIsObject = source[index] == 0x7B }
                    if depth == 2 { secondLevelIsArray = source[index] == 0x5B }
                case 0x7D, 0x5D:
                    depth -= 1
                    if depth == 2, rootIsObject, secondLevelIsArray { elementEnds.append(index + 1) }
                default:
                    break
                }
                index += 1
            }
        }
    }

    /// The text up to the last element end before `offset`, closed so that it parses: the root
    /// object and its array end right after the last complete element.
    func prefix(of bytes: [UInt8], before offset: Int) -> [UInt8]? {
        guard let end = elementEnds.last(where: { $0 <= offset }) else { return nil }
        return Array(bytes[..<end]) + Array("]}".utf8)
    }
}
