import Foundation
import Logging
import SteleConfig
import SteleFeeds
import SteleHTTP
import SteleStore

/// Polls the feeds of one source: conditional GET with the stored validators, parsing, sitemap
/// indexes followed, and the feed state (validators, failures, next poll, moved addresses) kept
/// up to date.
struct FeedPoller: Sendable {
    let source: SourceContext
    let client: HTTPClient
    let parser: FeedParser
    let timing: SyncTiming
    let logger: Logger

    /// What polling found.
    struct Result: Sendable {
        var observations: [FeedObservation] = []
        var state: SourceState
        var report = PassReport()
    }

    func poll(state: SourceState, now: Date, ignoringSchedule: Bool) async -> Result {
        var result = Result(state: state)
        for subscription in source.configuration.feeds {
            var feedState = result.state.feeds.first { $0.url == subscription.url } ?? FeedState(url: subscription.url)
            let isDue = feedState.nextDue.map { $0 <= now } ?? true
            let pausedByServer = feedState.consecutiveFailures > 0 && !isDue
            guard isDue || (ignoringSchedule && !pausedByServer) else {
                result.report.nextDue = [result.report.nextDue, feedState.nextDue].compactMap { $0 }.min()
                if ignoringSchedule {
                    result.report.paused.append(PassReport.Paused(source: source.id, url: feedState.permanentURL ?? subscription.url, failures: feedState.consecutiveFailures,
                                                                  lastError: feedState.lastError, until: feedState.nextDue))
                }
                continue
            }
            let items = await poll(subscription, state: &feedState, now: now, report: &result.report)
            result.observations += items.map { FeedObservation(item: $0, language: subscription.language) }
            result.report.nextDue = [result.report.nextDue, feedState.nextDue].compactMap { $0 }.min()
            result.state.feeds.removeAll { $0.url == subscription.url }
            result.state.feeds.append(feedState)
        }
        return result
    }

    private func poll(_ subscription: FeedSubscription, state: inout FeedState, now: Date, report: inout PassReport) async -> [SteleFeeds.FeedItem] {
        let address = state.permanentURL ?? subscription.url
        let request = HTTPRequest(url: address, validators: HTTPValidators(etag: state.etag, lastModified: state.lastModified))
        report.feedsPolled += 1
        state.lastPoll = now
        let response: HTTPResponse
        do {
            response = try await client.fetch(request)
        } catch {
            // A stopping daemon cancels its transfers; that is no failure of the feed.
            if error.kind != .cancelled {
                fail(&state, code: error.code, message: error.description, retryAfter: retryAfter(error, now: now), now: now, report: &report)
            }
            return []
        }
        followMoves(response, state: &state)
        if response.isNotModified {
            report.feedsNotModified += 1
            succeed(&state, response: response, minimumInterval: nil, now: now)
            return []
        }
        let feed: Feed
        do {
            feed = try parser.parse(response.body, url: response.finalURL, charset: response.charset)
        } catch {
            fail(&state, code: "feed-\(error.kind)", message: "\(address): \(error.description)", retryAfter: nil, now: now, report: &report)
            return []
        }
        var complete = feed
        if feed.format == .sitemapIndex {
            complete = await SitemapCrawler(parser: parser).crawl(feed, url: response.finalURL) { url in
                let page = try await client.fetch(HTTPRequest(url: url))
                return FetchedDocument(bytes: page.body, url: page.finalURL, charset: page.charset)
            }.feed
        }
        if let error = complete.error {
            // The items read before the fault are used; nothing missing from them counts as removed.
            logger.warning("feed read only in part", metadata: ["url": "\(address)", "error": "\(error.description)", "items": "\(complete.items.count)"])
        }
        succeed(&state, response: response, minimumInterval: feed.hints.minimumPollInterval, now: now)
        return complete.items
    }

    private func succeed(_ state: inout FeedState, response: HTTPResponse, minimumInterval: Duration?, now: Date) {
        if state.consecutiveFailures > 0 {
            logger.notice("feed recovered", metadata: ["url": "\(state.url)", "after": "\(state.consecutiveFailures) failures"])
        }
        state.consecutiveFailures = 0
        state.lastError = nil
        state.lastSuccess = now
        if !response.isNotModified || response.validators.etag != nil || response.validators.lastModified != nil {
            state.etag = response.validators.etag
            state.lastModified = response.validators.lastModified
        }
        let interval = max(source.configuration.pollInterval, minimumInterval ?? .zero)
        state.nextDue = now + timing.jittered(interval).timeInterval
    }

    private func fail(_ state: inout FeedState, code: String, message: String, retryAfter: Duration?, now: Date, report: inout PassReport) {
        state.consecutiveFailures += 1
        let delay = timing.backoff.delay(afterFailures: state.consecutiveFailures, retryAfter: retryAfter, random: timing.random())
        state.nextDue = now + delay.timeInterval
        // Logged once when the failure starts or changes, not at every retry.
        if state.lastError != code {
            logger.error("feed failed", metadata: ["url": "\(state.url)", "error": "\(message)", "retry": "\(state.nextDue!.ISO8601Format())"])
        }
        state.lastError = code
        report.feedsFailed += 1
        report.failures.append(PassReport.Failure(source: source.id, url: state.url, message: message))
    }

    /// A permanent redirect is trusted once it is seen twice in a row.
    private func followMoves(_ response: HTTPResponse, state: inout FeedState) {
        guard let moved = response.permanentURL else {
            state.movedTo = nil
            return
        }
        if state.movedTo == moved {
            logger.notice("feed moved permanently", metadata: ["from": "\(state.permanentURL ?? state.url)", "to": "\(moved)"])
            state.permanentURL = moved
            state.movedTo = nil
        } else {
            state.movedTo = moved
        }
    }

    private func retryAfter(_ error: HTTPError, now: Date) -> Duration? {
        if case .status(_, let retryAfter) = error.kind { return retryAfter?.delay(from: now) }
        return nil
    }
}
