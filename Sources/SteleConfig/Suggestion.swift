import SteleDiff

/// "Did you mean ...?" for a misspelt name: the closest known name within a small edit distance.
enum Suggestion {
    static func closest(to word: String, among candidates: [String]) -> String? {
        EditDistance.suggestions(for: word, among: candidates, limit: 1).first
    }
}
