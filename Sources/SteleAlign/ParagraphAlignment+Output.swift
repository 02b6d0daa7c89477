extension ParagraphAlignment {
    /// The alignment as `stele align --json` prints it: keys in the documented order, one bead a
    /// line, confidences rounded to three decimals.
    ///
    ///     {"from": "en", "to": "fr", "beads": [
    ///       {"source": [0], "target": [0], "confidence": 0.98},
    ///       {"source": [5], "target": [], "confidence": 0.9}
    ///     ]}
    public var json: String {
        let beadLines = beads.map { bead in
            let source = bead.source.map(String.init).joined(separator: ", ")
            let target = bead.target.map(String.init).joined(separator: ", ")
            let confidence = (bead.confidence * 1000).rounded() / 1000
            return "  {\"source\": [\(source)], \"target\": [\(target)], \"confidence\": \(confidence)}"
        }
        let head = "{\"from\": \"\(from.code)\", \"to\": \"\(to.code)\", \"beads\": ["
        return beadLines.isEmpty ? head + "]}" : head + "\n" + beadLines.joined(separator: ",\n") + "\n]}"
    }
}

/// Splits text into paragraphs the way every Stele tool does: one paragraph a line, surrounding
/// white space trimmed, empty lines dropped (they take no index).
public enum ParagraphText {
    /// The paragraphs of `text` (LF or CRLF line ends).
    public static func paragraphs(in text: String) -> [String] {
        text.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            .map { line in String(line.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()) }
            .filter { !$0.isEmpty }
    }
}
