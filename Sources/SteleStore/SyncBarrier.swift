import Foundation
internal import CSystem
#if canImport(Glibc)
import Glibc
#endif

/// Group commit for a store: a caller that needs what it has written to be on stable storage
/// waits for one `syncfs(2)` of the store's file system that starts after its call; callers that
/// arrive together share it. With many releases written in parallel, one flush then makes dozens
/// of writes durable, where an fsync per file flushed the disk once for each.
///
/// `syncfs` reports write-back errors that happened since the last call on this descriptor
/// (Linux 5.8 and later), so an error fails every caller whose writes it may concern.
final class SyncBarrier: @unchecked Sendable {
    private let descriptor: Int32
    private let path: String
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var started = 0
    private var completed = 0
    private var running = false
    private var failures: [Int: Int32] = [:]

    /// A barrier for the file system that holds `root`.
    init(root: String) throws(StoreError) {
        descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreError.system("open", root) }
        path = root
    }

    deinit { close(descriptor) }

    /// Returns once everything this thread wrote before the call is on stable storage.
    func sync() throws(StoreError) {
        condition.lock()
        // A flush already running may have started before our writes: we need the next one.
        let needed = started + 1
        while completed < needed {
            if running {
                condition.wait()
                continue
            }
            running = true
            started += 1
            let generation = started
            condition.unlock()
            let result = stele_syncfs(descriptor)
            let code = errno
            condition.lock()
            running = false
            completed = generation
            if result != 0 {
                failures[generation] = code
            }
            condition.broadcast()
        }
        // A flush that failed while ours waited may have carried our pages: count it too.
        let failure = failures[needed] ?? failures[needed - 1]
        if failures.count > 64 { failures = failures.filter { $0.key > completed - 8 } }
        condition.unlock()
        if let failure { throw StoreError.syncFailed(path: path, code: failure) }
    }
}
