/// A file format for exported pairs: text before the first pair, one piece per pair, text after
/// the last, so that an export streams however large the store.
public protocol PairFormat: Sendable {
    /// What comes before the first pair.
    func header() -> String
    /// One pair.
    func record(_ pair: AlignedPair) -> String
    /// What comes after the last pair.
    func footer() -> String
}

/// `stele export --format`.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// TMX 1.4b, for translation-memory tools.
    case tmx
    /// Tab-separated values with a header line.
    case tsv
    /// One JSON object a line, with everything.
    case jsonl
}
