import Foundation
import SteleFixtures
import SteleService
import Testing

/// `stele get` as a user runs it: the real executable against a real server on 127.0.0.1.
@Suite("stele get")
struct GetCommandTests {
    private func run(_ arguments: [String]) throws -> (status: ChildProcess.Termination, output: String, error: String) {
        try SteleProcess.run(["get"] + arguments)
    }

    @Test("a failure goes to standard error with the command's name, and its advice names this command's options")
    func failureAdvice() throws {
        let server = try FixtureServer { _ in FixtureResponse(body: .bytes(Array("late".utf8)), delay: .seconds(5)) }
        defer { server.stop() }
        let slow = try run([server.url("/slow"), "--timeout", "1"])
        #expect(slow.status == .exited(1))
        #expect(slow.output.isEmpty)
        #expect(slow.error == "stele get: \(server.url("/slow")): the transfer took longer than the total timeout; raise --timeout if the site is slow\n")

        let json = try run([server.url("/slow"), "--timeout", "1", "--json"])
        #expect(json.status == .exited(1))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(object["error"] as? String == "timeout-total")
        #expect((object["errorMessage"] as? String)?.hasSuffix("raise --timeout if the site is slow") == true)
    }

    @Test("a body that cannot be written says where and exits 1; limits that make no sense are usage errors")
    func outputAndLimits() throws {
        let server = try FixtureServer { _ in FixtureResponse(body: .bytes(Array("hello".utf8))) }
        defer { server.stop() }
        let unwritable = try run([server.url("/page"), "--output", "/proc/no-such-folder/page.html"])
        #expect(unwritable.status == .exited(1))
        #expect(unwritable.error.hasPrefix("stele get: cannot write the body to /proc/no-such-folder/page.html: "))
        for arguments in [["--timeout", "0"], ["--timeout", "-1"], ["--max-body-bytes", "-1"]] {
            let refused = try run([server.url("/page")] + arguments)
            #expect(refused.status == .exited(2), "\(arguments)")
        }
    }
}
