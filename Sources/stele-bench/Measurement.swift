import Foundation
import SteleFixtures
import SteleService

/// Wall time and peak memory of one run of a program, read from GNU time.
struct Measurement {
    var seconds: Double
    var peakKilobytes: Int

    /// Runs `executable` under `/usr/bin/time` and reads its elapsed time and maximum resident size.
    static func run(_ executable: String, _ arguments: [String]) throws -> Measurement {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("stele-bench-time-\(UUID().uuidString)").path
        defer { unlink(report) }
        let child = try ChildProcess(executable: "/usr/bin/time", arguments: ["-f", "%e %M", "-o", report, executable] + arguments)
        let termination = child.wait(timeout: .seconds(600)) ?? child.terminate()
        guard termination == .exited(0) else { throw BenchmarkError("\(executable) \(arguments.prefix(3).joined(separator: " ")) ended with \(termination)") }
        let fields = (try String(contentsOfFile: report, encoding: .utf8)).split(whereSeparator: \.isWhitespace)
        guard fields.count >= 2, let seconds = Double(fields[fields.count - 2]), let kilobytes = Int(fields[fields.count - 1]) else {
            throw BenchmarkError("could not read /usr/bin/time's report for \(executable)")
        }
        return Measurement(seconds: seconds, peakKilobytes: kilobytes)
    }
}

extension Measurement {
    /// Runs `executable` to its end with output to /dev/null, timing it from spawn to exit with a
    /// blocking `wait` (no polling, no /usr/bin/time rounding to 10 ms). No memory figure: after a
    /// vfork-style spawn the kernel reports the parent's peak as the child's. Exit codes other than
    /// `acceptedExitCodes` are an error.
    static func timed(_ executable: String, _ arguments: [String], acceptedExitCodes: Set<Int32> = [0]) throws -> Measurement {
        let start = ContinuousClock.now
        let child = try ChildProcess(executable: executable, arguments: arguments)
        var status: Int32 = 0
        while waitpid(child.pid, &status, 0) < 0 {
            guard errno == EINTR else { throw BenchmarkError("waiting for \(executable) failed: errno \(errno)") }
        }
        let elapsed = ContinuousClock.now - start
        let exited = status & 0x7f == 0
        guard exited, acceptedExitCodes.contains((status >> 8) & 0xff) else {
            throw BenchmarkError("\(executable) \(arguments.prefix(3).joined(separator: " ")) ended with status \(status)")
        }
        return Measurement(seconds: elapsed.seconds, peakKilobytes: 0)
    }
}

/// The median of a non-empty list.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// A benchmark could not run; the message says why.
struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The path of a sibling executable built with this one (same build folder).
func siblingExecutable(_ name: String) -> String {
    URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(name).path
}

/// One row of `scripts/bench`'s table, printed as a tab-separated line starting with `ROW`:
/// the figure, its baseline from the same run, the ratio, the target and whether it is met.
enum TableRow {
    static func emit(_ benchmark: String, _ measurement: String, stele: String, baseline: String, ratio: String, target: String, met: Bool?) {
        let verdict = met.map { $0 ? "met" : "MISSED" } ?? "-"
        print(["ROW", benchmark, measurement, stele, baseline, ratio, target, verdict].joined(separator: "\t"))
    }
}
