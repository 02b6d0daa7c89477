public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where everything lives in a store folder. The layout is the format: plain files a person can
/// read with `cat`, `diff` and `grep`.
///
/// ```
/// <store>/store.json  lock  events.jsonl  index.tsv
/// <store>/sources/<source>/state.json
/// <store>/sources/<source>/releases/<key>/release.json
/// <store>/sources/<source>/releases/<key>/<lang>/0001.txt .json .html, 0002.txt .diff .json ...
/// <store>/sources/<source>/releases/<key>/align/en-fr.json
/// ```
public struct StoreLayout: Sendable, Hashable {
    /// The store's root folder.
    public let root: String

    /// The layout of the store at `root`.
    public init(root: String) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    /// The default store folder: `$STATE_DIRECTORY` (set by systemd's `StateDirectory=`), else
    /// `/var/lib/stele` for root, else `./var`.
    public static func defaultRoot(environment: [String: String] = ProcessInfo.processInfo.environment, userID: UInt32? = nil) -> String {
        // systemd may list several folders separated by colons; the first is ours.
        if let state = environment["STATE_DIRECTORY"]?.split(separator: ":").first, !state.isEmpty { return String(state) }
        return (userID ?? getuid()) == 0 ? "/var/lib/stele" : "var"
    }

    /// `store.json`: the format marker.
    public var formatFile: String { root + "/store.json" }
    /// `lock`: `flock`ed by the one writer, holding its pid.
    public var lockFile: String { root + "/lock" }
    /// `events.jsonl`: the append-only event log.
    public var eventLog: String { root + "/events.jsonl" }
    /// `index.tsv`: summaries of the releases, always rebuildable from the files.
    public var indexFile: String { root + "/index.tsv" }
    /// `sources/`.
    public var sourcesFolder: String { root + "/sources" }

    /// The folder of one source.
    public func sourceFolder(_ source: String) -> String { sourcesFolder + "/" + source }
    /// The feed state of one source.
    public func sourceState(_ source: String) -> String { sourceFolder(source) + "/state.json" }
    /// The folder holding a source's releases.
    public func releasesFolder(_ source: String) -> String { sourceFolder(source) + "/releases" }
    /// The folder of one release.
    public func releaseFolder(_ source: String, _ key: ReleaseKey) -> String { releasesFolder(source) + "/" + key.rawValue }
    /// `release.json` of one release.
    public func releaseFile(_ source: String, _ key: ReleaseKey) -> String { releaseFolder(source, key) + "/release.json" }
    /// The folder of one language of a release.
    public func languageFolder(_ source: String, _ key: ReleaseKey, _ language: String) -> String { releaseFolder(source, key) + "/" + language }
    /// The alignments folder of a release.
    public func alignFolder(_ source: String, _ key: ReleaseKey) -> String { releaseFolder(source, key) + "/align" }
    /// The latest alignment of a language pair, e.g. `align/en-fr.json`.
    public func alignmentFile(_ source: String, _ key: ReleaseKey, _ sourceLanguage: String, _ targetLanguage: String) -> String {
        alignFolder(source, key) + "/\(sourceLanguage)-\(targetLanguage).json"
    }

    /// A version's file: `<lang>/0007.<ext>` with `ext` one of `txt`, `json`, `html`, `diff`.
    public func versionFile(_ source: String, _ key: ReleaseKey, _ language: String, _ version: Int, _ kind: VersionFile) -> String {
        languageFolder(source, key, language) + "/" + Self.versionName(version) + "." + kind.rawValue
    }

    /// `7` → `0007`; numbers past 9999 simply grow (`10000`), and are sorted as numbers.
    public static func versionName(_ version: Int) -> String {
        let digits = String(version)
        return digits.count >= 4 ? digits : String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// The version number and kind of a file name such as `0007.txt`, or `nil`.
    public static func parseVersionFile(_ name: String) -> (version: Int, kind: VersionFile)? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count >= 4, parts[0].allSatisfy(\.isASCII), let number = Int(parts[0]), number >= 1,
              versionName(number) == parts[0], let kind = VersionFile(rawValue: String(parts[1])) else { return nil }
        return (number, kind)
    }
}

/// The files of one version.
public enum VersionFile: String, Sendable, CaseIterable {
    /// The extracted text, one paragraph a line.
    case text = "txt"
    /// The metadata; written last, its presence commits the version.
    case metadata = "json"
    /// The raw bytes as fetched.
    case raw = "html"
    /// The unified diff against the previous version.
    case diff
}
