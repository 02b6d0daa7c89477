import Foundation
import Logging
import SteleConfig
import SteleExtract
import SteleHTTP
import SteleStore
import SteleLanguage

extension ReleaseSync {
    /// Records what one fetch found in the release record (and the store); returns whether a new
    /// version was stored.
    @discardableResult
    func apply(_ fetch: LanguageFetch, language: Language, to record: inout ReleaseRecord, release: ReleaseRef, now: Date, report: inout PassReport) throws(StoreError) -> Bool {
        var entry = record.languages[language.code]!
        defer { record.languages[language.code] = entry }
        let firstCheck = entry.lastChecked == nil
        entry.lastChecked = now
        report.pagesFetched += 1
        let isPrimary = language == source.configuration.primaryLanguage
        switch fetch {
        case .notModified(let response):
            report.pagesNotModified += 1
            follow(response, entry: &entry, release: release, language: language, now: now)
            recovered(&entry, release: release, language: language)
            schedule(&entry, record: record, release: release, language: language, now: now, report: &report)
            return false

        case .failed(let failure) where failure.status == 410:
            entry.status = .gone
            entry.statusSince = now
            entry.nextCheck = nil
            publisher.publish(.languageGone, release: release, language: language.code, at: now)
            return false

        case .failed(let failure) where failure.status == 404 && !isPrimary:
            // A translation that does not exist yet: pending, not an error.
            recovered(&entry, release: release, language: language)
            becomePending(&entry, firstCheck: firstCheck, release: release, language: language, reason: "not found (404)", now: now, report: &report)
            schedule(&entry, record: record, release: release, language: language, now: now, report: &report)
            return false

        case .failed(let failure):
            failed(&entry, failure, release: release, language: language, now: now, report: &report)
            return false

        case .page(let page, let response):
            follow(response, entry: &entry, release: release, language: language, now: now)
            recovered(&entry, release: release, language: language)
            // Only reached when nothing below throws: a version that failed to store is fetched whole again.
            entry.etag = response.validators.etag
            entry.lastModified = response.validators.lastModified
            if !isPrimary, page.paragraphs.isEmpty || page.language.contradicts(language) {
                let reason = page.paragraphs.isEmpty ? "no text" : "the page is in \(page.language.language.code), not \(language.code)"
                if entry.status == .present {
                    // A translation that existed now shows another language: keep what was stored.
                    logger.warning("language version no longer in its language; kept as it was", metadata: ["release": "\(release)", "lang": "\(language.code)", "detected": "\(page.language)"])
                } else {
                    becomePending(&entry, firstCheck: firstCheck, release: release, language: language, reason: reason, now: now, report: &report)
                }
                schedule(&entry, record: record, release: release, language: language, now: now, report: &report)
                return false
            }
            guard !page.paragraphs.isEmpty else {
                failed(&entry, FetchFailure(code: "no-text", message: "\(response.finalURL): the page has no text in its article body; check the source's content rule", status: nil, retryAfter: nil),
                       release: release, language: language, now: now, report: &report)
                return false
            }
            if entry.title == nil, let title = page.title, !title.isEmpty { entry.title = title }
            let stored = try store(page, response: response, release: release, language: language, now: now)
            let awaited = entry.status == .pending && !firstCheck
            if entry.status != .present {
                entry.status = .present
                entry.statusSince = now
            }
            if awaited, !isPrimary {
                report.nowAvailable += 1
                publisher.publish(.translationAvailable, release: release, language: language.code, details: ["url": response.finalURL], at: now)
            }
            if let version = stored {
                report.newVersions[language.code, default: 0] += 1
                publisher.publish(version == 1 ? .versionNew : .versionRevised, release: release, language: language.code, version: version, details: ["url": response.finalURL], at: now)
            }
            schedule(&entry, record: record, release: release, language: language, now: now, report: &report)
            return stored != nil
        }
    }

    /// Stores the page's text; returns the new version number, or `nil` when the text was the same.
    private func store(_ page: ExtractedPage, response: HTTPResponse, release: ReleaseRef, language: Language, now: Date) throws(StoreError) -> Int? {
        guard let writer else { return nil }
        let fetched = FetchedText(
            paragraphs: page.paragraphs, raw: response.body, url: response.finalURL, fetchedAt: now,
            etag: response.validators.etag, lastModified: response.validators.lastModified, contentType: response.contentType,
            detectedLanguage: page.language.language.code, languageConfidence: page.language.confidence
        )
        switch try writer.record(fetched, release: release, language: language.code) {
        case .newVersion(let metadata): return metadata.version
        case .unchanged: return nil
        }
    }

    private func becomePending(_ entry: inout LanguageEntry, firstCheck: Bool, release: ReleaseRef, language: Language, reason: String, now: Date, report: inout PassReport) {
        let isNew = entry.status != .pending || firstCheck
        if entry.status != .pending {
            entry.status = .pending
            entry.statusSince = now
        }
        if isNew {
            report.newlyPending += 1
            publisher.publish(.translationPending, release: release, language: language.code, details: ["reason": reason], at: now)
        }
    }

    /// The next check, from the source's schedules; a pending translation whose schedule has run
    /// out is given up.
    private func schedule(_ entry: inout LanguageEntry, record: ReleaseRecord, release: ReleaseRef, language: Language, now: Date, report: inout PassReport) {
        let configuration = source.configuration
        let interval: Duration?
        if entry.status == .pending {
            let age = Duration.seconds(now.timeIntervalSince(entry.statusSince ?? record.firstSeen))
            interval = configuration.pendingRecheck.nextCheck(afterAge: age)
            if interval == nil {
                entry.status = .missing
                entry.statusSince = now
                publisher.publish(.translationMissing, release: release, language: language.code, at: now)
            }
        } else {
            interval = configuration.editRecheck.nextCheck(afterAge: .seconds(now.timeIntervalSince(record.firstSeen)))
        }
        entry.nextCheck = interval.map { now + timing.jittered($0).timeInterval }
    }

    private func failed(_ entry: inout LanguageEntry, _ failure: FetchFailure, release: ReleaseRef, language: Language, now: Date, report: inout PassReport) {
        let failures = (entry.consecutiveFailures ?? 0) + 1
        entry.consecutiveFailures = failures
        entry.nextCheck = now + timing.backoff.delay(afterFailures: failures, retryAfter: failure.retryAfter, random: timing.random()).timeInterval
        if entry.lastError != failure.code {
            logger.error("fetch failed", metadata: [
                "release": "\(release)", "lang": "\(language.code)", "error": "\(failure.message)", "retry": "\(entry.nextCheck!.ISO8601Format())",
            ])
        }
        entry.lastError = failure.code
        report.pagesFailed += 1
        report.failures.append(PassReport.Failure(source: source.id, url: entry.url ?? "", message: failure.message))
        progress.update { $0.failures += 1 }
    }

    private func recovered(_ entry: inout LanguageEntry, release: ReleaseRef, language: Language) {
        guard let failures = entry.consecutiveFailures else { return }
        logger.notice("fetch recovered", metadata: ["release": "\(release)", "lang": "\(language.code)", "after": "\(failures) failures"])
        entry.consecutiveFailures = nil
        entry.lastError = nil
    }

    /// A permanent redirect is trusted once it is seen twice in a row; temporary ones never are.
    private func follow(_ response: HTTPResponse, entry: inout LanguageEntry, release: ReleaseRef, language: Language, now: Date) {
        guard let moved = response.permanentURL else {
            entry.movedTo = nil
            return
        }
        if entry.movedTo == moved {
            publisher.publish(.addressMoved, release: release, language: language.code, details: ["from": entry.url ?? "", "to": moved], at: now)
            entry.url = moved
            entry.movedTo = nil
        } else {
            entry.movedTo = moved
        }
    }
}
