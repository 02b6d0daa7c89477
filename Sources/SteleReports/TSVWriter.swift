import SteleStore
/// Tab-separated values: a header line naming the columns (the two languages, `release`,
/// `confidence`), then one line per pair. When the export holds several language pairs the first
/// two columns are `source` and `target` and a fifth, `pair`, says which (`en-uk`). Inside a field
/// a backslash is written `\\`, a tab `\t`, a line feed `\n` and a carriage return `\r`, so
/// that every pair stays on one line and `cut -f1` gives the originals.
public struct TSVWriter: PairFormat {
    /// The languages of the first two columns' header, e.g. `en` and `fr`; `source` and `target`
    /// when the export holds several pairs.
    public var columns: (source: String, target: String)
    /// Whether each line names its language pair (the export holds several).
    public var namesPairs: Bool

    /// A writer whose header names the languages of `pairs` when there is one pair.
    public init(pairs: [LanguagePair]) {
        namesPairs = pairs.count != 1
        columns = namesPairs ? ("source", "target") : (pairs[0].source, pairs[0].target)
    }

    /// The header line.
    public func header() -> String {
        "\(Self.escape(columns.source))\t\(Self.escape(columns.target))\trelease\tconfidence" + (namesPairs ? "\tpair\n" : "\n")
    }

    /// One line.
    public func record(_ pair: AlignedPair) -> String {
        var line = "\(Self.escape(pair.source.text))\t\(Self.escape(pair.target.text))\t\(Self.escape(pair.release.description))\t\(TMXWriter.decimal(pair.confidence))"
        if namesPairs { line += "\t\(Self.escape(pair.source.language))-\(Self.escape(pair.target.language))" }
        return line + "\n"
    }

    /// Nothing.
    public func footer() -> String { "" }

    /// A field with its backslashes, tabs and line ends escaped.
    public static func escape(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        var result = ""
        result.reserveCapacity(field.utf8.count + 8)
        for scalar in field.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The field `escape` made, back as it was.
    public static func unescape(_ field: String) -> String {
        guard field.contains("\\") else { return field }
        var result = ""
        var escaped = false
        for scalar in field.unicodeScalars {
            if escaped {
                switch scalar {
                case "t": result += "\t"
                case "n": result += "\n"
                case "r": result += "\r"
                default: result.unicodeScalars.append(scalar)
                }
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
