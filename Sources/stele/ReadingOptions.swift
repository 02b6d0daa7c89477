// Public so that types of SteleReports can conform to ExpressibleByArgument here.
public import ArgumentParser
import Foundation
import SteleConfig
import SteleLanguage
import SteleExtract
import SteleReports
import SteleStore

/// `--store`, `--config` and `--json`, shared by the commands that read the store. They never
/// take the writer's lock, so they run while the daemon writes.
struct ReadingOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The store folder.", discussion: "Default: the configuration's [store] path when a configuration is found, else $STATE_DIRECTORY, else /var/lib/stele for root, else ./var.",
        valueName: "folder"), completion: .directory)
    var store: String?

    @Option(name: .customLong("config"), help: ArgumentHelp(
        "The configuration file, read for the store's path, the sources and their languages.",
        discussion: "Default: $CONFIGURATION_DIRECTORY/stele.toml, else /etc/stele/stele.toml, else config/stele.toml, when it exists.", valueName: "file"),
        completion: .file(extensions: ["toml"]))
    var configPath: String?

    @Flag(help: "Print JSON for scripts instead of text for people.")
    var json = false

    /// The configuration, when one was named or the default file exists. A broken one prints its
    /// problems and exits 2 when it matters: named with --config, needed for the store's path (no
    /// --store), or `required`; otherwise (--store given, a default file only used to order the
    /// languages) it is passed over, so that a bad file in /etc does not stop a reader.
    func configuration(required: Bool = false) throws -> SteleConfiguration? {
        let path = configPath ?? ConfigurationLoader.defaultPath()
        guard configPath != nil || FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try ConfigurationLoader.load(path: path)
        } catch {
            guard required || configPath != nil || store == nil else { return nil }
            printError(error.description)
            throw ExitCode(2)
        }
    }

    /// The store folder: `--store`, else the configuration's, else the default.
    func storeRoot(_ configuration: SteleConfiguration?) -> String {
        store ?? configuration?.storePath ?? StoreLayout.defaultRoot()
    }

    /// The languages the configuration names, primary languages first.
    static func languages(_ configuration: SteleConfiguration?) -> [String] {
        var result: [String] = []
        for source in configuration?.sources ?? [] {
            for language in source.languages.map(\.code) where !result.contains(language) { result.append(language) }
        }
        return result
    }

    /// Runs `body` on the opened store; a ``ReportError`` is printed as `stele COMMAND: message`
    /// and exits 2 when the command line was at fault, 1 otherwise. `needsConfiguration`: a broken
    /// default configuration file is an error even with --store.
    func run(_ command: String, needsConfiguration: Bool = false, _ body: (Store, SteleConfiguration?) throws(ReportError) -> Void) throws {
        let configuration = try configuration(required: needsConfiguration)
        do throws(ReportError) {
            let store: Store
            do {
                store = try Store(at: storeRoot(configuration))
            } catch {
                throw ReportError.store(error)
            }
            try body(store, configuration)
        } catch {
            printError("stele \(command): \(error)")
            throw ExitCode(error.isUsageError ? 2 : 1)
        }
    }
}

/// `--color`, for commands that colour their text.
struct ColourOptions: ParsableArguments {
    @Option(name: .customLong("color"), help: ArgumentHelp("When to use colours: auto (on a terminal, unless NO_COLOR is set), always, never.", valueName: "when"))
    var colour: ColourChoice = .auto

    /// The style for standard output.
    var style: TextStyle {
        TextStyle.choose(colour, isTerminal: Terminal.isTerminal, environment: ProcessInfo.processInfo.environment)
    }
}

extension ColourChoice: ExpressibleByArgument {}

/// Writes report text to standard output in one go (a long listing is one write, not thousands).
func printReport(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Completions for a release argument: the keys in the index of the store the command line names.
enum ReleaseCompletion {
    static let kind = CompletionKind.custom { arguments, _, prefix in
        candidates(arguments, prefix: prefix)
    }

    static func candidates(_ arguments: [String], prefix: String) -> [String] {
        guard let store = try? Store(at: storeRoot(arguments)) else { return [] }
        return ReleaseResolver(store: store).completions(prefix: prefix)
    }

    /// Completions for a version argument: each language of the release named on the command line,
    /// alone and with each of its version numbers.
    static let versionKind = CompletionKind.custom { arguments, _, prefix in
        guard let store = try? Store(at: storeRoot(arguments)) else { return [] }
        let resolver = ReleaseResolver(store: store)
        for word in positionals(arguments) {
            guard let release = try? resolver.resolve(word), let reader = try? ReleaseReader(store: store, release: release) else { continue }
            return reader.languages.flatMap { code in [code] + (reader.versions[code] ?? []).map { "\(code)@\($0)" } }.filter { $0.hasPrefix(prefix) }
        }
        return []
    }

    /// The store the completed command line will read.
    private static func storeRoot(_ arguments: [String]) -> String {
        if let index = arguments.firstIndex(of: "--store"), index + 1 < arguments.count { return arguments[index + 1] }
        if let inline = arguments.first(where: { $0.hasPrefix("--store=") }) { return String(inline.dropFirst(8)) }
        let configPath = arguments.firstIndex(of: "--config").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        let configuration = try? ConfigurationLoader.load(path: configPath ?? ConfigurationLoader.defaultPath())
        return configuration?.storePath ?? StoreLayout.defaultRoot()
    }

    /// Words that are neither options nor their values.
    private static func positionals(_ arguments: [String]) -> [String] {
        let valued: Set<String> = ["--store", "--config", "--width", "--format", "--html", "--color", "--context", "--lang", "--low-confidence"]
        var result: [String] = []
        var skip = false
        for word in arguments {
            if skip { skip = false; continue }
            if valued.contains(word) { skip = true; continue }
            if !word.hasPrefix("-") { result.append(word) }
        }
        return result
    }
}
