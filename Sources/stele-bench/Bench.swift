import ArgumentParser

/// `stele-bench`: Stele's benchmarks, each next to a baseline run in the same command.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stele-bench",
        abstract: "Measure Stele against its baselines (curl, GNU diff, NLTK, xmllint) on this machine.",
        discussion: "Build in release mode first: swift build -c release. Each benchmark prints medians and the ratio to its baseline.",
        subcommands: [
            HTTPBenchmark.self, FetchList.self, FeedsBenchmark.self, FeedParse.self, ExtractBenchmark.self, DiffBenchmark.self, DiffFiles.self,
            StoreBenchmark.self, ListStore.self, SyncBenchmark.self, AlignBenchmark.self, AlignPeak.self, ReportsBenchmark.self,
        ]
    )
}
