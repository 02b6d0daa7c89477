import Foundation
import SteleAlign
import SteleStore
#if canImport(Glibc)
import Glibc
#endif

/// A real writer process for the store's reliability tests: killed at random moments, filling a
/// small file system, holding the lock against a second writer. Not installed; tests spawn it.
///
///     stele-store-writer loop STORE REPORT        write versions until killed; after each
///                                                 committed version append "ref lang n sha256"
///     stele-store-writer write STORE BYTES [FSIZE] one version of about BYTES bytes, under an
///                                                 optional RLIMIT_FSIZE; exit 0 ok, 3 no space
///     stele-store-writer hold STORE [wait]        take the lock (waiting if asked), print
///                                                 "locked PID", sleep until killed
@main
enum StoreWriterTool {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            switch (arguments.first, arguments.count) {
            case ("loop", 3): try loop(store: arguments[1], report: arguments[2])
            case ("write", 3), ("write", 4): exit(try writeOnce(store: arguments[1], bytes: Int(arguments[2]) ?? 0, fileSizeLimit: arguments.count == 4 ? Int(arguments[3]) : nil))
            case ("hold", 2), ("hold", 3): try hold(store: arguments[1], wait: arguments.count == 3)
            default:
                FileHandle.standardError.write(Data("usage: stele-store-writer loop STORE REPORT | write STORE BYTES [FSIZE] | hold STORE [wait]\n".utf8))
                exit(2)
            }
        } catch {
            print("error: \(error)")
            exit(error.isNoSpace ? 3 : 1)
        }
    }

    static func loop(store: String, report: String) throws(StoreError) {
        let writer = try StoreWriter(at: store)
        let output = open(report, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        let releases = [ReleaseRef(source: "nato", externalID: "news_1"), ReleaseRef(source: "nato", externalID: "news/2?lang=fr")]
        var round = UInt64(getpid()) << 20
        while true {
            round += 1
            let release = releases[Int(round % 2)]
            let language = round % 3 == 0 ? "fr" : "en"
            // Every fourth fetch repeats the latest text: a "seen again" rewrite of the metadata.
            let paragraphs = round % 4 == 0 ? ((try? writer.store.versionNumbers(release, language: language).last).flatMap { $0 }.flatMap { try? writer.store.paragraphs(release, language: language, version: $0) } ?? ["same"]) : text(round)
            let fetched = FetchedText(paragraphs: paragraphs, raw: Array("<html><p>\(round)</p></html>".utf8), url: "https://example.org/\(release.key)/\(language)", etag: "\"\(round)\"")
            let outcome = try writer.record(fetched, release: release, language: language)
            if case .newVersion(let metadata) = outcome {
                let line = "\(release.key) \(language) \(metadata.version) \(metadata.sha256)\n"
                _ = line.withCString { write(output, $0, strlen($0)) }
                try writer.append(StoreEvent(kind: "version", source: release.source, release: release.key.rawValue, language: language, version: metadata.version))
                if language == "fr", let english = try writer.store.versionNumbers(release, language: "en").last {
                    let beads = (0..<min(metadata.paragraphs, 3)).map { AlignmentBead(source: [$0], target: [$0], confidence: 0.9) }
                    try writer.saveAlignment(AlignmentRecord(source: .init(language: "en", version: english), target: .init(language: "fr", version: metadata.version), computedAt: Date(), beads: beads), release: release)
                }
            }
            if round % 7 == 0 {
                try writer.saveSourceState(SourceState(feeds: [FeedState(url: "https://example.org/feed.xml", etag: "\"\(round)\"", lastPoll: Date())]), source: "nato")
            }
        }
    }

    /// A few paragraphs that change a little from round to round.
    static func text(_ round: UInt64) -> [String] {
        let count = Int(round % 5) + 3
        return (0..<count).map { index in
            index == Int(round % UInt64(count)) ? "Paragraph \(index) was revised in round \(round)." : "Paragraph \(index) stays the same, Pourquoi\u{202F}?"
        }
    }

    static func writeOnce(store: String, bytes: Int, fileSizeLimit: Int?) throws(StoreError) -> Int32 {
        let writer = try StoreWriter(at: store)
        defer { writer.close() }
        if let fileSizeLimit {
            // The kernel then fails writes past the limit with EFBIG instead of killing us with SIGXFSZ.
            signal(SIGXFSZ, SIG_IGN)
            var limit = rlimit(rlim_cur: rlim_t(fileSizeLimit), rlim_max: rlim_t(fileSizeLimit))
            guard setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limit) == 0 else { print("error: setrlimit failed"); return 1 }
        }
        let line = String(repeating: "Une phrase de remplissage pour un disque presque plein. ", count: 16)
        let paragraphs = (0..<max(1, bytes / (line.utf8.count + 1))).map { "\($0) \(line)" }
        let outcome = try writer.record(FetchedText(paragraphs: paragraphs, url: "https://example.org/big"), release: ReleaseRef(source: "nato", externalID: "big"), language: "en")
        print("ok \(outcome.metadata.version)")
        return 0
    }

    static func hold(store: String, wait: Bool) throws(StoreError) {
        let writer = try StoreWriter(at: store, wait: wait)
        print("locked \(getpid())")
        fflush(nil)
        while true { sleep(60) }
        _ = writer
    }
}
