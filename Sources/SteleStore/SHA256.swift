import CCrypto

/// SHA-256 from libcrypto, as lowercase hex: the identity of a version's text.
enum SHA256 {
    /// The hex digest of `bytes`.
    static func hex<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        let done: Int32? = bytes.withContiguousStorageIfAvailable { buffer in
            stele_sha256(buffer.baseAddress, buffer.count, &digest)
        }
        if done == nil {
            let copy = Array(bytes)
            _ = copy.withUnsafeBufferPointer { stele_sha256($0.baseAddress, $0.count, &digest) }
        }
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
