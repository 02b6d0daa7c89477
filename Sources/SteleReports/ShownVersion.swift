import SteleStore
/// One version's text with what is known of it, for `stele show --json`.
public struct ShownVersion: Sendable {
    /// The version.
    public let version: ResolvedVersion
    /// Its paragraphs.
    public let paragraphs: [String]

    /// Reads the version `version` of `reader`'s release.
    public init(_ reader: ReleaseReader, _ version: ResolvedVersion) throws(ReportError) {
        self.version = version
        paragraphs = try reader.paragraphs(version)
    }

    /// `release`, the version's `language`, `version`, `fetchedAt`, `url`, `sha256`, and its `text` as a list of paragraphs.
    public var json: String {
        struct Shown: Encodable {
            var release: String
            var version: VersionJSON
            var text: [String]
        }
        return ReportJSON.encode(Shown(release: version.release.description, version: VersionJSON(version), text: paragraphs))
    }
}
