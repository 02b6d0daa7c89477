import Foundation
import SteleFixtures
import SteleService

/// Wall time of one run of a program, and its peak memory as GNU time reports it.
struct Measurement {
    var seconds: Double
    var peakKilobytes: Int

    /// Runs `executable` under `/usr/bin/time` for its maximum resident size. The wall time is
    /// taken here, from spawn to exit (GNU time rounds its own to 10 ms, too coarse for runs of
    /// 150 ms); it includes time's own start, about a millisecond, for every program alike.
    static func run(_ executable: String, _ arguments: [String]) throws -> Measurement {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("stele-bench-time-\(UUID().uuidString)").path
        defer { unlink(report) }
        let start = ContinuousClock.now
        let child = try ChildProcess(executable: "/usr/bin/time", arguments: ["-f", "%M", "-o", report, executable] + arguments)
        let status = try waitForExit(child, executable)
        let elapsed = ContinuousClock.now - start
        guard status == 0 else { throw BenchmarkError("\(executable) \(arguments.prefix(3).joined(separator: " ")) ended with status \(status)") }
        let fields = (try String(contentsOfFile: report, encoding: .utf8)).split(whereSeparator: \.isWhitespace)
        guard let last = fields.last, let kilobytes = Int(last) else {
            throw BenchmarkError("could not read /usr/bin/time's report for \(executable)")
        }
        return Measurement(seconds: elapsed.seconds, peakKilobytes: kilobytes)
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
        let status = try waitForExit(child, executable)
        let elapsed = ContinuousClock.now - start
        let exited = status & 0x7f == 0
        guard exited, acceptedExitCodes.contains((status >> 8) & 0xff) else {
            throw BenchmarkError("\(executable) \(arguments.prefix(3).joined(separator: " ")) ended with status \(status)")
        }
        return Measurement(seconds: elapsed.seconds, peakKilobytes: 0)
    }
}

/// Waits for `child` with a blocking `waitpid` (ChildProcess.wait polls every 5 ms, too coarse
/// for timing) and returns its raw wait status.
private func waitForExit(_ child: ChildProcess, _ executable: String) throws -> Int32 {
    var status: Int32 = 0
    while waitpid(child.pid, &status, 0) < 0 {
        guard errno == EINTR else { throw BenchmarkError("waiting for \(executable) failed: errno \(errno)") }
    }
    return status
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
/// the figure, its baseline from the same run, the ratio, the target and whether it is met. Only
/// when `STELE_BENCH_ROWS` is set (scripts/bench sets it): a person running one benchmark reads
/// the lines meant for people.
enum TableRow {
    static func emit(_ benchmark: String, _ measurement: String, stele: String, baseline: String, ratio: String, target: String, met: Bool?) {
        guard ProcessInfo.processInfo.environment["STELE_BENCH_ROWS"] != nil else { return }
        let verdict = met.map { $0 ? "met" : "MISSED" } ?? "-"
        print(["ROW", benchmark, measurement, stele, baseline, ratio, target, verdict].joined(separator: "\t"))
    }
}
