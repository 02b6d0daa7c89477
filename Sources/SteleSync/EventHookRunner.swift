import Foundation
import Logging
import SteleConfig
import SteleService
import SteleStore
import Synchronization

/// Runs the configured `on_event` command once per event, with the event as one JSON object on its
/// standard input, one at a time and in order. It never blocks the sync: events wait in a bounded
/// queue (new ones are not passed on while it is full; `events.jsonl` keeps them all), each run is
/// killed after the configured timeout, and a failure is logged, never raised.
final class EventHookRunner: Sendable {
    private let hook: EventHook
    private let logger: Logger
    private let capacity: Int
    // A serial dispatch queue, not a task: waiting for the command blocks a thread, which must
    // not be one of Swift concurrency's few cooperative threads.
    private let queue = DispatchQueue(label: "stele.on-event")
    private let waiting = Mutex(0)

    init(hook: EventHook, logger: Logger, capacity: Int = 1000) {
        self.hook = hook
        self.logger = logger
        self.capacity = capacity
    }

    /// Queues `event` for the command; when `capacity` events already wait, it is dropped (the
    /// store's `events.jsonl` still has it) and a warning says so.
    func submit(_ event: StoreEvent) {
        let accepted = waiting.withLock { count -> Bool in
            guard count < capacity else { return false }
            count += 1
            return true
        }
        guard accepted else {
            logger.warning("on_event command cannot keep up; event not passed to it", metadata: ["sequence": "\(event.sequence)"])
            return
        }
        queue.async { [self] in
            Self.run(hook, event: event, logger: logger)
            waiting.withLock { $0 -= 1 }
        }
    }

    /// Waits until every queued event has been handed to the command.
    func drain() {
        queue.sync {}
    }

    private static func run(_ hook: EventHook, event: StoreEvent, logger: Logger) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let input = ((try? encoder.encode(event)) ?? Data()) + Data("\n".utf8)
        let metadata: Logger.Metadata = ["command": "\(hook.command[0])", "event": "\(event.kind)", "sequence": "\(event.sequence)"]
        do {
            let child = try ChildProcess(executable: hook.command[0], arguments: Array(hook.command.dropFirst()), input: Array(input))
            guard let termination = child.wait(timeout: hook.timeout) else {
                child.terminate(grace: .seconds(2))
                logger.warning("on_event command took longer than its timeout and was stopped", metadata: metadata)
                return
            }
            if termination != .exited(0) {
                logger.warning("on_event command failed", metadata: metadata.merging(["status": "\(termination)"]) { $1 })
            }
        } catch {
            logger.warning("on_event command could not start", metadata: metadata.merging(["error": "\(error)"]) { $1 })
        }
    }
}
