import ArgumentParser
import SteleConfig
import SteleLanguage

/// `stele check-config`: validates the configuration without running anything.
struct CheckConfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate the configuration file and summarise it, without fetching anything.",
        discussion: "Prints every problem with its line, all at once, and exits 2 when there is any."
    )

    @OptionGroup var options: ConfigurationOptions

    func run() throws {
        let configuration = try options.load()
        print("\(options.path): ok")
        for source in configuration.sources {
            let feeds = source.feeds.map { feed in feed.language.map { "\($0): \(feed.url)" } ?? feed.url }
            print("  \(source.id) (\(source.name)): \(source.languages.map(\.code).joined(separator: ", ")), every \(DurationText.format(source.pollInterval)), \(feeds.joined(separator: "; "))")
        }
    }
}

/// `--config FILE`, shared by every command that reads the configuration.
struct ConfigurationOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp("The configuration file.", discussion: "Default: $CONFIGURATION_DIRECTORY/stele.toml, else /etc/stele/stele.toml, else config/stele.toml.", valueName: "file"))
    var explicitPath: String?

    /// The file that will be read.
    var path: String { explicitPath ?? ConfigurationLoader.defaultPath() }

    /// Loads and validates the file; on problems prints them to standard error and exits 2.
    func load() throws -> SteleConfiguration {
        do {
            return try ConfigurationLoader.load(path: path)
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }
}
