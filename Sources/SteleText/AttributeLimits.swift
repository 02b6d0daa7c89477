/// The bounds on attributes that keep libxml2's quadratic duplicate check cheap, checked by
/// ``AttributeCensus`` before a page or a feed is parsed.
///
/// Measured with libxml2 2.9.14: one `<p>` with 40,000 attributes holds the HTML parser for about
/// 10 s, and 10 MB of elements with 1,000 bare attributes each still take 5.5 s of CPU, which is
/// why the sum over the document is bounded as well. No real page or feed comes near either limit:
/// a busy element has a few dozen attributes, and a whole 10 MB page a few million comparisons.
public struct AttributeLimits: Sendable, Hashable {
    /// Attributes on one element.
    public var perElement: Int
    /// Pairs of attributes libxml2 compares in the whole document (n(n-1)/2 per element):
    /// 50 million take it about 0.3 s.
    public var comparisons: Int

    /// The defaults: 1,000 attributes on one element, 50,000,000 comparisons in all.
    public init(perElement: Int = 1_000, comparisons: Int = 50_000_000) {
        self.perElement = perElement
        self.comparisons = comparisons
    }

    /// Whether `census` goes past a limit.
    public func isExceeded(by census: AttributeCensus) -> Bool {
        census.largestElement > perElement || census.comparisons > comparisons
    }

    /// Refuses `bytes` when their start tags, read as `dialect`, go past a limit. One linear pass,
    /// stopped at the first tag past a limit.
    public func check(_ bytes: [UInt8], dialect: MarkupDialect) throws(AttributeFlood) {
        let census = AttributeCensus.take(of: bytes, dialect: dialect, stoppingPast: self)
        guard isExceeded(by: census) else { return }
        throw AttributeFlood(census: census, limits: self)
    }
}

/// A document refused because its attributes would make libxml2 spend minutes on it.
public struct AttributeFlood: Error, Sendable, Hashable, CustomStringConvertible {
    /// What the scan had counted when it stopped.
    public var census: AttributeCensus
    /// The limits it went past.
    public var limits: AttributeLimits

    /// The refusal of `census` under `limits`.
    public init(census: AttributeCensus, limits: AttributeLimits) {
        self.census = census
        self.limits = limits
    }

    /// Which limit, and what it means: `an element with 40,000 attributes (more than 1,000): refused, ...`.
    public var description: String {
        let what = census.largestElement > limits.perElement
            ? "an element with \(Self.grouped(census.largestElement)) attributes (more than \(Self.grouped(limits.perElement)))"
            : "elements with \(Self.grouped(census.total)) attributes between them, up to \(Self.grouped(census.largestElement)) on one, "
                + "would cost the parser \(Self.grouped(census.comparisons)) comparisons (more than \(Self.grouped(limits.comparisons)))"
        return what + ": refused, a document built to slow the parser down (libxml2 compares each attribute with every earlier one of its element)"
    }

    /// `40000` as `40,000`.
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number.magnitude))
        var text = number < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
