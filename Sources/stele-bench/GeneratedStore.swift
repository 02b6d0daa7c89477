import Foundation
import SteleAlign
import SteleFixtures
import SteleLanguage
import SteleStore

/// A store of N NATO-like releases written through the store's own writer — so that it is a store
/// in every respect and passes `stele check` — with 3 languages × 3 versions each: the English,
/// then the French and Ukrainian translations hours later, each revised twice over four days (the
/// French's last revision just before the English's, so that the French is stale and the Ukrainian
/// is not). Alignments are those the sync would store.
enum GeneratedStore {
    static let languages = ["en", "fr", "uk"]

    /// Writes the store at `root`; `progress` is called every 1,000 releases.
    static func write(releases: Int, at root: String, progress: (Int) -> Void) throws {
        let writer = try StoreWriter(at: root)
        defer { writer.close() }
        let aligner = ParagraphAligner()
        let start = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01
        for index in 0..<releases {
            let number = NATOLikeSite.firstNumber + index
            let release = ReleaseRef(source: "nato", key: ReleaseKey(validating: NATOLikeSite.key(number))!)
            let text = ReleaseText.generate(number: number)
            let published = start + Double(index) * 3000  // one release every 50 minutes: 10,000 span a year
            let url = "https://www.nato.int/cps/en/natohq/news_\(number).htm"
            func address(_ language: String) -> String { language == "en" ? url : url + "?selectedLocale=\(language)" }
            // (hours after publication, language, revision)
            let fetches: [(Double, String, Int)] = [
                (0, "en", 0), (2, "fr", 0), (5, "uk", 0), (24, "en", 1), (26, "fr", 1), (48, "uk", 1), (70, "fr", 2), (72, "en", 2), (96, "uk", 2),
            ]
            for (hours, language, revision) in fetches {
                var paragraphs = text.paragraphs[language]!
                if revision > 0 { paragraphs[min(revision, paragraphs.count - 1)] += revision == 1 ? " (Updated.)" : " (Corrected.)" }
                _ = try writer.record(
                    FetchedText(paragraphs: paragraphs, url: address(language), fetchedAt: published + hours * 3600, detectedLanguage: language, languageConfidence: 0.99),
                    release: release, language: language)
            }
            var record = ReleaseRecord(key: release.key, source: "nato", firstSeen: published, published: published)
            for language in languages {
                record.languages[language] = LanguageEntry(url: address(language), title: text.title[language], status: .present, statusSince: published)
            }
            try writer.saveRelease(record)
            let english = try writer.store.paragraphs(release, language: "en", version: 3)
            for language in ["fr", "uk"] {
                let version = try writer.store.versionNumbers(release, language: language).last!
                let alignment = aligner.align(
                    source: english, target: try writer.store.paragraphs(release, language: language, version: version),
                    from: .en, to: language == "fr" ? .fr : .uk)
                try writer.saveAlignment(AlignmentRecord(
                    source: .init(language: "en", version: 3), target: .init(language: language, version: version), computedAt: published + 96 * 3600,
                    method: "stele-align", beads: alignment.beads),
                    release: release)
            }
            if (index + 1) % 1000 == 0 { progress(index + 1) }
        }
    }
}
