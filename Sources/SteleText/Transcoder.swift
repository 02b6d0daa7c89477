import Glibc

/// Converts bytes in a document's encoding to UTF-8 with glibc's iconv, replacing every sequence
/// that is not valid in that encoding by U+FFFD instead of stopping, as browsers do.
public enum Transcoder {
    /// UTF-8 bytes and the number of invalid input sequences that became U+FFFD.
    public struct Output: Sendable, Equatable {
        /// The text as UTF-8.
        public var bytes: [UInt8]
        /// How many invalid or truncated sequences became U+FFFD.
        public var replacements: Int

        /// An output of `bytes` in which `replacements` sequences were replaced.
        public init(bytes: [UInt8], replacements: Int) {
            self.bytes = bytes
            self.replacements = replacements
        }
    }

    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// `input` converted from `charset` to UTF-8; `nil` when iconv cannot read the charset. After an
    /// invalid or truncated sequence, conversion resumes one code unit further on (two bytes in
    /// UTF-16, four in UTF-32), so that it stays in step.
    public static func convert(_ input: ArraySlice<UInt8>, from charset: Charset) -> Output? {
        if charset.isUTF8 { return repairUTF8(input) }
        let descriptor = iconv_open("UTF-8", charset.iconvName)
        guard descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }

        let unitSize = charset.codeUnitSize
        // Cyrillic and Latin single-byte text grows by at most 2x, CJK by 1.5x: start there, grow if needed.
        var output = [UInt8](repeating: 0, count: max(64, input.count * 2 + 16))
        var written = 0
        var replacements = 0
        func grow() { output.append(contentsOf: repeatElement(0, count: output.count)) }
        input.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            // iconv's prototype takes `char **` but never writes through it.
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base).assumingMemoryBound(to: CChar.self)
            var inLeft = source.count
            while inLeft > 0 {
                if output.count - written < 16 { grow() }
                let status: Int = output.withUnsafeMutableBufferPointer { target in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(target.baseAddress! + written).assumingMemoryBound(to: CChar.self)
                    var outLeft = target.count - written
                    let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    written = target.count - outLeft
                    return result
                }
                guard status == -1 else { continue }
                switch errno {
                case E2BIG:
                    grow()
                case EILSEQ, EINVAL:
                    // Invalid (EILSEQ) or cut off at the end (EINVAL): mark it, skip one code unit, reset the state.
                    if output.count - written < 3 { grow() }
                    output.replaceSubrange(written..<(written + 3), with: replacementCharacter)
                    written += 3
                    replacements += 1
                    let skip = min(unitSize, inLeft)
                    inPointer! += skip
                    inLeft -= skip
                    iconv(descriptor, nil, nil, nil, nil)
                default:
                    inLeft = 0
                    replacements += 1
                }
            }
        }
        // Flush any shift state (ISO-2022-JP).
        if output.count - written < 16 { grow() }
        output.withUnsafeMutableBufferPointer { target in
            var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(target.baseAddress! + written).assumingMemoryBound(to: CChar.self)
            var outLeft = target.count - written
            _ = iconv(descriptor, nil, nil, &outPointer, &outLeft)
            written = target.count - outLeft
        }
        output.removeSubrange(written...)
        return Output(bytes: output, replacements: replacements)
    }

    /// `input` unchanged when it is valid UTF-8, else with each invalid sequence replaced by U+FFFD.
    public static func repairUTF8(_ input: ArraySlice<UInt8>) -> Output {
        if isValidUTF8(input) {
            return Output(bytes: Array(input), replacements: 0)
        }
        let repaired = String(decoding: input, as: UTF8.self)
        let before = input.withUnsafeBufferPointer { countReplacementCharacters(in: $0) }
        let after = repaired.utf8.withContiguousStorageIfAvailable { countReplacementCharacters(in: UnsafeBufferPointer(rebasing: $0[...])) } ?? 0
        return Output(bytes: Array(repaired.utf8), replacements: after - before)
    }

    /// Whether `input` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF),
    /// checked without copying; runs of ASCII are skipped eight bytes at a time.
    public static func isValidUTF8(_ input: ArraySlice<UInt8>) -> Bool {
        input.withUnsafeBufferPointer { bytes in
            let count = bytes.count
            guard let base = bytes.baseAddress else { return true }
            var index = 0
            while index < count {
                if index + 8 <= count, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
                if base[index] < 0x80 { index += 1; continue }
                let length = wellFormedSequenceLength(bytes, at: index)
                guard length > 0 else { return false }
                index += length
            }
            return true
        }
    }

    /// The length of the well-formed UTF-8 sequence at `index` (Unicode's table 3-7: no overlong
    /// forms, surrogates or values past U+10FFFF), or 0 when the bytes there are not one.
    @inlinable
    public static func wellFormedSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        let second = bytes[index + 1]
        guard second >= lower, second <= upper else { return 0 }
        for offset in 2..<max(length, 2) where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        return length
    }

    private static func countReplacementCharacters(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0xEF, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBD {
                count += 1
                index += 3
            } else {
                index += 1
            }
        }
        return count
    }
}
