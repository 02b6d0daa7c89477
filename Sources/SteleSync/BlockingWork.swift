import Dispatch
import SteleStore

/// Runs blocking work — store writes, each ending in fsync — on dispatch threads instead of Swift
/// concurrency's few cooperative threads (one per core). Writes to many releases then wait on the
/// disk together, and the file system commits their fsyncs as one.
enum BlockingWork {
    private static let queue = DispatchQueue(label: "stele.store-writes", attributes: .concurrent)

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws(StoreError) -> T) async throws(StoreError) -> T {
        let result: Result<T, StoreError> = await withCheckedContinuation { continuation in
            queue.async {
                do throws(StoreError) {
                    continuation.resume(returning: .success(try body()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }
}
