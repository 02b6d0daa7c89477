import Foundation
import Logging
import SteleConfig
import SteleExtract
import SteleHTTP
import SteleStore
import SteleLanguage

/// Brings one release up to date: fetches the language versions that are due, stores the ones
/// whose text changed, records translations that are not there yet as pending, and realigns.
struct ReleaseSync: Sendable {
    let source: SourceContext
    let client: HTTPClient
    let store: Store
    /// `nil` in a dry run: nothing is written.
    let writer: StoreWriter?
    let publisher: EventPublisher
    let realigner: Realigner
    let progress: SyncProgress
    let timing: SyncTiming
    let logger: Logger

    /// Updates `existing` (or a new record for `candidate`); returns what was done and when the
    /// release is due again. A store error (a full disk) is thrown: the pass must stop.
    func run(release: ReleaseRef, existing: ReleaseRecord?, candidate: ReleaseCandidate?, ignoringSchedules: Bool) async throws(StoreError) -> PassReport {
        let now = timing.now()
        var record = existing ?? ReleaseRecord(key: release.key, originalID: release.originalID, source: source.id, firstSeen: now, published: candidate?.published)
        merge(candidate, into: &record, now: now)

        let primary = source.configuration.primaryLanguage
        var fetches: [(Language, LanguageFetch)] = []
        if isDue(record.languages[primary.code], now: now, ignoringSchedules: ignoringSchedules) {
            let fetch = await fetch(primary, of: record, release: release)
            fetches.append((primary, fetch))
            if case .page(let page, _) = fetch, case .pageLinks = source.configuration.versions {
                for (language, link) in page.alternates where language != primary && source.configuration.languages.contains(language) {
                    if var entry = record.languages[language.code], entry.url == nil {
                        entry.url = link.url
                        record.languages[language.code] = entry
                    }
                }
            }
        }
        let others = source.configuration.languages.dropFirst().filter {
            isDue(record.languages[$0.code], now: now, ignoringSchedules: ignoringSchedules)
        }
        let snapshot = record
        fetches += await withTaskGroup(of: (Language, LanguageFetch).self) { group in
            for language in others {
                group.addTask { (language, await fetch(language, of: snapshot, release: release)) }
            }
            return await group.reduce(into: [(Language, LanguageFetch)]()) { $0.append($1) }
        }.sorted { $0.0 < $1.0 }
        // Cancelled (the daemon stops): record nothing of fetches that may have been cut short.
        guard !Task.isCancelled else { return PassReport() }

        let before = existing, fetched = fetches, merged = record
        var report = try await BlockingWork.run { [self] () throws(StoreError) -> PassReport in
            func commitFetches() throws(StoreError) -> PassReport {
                try commit(fetched, to: merged, before: before, candidate: candidate, release: release, now: now)
            }
            guard let writer else { return try commitFetches() }
            return try writer.holdingIndexUpdates(of: release) { () throws(StoreError) in try commitFetches() }
        }
        if ignoringSchedules { report.paused = pausedLanguages(of: record, now: now) }
        return report
    }

    /// The language versions a manual pass leaves alone because they are pausing after failures.
    private func pausedLanguages(of record: ReleaseRecord, now: Date) -> [PassReport.Paused] {
        source.configuration.languages.compactMap { language in
            guard let entry = record.languages[language.code], let url = entry.url, let failures = entry.consecutiveFailures,
                  entry.status == .pending || entry.status == .present, !(entry.nextCheck.map { $0 <= now } ?? false) else { return nil }
            return PassReport.Paused(source: source.id, url: url, failures: failures, lastError: entry.lastError, until: entry.nextCheck)
        }
    }

    /// Records what the fetches found: versions, statuses, events, alignments, and the record.
    private func commit(_ fetched: [(Language, LanguageFetch)], to merged: ReleaseRecord, before: ReleaseRecord?, candidate: ReleaseCandidate?,
                        release: ReleaseRef, now: Date) throws(StoreError) -> PassReport {
        var record = merged
        var report = PassReport()
        if before == nil {
            report.newReleases += 1
            let title = candidate?.titles[source.configuration.primaryLanguage]
            publisher.publish(.releaseNew, release: release, details: title.map { ["title": $0] } ?? [:], at: now)
        }
        var changed = false
        for (language, fetch) in fetched {
            if try apply(fetch, language: language, to: &record, release: release, now: now, report: &report) { changed = true }
        }
        if let writer {
            // Alignments change only with versions: a pass that stored nothing aligns nothing.
            if changed || before == nil {
                report.alignments += try realigner.realign(release, record: record, languages: source.configuration.languages, writer: writer, now: now, logger: logger)
            }
            if record.withoutSchedule != before?.withoutSchedule { try writer.saveRelease(record) }
        }
        report.pending = record.languages.values.filter { $0.status == .pending && $0.consecutiveFailures == nil }.count
        report.nextDue = record.languages.values.compactMap(\.nextCheck).min()
        return report
    }

    /// Takes in what the feeds say: publication date, titles, and addresses not known before.
    /// Without a feed item (the feed answered 304), addresses still follow from the primary one
    /// by the rewrite rule.
    private func merge(_ candidate: ReleaseCandidate?, into record: inout ReleaseRecord, now: Date) {
        if record.published == nil { record.published = candidate?.published }
        var known = candidate?.addresses ?? [:]
        for (code, entry) in record.languages {
            if let language = Language(code: code), let url = entry.url, known[language] == nil { known[language] = url }
        }
        let addresses = source.addresses(startingFrom: known)
        for language in source.configuration.languages {
            var entry = record.languages[language.code] ?? LanguageEntry(status: .pending, statusSince: now, nextCheck: now)
            if entry.url == nil { entry.url = addresses[language] }
            if entry.title == nil { entry.title = candidate?.titles[language] }
            record.languages[language.code] = entry
        }
    }

    /// Whether a language is to be fetched now. A manual pass ignores the re-check schedules but
    /// not the pause after failures.
    private func isDue(_ entry: LanguageEntry?, now: Date, ignoringSchedules: Bool) -> Bool {
        guard let entry, entry.url != nil, entry.status == .pending || entry.status == .present else { return false }
        let scheduled = entry.nextCheck.map { $0 <= now } ?? false
        return scheduled || (ignoringSchedules && entry.consecutiveFailures == nil)
    }

    private func fetch(_ language: Language, of record: ReleaseRecord, release: ReleaseRef) async -> LanguageFetch {
        progress.update { $0.pagesPlanned += 1 }
        defer { progress.update { $0.pagesDone += 1 } }
        let entry = record.languages[language.code]!
        // A primary page whose links name the other versions is read whole while one of them is
        // still without an address: a 304 would say nothing about its links.
        let needsLinks = language == source.configuration.primaryLanguage && source.configuration.versions == .pageLinks
            && record.languages.values.contains { $0.url == nil }
        let validators = needsLinks ? HTTPValidators() : HTTPValidators(etag: entry.etag, lastModified: entry.lastModified)
        return await LanguageFetch.fetch(entry.url!, validators: validators, client: client, extractor: source.extractor)
    }
}

extension ReleaseRecord {
    /// The record without the times of its last and next checks. Those change at every check and
    /// are kept in memory; `release.json` is rewritten (and fsynced) only when something else
    /// changed. After a restart the checks that were due are simply made again.
    var withoutSchedule: ReleaseRecord {
        var copy = self
        for code in copy.languages.keys {
            copy.languages[code]?.lastChecked = nil
            copy.languages[code]?.nextCheck = nil
        }
        return copy
    }
}
