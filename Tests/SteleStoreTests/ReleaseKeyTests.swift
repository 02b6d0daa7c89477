import Foundation
import SteleStore
import Testing

@Suite("Keys from outside never escape the store")
struct ReleaseKeyTests {
    static let hostileIDs: [String] = [
        "../../etc/passwd", "/etc/passwd", "..", ".", "", "a/../../b", "news\u{0}_1", String(repeating: "x", count: 10_000),
        "news_1\u{2215}..\u{2215}..", "nеws_1", "news_１", "..\\..\\windows", "~root", "-rf", ".hidden", "news 1", "\u{202E}txt.exe",
    ]

    @Test("a safe id is its own key", arguments: ["news_231374", "A.b-c_9", String(repeating: "k", count: 100)])
    func safeIDs(id: String) {
        #expect(ReleaseKey(externalID: id).rawValue == id)
        #expect(ReleaseKey(validating: id)?.rawValue == id)
    }

    @Test("a hostile id maps to a stable safe key of at most 100 characters", arguments: hostileIDs)
    func hostileIDsMap(id: String) {
        let key = ReleaseKey(externalID: id)
        #expect(key == ReleaseKey(externalID: id))
        #expect(ReleaseKey(validating: key.rawValue) == key)
        #expect(key.rawValue.utf8.count <= 100 && !key.rawValue.contains("/") && !key.rawValue.hasPrefix("."))
        #expect(ReleaseKey(validating: id) == nil)
    }

    @Test("ids that differ only by a look-alike character get different keys")
    func lookAlikes() {
        #expect(ReleaseKey(externalID: "nеws_1") != ReleaseKey(externalID: "news_1"))
        #expect(ReleaseKey(externalID: "a/b") != ReleaseKey(externalID: "a?b"))
    }

    @Test("writing versions under hostile ids creates files only inside the store, and keeps each id")
    func nothingEscapes() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("stele-escape-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let root = parent + "/store"
        let writer = try StoreWriter(at: root)
        for id in Self.hostileIDs {
            let release = ReleaseRef(source: nato, externalID: id)
            _ = try writer.record(fetched(["Text of \(id.prefix(20))."]), release: release, language: "en")
            #expect(try Store(at: root).release(release)?.originalID == (release.key.rawValue == id ? nil : id))
        }
        writer.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["store"])
        let releases = try FileManager.default.contentsOfDirectory(atPath: root + "/sources/nato/releases")
        #expect(releases.count == Self.hostileIDs.count)
        #expect(StoreChecker(store: try Store(at: root)).run().isClean)
    }
}
