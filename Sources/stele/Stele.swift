import ArgumentParser
import SteleHTTP

/// The `stele` command: keeps the language versions of published releases, with their history.
@main
struct Stele: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stele",
        abstract: "Keep the English, French and Ukrainian versions of published releases, aligned and versioned.",
        discussion: """
            Stele polls the feeds of the configured sources, finds each release's language versions, \
            extracts and aligns their paragraphs, and stores every version on disk with a diff to the one before.
            """,
        version: SteleVersion.current,
        subcommands: [
            Get.self, CheckConfig.self, FeedCommand.self, Extract.self, Check.self, Align.self, Fetch.self, DaemonCommand.self,
            List.self, Log.self, Show.self, Diff.self, Export.self, Sources.self,
        ]
    )
}
