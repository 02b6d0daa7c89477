import Foundation

/// Routes under `/misbehave/` that fail in every way a real server can, for tests of the client
/// and of the sync engine. ``respond(to:)`` answers `nil` for any other path.
///
/// | target | response |
/// |---|---|
/// | `/misbehave/status/CODE?retry-after=V` | status CODE, `Retry-After: V` when given |
/// | `/misbehave/delay/MS` | 200 after MS milliseconds |
/// | `/misbehave/drip?bytes=N&interval-ms=M` | N bytes, one every M ms |
/// | `/misbehave/endless` | a chunked body that never ends |
/// | `/misbehave/huge?bytes=N` | N bytes with a correct `Content-Length` |
/// | `/misbehave/gzip-bomb?bytes=N` | a small gzip body that inflates to N bytes |
/// | `/misbehave/bad-gzip` | `Content-Encoding: gzip` over bytes that are not gzip |
/// | `/misbehave/redirect?status=S&to=URL` | one redirect with status S |
/// | `/misbehave/redirect-loop/N` | a redirect to `/misbehave/redirect-loop/N+1`, forever |
/// | `/misbehave/redirect-file` | a redirect to `file:///etc/passwd` |
/// | `/misbehave/truncated` | `Content-Length: 1000`, 10 bytes, then the connection closes |
/// | `/misbehave/reset` | `Content-Length: 1000`, 10 bytes, then a TCP reset |
/// | `/misbehave/overlong` | `Content-Length: 5` with 20 bytes sent |
/// | `/misbehave/close` | the connection closes before any response |
public enum Misbehaviour {
    /// The misbehaving response for `request`, or `nil` when its path is not a misbehaviour route.
    public static func respond(to request: FixtureRequest) -> FixtureResponse? {
        let parts = request.path.split(separator: "/").map(String.init)
        guard parts.count >= 2, parts[0] == "misbehave" else { return nil }
        let query = request.query
        let number = { (name: String, fallback: Int) in query[name].flatMap { Int($0) } ?? fallback }
        switch parts[1] {
        case "status":
            let code = parts.count > 2 ? Int(parts[2]) ?? 500 : 500
            var response = FixtureResponse.text("status \(code)\n", status: code)
            if let retryAfter = query["retry-after"]?.removingPercentEncoding {
                response.headers.append(("Retry-After", retryAfter))
            }
            return response
        case "delay":
            var response = FixtureResponse.text("late\n")
            response.delay = .milliseconds(parts.count > 2 ? Int(parts[2]) ?? 1000 : 1000)
            return response
        case "drip":
            let bytes = [UInt8](repeating: UInt8(ascii: "."), count: number("bytes", 100))
            return FixtureResponse(headers: [("Content-Type", "text/plain")], body: .drip(bytes, interval: .milliseconds(number("interval-ms", 1000))))
        case "endless":
            return FixtureResponse(headers: [("Content-Type", "text/plain")], body: .endless(pattern: Array("endless ".utf8)))
        case "huge":
            return FixtureResponse(headers: [("Content-Type", "text/plain")], body: .repeated(UInt8(ascii: "x"), count: number("bytes", 1 << 20)))
        case "gzip-bomb":
            let inflated = [UInt8](repeating: UInt8(ascii: "a"), count: number("bytes", 1 << 20))
            return FixtureResponse(headers: [("Content-Type", "text/plain"), ("Content-Encoding", "gzip")], body: .bytes(Gzip.compress(inflated, level: 9)))
        case "bad-gzip":
            return FixtureResponse(headers: [("Content-Type", "text/plain"), ("Content-Encoding", "gzip")], body: .bytes(Array("this is not gzip at all".utf8)))
        case "redirect":
            let target = query["to"]?.removingPercentEncoding ?? "/"
            return .redirect(to: target, status: number("status", 302))
        case "redirect-loop":
            let step = parts.count > 2 ? Int(parts[2]) ?? 0 : 0
            return .redirect(to: "/misbehave/redirect-loop/\(step + 1)", status: 302)
        case "redirect-file":
            return .redirect(to: "file:///etc/passwd", status: 302)
        case "truncated":
            return FixtureResponse(headers: [("Content-Type", "text/plain")], body: .truncated(Array("0123456789".utf8), declaredLength: 1000))
        case "reset":
            return FixtureResponse(headers: [("Content-Type", "text/plain")], body: .reset(Array("0123456789".utf8), declaredLength: 1000))
        case "overlong":
            return FixtureResponse(headers: [("Content-Type", "text/plain")], body: .overlong(Array("01234567890123456789".utf8), declaredLength: 5))
        case "close":
            return FixtureResponse(body: .hangUp)
        default:
            return .text("unknown misbehaviour \(parts[1])\n", status: 404)
        }
    }
}
