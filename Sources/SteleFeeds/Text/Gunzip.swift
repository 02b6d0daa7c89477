internal import CZlib

/// gzip (and zlib) decompression with a bound on the inflated size, for `.xml.gz` sitemaps and
/// servers that send compressed bodies without saying so.
enum Gunzip {
    /// True when `bytes` start with the gzip magic number.
    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// `bytes` inflated. A stream that ends early gives what it held and a warning; a stream that
    /// inflates past `limit` bytes throws ``FeedError/Kind/tooLarge(limit:)`` as soon as it does.
    static func inflate(_ bytes: [UInt8], limit: Int, warnings: inout WarningLog) throws(FeedError) -> [UInt8] {
        var stream = z_stream()
        // 15 + 32: a gzip or zlib header, detected.
        guard stele_inflate_init2(&stream, 47) == Z_OK else { throw FeedError(.badGzip(reason: "zlib could not start")) }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        var input = bytes
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            repeat {
                let produced = chunk.withUnsafeMutableBufferPointer { target -> Int in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return target.count - Int(stream.avail_out)
                }
                output.append(contentsOf: chunk[..<produced])
            } while status == Z_OK && output.count <= limit && (stream.avail_in > 0 || stream.avail_out == 0)
        }
        if output.count > limit { throw FeedError(.tooLarge(limit: limit)) }
        switch status {
        case Z_STREAM_END:
            return output
        case Z_OK, Z_BUF_ERROR:
            warnings.add("the gzip data ends early (after \(output.count) inflated bytes); what it held was read")
            return output
        default:
            let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            guard !output.isEmpty else { throw FeedError(.badGzip(reason: reason)) }
            warnings.add("the gzip data is damaged (\(reason)) after \(output.count) inflated bytes; what came before was read")
            return output
        }
    }
}
