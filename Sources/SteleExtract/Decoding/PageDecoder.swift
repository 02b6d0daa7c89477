import Glibc
import SteleText

/// Turns a page's bytes into clean UTF-8 for libxml2: size checked, binary refused, encoding found
/// and converted, invalid bytes and NULs replaced, HTML5-only entities made numeric.
///
/// libxml2 is then told "UTF-8" and to ignore `<meta>` declarations, so it never switches encoding
/// half-way (it does so on the first invalid byte when left to itself).
enum PageDecoder {
    /// The page as UTF-8, and how it was read.
    struct Decoded {
        var utf8: [UInt8]
        var charset: Charset
        var source: CharsetSource
        var warnings: [ExtractionWarning]
    }

    /// Signatures of formats that are served under HTML addresses by mistake.
    private static let binarySignatures: [(bytes: [UInt8], name: String)] = [
        (Array("%PDF-".utf8), "a PDF document"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        (Array("GIF8".utf8), "a GIF image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive or office document"),
        ([0x1F, 0x8B], "gzip data (the server's Content-Encoding was not undone)"),
        (Array("RIFF".utf8), "a RIFF (WebP, WAV, AVI) file"),
    ]

    static func decode(_ page: HTMLPage, maxInputBytes: Int) throws(ExtractionError) -> Decoded {
        let bytes = page.bytes
        guard bytes.count <= maxInputBytes else {
            throw ExtractionError(page: page.name, kind: .tooLarge(bytes: bytes.count, limit: maxInputBytes))
        }
        if let signature = binarySignatures.first(where: { bytes.starts(with: $0.bytes) }) {
            throw ExtractionError(page: page.name, kind: .notHTML(reason: "it starts like \(signature.name)"))
        }
        let decision = CharsetSniffer.decide(bytes[...], httpCharset: page.httpCharset)
        if !decision.charset.isWide, bytes.prefix(1024).contains(0) {
            throw ExtractionError(page: page.name, kind: .notHTML(reason: "NUL bytes near the start: binary data"))
        }
        var warnings: [ExtractionWarning] = []
        if let unknown = decision.unknownLabel {
            warnings.append(.unknownCharset(label: unknown.label, declaredBy: unknown.source, usedInstead: decision.charset.name))
        }
        let body = bytes[decision.byteOrderMarkLength...]
        var charset = decision.charset
        let converted: Transcoder.Output
        if charset.isUTF8, decision.byteOrderMarkLength == 0, Transcoder.isValidUTF8(body) {
            converted = Transcoder.Output(bytes: bytes, replacements: 0)  // the common case: shared, not copied
        } else if let output = Transcoder.convert(body, from: charset) {
            converted = output
        } else {
            warnings.append(.unknownCharset(label: charset.name, declaredBy: decision.source, usedInstead: Charset.utf8.name))
            charset = .utf8
            converted = Transcoder.repairUTF8(body)
        }
        if converted.replacements > 0 {
            warnings.append(.invalidBytes(count: converted.replacements, charset: charset.name))
        }
        var utf8 = converted.bytes
        replaceControlBytes(in: &utf8)
        if let rewritten = EntityRewriter.rewrite(utf8) { utf8 = rewritten }
        return Decoded(utf8: utf8, charset: charset, source: decision.source, warnings: warnings)
    }

    /// NUL ends a C string and libxml2 treats it as an error: browsers show U+FFFD, so do we. A form
    /// feed is whitespace to HTML but an invalid character to libxml2, which would drop it and glue
    /// the words around it: it becomes a space.
    private static func replaceControlBytes(in bytes: inout [UInt8]) {
        let found: Int? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var offsets: [Int] = []
            for target in [Int32(0), Int32(0x0C)] {
                if let hit = memchr(base, target, buffer.count) { offsets.append(UnsafeRawPointer(hit) - UnsafeRawPointer(base)) }
            }
            return offsets.min()
        }
        guard let first = found else { return }
        var output = Array(bytes[..<first])
        output.reserveCapacity(bytes.count + 16)
        for byte in bytes[first...] {
            switch byte {
            case 0: output += [0xEF, 0xBF, 0xBD]
            case 0x0C: output.append(0x20)
            default: output.append(byte)
            }
        }
        bytes = output
    }
}
