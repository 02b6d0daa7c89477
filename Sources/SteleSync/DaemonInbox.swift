import Synchronization

/// What the daemon's main loop is asked to do between passes.
enum DaemonCommand: Sendable, Equatable {
    /// Re-read the configuration (SIGHUP).
    case reload
    /// Finish and exit (SIGTERM, SIGINT).
    case stop
}

/// Commands posted by the signal handler, waited for by the main loop with a timeout (the time
/// until the next work is due).
final class DaemonInbox: Sendable {
    private struct State {
        var pending: [DaemonCommand] = []
        var waiter: CheckedContinuation<DaemonCommand?, Never>?
        var waiterID = 0
        var timer: Task<Void, Never>?
    }

    private let state = Mutex(State())

    func post(_ command: DaemonCommand) {
        let waiter = state.withLock { state -> CheckedContinuation<DaemonCommand?, Never>? in
            guard let waiter = state.waiter else {
                state.pending.append(command)
                return nil
            }
            state.waiter = nil
            state.timer?.cancel()
            state.timer = nil
            return waiter
        }
        waiter?.resume(returning: command)
    }

    /// The next command, or `nil` when `timeout` passes first.
    func next(timeout: Duration) async -> DaemonCommand? {
        await withCheckedContinuation { continuation in
            let id: Int? = state.withLock { state in
                if !state.pending.isEmpty {
                    continuation.resume(returning: state.pending.removeFirst())
                    return nil
                }
                state.waiterID += 1
                state.waiter = continuation
                return state.waiterID
            }
            guard let id else { return }
            let timer = Task {
                guard (try? await Task.sleep(for: timeout)) != nil else { return }
                let waiter = state.withLock { state -> CheckedContinuation<DaemonCommand?, Never>? in
                    guard state.waiterID == id, let waiter = state.waiter else { return nil }
                    state.waiter = nil
                    return waiter
                }
                waiter?.resume(returning: nil)
            }
            state.withLock { state in
                if state.waiterID == id, state.waiter != nil { state.timer = timer } else { timer.cancel() }
            }
        }
    }

    /// Whether a command waits (checked by a running pass between releases).
    var hasPending: Bool { state.withLock { !$0.pending.isEmpty } }
}
