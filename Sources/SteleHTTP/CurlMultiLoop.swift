internal import CCurl
import Foundation
import Synchronization

/// The thread that owns libcurl's multi handle and every easy handle. Other threads only put
/// messages in its inbox and wake it; all libcurl calls but `curl_multi_wakeup` happen here.
final class CurlMultiLoop: @unchecked Sendable {
    private enum Message {
        case submit(PendingTransfer)
        case cancel(UInt64)
        case shutdown
    }

    private struct Inbox {
        var messages: [Message] = []
        var isClosed = false
    }

    private let configuration: HTTPClientConfiguration
    private let inbox = Mutex(Inbox())
    private let nextIdentifier = Atomic<UInt64>(1)
    private let stopped = DispatchSemaphore(value: 0)
    private let multi: UnsafeMutableRawPointer

    // Touched on the loop thread only.
    private var scheduler: HostScheduler<PendingTransfer>
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var idleHandles: [UnsafeMutableRawPointer] = []
    /// Cancellations that overtook their submission (the task was cancelled while submitting).
    private var cancelledBeforeArrival: Set<UInt64> = []
    private var highestAcceptedIdentifier: UInt64 = 0

    private static let globalInit: Void = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
    }()

    init(configuration: HTTPClientConfiguration) {
        _ = CurlMultiLoop.globalInit
        self.configuration = configuration
        self.multi = curl_multi_init()
        self.scheduler = HostScheduler(
            maxInFlight: configuration.maxConcurrentTransfers,
            maxInFlightPerHost: configuration.maxConcurrentTransfersPerHost,
            minimumDelayPerHost: configuration.minimumDelayPerHost
        )
        _ = stele_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(8, configuration.maxConcurrentTransfers * 2))
        let thread = Thread { [self] in run() }
        thread.name = "stele-curl"
        thread.start()
    }

    /// A fresh identifier for a transfer, used to cancel it.
    func makeIdentifier() -> UInt64 {
        nextIdentifier.add(1, ordering: .relaxed).oldValue
    }

    /// Queues a transfer; its continuation is resumed exactly once.
    func submit(_ transfer: PendingTransfer) {
        if !post(.submit(transfer)) {
            transfer.continuation.resume(returning: .failure(HTTPError(url: transfer.request.url, kind: .shutDown)))
        }
    }

    /// Cancels a waiting or running transfer; it completes with ``HTTPError/Kind/cancelled``.
    func cancel(_ identifier: UInt64) {
        _ = post(.cancel(identifier))
    }

    /// Fails every transfer with ``HTTPError/Kind/shutDown``, frees libcurl's handles and waits for
    /// the thread to end. Calling it again does nothing.
    func shutdown() {
        if post(.shutdown) { stopped.wait() }
    }

    /// Asks the loop to stop without waiting for it.
    func shutdownInBackground() {
        _ = post(.shutdown)
    }

    private func post(_ message: Message) -> Bool {
        inbox.withLock { inbox in
            guard !inbox.isClosed else { return false }
            // One wakeup per batch: a non-empty inbox has already woken the loop, which drains
            // all of it before it polls again.
            let loopAlreadyWoken = !inbox.messages.isEmpty
            inbox.messages.append(message)
            if case .shutdown = message { inbox.isClosed = true }
            if !loopAlreadyWoken { curl_multi_wakeup(multi) }
            return true
        }
    }

    // MARK: The loop thread

    private func run() {
        var running: Int32 = 0
        while true {
            let messages = inbox.withLock { inbox in
                defer { inbox.messages.removeAll(keepingCapacity: true) }
                return inbox.messages
            }
            for message in messages {
                switch message {
                case .submit(let transfer): accept(transfer)
                case .cancel(let identifier): cancelTransfer(identifier)
                case .shutdown:
                    tearDown()
                    return
                }
            }
            startAdmitted()
            curl_multi_perform(multi, &running)
            collectFinished()
            startAdmitted()
            curl_multi_poll(multi, nil, 0, pollTimeout(), nil)
        }
    }

    private func accept(_ transfer: PendingTransfer) {
        highestAcceptedIdentifier = max(highestAcceptedIdentifier, transfer.id)
        if cancelledBeforeArrival.remove(transfer.id) != nil {
            transfer.continuation.resume(returning: .failure(HTTPError(url: transfer.request.url, kind: .cancelled)))
        } else {
            scheduler.enqueue(transfer, host: transfer.origin.key)
        }
    }

    private func startAdmitted() {
        for (pending, _) in scheduler.admit(now: .now) {
            let handle = idleHandles.popLast() ?? curl_easy_init()!
            let transfer = CurlTransfer(pending: pending, handle: handle, configuration: configuration)
            active[handle] = transfer
            curl_multi_add_handle(multi, handle)
        }
    }

    private func collectFinished() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle else { continue }
            let code = message.pointee.data.result
            finish(handle: handle) { $0.result(code: code) }
        }
    }

    private func cancelTransfer(_ identifier: UInt64) {
        if let handle = active.first(where: { $0.value.pending.id == identifier })?.key {
            finish(handle: handle) { .failure(HTTPError(url: $0.request.url, kind: .cancelled)) }
            return
        }
        let removed = scheduler.removeWaiting { $0.id == identifier }
        // An unknown identifier either has not arrived yet or has already finished; a long
        // finished one is not remembered, so the set stays small.
        if removed.isEmpty, identifier + 4096 > highestAcceptedIdentifier {
            cancelledBeforeArrival.insert(identifier)
        }
        for transfer in removed {
            transfer.continuation.resume(returning: .failure(HTTPError(url: transfer.request.url, kind: .cancelled)))
        }
    }

    private func finish(handle: UnsafeMutableRawPointer, outcome: (CurlTransfer) -> Result<HTTPResponse, HTTPError>) {
        guard let transfer = active.removeValue(forKey: handle) else { return }
        let result = outcome(transfer)
        curl_multi_remove_handle(multi, handle)
        curl_easy_reset(handle)
        idleHandles.append(handle)
        scheduler.finished(host: transfer.pending.origin.key)
        transfer.pending.continuation.resume(returning: result)
    }

    private func pollTimeout() -> Int32 {
        guard let next = scheduler.nextDelayedStart else { return 1000 }
        let wait = ContinuousClock.now.duration(to: next).milliseconds + 1
        return Int32(clamping: min(wait, 1000))
    }

    private func tearDown() {
        for handle in Array(active.keys) {
            finish(handle: handle) { .failure(HTTPError(url: $0.request.url, kind: .shutDown)) }
        }
        for transfer in scheduler.removeWaiting(where: { _ in true }) {
            transfer.continuation.resume(returning: .failure(HTTPError(url: transfer.request.url, kind: .shutDown)))
        }
        idleHandles.forEach { curl_easy_cleanup($0) }
        idleHandles.removeAll()
        curl_multi_cleanup(multi)
        stopped.signal()
    }
}
