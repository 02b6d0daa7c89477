import ArgumentParser
import Foundation
import SteleFixtures
import SteleService
import SteleStore
#if canImport(Glibc)
import Glibc
#endif

/// Writes and reads back N versions through SteleStore, next to the bare durable writes and reads
/// of the same files (temporary file, fsync, rename, folder fsync), and reports the disk used.
struct StoreBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Write 10,000 versions to a store and read them back, against bare durable writes of the same files; time and disk space."
    )

    @Option(help: "Versions to write (releases × 2 languages × 2 versions).")
    var versions = 10_000

    @Option(help: "Folder to create the stores in (default: the temporary folder); its file system is what is measured.")
    var folder: String?

    func run() throws {
        let base = (folder ?? FileManager.default.temporaryDirectory.path) + "/stele-bench-store-\(UUID().uuidString)"
        let storeRoot = base + "/store", bareRoot = base + "/bare"
        defer { try? FileManager.default.removeItem(atPath: base) }
        try FileManager.default.createDirectory(atPath: bareRoot, withIntermediateDirectories: true)
        let releases = max(1, versions / 4)
        var generator = SeededGenerator(seed: 2)
        let texts = (0..<8).map { _ in (0..<12).map { _ in BenchText.paragraph(&generator) } }
        let page = Array(("<html><head><title>Release</title></head><body>" + String(repeating: "<nav>menu</nav>", count: 400)).utf8)
        func fetch(_ release: Int, _ language: String, _ version: Int) -> FetchedText {
            var paragraphs = texts[(release + (language == "fr" ? 4 : 0)) % 8]
            if version == 2 { paragraphs[release % 12] += " Updated." }
            return FetchedText(paragraphs: paragraphs, raw: page + Array(paragraphs.joined().utf8), url: "https://example.org/\(release)/\(language)", etag: "\"\(release)-\(version)\"")
        }
        let order = (1...2).flatMap { version in (0..<releases).flatMap { release in ["en", "fr"].map { (release, $0, version) } } }
        print("store: \(order.count) versions (\(releases) releases × 2 languages × 2 versions, ~\(texts[0].joined(separator: "\n").utf8.count / 1000) KB text + \((page.count + 2500) / 1000) KB raw each) in \(base)")

        // Stele records every fetch through the writer; the baseline writes the same files with the
        // same durability and nothing else. They alternate in ten slices, so that a disk slowed by
        // other work slows both alike.
        let writer = try StoreWriter(at: storeRoot)
        var steleWrite = 0.0, bareWrite = 0.0
        let slice = max(1, order.count / 10)
        for sliceStart in stride(from: 0, to: order.count, by: slice) {
            let part = order[sliceStart..<min(order.count, sliceStart + slice)]
            let steleStart = ContinuousClock.now
            for (release, language, version) in part {
                _ = try writer.record(fetch(release, language, version), release: ReleaseRef(source: "bench", externalID: "news_\(release)"), language: language)
            }
            steleWrite += (ContinuousClock.now - steleStart).seconds
            let bareStart = ContinuousClock.now
            for (release, language, version) in part {
                let folder = bareRoot + "/news_\(release)/\(language)"
                if version == 1 { try BareFiles.makeFolders(folder) }
                let fetched = fetch(release, language, version)
                let name = folder + "/000\(version)"
                var group = [(fetched.raw ?? [], name + ".html"), (Array(fetched.storedText.utf8), name + ".txt")]
                if version == 2 { group.append((Array(repeating: 0x2B, count: 300), name + ".diff")) }
                try BareFiles.write(group)
                try BareFiles.write([(Array(repeating: 0x7B, count: 600), name + ".json")])
            }
            bareWrite += (ContinuousClock.now - bareStart).seconds
        }
        writer.close()

        // Read back every version (metadata and text) through the store, and the same files bare.
        let readStart = ContinuousClock.now
        let store = try Store(at: storeRoot)
        var readVersions = 0
        for release in try store.allReleases() {
            for language in try store.languages(release) {
                for metadata in try store.versions(release, language: language) {
                    readVersions += try store.text(release, language: language, version: metadata.version).isEmpty ? 0 : 1
                }
            }
        }
        let steleRead = (ContinuousClock.now - readStart).seconds
        guard readVersions == order.count else { throw BenchmarkError("read back \(readVersions) versions of \(order.count)") }
        let bareReadStart = ContinuousClock.now
        for (release, language, version) in order {
            for ext in ["json", "txt"] { _ = FileManager.default.contents(atPath: storeRoot + "/sources/bench/releases/news_\(release)/\(language)/000\(version).\(ext)") }
        }
        let bareRead = (ContinuousClock.now - bareReadStart).seconds

        var listTimes: [Double] = []
        var summaries: [ReleaseSummary] = []
        for _ in 0..<5 {
            let listStart = ContinuousClock.now
            summaries = try store.summaries()
            listTimes.append((ContinuousClock.now - listStart).seconds)
        }
        let listSeconds = median(listTimes)
        let checkStart = ContinuousClock.now
        let report = StoreChecker(store: store).run()
        let checkSeconds = (ContinuousClock.now - checkStart).seconds
        guard report.isClean, summaries.count == releases else { throw BenchmarkError("the store is not clean after the benchmark: \(report.problems.prefix(3))") }

        let n = Double(order.count)
        print(String(format: "  write  stele %.2f s (%.2f ms a version)   bare durable writes of the same files %.2f s   ratio %.2fx", steleWrite, steleWrite / n * 1000, bareWrite, steleWrite / bareWrite))
        print(String(format: "  read   stele %.2f s (%.3f ms a version)  bare reads of the same files %.2f s   ratio %.2fx", steleRead, steleRead / n * 1000, bareRead, steleRead / bareRead))
        print(String(format: "  list   %d release summaries from index.tsv in %.3f s (median of 5);  stele check of the whole store %.2f s", summaries.count, listSeconds, checkSeconds))
        let steleDisk = try diskUsage(storeRoot), bareDisk = try diskUsage(bareRoot)
        print("  disk   stele \(steleDisk.description)   bare \(bareDisk.description)")
        TableRow.emit("store", "write \(order.count) versions", stele: String(format: "%.2f s", steleWrite), baseline: String(format: "bare durable writes %.2f s", bareWrite),
                      ratio: String(format: "%.2fx", steleWrite / bareWrite), target: "-", met: nil)
        TableRow.emit("store", "read them back", stele: String(format: "%.2f s", steleRead), baseline: String(format: "bare reads %.2f s", bareRead),
                      ratio: String(format: "%.2fx", steleRead / bareRead), target: "-", met: nil)
        TableRow.emit("store", "disk used by them", stele: String(format: "%.1f MB (%.1f MB of content)", steleDisk.megabytes, steleDisk.contentMegabytes),
                      baseline: String(format: "bare files %.1f MB", bareDisk.megabytes), ratio: String(format: "%.2fx", steleDisk.megabytes / bareDisk.megabytes), target: "-", met: nil)
    }

    /// `du`'s figures: blocks used and apparent size, in MB, with the number of files.
    private func diskUsage(_ path: String) throws -> (megabytes: Double, contentMegabytes: Double, description: String) {
        let blocks = try ChildProcess.run("/usr/bin/du", ["-sk", path]).output.split(separator: "\t").first.flatMap { Double($0) } ?? 0
        let apparent = try ChildProcess.run("/usr/bin/du", ["-sk", "--apparent-size", path]).output.split(separator: "\t").first.flatMap { Double($0) } ?? 0
        let files = (FileManager.default.enumerator(atPath: path)?.allObjects.count) ?? 0
        return (blocks / 1024, apparent / 1024, String(format: "%.1f MB on disk (%.1f MB of content, %d files and folders)", blocks / 1024, apparent / 1024, files))
    }
}

/// The bare minimum of Stele's durability, as the baseline of ``StoreBenchmark``: each file
/// written to a temporary name and fsynced, the group renamed, the folder fsynced once.
enum BareFiles {
    static func write(_ files: [([UInt8], String)]) throws {
        for (bytes, path) in files {
            let descriptor = open(path + ".tmp", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw BenchmarkError("cannot create \(path).tmp") }
            _ = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            fsync(descriptor)
            close(descriptor)
        }
        for (_, path) in files { rename(path + ".tmp", path) }
        syncFolder((files[0].1 as NSString).deletingLastPathComponent)
    }

    static func makeFolders(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        syncFolder((path as NSString).deletingLastPathComponent)
    }

    private static func syncFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        fsync(descriptor)
        close(descriptor)
    }
}

/// `stele-bench list-store STORE`: times reading every release summary of an existing store.
struct ListStore: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list-store", abstract: "Time Store.summaries() on an existing store.", shouldDisplay: false)

    @Argument var store: String

    func run() throws {
        let store = try Store(at: store)
        var times: [Double] = []
        var count = 0
        for _ in 0..<5 {
            let start = ContinuousClock.now
            count = try store.summaries().count
            times.append((ContinuousClock.now - start).seconds)
        }
        print(String(format: "%d release summaries in %.4f s (median of 5)", count, median(times)))
    }
}
