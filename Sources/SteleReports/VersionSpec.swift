/// A version as a person names it: `en` (the newest English version), `en@2` (version 2),
/// `en@-1` (the one before the newest), `fr@-2`, ...
public struct VersionSpec: Sendable, Equatable, CustomStringConvertible {
    /// Which version of the language.
    public enum Selector: Sendable, Equatable {
        /// The newest version.
        case newest
        /// Version `n`, from 1.
        case number(Int)
        /// The version `n` steps before the newest (`@-1` is the one before it).
        case back(Int)
    }

    /// The language code, lower case.
    public var language: String
    /// Which of its versions.
    public var selector: Selector

    /// A spec for `selector` of `language`.
    public init(language: String, selector: Selector = .newest) {
        self.language = language
        self.selector = selector
    }

    /// Reads `LANG`, `LANG@N` or `LANG@-N`; language codes are case-insensitive (`EN@2`).
    public init(parsing text: String) throws(ReportError) {
        let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        let code = parts[0].lowercased()
        guard Self.isLanguageCode(code) else { throw .invalidVersionSpec(text) }
        language = code
        guard parts.count == 2 else {
            selector = .newest
            return
        }
        let number = parts[1]
        if number.hasPrefix("-"), let steps = Int(number.dropFirst()), steps > 0, number.dropFirst().allSatisfy(\.isASCII) {
            selector = .back(steps)
        } else if let version = Int(number), version > 0, number.allSatisfy({ $0.isASCII && $0.isNumber }) {
            selector = .number(version)
        } else {
            throw .invalidVersionSpec(text)
        }
    }

    /// `en`, `en@2`, `en@-1`.
    public var description: String {
        switch selector {
        case .newest: language
        case .number(let version): "\(language)@\(version)"
        case .back(let steps): "\(language)@-\(steps)"
        }
    }

    /// The version this spec picks among `versions` (increasing), or `nil`.
    func pick(among versions: [Int]) -> Int? {
        switch selector {
        case .newest: versions.last
        case .number(let version): versions.contains(version) ? version : nil
        case .back(let steps): steps < versions.count ? versions[versions.count - 1 - steps] : nil
        }
    }

    /// `en`, `fr`, `pt-br`: a primary code of 2–3 letters and optional subtags.
    static func isLanguageCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        return (2...3).contains(parts[0].count) && parts[0].allSatisfy { $0.isASCII && $0.isLetter } && parts.count <= 3
            && parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
