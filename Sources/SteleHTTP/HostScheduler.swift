/// Decides which waiting transfer may start next under a global limit, a per-host limit and a
/// minimum delay between two starts to one host.
///
/// Hosts take turns (round robin), so one busy host never starves the others, and a host that is
/// only waiting for its delay does not block the rest. Pure bookkeeping: the caller supplies the
/// time, which keeps this testable without a clock.
struct HostScheduler<Item> {
    private struct Host {
        var waiting: [Item] = []
        var head = 0
        var inFlight = 0
        var nextStart: ContinuousClock.Instant?

        var hasWaiting: Bool { head < waiting.count }

        mutating func popFirst() -> Item {
            let item = waiting[head]
            head += 1
            if head == waiting.count {
                waiting.removeAll(keepingCapacity: true)
                head = 0
            } else if head > 64, head * 2 > waiting.count {
                waiting.removeFirst(head)
                head = 0
            }
            return item
        }
    }

    let maxInFlight: Int
    let maxInFlightPerHost: Int
    let minimumDelayPerHost: Duration

    private var hosts: [String: Host] = [:]
    /// Hosts with waiting items, in turn order.
    private var turnOrder: [String] = []
    private(set) var inFlight = 0

    init(maxInFlight: Int, maxInFlightPerHost: Int, minimumDelayPerHost: Duration) {
        self.maxInFlight = max(1, maxInFlight)
        self.maxInFlightPerHost = max(1, maxInFlightPerHost)
        self.minimumDelayPerHost = minimumDelayPerHost
    }

    /// Number of items waiting to start.
    var waitingCount: Int { hosts.values.reduce(0) { $0 + $1.waiting.count - $1.head } }

    /// Queues `item` for `host`.
    mutating func enqueue(_ item: Item, host: String) {
        if hosts[host, default: Host()].hasWaiting == false { turnOrder.append(host) }
        hosts[host, default: Host()].waiting.append(item)
    }

    /// Removes and returns the waiting items that match `predicate`.
    mutating func removeWaiting(where predicate: (Item) -> Bool) -> [Item] {
        var removed: [Item] = []
        for host in turnOrder {
            guard var entry = hosts[host] else { continue }
            let remaining = entry.waiting[entry.head...].filter { item in
                if predicate(item) { removed.append(item); return false }
                return true
            }
            entry.waiting = Array(remaining)
            entry.head = 0
            hosts[host] = entry
        }
        turnOrder.removeAll { hosts[$0]?.hasWaiting != true }
        pruneIdleHosts()
        return removed
    }

    /// The items that may start at `now`, each marked in flight; hosts take turns.
    mutating func admit(now: ContinuousClock.Instant) -> [(item: Item, host: String)] {
        var admitted: [(item: Item, host: String)] = []
        var madeProgress = true
        while madeProgress, inFlight < maxInFlight, !turnOrder.isEmpty {
            madeProgress = false
            var index = 0
            while index < turnOrder.count, inFlight < maxInFlight {
                let name = turnOrder[index]
                var host = hosts[name]!
                if host.inFlight < maxInFlightPerHost, host.nextStart.map({ $0 <= now }) ?? true {
                    admitted.append((host.popFirst(), name))
                    host.inFlight += 1
                    host.nextStart = minimumDelayPerHost > .zero ? now + minimumDelayPerHost : nil
                    inFlight += 1
                    madeProgress = true
                }
                hosts[name] = host
                if host.hasWaiting {
                    index += 1
                } else {
                    turnOrder.remove(at: index)
                }
            }
        }
        return admitted
    }

    /// Marks one transfer to `host` as finished, freeing its slot.
    mutating func finished(host name: String) {
        guard var host = hosts[name], host.inFlight > 0 else { return }
        host.inFlight -= 1
        inFlight -= 1
        hosts[name] = host
        pruneIdleHosts()
    }

    /// The earliest moment a waiting item that is held back only by its host's delay may start.
    var nextDelayedStart: ContinuousClock.Instant? {
        guard inFlight < maxInFlight else { return nil }
        return turnOrder.compactMap { name -> ContinuousClock.Instant? in
            guard let host = hosts[name], host.inFlight < maxInFlightPerHost else { return nil }
            return host.nextStart
        }.min()
    }

    /// Forgets hosts with nothing waiting, nothing in flight and no delay still running, so that the
    /// table does not grow with every host ever seen.
    private mutating func pruneIdleHosts() {
        guard hosts.count > 256 else { return }
        let now = ContinuousClock.now
        hosts = hosts.filter { _, host in
            host.hasWaiting || host.inFlight > 0 || (host.nextStart.map { $0 > now } ?? false)
        }
    }
}
