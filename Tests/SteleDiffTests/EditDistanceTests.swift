import SteleDiff
import Testing

@Suite("Edit distance and did-you-mean")
struct EditDistanceTests {
    @Test("insertions, deletions, substitutions and neighbour swaps each cost one", arguments: [
        ("", "", 0), ("abc", "", 3), ("", "ab", 2), ("kitten", "sitting", 3), ("news_231010", "news_231001", 1),
        ("ca", "abc", 3), ("fr", "fr", 0), ("Українська", "Укранїська", 1),
    ])
    func distances(_ a: String, _ b: String, _ distance: Int) {
        #expect(EditDistance.between(a, b) == distance)
        #expect(EditDistance.between(b, a) == distance)
    }

    @Test("suggestions: the nearest names within the allowance, in name order", arguments: [
        ("fe", ["en", "fr", "uk"], ["fr"]),
        ("news_23104", ["news_231001", "news_231004", "news_231002"], ["news_231004"]),
        ("news_231099", ["news_231001", "news_231002", "news_231003", "news_231004"], ["news_231001", "news_231002", "news_231003"]),
        ("FEED", ["feed", "feeds"], ["feed"]),
        ("otan", ["nato"], []),
        ("x", [], []),
    ])
    func suggestions(_ word: String, _ candidates: [String], _ expected: [String]) {
        #expect(EditDistance.suggestions(for: word, among: candidates) == expected)
    }
}
