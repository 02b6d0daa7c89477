import Foundation
internal import CSystem
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The write end of the self-pipe the signal handler writes to. A plain global with a constant
/// initial value: no lazy initialisation can run inside the handler.
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1

/// Delivers Unix signals as an async sequence instead of through a handler, so that the daemon can
/// react to them in ordinary async code (SIGHUP: reload; SIGTERM, SIGINT: stop).
///
/// A `sigaction` handler writes the signal number into a pipe (`write` is async-signal-safe) and a
/// thread reads the pipe. Unlike `sigwait` or `signalfd`, this needs no signal mask in every thread,
/// which a process full of runtime threads cannot guarantee. One listener per process.
public final class SignalListener: Sendable {
    /// The signals, in the order they arrive.
    public let signals: AsyncStream<Int32>
    private let numbers: [Int32]
    private let readEnd: Int32

    /// Starts listening for `signals`; their default actions are replaced until ``cancel()``.
    public init(_ signals: [Int32]) {
        let (stream, continuation) = AsyncStream<Int32>.makeStream(bufferingPolicy: .bufferingNewest(16))
        self.signals = stream
        self.numbers = signals
        var ends: [Int32] = [0, 0]
        _ = stele_pipe2(&ends, O_CLOEXEC)
        readEnd = ends[0]
        signalPipeWriteEnd = ends[1]
        let readEnd = readEnd
        let reader = Thread {
            var byte: UInt8 = 0
            while read(readEnd, &byte, 1) == 1 {
                continuation.yield(Int32(byte))
            }
            continuation.finish()
        }
        reader.name = "stele-signals"
        reader.start()
        for number in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(signalPipeWriteEnd, &byte, 1)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
        }
    }

    /// Restores the default actions and ends the sequence.
    public func cancel() {
        for number in numbers { signal(number, SIG_DFL) }
        close(signalPipeWriteEnd)
    }
}
