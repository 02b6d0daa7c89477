import Foundation
public import SteleStore
import SteleDiff

/// Finds the release a person named: by its key (`news_231374`), by `SOURCE/KEY`
/// (`nato/news_231374`), by a prefix that only one release has (`news_2313` when it is unique), or
/// by the outside id a hashed key was made from. Reads folder names only, never takes a lock.
public struct ReleaseResolver: Sendable {
    /// The store searched.
    public let store: Store

    /// How many names an "ambiguous" message lists.
    static let shownMatches = 8

    /// A resolver over `store`.
    public init(store: Store) {
        self.store = store
    }

    /// The release `name` designates; an unknown or ambiguous name is an error that lists the
    /// nearest or the competing names.
    public func resolve(_ name: String) throws(ReportError) -> ReleaseRef {
        let name = name.trimmingCharacters(in: .whitespaces)
        let sources = try ReportError.reading { () throws(StoreError) in try store.sources() }
        var scope = sources
        var keyPart = name
        if let slash = name.firstIndex(of: "/"), sources.contains(String(name[..<slash])) {
            scope = [String(name[..<slash])]
            keyPart = String(name[name.index(after: slash)...])
        }
        // The exact key (or the key made from an outside id), without listing any folder.
        let exact = scope.compactMap { source -> ReleaseRef? in
            for key in [ReleaseKey(validating: keyPart), ReleaseKey(externalID: keyPart)].compactMap({ $0 }) {
                let release = ReleaseRef(source: source, key: key)
                if exists(release) { return release }
            }
            return nil
        }
        if exact.count == 1 { return exact[0] }
        if exact.count > 1 { throw .ambiguousRelease(name: name, matches: exact.map(\.description), count: exact.count) }

        var all: [ReleaseRef] = []
        for source in scope { all += try ReportError.reading { () throws(StoreError) in try store.releases(source: source) } }
        let prefixed = keyPart.isEmpty ? [] : all.filter { $0.key.rawValue.hasPrefix(keyPart) }
        if prefixed.count == 1 { return prefixed[0] }
        let qualify = sources.count > 1
        func shown(_ release: ReleaseRef) -> String { qualify ? release.description : release.key.rawValue }
        if prefixed.count > 1 {
            throw .ambiguousRelease(name: name, matches: prefixed.prefix(Self.shownMatches).map(shown), count: prefixed.count)
        }
        throw .unknownRelease(name: name, suggestions: suggestions(for: keyPart, among: all).map(shown))
    }

    /// Keys (or `SOURCE/KEY` when the store has several sources) that start with `prefix`, for
    /// shell completion; from the index, so that it answers at once.
    public func completions(prefix: String) -> [String] {
        guard let summaries = try? store.summaries() else { return [] }
        let qualify = Set(summaries.map(\.source)).count > 1
        return summaries.map { qualify ? $0.release.description : $0.key.rawValue }.filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// A damaged release (a file in place of its folder) is still that release: reading it then
    /// says it is damaged, rather than that it does not exist.
    private func exists(_ release: ReleaseRef) -> Bool {
        store.hasReleaseEntry(release)
    }

    /// Keys within a few typos of `name`, then keys that contain it (someone typing the number of
    /// `news_231374` alone).
    private func suggestions(for name: String, among releases: [ReleaseRef]) -> [ReleaseRef] {
        guard !name.isEmpty else { return [] }
        let byKey = Dictionary(releases.map { ($0.key.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        var result = EditDistance.suggestions(for: name, among: Array(byKey.keys), limit: 3).compactMap { byKey[$0] }
        if result.isEmpty, name.count >= 3 {
            result = releases.filter { $0.key.rawValue.contains(name) }.prefix(3).map { $0 }
        }
        return result
    }
}
