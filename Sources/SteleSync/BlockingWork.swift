import Dispatch
import SteleStore

/// Runs blocking work — store writes, each ending in fsync — on dispatch threads instead of Swift
/// concurrency's few cooperative threads (one per core). Writes to many releases then wait on the
/// disk together, and the file system commits their fsyncs as one.
enum BlockingWork {
    private static let queue = DispatchQueue(label: "stele.store-writes", attributes: .concurrent)

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws(StoreError) -> T) async throws(StoreError) -> T {
        try await result(body).get()
    }

    /// ``run(_:)`` with the outcome as a value, for `async let` (which loses typed throws).
    static func result<T: Sendable>(_ body: @escaping @Sendable () throws(StoreError) -> T) async -> Result<T, StoreError> {
        await withCheckedContinuation { continuation in
            queue.async {
                do throws(StoreError) {
                    continuation.resume(returning: .success(try body()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
    }
}
