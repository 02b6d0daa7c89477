import Glibc

/// One iconv conversion to UTF-8 that replaces what it cannot convert instead of failing.
struct IconvConverter: ~Copyable {
    private let descriptor: iconv_t

    /// A converter from the iconv encoding `name`, or `nil` when iconv does not know it.
    init?(from name: String) {
        guard let descriptor = iconv_open("UTF-8", name), Int(bitPattern: descriptor) != -1 else { return nil }
        self.descriptor = descriptor
    }

    deinit {
        iconv_close(descriptor)
    }

    /// `input` as UTF-8, and how many invalid or truncated sequences became U+FFFD (skipping one
    /// code unit of `unitSize` bytes each time).
    func convert(_ input: ArraySlice<UInt8>, unitSize: Int) -> (output: [UInt8], replaced: Int) {
        var output = [UInt8](repeating: 0, count: max(64, input.count * 2))
        var written = 0
        var replaced = 0
        input.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            var inPointer = UnsafeMutablePointer(mutating: base).withMemoryRebound(to: CChar.self, capacity: source.count) { $0 }
            var inLeft = source.count
            while inLeft > 0 {
                if output.count - written < 16 { output += [UInt8](repeating: 0, count: output.count) }
                let outCapacity = output.count - written
                var outLeft = outCapacity
                let result = output.withUnsafeMutableBufferPointer { buffer -> Int in
                    var outPointer: UnsafeMutablePointer<CChar>? = (buffer.baseAddress! + written).withMemoryRebound(to: CChar.self, capacity: outCapacity) { $0 }
                    var inOptional: UnsafeMutablePointer<CChar>? = inPointer
                    let result = iconv(descriptor, &inOptional, &inLeft, &outPointer, &outLeft)
                    inPointer = inOptional!
                    return result
                }
                written += outCapacity - outLeft
                guard result == -1 else { break }
                switch errno {
                case E2BIG:
                    continue
                case EILSEQ, EINVAL:
                    // Invalid (EILSEQ) or cut off at the end (EINVAL): one replacement, skip a code unit.
                    if output.count - written < 3 { output += [UInt8](repeating: 0, count: output.count) }
                    output[written] = 0xEF
                    output[written + 1] = 0xBF
                    output[written + 2] = 0xBD
                    written += 3
                    replaced += 1
                    let skip = min(unitSize, inLeft)
                    inPointer += skip
                    inLeft -= skip
                    iconv(descriptor, nil, nil, nil, nil)
                default:
                    inLeft = 0
                }
            }
        }
        output.removeSubrange(written...)
        return (output, replaced)
    }
}
