import Foundation
import Metrics

/// The engine's figures in swift-metrics, exported by `[metrics] listen` (Prometheus): polls,
/// fetches, 304s, failures, versions stored, pending translations, and the last success, per source.
/// Without a metrics backend these are no-ops.
enum SyncMetrics {
    static func record(_ report: PassReport, source: String, pendingTotal: Int, at now: Date) {
        let dimensions = [("source", source)]
        Counter(label: "stele_feed_polls_total", dimensions: dimensions).increment(by: report.feedsPolled)
        Counter(label: "stele_page_fetches_total", dimensions: dimensions).increment(by: report.pagesFetched)
        Counter(label: "stele_not_modified_total", dimensions: dimensions).increment(by: report.feedsNotModified + report.pagesNotModified)
        Counter(label: "stele_failures_total", dimensions: dimensions).increment(by: report.failures.count)
        for (language, count) in report.newVersions {
            Counter(label: "stele_versions_stored_total", dimensions: dimensions + [("lang", language)]).increment(by: count)
        }
        Gauge(label: "stele_pending_translations", dimensions: dimensions).record(pendingTotal)
        if report.failures.isEmpty {
            Gauge(label: "stele_last_success_timestamp_seconds", dimensions: dimensions).record(now.timeIntervalSince1970)
        }
    }
}
