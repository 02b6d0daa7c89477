import Foundation
import SteleStore
import Testing

/// A store in a fresh temporary folder, removed at the end of the test.
final class TemporaryStore {
    let root: String

    init(_ name: String = "store") {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("stele-\(name)-\(UUID().uuidString)").path
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func writer() throws -> StoreWriter { try StoreWriter(at: root) }

    func reader() throws -> Store { try Store(at: root) }

    /// Every path under the store's parent that is not under the store (to prove nothing escaped).
    func file(_ relative: String) -> String { root + "/" + relative }

    func contents(_ relative: String) -> String? {
        FileManager.default.contents(atPath: file(relative)).map { String(decoding: $0, as: UTF8.self) }
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: file(relative)) }

    func write(_ text: String, to relative: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: file(relative)))
    }
}

/// The helper writer process, built next to the test bundle.
let storeWriterTool: String = {
    URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("stele-store-writer").path
}()

let nato = "nato"
let date0 = Date(timeIntervalSince1970: 1_750_000_000)

func fetched(_ paragraphs: [String], at offset: TimeInterval = 0, raw: String? = nil, etag: String? = nil) -> FetchedText {
    FetchedText(paragraphs: paragraphs, raw: raw.map { Array($0.utf8) }, url: "https://www.nato.int/cps/en/natohq/news_1.htm", fetchedAt: date0.addingTimeInterval(offset), etag: etag)
}
