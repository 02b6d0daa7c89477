/// The kinds of things that survive translation and so tie a paragraph to its translation.
enum AnchorKind: UInt8, CaseIterable, Sendable {
    /// A number of two or more digits, or with a fraction, separators normalised (`1 000` = `1,000`).
    case number = 1
    /// A number of one digit: frequent by chance, so weak evidence.
    case digit
    /// A month, whatever the language (`Feb.`, `février`, `лютого`).
    case month
    /// A percentage (`%`, `per cent`, `pour cent`, `відсотків`).
    case percent
    /// A quotation mark of any language (" “ ” « » „).
    case quote
    /// A question mark.
    case question
    /// An exclamation mark.
    case exclamation
    /// A colon that is not inside a time of day.
    case colon
    /// An opening parenthesis.
    case parenthesis
    /// A list bullet or a list number opening the paragraph.
    case bullet
    /// An acronym (`NATO`, `OTAN` and `НАТО` are one).
    case acronym
    /// A proper name, compared through its ``NameKey``.
    case name

    /// Names and acronyms count once per bead however often they are repeated: translators replace
    /// repeats with pronouns. Everything else is counted.
    var countsPresenceOnly: Bool { self == .name || self == .acronym }

    /// The anchor token for this kind and value: the kind in the top byte, the value below.
    @inline(__always)
    func token(_ value: UInt64 = 0) -> UInt64 {
        UInt64(rawValue) << 56 | (value & 0x00FF_FFFF_FFFF_FFFF)
    }

    /// The kind of an anchor token.
    @inline(__always)
    static func of(_ token: UInt64) -> AnchorKind {
        AnchorKind(rawValue: UInt8(token >> 56)) ?? .number
    }
}
