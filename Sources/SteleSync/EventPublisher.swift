import Foundation
import Logging
import SteleStore

/// Sends each event where people and programs can see it: one structured log line, one line of
/// the store's `events.jsonl`, and the `on_event` command when one is configured.
struct EventPublisher: Sendable {
    let writer: StoreWriter?
    let logger: Logger
    let hook: EventHookRunner?

    func publish(_ kind: SyncEventKind, release: ReleaseRef, language: String? = nil, version: Int? = nil, details: [String: String] = [:], at time: Date) {
        var metadata: Logger.Metadata = ["event": "\(kind.rawValue)", "release": "\(release)"]
        if let language { metadata["lang"] = "\(language)" }
        if let version { metadata["version"] = "\(version)" }
        for (key, value) in details { metadata[key] = "\(value)" }
        logger.notice("\(Self.sentence(kind))", metadata: metadata)
        guard let writer else { return }
        let event = StoreEvent(time: time, kind: kind.rawValue, source: release.source, release: release.key.rawValue, language: language, version: version, details: details.isEmpty ? nil : details)
        do {
            let appended = try writer.append(event)
            hook?.submit(appended)
        } catch {
            logger.error("could not append to the event log", metadata: ["error": "\(error)"])
        }
    }

    private static func sentence(_ kind: SyncEventKind) -> String {
        switch kind {
        case .releaseNew: "new release"
        case .versionNew: "first version stored"
        case .versionRevised: "new revision stored"
        case .translationPending: "translation pending"
        case .translationAvailable: "translation available"
        case .translationMissing: "translation given up"
        case .languageGone: "language version gone"
        case .addressMoved: "address moved permanently"
        }
    }
}
