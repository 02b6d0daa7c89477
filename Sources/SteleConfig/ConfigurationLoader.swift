public import Foundation
import TOMLKit

/// Reads and validates `stele.toml`. Every problem is reported with its line, all at once, in
/// words that say what to write instead.
public enum ConfigurationLoader {
    /// Languages Stele can identify and align.
    public static let supportedLanguages = ["en", "fr", "uk"]
    /// Configuration files larger than this are refused unread.
    public static let maxFileBytes = 1 << 20

    /// Loads the file at `path`.
    public static func load(path: String) throws(ConfigurationError) -> SteleConfiguration {
        let fail = { (message: String) -> ConfigurationError in
            ConfigurationError(problems: [ConfigurationProblem(file: path, line: nil, message: message)])
        }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw fail("cannot read the configuration (no such file, or no permission); give another with --config")
        }
        guard attributes[.type] as? FileAttributeType != .typeDirectory else {
            throw fail("this is a folder; give the configuration file, e.g. \(path)/stele.toml")
        }
        guard (attributes[.size] as? Int ?? 0) <= maxFileBytes else {
            throw fail("the configuration is larger than \(maxFileBytes) bytes; this is not a configuration file")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw fail("the configuration is not readable UTF-8 text")
        }
        return try parse(text: text, file: path)
    }

    /// Parses configuration `text`; `file` names it in messages.
    public static func parse(text: String, file: String) throws(ConfigurationError) -> SteleConfiguration {
        if let deep = DottedKeyScan.firstTooDeep(in: text) {
            throw ConfigurationError(problems: [ConfigurationProblem(file: file, line: deep.line, message:
                "a dotted key of \(deep.parts) parts; no setting has more than a few, so this is not a Stele configuration")])
        }
        // TOMLKit hands strings over as C strings, which end at a NUL: "/srv/store\u0000/x" would
        // silently become "/srv/store".
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.contains("\\u0000") || line.contains("\\U00000000") {
            throw ConfigurationError(problems: [ConfigurationProblem(file: file, line: number + 1, message:
                "a string holds an escaped NUL character (\\u0000), which no setting can hold")])
        }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(problems: [ConfigurationProblem(file: file, line: error.source.begin.line, message: "not valid TOML: \(error.description)")])
        } catch {
            throw ConfigurationError(problems: [ConfigurationProblem(file: file, line: nil, message: "not valid TOML: \(error)")])
        }
        let log = ProblemLog(file: file, locator: TOMLKeyLocator(text: text))
        let reader = TableReader(table: root, path: [], context: "", log: log)
        var configuration = SteleConfiguration()
        if let store = reader.table("store", context: "[store]: ") {
            configuration.storePath = store.path("path")
            store.finish()
        }
        if let http = reader.table("http", context: "[http]: ") {
            configuration.http = readHTTP(http)
        }
        if let logTable = reader.table("log", context: "[log]: ") {
            if let level = logTable.string("level") {
                let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
                if levels.contains(level) {
                    configuration.logLevel = level
                } else {
                    logTable.report("\"level\" must be one of \(levels.joined(separator: ", ")), not \"\(level)\"", key: "level")
                }
            }
            logTable.finish()
        }
        if let metrics = reader.table("metrics", context: "[metrics]: ") {
            configuration.metricsAddress = metrics.string("listen").flatMap { address in
                guard Self.isLoopbackAddress(address) else {
                    metrics.report("\"listen\" must be a loopback address with a port, like \"127.0.0.1:9464\"; metrics are not for the open network", key: "listen")
                    return nil
                }
                return address
            }
            metrics.finish()
        }
        if let events = reader.table("events", context: "[events]: ") {
            configuration.eventHook = readEventHook(events)
        }
        configuration.sources = readSources(reader)
        reader.finish()
        guard log.problems.isEmpty else {
            throw ConfigurationError(problems: log.problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
        }
        return configuration
    }

    private static func readHTTP(_ http: TableReader) -> HTTPSettings {
        var settings = HTTPSettings()
        settings.concurrency = http.integer("concurrency", in: 1...256) ?? settings.concurrency
        settings.perHost = http.integer("per_host", in: 1...32) ?? settings.perHost
        settings.perHostDelay = http.duration("per_host_delay", in: .zero ... .seconds(3600)) ?? settings.perHostDelay
        settings.connectTimeout = http.duration("connect_timeout", in: .milliseconds(100) ... .seconds(300)) ?? settings.connectTimeout
        settings.totalTimeout = http.duration("total_timeout", in: .seconds(1) ... .seconds(3600)) ?? settings.totalTimeout
        settings.lowSpeedLimit = http.integer("low_speed_limit", in: 1...(1 << 30)) ?? settings.lowSpeedLimit
        settings.lowSpeedTime = http.duration("low_speed_time", in: .seconds(1) ... .seconds(3600)) ?? settings.lowSpeedTime
        settings.maxBodyBytes = http.integer("max_body_bytes", in: 1024...(1 << 30)) ?? settings.maxBodyBytes
        settings.contact = http.string("contact", maxLength: 200)
        if let contact = settings.contact, contact.contains(where: { $0.isNewline || $0 == ")" }) {
            http.report("\"contact\" must be one line without \")\", like \"https://example.org/contact\"", key: "contact")
        }
        settings.caFile = http.path("ca_file")
        if let caFile = settings.caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            http.report("\"ca_file\" names \(caFile), which does not exist or cannot be read; give a PEM file of certificate authorities", key: "ca_file")
        }
        http.finish()
        return settings
    }

    private static func readEventHook(_ events: TableReader) -> EventHook? {
        let command = events.strings("command")
        let timeout = events.duration("timeout", in: .seconds(1) ... .seconds(600))
        events.finish()
        guard let command else { return nil }
        guard command.first?.hasPrefix("/") == true else {
            events.report("\"command\" must start with an absolute program path, like [\"/usr/local/bin/notify\", \"--json\"]", key: "command")
            return nil
        }
        return EventHook(command: command, timeout: timeout ?? .seconds(10))
    }

    private static func isLoopbackAddress(_ address: String) -> Bool {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]), (1...65535).contains(port) else {
            return false
        }
        let host = address[..<colon]
        return host == "127.0.0.1" || host == "[::1]" || host == "localhost"
    }
}

extension ConfigurationLoader {
    /// The configuration file to use when none is named: `$CONFIGURATION_DIRECTORY/stele.toml`
    /// (set by systemd), else `/etc/stele/stele.toml` when it exists, else `config/stele.toml`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let directory = environment["CONFIGURATION_DIRECTORY"]?.split(separator: ":").first {
            return "\(directory)/stele.toml"
        }
        if FileManager.default.fileExists(atPath: "/etc/stele/stele.toml") {
            return "/etc/stele/stele.toml"
        }
        return "config/stele.toml"
    }
}
