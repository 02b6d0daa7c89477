import SteleReports
import SteleStore
import Testing

@Suite("Naming a release")
struct ReleaseResolverTests {
    @Test("a release of the synced store is found by its key and by SOURCE/KEY", arguments: ["news_231003", "nato/news_231003", " news_231003 "])
    func found(_ name: String) async throws {
        let scenario = try await ScenarioStore.shared
        #expect(try ReleaseResolver(store: try scenario.store).resolve(name) == scenario.release(scenario.first + 2))
    }

    @Test("a prefix only one release has names it; SOURCE/ narrows the search to a source")
    func prefixes() throws {
        let temporary = try TemporaryStore(["nato/news_231374", "nato/news_240001", "otan/news_240001", "otan/speech_77"])
        let resolver = ReleaseResolver(store: try temporary.store)
        #expect(try resolver.resolve("news_2313").description == "nato/news_231374")
        #expect(try resolver.resolve("speech").description == "otan/speech_77")
        #expect(try resolver.resolve("otan/news_24").description == "otan/news_240001")
        #expect(throws: ReportError.ambiguousRelease(name: "news_240001", matches: ["nato/news_240001", "otan/news_240001"], count: 2)) {
            try resolver.resolve("news_240001")
        }
        #expect(throws: ReportError.ambiguousRelease(name: "news_", matches: ["nato/news_231374", "nato/news_240001", "otan/news_240001"], count: 3)) {
            try resolver.resolve("news_")
        }
    }

    @Test("a release whose id was hashed into its key is found by that id too")
    func hashedID() throws {
        let id = "https://example.org/news?id=42&lang=en"
        let temporary = try TemporaryStore(["nato/\(id)"])
        let release = try ReleaseResolver(store: try temporary.store).resolve(id)
        #expect(release.key == ReleaseKey(externalID: id))
    }

    @Test("a prefix several releases share is refused with the releases it could be")
    func ambiguous() async throws {
        let scenario = try await ScenarioStore.shared
        #expect(throws: ReportError.ambiguousRelease(name: "news_2310", matches: ["news_231001", "news_231002", "news_231003", "news_231004"], count: 4)) {
            try ReleaseResolver(store: try scenario.store).resolve("news_2310")
        }
        let message = ReportError.ambiguousRelease(name: "news_2310", matches: ["news_231001", "news_231002"], count: 4).description
        #expect(message == "\"news_2310\" names 4 releases: news_231001, news_231002, … (4 in all); type more of the key, or SOURCE/KEY")
    }

    @Test("an unknown name is refused with the nearest names, and is the command line's fault", arguments: [
        ("news_231010", ["news_231001"]),                                 // two digits swapped
        ("news_23104", ["news_231004"]),                                  // one left out
        ("231002", ["news_231002"]),                                      // the number alone
        ("nato/news_231099", ["news_231001", "news_231002", "news_231003"]),
        ("nato/press_1", []),                                             // nothing near
    ])
    func unknown(_ name: String, _ suggestions: [String]) async throws {
        let scenario = try await ScenarioStore.shared
        do {
            _ = try ReleaseResolver(store: try scenario.store).resolve(name)
            Issue.record("\(name) was resolved")
        } catch let error as ReportError {
            #expect(error == .unknownRelease(name: name, suggestions: suggestions))
            #expect(error.isUsageError)
        }
    }

    @Test("the message of an unknown release says what to type")
    func unknownMessage() {
        #expect(ReportError.unknownRelease(name: "news_231010", suggestions: ["news_231001", "news_231010x"]).description
            == "no release named \"news_231010\" in the store (did you mean news_231001 or news_231010x?); stele list shows the releases")
    }

    @Test("completion offers the keys that start with what was typed")
    func completion() async throws {
        let scenario = try await ScenarioStore.shared
        let resolver = ReleaseResolver(store: try scenario.store)
        #expect(resolver.completions(prefix: "news_23100") == ["news_231001", "news_231002", "news_231003", "news_231004"])
        #expect(resolver.completions(prefix: "x").isEmpty)
    }
}
