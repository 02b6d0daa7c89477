public import Foundation
import SteleStore

/// TMX 1.4b (the LISA/GALA translation memory exchange format), valid against its DTD: a header
/// naming the original language, then one `<tu>` per bead with a `<tuv xml:lang>` per language,
/// creation dates from the versions and the alignment, and the release as a property.
///
///     <tu tuid="nato/news_231001/en-fr/2" creationdate="20251204T131200Z">
///       <prop type="x-release">nato/news_231001</prop>
///       <prop type="x-confidence">0.98</prop>
///       <tuv xml:lang="en" creationdate="20251204T120000Z"><prop type="x-version">1</prop><seg>…</seg></tuv>
///       <tuv xml:lang="fr" creationdate="20251204T131200Z"><prop type="x-version">1</prop><seg>…</seg></tuv>
///     </tu>
public struct TMXWriter: PairFormat {
    /// The original language of every pair, or `nil` for `*all*`.
    public var sourceLanguage: String?
    /// The export's date, in the header.
    public var createdAt: Date
    /// The version of Stele, in the header.
    public var toolVersion: String

    /// A writer for pairs whose original is in `sourceLanguage` (`nil` when they differ).
    public init(sourceLanguage: String?, createdAt: Date, toolVersion: String) {
        self.sourceLanguage = sourceLanguage
        self.createdAt = createdAt
        self.toolVersion = toolVersion
    }

    /// The XML declaration, the document type, and `<header>`.
    public func header() -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE tmx SYSTEM "tmx14.dtd">
        <tmx version="1.4">
          <header creationtool="Stele" creationtoolversion="\(MarkupText.escape(toolVersion))" datatype="plaintext" segtype="paragraph" \
        adminlang="en" srclang="\(MarkupText.escape(sourceLanguage ?? "*all*"))" o-tmf="Stele store" creationdate="\(Self.date(createdAt))"/>
          <body>

        """
    }

    /// One `<tu>`.
    public func record(_ pair: AlignedPair) -> String {
        var properties = [("x-release", pair.release.description), ("x-pair", pair.pair.description), ("x-bead", pair.shape),
                          ("x-confidence", Self.decimal(pair.confidence)), ("x-alignment", pair.alignment.rawValue)]
        if let title = pair.title { properties.insert(("x-title", title), at: 1) }
        if pair.changedSinceTranslated { properties.append(("x-changed-since-translated", "true")) }
        var unit = "    <tu tuid=\"\(MarkupText.escape("\(pair.release)/\(pair.pair)/\(pair.bead)"))\" creationdate=\"\(Self.date(pair.alignedAt))\">\n"
        for (type, value) in properties {
            unit += "      <prop type=\"\(type)\">\(MarkupText.escape(value))</prop>\n"
        }
        for side in [pair.source, pair.target] {
            unit += "      <tuv xml:lang=\"\(MarkupText.escape(side.language))\" creationdate=\"\(Self.date(side.fetchedAt))\">"
            unit += "<prop type=\"x-version\">\(side.version)</prop><prop type=\"x-paragraphs\">\(side.paragraphs.map(String.init).joined(separator: " "))</prop>"
            unit += "<seg>\(MarkupText.escape(side.text))</seg></tuv>\n"
        }
        return unit + "    </tu>\n"
    }

    /// Closes `<body>` and `<tmx>`.
    public func footer() -> String {
        "  </body>\n</tmx>\n"
    }

    /// TMX's date form, `YYYYMMDDThhmmssZ` in UTC.
    static func date(_ date: Date) -> String {
        let text = StoreDate.format(date).utf8.filter { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: ":") }
        // "20251204T120000.000Z" → "20251204T120000Z"
        return String(decoding: text.prefix(15), as: UTF8.self) + "Z"
    }

    /// Two or three decimals, as a translation tool shows a score.
    static func decimal(_ value: Double) -> String {
        let thousandths = Int((min(1, max(0, value)) * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }

}
