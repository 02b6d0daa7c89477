import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One accepted TCP connection: reads HTTP/1.1 requests and writes responses, misbehaving when the
/// response asks for it. Used by one thread only.
final class FixtureConnection {
    let descriptor: Int32
    private var buffer: [UInt8] = []
    private static let maxHeaderBytes = 64 * 1024
    /// Set when the client sent more header bytes than the server reads.
    private(set) var requestTooLarge = false

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    func close() {
        Glibc.close(descriptor)
    }

    // MARK: Reading

    /// The next request, or `nil` when the client closed the connection or sent garbage.
    func readRequest() -> FixtureRequest? {
        var searchFrom = 0
        while true {
            // Not HTTP at all (a TLS handshake, say): hang up like a real server would.
            if let first = buffer.first, !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) { return nil }
            let end = headerEnd(from: searchFrom)
            if (end ?? buffer.count) > Self.maxHeaderBytes {
                requestTooLarge = true
                return nil
            }
            if let end {
                let head = String(decoding: buffer[..<end], as: UTF8.self)
                buffer.removeFirst(end + 4)
                guard let request = parse(head) else { return nil }
                let bodyLength = request.header("content-length").flatMap { Int($0) } ?? 0
                guard bodyLength >= 0, discard(bodyLength) else { return nil }
                return request
            }
            searchFrom = max(0, buffer.count - 3)
            guard fill() else { return nil }
        }
    }

    private func headerEnd(from start: Int) -> Int? {
        guard buffer.count >= 4 else { return nil }
        var index = start
        while index + 3 < buffer.count {
            if buffer[index] == 13, buffer[index + 1] == 10, buffer[index + 2] == 13, buffer[index + 3] == 10 { return index }
            index += 1
        }
        return nil
    }

    private func parse(_ head: String) -> FixtureRequest? {
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1.") else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            headers.append((line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return FixtureRequest(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers)
    }

    private func discard(_ count: Int) -> Bool {
        while buffer.count < count {
            guard fill() else { return false }
        }
        buffer.removeFirst(count)
        return true
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let received = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard received > 0 else { return false }
        buffer.append(contentsOf: chunk[..<received])
        return true
    }

    // MARK: Writing

    /// Sends `response`; returns whether the connection stays open for another request.
    func write(_ response: FixtureResponse, to request: FixtureRequest) -> Bool {
        let sendsBody = request.method != "HEAD" && response.status != 304 && response.status != 204
        let keepAlive = !response.closesConnection && request.header("connection")?.lowercased() != "close"
        var head = "HTTP/1.1 \(response.status) \(ReasonPhrase.of(response.status))\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        let hasLength = response.header("content-length") != nil
        var closesAfter = !keepAlive

        switch response.body {
        case .bytes(let bytes):
            if !hasLength, response.status != 304 { head += "Content-Length: \(bytes.count)\r\n" }
            head += keepAlive ? "\r\n" : "Connection: close\r\n\r\n"
            return send(Array(head.utf8) + (sendsBody ? bytes : [])) && keepAlive
        case .repeated(let byte, let count):
            head += "Content-Length: \(count)\r\n" + (keepAlive ? "\r\n" : "Connection: close\r\n\r\n")
            guard send(Array(head.utf8)), sendsBody else { return false }
            let block = [UInt8](repeating: byte, count: 64 * 1024)
            var left = count
            while left > 0 {
                guard send(Array(block.prefix(left))) else { return false }
                left -= min(left, block.count)
            }
            return keepAlive
        case .drip(let bytes, let interval):
            head += "Content-Length: \(bytes.count)\r\n" + (keepAlive ? "\r\n" : "Connection: close\r\n\r\n")
            guard send(Array(head.utf8)) else { return false }
            for byte in bytes {
                Thread.sleep(forTimeInterval: interval.seconds)
                guard send([byte]) else { return false }
            }
            return keepAlive
        case .endless(let pattern):
            head += "Transfer-Encoding: chunked\r\n\r\n"
            guard send(Array(head.utf8)), !pattern.isEmpty else { return false }
            var chunk = Array(String(pattern.count, radix: 16).utf8) + [13, 10] + pattern + [13, 10]
            while chunk.count < 64 * 1024 {
                chunk += Array(String(pattern.count, radix: 16).utf8) + [13, 10] + pattern + [13, 10]
            }
            while send(chunk) {}
            return false
        case .truncated(let bytes, let declaredLength):
            head += "Content-Length: \(declaredLength)\r\nConnection: close\r\n\r\n"
            _ = send(Array(head.utf8) + bytes)
            shutdown(descriptor, Int32(SHUT_WR))
            return false
        case .reset(let bytes, let declaredLength):
            head += "Content-Length: \(declaredLength)\r\n\r\n"
            _ = send(Array(head.utf8) + bytes)
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
            return false
        case .hangUp:
            return false
        case .overlong(let bytes, let declaredLength):
            head += "Content-Length: \(declaredLength)\r\n\r\n"
            closesAfter = true
            _ = send(Array(head.utf8) + bytes)
        }
        return !closesAfter
    }

    private func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }
}
