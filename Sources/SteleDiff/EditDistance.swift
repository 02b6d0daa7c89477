/// The edit distance of short strings, and the "did you mean" built on it: the names a person
/// most likely meant when they typed one that does not exist.
public enum EditDistance {
    /// Insertions, deletions, substitutions and swaps of two neighbouring characters that turn `a`
    /// into `b` (the optimal string alignment distance: `news_231010` is one swap from `news_231001`).
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }

    /// The candidates nearest to `word` (ignoring case), at most `limit` of them in name order: those
    /// at the smallest distance found, provided it is within an allowance that grows with the
    /// word's length (1 for short words, at most 3). A typo is suggested, an unrelated name is not,
    /// and a near name is not drowned among farther ones.
    public static func suggestions(for word: String, among candidates: [String], limit: Int = 3) -> [String] {
        let lowered = word.lowercased()
        var best = max(1, min(3, word.count / 3))
        var nearest: [String] = []
        for candidate in candidates {
            // Lengths that differ by more than the allowance cannot be within it: skip the table.
            guard abs(candidate.count - word.count) <= best else { continue }
            let distance = between(lowered, candidate.lowercased())
            if distance < best {
                best = distance
                nearest = [candidate]
            } else if distance == best {
                nearest.append(candidate)
            }
        }
        return Array(nearest.sorted().prefix(max(0, limit)))
    }
}
