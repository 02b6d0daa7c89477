/// Durations as people write them in the configuration: `500ms`, `30s`, `15m`, `6h`, `2d`, `1w`,
/// and sums like `1h30m`.
public enum DurationText {
    private static let units: [(suffix: String, milliseconds: Int64)] = [
        ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000), ("w", 604_800_000),
    ]

    /// The duration `text` names, or `nil` when it is not of that form.
    public static func parse(_ text: String) -> Duration? {
        var rest = Substring(text.trimmingASCIISpaces())
        guard !rest.isEmpty else { return nil }
        var total: Int64 = 0
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 9, let amount = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            let unit = rest.prefix { $0.isASCII && $0.isLetter }
            guard let match = units.first(where: { $0.suffix == unit }) else { return nil }
            rest = rest.dropFirst(unit.count)
            let (product, overflow) = amount.multipliedReportingOverflow(by: match.milliseconds)
            guard !overflow, total <= Int64.max - product else { return nil }
            total += product
        }
        return .milliseconds(total)
    }

    /// The shortest text `parse` reads back as `duration`: `90m` becomes `1h30m`.
    public static func format(_ duration: Duration) -> String {
        var milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        guard milliseconds > 0 else { return "0s" }
        var text = ""
        for (suffix, size) in units.reversed() where milliseconds >= size {
            text += "\(milliseconds / size)\(suffix)"
            milliseconds %= size
        }
        return text
    }
}

extension String {
    func trimmingASCIISpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
