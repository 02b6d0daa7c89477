import SteleText
import Testing

@Suite("Transcoding to UTF-8")
struct TranscoderTests {
    func convert(_ bytes: [UInt8], from label: String) throws -> Transcoder.Output {
        let charset = try #require(Charset(label: label))
        return try #require(Transcoder.convert(bytes[...], from: charset))
    }

    @Test("single-byte Cyrillic and Latin text converts", arguments: [
        ("windows-1251", [0xCF, 0xF0, 0xE8, 0xE2, 0xB3, 0xF2] as [UInt8], "Привіт"),
        ("koi8-u", [0xF0, 0xD2, 0xC9, 0xD7, 0xA6, 0xD4], "Привіт"),
        ("windows-1252", [0x93, 0x4F, 0x6B, 0x94, 0x20, 0x96, 0x20, 0x80], "“Ok” – €"),
    ])
    func singleByte(label: String, bytes: [UInt8], text: String) throws {
        #expect(try convert(bytes, from: label) == Transcoder.Output(bytes: Array(text.utf8), replacements: 0))
    }

    @Test("a byte with no character in the encoding becomes U+FFFD and the rest survives")
    func invalidSingleByte() throws {
        #expect(try convert([0x41, 0x81, 0x42], from: "windows-1252") == Transcoder.Output(bytes: Array("A\u{FFFD}B".utf8), replacements: 1))
    }

    @Test("a lone surrogate in UTF-16 is replaced and conversion stays in step", arguments: ["utf-16le", "utf-16be"])
    func loneSurrogate(label: String) throws {
        let units: [UInt16] = [0x0041, 0xD800, 0x0042, 0x0416]
        let bytes = units.flatMap { label == "utf-16le" ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try convert(bytes, from: label) == Transcoder.Output(bytes: Array("A\u{FFFD}BЖ".utf8), replacements: 1))
    }

    @Test("a sequence cut off at the end becomes one U+FFFD", arguments: [
        ("utf-16le", [0x41, 0x00, 0x42] as [UInt8]), ("utf-32be", [0x00, 0x00, 0x00, 0x41, 0x00, 0x00]), ("shift_jis", [0x41, 0x82]),
    ])
    func truncated(label: String, bytes: [UInt8]) throws {
        #expect(try convert(bytes, from: label) == Transcoder.Output(bytes: Array("A\u{FFFD}".utf8), replacements: 1))
    }

    @Test("a character iconv holds back to combine with the next one is not lost at the end")
    func heldBackCharacter() throws {
        // windows-1258 waits after a base letter for a tone mark (0xEC is U+0301) that may follow.
        #expect(try convert([0x48, 0x61], from: "windows-1258").bytes == Array("Ha".utf8))
        #expect(try convert([0x48, 0x61, 0xEC], from: "windows-1258").bytes == Array("H\u{E1}".utf8))
    }

    @Test("output larger than the first guess grows instead of being cut")
    func growth() throws {
        // Four UTF-8 bytes from every two bytes of UTF-16: past twice the input.
        let bytes = Array(repeating: [0x3D, 0xD8, 0x00, 0xDE] as [UInt8], count: 5000).flatMap { $0 }
        #expect(try convert(bytes, from: "utf-16le") == Transcoder.Output(bytes: Array(String(repeating: "😀", count: 5000).utf8), replacements: 0))
    }

    @Test("malformed UTF-8 is caught: overlong forms, surrogates, values past U+10FFFF, truncations", arguments: [
        [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
        [0xE2, 0x82], [0x80], [0xBF, 0x41],
    ] as [[UInt8]])
    func malformedUTF8(sequence: [UInt8]) throws {
        let bytes = Array("ok ".utf8) + sequence + Array(" end".utf8)
        #expect(!Transcoder.isValidUTF8(bytes[...]))
        let repaired = try convert(bytes, from: "utf-8")
        #expect(repaired.replacements > 0)
        #expect(Transcoder.isValidUTF8(repaired.bytes[...]))
        let text = String(decoding: repaired.bytes, as: UTF8.self)
        #expect(text.hasPrefix("ok \u{FFFD}"))
        #expect(text.hasSuffix(" end"))
    }

    @Test("well-formed UTF-8 of every length passes untouched, and a U+FFFD already there is not counted")
    func wellFormedUTF8() throws {
        let bytes = Array("a é ї € 𝄞 😀 \u{10FFFD} \u{FFFD}".utf8)
        #expect(Transcoder.isValidUTF8(bytes[...]))
        #expect(try convert(bytes, from: "utf-8") == Transcoder.Output(bytes: bytes, replacements: 0))
    }

    @Test("the length of the UTF-8 sequence at an index, 0 where none is well formed", arguments: [
        ([0x41] as [UInt8], 1), ([0xC3, 0xA9], 2), ([0xE2, 0x80, 0x94], 3), ([0xEF, 0xBF, 0xBF], 3), ([0xF0, 0x9F, 0x98, 0x80], 4),
        ([0xC1, 0xBF], 0), ([0xE0, 0x9F, 0xBF], 0), ([0xED, 0xA0, 0x80], 0), ([0xF4, 0x90, 0x80, 0x80], 0), ([0xF0, 0x9F, 0x98], 0),
        ([0xC3, 0x41], 0), ([0x80], 0), ([0xFF], 0),
    ])
    func sequenceLength(bytes: [UInt8], length: Int) {
        #expect(bytes.withUnsafeBufferPointer { Transcoder.wellFormedSequenceLength($0, at: 0) } == length)
    }

    @Test("byte order marks, UTF-32's before UTF-16's", arguments: [
        ([0xEF, 0xBB, 0xBF, 0x3C] as [UInt8], "utf-8", 3), ([0xFE, 0xFF, 0x00, 0x3C], "utf-16be", 2), ([0xFF, 0xFE, 0x3C, 0x00], "utf-16le", 2),
        ([0x00, 0x00, 0xFE, 0xFF], "utf-32be", 4), ([0xFF, 0xFE, 0x00, 0x00], "utf-32le", 4),
    ])
    func byteOrderMarks(bytes: [UInt8], name: String, length: Int) throws {
        let mark = try #require(ByteOrderMark.detect(bytes[...]))
        #expect(mark.charset.name == name)
        #expect(mark.length == length)
    }

    @Test("no byte order mark where there is none", arguments: [[], [0xEF, 0xBB], [0x3C, 0x3F], [0x00, 0x3C, 0x00, 0x3F]] as [[UInt8]])
    func noByteOrderMark(bytes: [UInt8]) {
        #expect(ByteOrderMark.detect(bytes[...]) == nil)
    }
}
