import ArgumentParser
import Foundation
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

    /// Runs the command the arguments name. A command line the parser refuses exits 2, as every
    /// other bad usage does (the parser's own default is 64).
    static func main() async {
        do {
            var command = try await asyncParseAsRoot(nil)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
