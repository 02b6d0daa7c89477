import Foundation
import SteleSync

/// A progress line on standard error, redrawn in place while a pass runs: only on a terminal, and
/// not when `NO_COLOR`-style plain output is asked for by a dumb terminal.
final class ProgressLine: Sendable {
    private let task: Task<Void, Never>?

    init(progress: SyncProgress) {
        let environment = ProcessInfo.processInfo.environment
        guard isatty(2) == 1, environment["TERM"] != "dumb" else {
            task = nil
            return
        }
        task = Task.detached {
            while !Task.isCancelled {
                let counts = progress.snapshot
                let line = "\r\u{1B}[K feeds \(counts.feeds) · pages \(counts.pagesDone)/\(counts.pagesPlanned) · failures \(counts.failures)"
                FileHandle.standardError.write(Data(line.utf8))
                try? await Task.sleep(for: .milliseconds(200))
            }
        }
    }

    /// Clears the line.
    func stop() {
        guard let task else { return }
        task.cancel()
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
