public import Foundation
public import SteleDiff

/// `<lang>/0007.json`: what is known about one version of one language of a release. Its
/// presence is what makes the version exist.
public struct VersionMetadata: Codable, Sendable, Equatable {
    /// The version number, from 1.
    public var version: Int
    /// The language folder this version belongs to (`en`, `fr`, `uk`).
    public var language: String
    /// The address the text was fetched from (after redirects).
    public var url: String
    /// When this text was first fetched.
    public var fetchedAt: Date
    /// When this same text was last fetched again (equal to `fetchedAt` until then).
    public var lastSeenAt: Date
    /// How many fetches returned this same text, the first included.
    public var seenCount: Int
    /// The HTTP validators of the latest fetch of this text, for the next conditional request.
    public var etag: String?
    /// The `Last-Modified` of the latest fetch of this text.
    public var lastModified: String?
    /// The `Content-Type` as served.
    public var contentType: String?
    /// SHA-256 of the `.txt` file, lowercase hex: the identity of the text.
    public var sha256: String
    /// Paragraphs (lines) in the text.
    public var paragraphs: Int
    /// Bytes in the text.
    public var textBytes: Int
    /// SHA-256 of the `.html` file, when the raw bytes were kept.
    public var rawSHA256: String?
    /// Bytes in the `.html` file.
    public var rawBytes: Int?
    /// The language the identifier found in the text, which may differ from `language`.
    public var detectedLanguage: String?
    /// The identifier's confidence, 0…1.
    public var languageConfidence: Double?
    /// What changed against the previous version (absent for version 1).
    public var changes: DiffStatistics?

    /// Metadata with every field given.
    public init(
        version: Int, language: String, url: String, fetchedAt: Date, lastSeenAt: Date, seenCount: Int,
        etag: String?, lastModified: String?, contentType: String?, sha256: String, paragraphs: Int, textBytes: Int,
        rawSHA256: String?, rawBytes: Int?, detectedLanguage: String?, languageConfidence: Double?, changes: DiffStatistics?
    ) {
        self.version = version
        self.language = language
        self.url = url
        self.fetchedAt = fetchedAt
        self.lastSeenAt = lastSeenAt
        self.seenCount = seenCount
        self.etag = etag
        self.lastModified = lastModified
        self.contentType = contentType
        self.sha256 = sha256
        self.paragraphs = paragraphs
        self.textBytes = textBytes
        self.rawSHA256 = rawSHA256
        self.rawBytes = rawBytes
        self.detectedLanguage = detectedLanguage
        self.languageConfidence = languageConfidence
        self.changes = changes
    }
}

/// One fetch of a language version, as the sync engine hands it to the store.
public struct FetchedText: Sendable {
    /// The extracted paragraphs, in order. Line breaks inside a paragraph become spaces and empty
    /// paragraphs are dropped, so that the text file keeps one paragraph a line.
    public var paragraphs: [String]
    /// The raw bytes as fetched, kept as `.html` for re-extraction; `nil` to keep none.
    public var raw: [UInt8]?
    /// The address fetched (after redirects).
    public var url: String
    /// When the fetch completed.
    public var fetchedAt: Date
    /// The response's `ETag`.
    public var etag: String?
    /// The response's `Last-Modified`.
    public var lastModified: String?
    /// The response's `Content-Type`.
    public var contentType: String?
    /// The language identified in the text.
    public var detectedLanguage: String?
    /// The identifier's confidence, 0…1.
    public var languageConfidence: Double?

    /// A fetch result; only the paragraphs, the address and the time are required.
    public init(
        paragraphs: [String], raw: [UInt8]? = nil, url: String, fetchedAt: Date = Date(), etag: String? = nil, lastModified: String? = nil,
        contentType: String? = nil, detectedLanguage: String? = nil, languageConfidence: Double? = nil
    ) {
        self.paragraphs = paragraphs
        self.raw = raw
        self.url = url
        self.fetchedAt = fetchedAt
        self.etag = etag
        self.lastModified = lastModified
        self.contentType = contentType
        self.detectedLanguage = detectedLanguage
        self.languageConfidence = languageConfidence
    }

    /// The text as stored: UTF-8, one paragraph a line, each line ending with a newline.
    public var storedText: String {
        var text = ""
        for paragraph in paragraphs {
            let line = paragraph.contains(where: \.isNewline)
                ? paragraph.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).joined(separator: " ")
                : paragraph
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            text += line
            text += "\n"
        }
        return text
    }
}

/// What recording a fetch did.
public enum RecordOutcome: Sendable, Equatable {
    /// The text was new: a version was written (its metadata is given).
    case newVersion(VersionMetadata)
    /// The text equals the latest version's: only "seen" was recorded in its metadata.
    case unchanged(VersionMetadata)

    /// The metadata of the version written or seen again.
    public var metadata: VersionMetadata {
        switch self {
        case .newVersion(let metadata), .unchanged(let metadata): metadata
        }
    }
}
