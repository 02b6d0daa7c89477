#if canImport(Glibc)
import Glibc
#endif

/// Events read from the log, and where to continue.
public struct EventBatch: Sendable {
    /// The complete events after the requested offset, in order.
    public var events: [StoreEvent]
    /// The byte offset just after the last complete line: pass it to the next read.
    public var nextOffset: Int
}

/// `events.jsonl`, one JSON object a line, appended by the writer and fsynced per event. A line
/// cut by a crash is not an event: readers stop before it and the next writer removes it.
enum EventLog {
    /// Reads the complete lines after `offset`.
    static func read(_ path: String, after offset: Int) throws(StoreError) -> EventBatch {
        guard let bytes = try DurableFile.read(path), offset < bytes.count else { return EventBatch(events: [], nextOffset: max(0, offset)) }
        var events: [StoreEvent] = []
        var start = max(0, offset)
        var index = start
        while index < bytes.count {
            if bytes[index] == 0x0A {
                if index > start {
                    events.append(try StoreJSON.decode(StoreEvent.self, from: Array(bytes[start..<index]), path: "\(path) at byte \(start)"))
                }
                start = index + 1
            }
            index += 1
        }
        return EventBatch(events: events, nextOffset: start)
    }

    /// The writer's end of the log.
    final class Appender: @unchecked Sendable {
        // Used only under the writer's mutex.
        private let descriptor: Int32
        private let path: String
        private(set) var lastSequence: Int

        /// Opens the log for appending, dropping a line cut short by a crash.
        init(path: String) throws(StoreError) {
            self.path = path
            descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw StoreError.system("open", path) }
            do throws(StoreError) {
                lastSequence = try Self.recover(descriptor, path: path)
            } catch {
                close(descriptor)
                throw error
            }
        }

        deinit { close(descriptor) }

        /// Appends `event` with the next sequence number, without waiting for the disk (call
        /// ``sync()``, which may run outside the writer's lock); on failure the log is as it was.
        func append(_ event: StoreEvent) throws(StoreError) -> StoreEvent {
            var event = event
            event.sequence = lastSequence + 1
            var line = StoreJSON.encode(event, pretty: false)
            line.append(0x0A)
            let size = lseek(descriptor, 0, SEEK_END)
            do throws(StoreError) {
                try DurableFile.writeAll(descriptor, line, path: path)
            } catch {
                if size >= 0 { _ = ftruncate(descriptor, size) }
                throw error
            }
            lastSequence = event.sequence
            return event
        }

        /// Makes every appended line durable. Safe from any thread; concurrent calls share the
        /// file system's commit.
        func sync() throws(StoreError) {
            guard fsync(descriptor) == 0 else { throw StoreError.syncFailed(path: path, code: errno) }
        }

        /// Truncates an incomplete last line and returns the last sequence number. Events are small,
        /// so the last line is looked for in the last megabyte.
        private static func recover(_ descriptor: Int32, path: String) throws(StoreError) -> Int {
            let size = Int(lseek(descriptor, 0, SEEK_END))
            guard size > 0 else { return 0 }
            let window = min(size, 1 << 20)
            var tail = [UInt8](repeating: 0, count: window)
            let got = tail.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, window, off_t(size - window)) }
            guard got == window else { throw StoreError.system("read", path) }
            guard let lastNewline = tail.lastIndex(of: 0x0A) else {
                guard window == size else { throw StoreError.corrupt(path: path, reason: "its last megabyte holds no complete line") }
                guard ftruncate(descriptor, 0) == 0, fsync(descriptor) == 0 else { throw StoreError.system("truncate the cut last line of", path) }
                return 0
            }
            if lastNewline != window - 1 {
                guard ftruncate(descriptor, off_t(size - window + lastNewline + 1)) == 0, fsync(descriptor) == 0 else {
                    throw StoreError.system("truncate the cut last line of", path)
                }
            }
            let previousNewline = tail[..<lastNewline].lastIndex(of: 0x0A)
            guard previousNewline != nil || window == size else { throw StoreError.corrupt(path: path, reason: "its last line is longer than a megabyte") }
            let lineStart = previousNewline.map { $0 + 1 } ?? 0
            return try StoreJSON.decode(StoreEvent.self, from: Array(tail[lineStart..<lastNewline]), path: path + " (last line)").sequence
        }
    }
}
