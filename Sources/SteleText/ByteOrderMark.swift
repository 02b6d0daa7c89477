/// The byte order marks that announce a Unicode encoding at the start of a document. A mark
/// outranks every declaration: it cannot be there by accident.
public enum ByteOrderMark {
    /// The encoding the mark at the start of `bytes` announces and the mark's length in bytes, or
    /// `nil` when there is none. UTF-32's marks are looked for before UTF-16's, which they begin with.
    public static func detect(_ bytes: ArraySlice<UInt8>) -> (charset: Charset, length: Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return (.utf32BigEndian, 4) }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return (.utf32LittleEndian, 4) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
        return nil
    }
}
