import Foundation
import SteleConfig
import SteleExtract
import SteleFeeds
import SteleStore
import SteleLanguage

/// A release as the feeds announce it: its key and what the feeds say of each language.
struct ReleaseCandidate: Sendable {
    var release: ReleaseRef
    var published: Date?
    var titles: [Language: String] = [:]
    var addresses: [Language: String] = [:]
}

extension ReleaseCandidate {
    /// Two feed items of one language whose addresses differ but give the same key: the key
    /// pattern is too coarse, and the second item is taken for the first release.
    struct KeyCollision: Equatable {
        var key: String
        var first: String
        var second: String
    }

    /// Groups feed items into releases, with the address of each language known without fetching
    /// anything: from the rewrite rule, the sitemap's alternates, or the per-language feeds.
    static func collect(_ observations: [FeedObservation], source: SourceContext) -> (candidates: [ReleaseCandidate], collisions: [KeyCollision]) {
        var byKey: [String: ReleaseCandidate] = [:]
        var order: [String] = []
        var collisions: [KeyCollision] = []
        for observation in observations {
            let item = observation.item
            guard let key = source.keyPattern.key(link: item.link, id: item.id) else { continue }
            let language = observation.language ?? source.configuration.primaryLanguage
            if let link = item.link, let earlier = byKey[key]?.addresses[language], earlier != link {
                collisions.append(KeyCollision(key: key, first: earlier, second: link))
            }
            var candidate = byKey[key] ?? ReleaseCandidate(release: ReleaseRef(source: source.configuration.id, externalID: key))
            if byKey[key] == nil { order.append(key) }
            if language == source.configuration.primaryLanguage || candidate.published == nil {
                candidate.published = item.published ?? item.updated ?? candidate.published
            }
            if let title = item.title, !title.isEmpty { candidate.titles[language] = title }
            if let link = item.link { candidate.addresses[language] = candidate.addresses[language] ?? link }
            for (tag, address) in item.alternates {
                if let alternate = Language(tag: tag), alternate != .other { candidate.addresses[alternate] = candidate.addresses[alternate] ?? address }
            }
            byKey[key] = candidate
        }
        let candidates = order.compactMap { byKey[$0] }.map { candidate in
            var candidate = candidate
            candidate.addresses = source.addresses(startingFrom: candidate.addresses)
            return candidate
        }
        return (candidates, collisions)
    }
}
