import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one-writer lock: `flock(LOCK_EX)` on `<store>/lock`, which then holds the writer's pid so
/// that a second writer can say who is in the way. The kernel drops the lock when the process
/// dies, however it dies, so a crash never leaves a stale lock behind.
final class StoreLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Takes the lock; fails at once with the holder's pid, or blocks until it is free when `wait`.
    static func acquire(_ layout: StoreLayout, wait: Bool) throws(StoreError) -> StoreLock {
        let descriptor = open(layout.lockFile, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StoreError.system("open the lock file", layout.lockFile) }
        while flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            let code = errno
            if code == EINTR { continue }
            close(descriptor)
            guard code == EWOULDBLOCK else { throw StoreError.system("lock", layout.lockFile, code) }
            throw StoreError.locked(store: layout.root, holderPID: holderPID(layout.lockFile))
        }
        let pid = Array("\(getpid())\n".utf8)
        if ftruncate(descriptor, 0) == 0 {
            _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        }
        return StoreLock(descriptor: descriptor)
    }

    /// Releases the lock. Unlocked explicitly before closing: a child process being spawned at
    /// this moment holds a copy of the descriptor until it execs, and would keep the lock alive.
    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// The holder may have the lock but not yet have written its pid: look again briefly.
    private static func holderPID(_ path: String) -> Int32? {
        for _ in 0..<20 {
            if let pid = readPID(path) { return pid }
            usleep(5_000)
        }
        return nil
    }

    /// The pid in the lock file, if any.
    static func readPID(_ path: String) -> Int32? {
        guard let bytes = try? DurableFile.read(path) else { return nil }
        return Int32(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? nil
    }
}
