import Foundation
import SteleStore

/// A small store written directly with the store's writer, for what the fixture site cannot make:
/// keys of any shape, several sources.
final class TemporaryStore {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("stele-reports-\(UUID().uuidString)").path

    /// A store holding one English version of each `source/key`.
    init(_ releases: [String]) throws {
        let writer = try StoreWriter(at: root)
        defer { writer.close() }
        for name in releases {
            let parts = name.split(separator: "/", maxSplits: 1)
            let release = ReleaseRef(source: String(parts[0]), externalID: String(parts[1]))
            _ = try writer.record(FetchedText(paragraphs: ["Text of \(parts[1])."], url: "https://example.org/\(parts[1])"), release: release, language: "en")
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    var store: Store { get throws { try Store(at: root) } }
}
