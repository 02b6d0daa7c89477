import Foundation
internal import CSystem
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn`: the `on_event` command, and in tests real programs
/// (`openssl`, `stele` itself) that get real signals. Foundation's `Process` is avoided: on Linux its
/// `waitUntilExit` can spin forever.
public final class ChildProcess: Sendable {
    /// How a child ended.
    public enum Termination: Equatable, Sendable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it.
        case signaled(Int32)
    }

    /// The child's process id.
    public let pid: Int32

    /// Starts `executable` with `arguments`. Standard input is `input` through a pipe, else
    /// `/dev/null`; standard output and error go to the given files (created or truncated), else to
    /// `/dev/null`. The child starts with no blocked signals and default signal handlers, whatever
    /// the parent set.
    public init(
        executable: String, arguments: [String] = [], environment: [String: String]? = nil,
        input: [UInt8]? = nil, standardOutput: String? = nil, standardError: String? = nil
    ) throws(ChildProcessError) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Both ends close-on-exec from the start (pipe2): a child spawned concurrently by another
        // thread must not inherit the write end, or this child's input would never end.
        var inputPipe: [Int32] = [-1, -1]
        if input != nil {
            guard stele_pipe2(&inputPipe, O_CLOEXEC) == 0 else { throw ChildProcessError(executable: executable, code: errno) }
            posix_spawn_file_actions_adddup2(&actions, inputPipe[0], 0)
            posix_spawn_file_actions_addclose(&actions, inputPipe[0])
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 1, standardOutput ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, standardError ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGUSR1, SIGUSR2, SIGCHLD] { sigaddset(&defaultSignals, signal) }
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        // Its own process group, so that a signal reaches whatever it starts in turn (a shell's children).
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let variables = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { variables.forEach { free($0) } }

        var pid: Int32 = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, variables)
        if input != nil { close(inputPipe[0]) }
        guard result == 0 else {
            if input != nil { close(inputPipe[1]) }
            throw ChildProcessError(executable: executable, code: result)
        }
        self.pid = pid
        if let input {
            // A child that does not read its input must neither block nor kill the parent: the
            // write end is non-blocking, and SIGPIPE is ignored for good (a process that writes to
            // pipes and sockets handles EPIPE instead, as servers do).
            _ = fcntl(inputPipe[1], F_SETFL, fcntl(inputPipe[1], F_GETFL) | O_NONBLOCK)
            signal(SIGPIPE, SIG_IGN)
            input.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(inputPipe[1], buffer.baseAddress! + offset, buffer.count - offset)
                    guard written > 0 else { break }
                    offset += written
                }
            }
            close(inputPipe[1])
        }
    }

    /// Sends `signal` to the child and the processes it started (its process group).
    public func send(_ signal: Int32) {
        if kill(-pid, signal) != 0 { kill(pid, signal) }
    }

    /// Waits up to `timeout` for the child to end; `nil` when it is still running.
    public func wait(timeout: Duration) -> Termination? {
        let deadline = ContinuousClock.now + timeout
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                return status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .signaled(status & 0x7f)
            }
            if result < 0 { return .exited(-1) }
            if ContinuousClock.now >= deadline { return nil }
            usleep(5_000)
        }
    }

    /// Ends the child: SIGTERM, then SIGKILL if it is still there after `grace`.
    @discardableResult
    public func terminate(grace: Duration = .seconds(5)) -> Termination {
        send(SIGTERM)
        if let termination = wait(timeout: grace) { return termination }
        send(SIGKILL)
        return wait(timeout: .seconds(60)) ?? .signaled(SIGKILL)
    }

    /// Runs `executable` to its end and returns how it ended with what it wrote to standard output.
    public static func run(_ executable: String, _ arguments: [String], timeout: Duration = .seconds(60)) throws(ChildProcessError) -> (termination: Termination, output: String) {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("stele-child-\(UUID().uuidString)").path
        defer { unlink(outputPath) }
        let child = try ChildProcess(executable: executable, arguments: arguments, standardOutput: outputPath)
        let termination = child.wait(timeout: timeout) ?? child.terminate()
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return (termination, output)
    }
}

/// A child process could not be started.
public struct ChildProcessError: Error, CustomStringConvertible {
    /// The program that was to run.
    public var executable: String
    /// The `errno`-style code `posix_spawn` returned.
    public var code: Int32

    /// What failed, in words.
    public var description: String {
        "could not start \(executable): \(String(cString: strerror(code)))"
    }
}
