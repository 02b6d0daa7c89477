import SteleConfig
import SteleFeeds
import SteleLanguage
@testable import SteleSync
import Testing

@Suite("Feed items grouped into releases")
struct ReleaseCandidateTests {
    private func source(key: String?) -> SourceContext {
        SourceContext(SourceConfiguration(id: "nato", languages: [.en, .fr], feeds: [FeedSubscription(url: "https://example.org/feed.xml")],
                                          versions: .pageLinks, keyPattern: key), maxBodyBytes: 1 << 20)
    }

    private func observations(_ links: [String]) -> [FeedObservation] {
        links.enumerated().map { FeedObservation(item: FeedItem(id: "item-\($0.offset)", link: $0.element, title: "Title \($0.offset)"), language: nil) }
    }

    @Test("a key pattern that gives different addresses one key is reported, with both addresses")
    func collision() {
        let links = ["https://example.org/news_1.htm", "https://example.org/news_2.htm", "https://example.org/news_3.htm"]
        let coarse = ReleaseCandidate.collect(observations(links), source: source(key: "news"))
        #expect(coarse.candidates.count == 1)
        #expect(coarse.collisions == [
            .init(key: "news", first: links[0], second: links[1]), .init(key: "news", first: links[0], second: links[2]),
        ])
        let fine = ReleaseCandidate.collect(observations(links), source: source(key: #"news_\d+"#))
        #expect(fine.candidates.count == 3)
        #expect(fine.collisions.isEmpty)
    }
}
