import Foundation
import Logging
import SteleAlign
import SteleLanguage
import SteleStore

/// Keeps each release's alignments (primary language against each other one) computed on the
/// newest versions: a pair is aligned again only when one of its sides has a newer version.
struct Realigner: Sendable {
    let aligner: ParagraphAligner

    /// Aligns the pairs whose newest versions are not the ones their alignment was computed on;
    /// returns how many were computed.
    func realign(_ release: ReleaseRef, record: ReleaseRecord, languages: [Language], writer: StoreWriter, now: Date, logger: Logger) throws(StoreError) -> Int {
        let store = writer.store
        let primary = languages[0]
        guard record.languages[primary.code]?.status == .present,
              let sourceVersion = try store.versionNumbers(release, language: primary.code).last
        else { return 0 }
        var sourceParagraphs: [String]?
        var computed = 0
        for language in languages.dropFirst() where record.languages[language.code]?.status == .present {
            guard let targetVersion = try store.versionNumbers(release, language: language.code).last else { continue }
            let existing = try store.alignment(release, sourceLanguage: primary.code, targetLanguage: language.code)
            if existing?.source.version == sourceVersion, existing?.target.version == targetVersion { continue }
            let source: [String]
            if let cached = sourceParagraphs {
                source = cached
            } else {
                source = try store.paragraphs(release, language: primary.code, version: sourceVersion)
                sourceParagraphs = source
            }
            let target = try store.paragraphs(release, language: language.code, version: targetVersion)
            // A page of a million one-word paragraphs is stored, but not aligned: the aligner's
            // memory grows with the paragraphs.
            guard max(source.count, target.count) <= ParagraphAligner.maximumParagraphs else {
                logger.warning("too many paragraphs to align; left unaligned", metadata: [
                    "release": "\(release)", "pair": "\(primary.code)-\(language.code)", "paragraphs": "\(source.count) and \(target.count)",
                    "limit": "\(ParagraphAligner.maximumParagraphs)",
                ])
                continue
            }
            let alignment = aligner.align(source: source, target: target, from: primary, to: language)
            try writer.saveAlignment(AlignmentRecord(
                source: .init(language: primary.code, version: sourceVersion),
                target: .init(language: language.code, version: targetVersion),
                computedAt: now, method: "stele-align",
                beads: alignment.beads
            ), release: release)
            computed += 1
        }
        return computed
    }
}
