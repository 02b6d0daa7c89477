import Foundation
import SteleLanguage
import SteleConfig
import SteleExtract
import Testing

@Suite("Reading and validating stele.toml")
struct ConfigurationLoaderTests {
    private func problems(_ text: String) -> [String] {
        do {
            _ = try ConfigurationLoader.parse(text: text, file: "stele.toml")
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    private let minimalSource = """
        [[source]]
        id = "nato"
        languages = ["en", "fr"]
        feed = "https://www.nato.int/feed.xml"
        versions = "page-links"
        """

    @Test("the default configuration in config/ is valid and follows NATO")
    func defaultConfiguration() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../config/stele.toml").standardized.path
        let configuration = try ConfigurationLoader.load(path: path)
        let nato = try #require(configuration.source(id: "nato"))
        #expect(configuration.sources.first?.id == "nato")
        #expect(nato.languages == [.en, .fr, .uk])
        #expect(nato.feeds == [FeedSubscription(url: "https://www.nato.int/cps/rss/en/natohq/rssFeed.xsl/rssFeed.xml")])
        #expect(nato.versions == .rewrite(try URLRewriteRule(.queryParameter(name: "selectedLocale"))))
        #expect(nato.keyPattern == "(news_[0-9]+)")
        #expect(nato.content == (try ContentRule("section.content")))
        #expect(nato.pollInterval == .seconds(900))
        #expect(nato.pendingRecheck == RecheckSchedule(text: "1h for 2d, 6h for 14d"))
        #expect(configuration.http.perHost == 2)
    }

    @Test("an unknown key is named with its line and the key it resembles")
    func unknownKey() {
        let text = """
            [http]
            per_host = 2

            [[source]]
            id = "nato"
            languages = ["en", "fr"]
            feeds = "https://www.nato.int/feed.xml"
            versions = "page-links"
            """
        #expect(problems(text) == [
            "stele.toml:4: source \"nato\": \"feed\" is missing; give the address of its RSS, Atom or JSON feed or XML sitemap",
            "stele.toml:7: source \"nato\": unknown key \"feeds\" (did you mean \"feed\"?)",
        ])
    }

    @Test("wrong types and values each get their own message, all at once")
    func manyProblems() {
        let text = """
            [http]
            per_host = "two"
            total_timeout = "forever"
            concurrency = 0

            [log]
            level = "verbose"

            \(minimalSource)
            poll_interval = "10s"
            """
        #expect(problems(text) == [
            "stele.toml:2: [http]: \"per_host\" must be a whole number",
            "stele.toml:3: [http]: \"total_timeout\" must be a duration like \"500ms\", \"30s\", \"15m\", \"6h\" or \"2d\", not \"forever\"",
            "stele.toml:4: [http]: \"concurrency\" must be between 1 and 256, not 0",
            "stele.toml:7: [log]: \"level\" must be one of trace, debug, info, notice, warning, error, critical, not \"verbose\"",
            "stele.toml:14: source \"nato\": \"poll_interval\" must be between 1m and 1w, not 10s",
        ])
    }

    @Test("a TOML syntax error names its line")
    func syntaxError() {
        let found = problems("[http]\nper_host = \n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("stele.toml:2: not valid TOML") == true)
    }

    @Test("a dotted key of absurdly many parts is refused with its line before the TOML parser recurses on it")
    func deepDottedKey() {
        let header = "[" + Array(repeating: "a", count: 100_000).joined(separator: ".") + "]"
        #expect(problems("# a comment\n" + header + "\n") == ["stele.toml:2: a dotted key of 100000 parts; no setting has more than a few, so this is not a Stele configuration"])
        let inline = "x = { " + Array(repeating: "b", count: 70).joined(separator: ".") + " = 1 }\n"
        #expect(problems(inline).first?.hasPrefix("stele.toml:1: a dotted key of 70 parts") == true)
        // Dots in strings, comments and numbers are no key.
        #expect(problems(minimalSource + "\nname = \"" + String(repeating: "a.", count: 100) + "\" # " + String(repeating: ".", count: 100) + "\n").allSatisfy { !$0.contains("dotted key") })
    }

    @Test("a folder given as the configuration is named as a folder")
    func folderAsConfiguration() throws {
        let folder = FileManager.default.temporaryDirectory.path
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load(path: folder) }
        do {
            _ = try ConfigurationLoader.load(path: folder)
        } catch {
            #expect(error.problems.map(\.description) == ["\(folder): this is a folder; give the configuration file, e.g. \(folder)/stele.toml"])
        }
    }

    @Test("paths that are empty, hold a NUL or name no file are refused")
    func paths() {
        #expect(problems("[store]\npath = \"\"\n" + minimalSource).contains("stele.toml:2: [store]: \"path\" is empty; give a path, or leave the key out for the default"))
        #expect(problems("[store]\npath = \"/tmp/store\\u0000/evil\"\n" + minimalSource) == ["stele.toml:2: a string holds an escaped NUL character (\\u0000), which no setting can hold"])
        #expect(problems("[http]\nca_file = \"/no/such/ca.pem\"\n" + minimalSource).contains(
            "stele.toml:2: [http]: \"ca_file\" names /no/such/ca.pem, which does not exist or cannot be read; give a PEM file of certificate authorities"))
    }

    @Test("languages Stele cannot identify are refused")
    func unsupportedLanguage() {
        let text = minimalSource.replacingOccurrences(of: "[\"en\", \"fr\"]", with: "[\"en\", \"de\"]")
        #expect(problems(text) == ["stele.toml:3: source \"nato\": language \"de\" is not supported; use \"en\", \"fr\", \"uk\""])
    }

    @Test("a rewrite rule is read with its kind, and a broken one is explained")
    func rewriteRules() throws {
        let text = """
            [[source]]
            id = "nato"
            languages = ["en", "fr", "uk"]
            feed = "https://www.nato.int/feed.xml"

            [source.versions]
            kind = "replace"
            find = "/en/"
            replace = "/fr/"
            """
        #expect(problems(text) == ["stele.toml:6: source \"nato\": replace: \"/fr/\" has no {lang}, so every language would get the same address"])
        let fixed = try ConfigurationLoader.parse(text: text.replacingOccurrences(of: "\"/fr/\"", with: "\"/{lang}/\"") + "\ncodes = { uk = \"ua\" }\n", file: "stele.toml")
        #expect(fixed.sources[0].versions == .rewrite(try URLRewriteRule(.replace(find: "/en/", replace: "/{lang}/"), codes: [.uk: "ua"])))
        #expect(problems(text.replacingOccurrences(of: "kind = \"replace\"", with: "kind = \"query\"")) == [
            "stele.toml:7: source \"nato\": \"kind\" must be \"query-parameter\", \"path-segment\", \"replace\", not \"query\"",
        ])
    }

    @Test("a content rule that is neither CSS nor XPath is refused at its line")
    func contentRule() {
        let text = """
            [[source]]
            id = "nato"
            languages = ["en"]
            feed = "https://www.nato.int/feed.xml"
            content = "section[["
            """
        let found = problems(text)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("stele.toml:5: source \"nato\": \"content\": content rule \"section[[\"") == true)
    }

    @Test("per-language feeds must cover every language when versions come from feeds")
    func perLanguageFeeds() throws {
        let text = """
            [[source]]
            id = "agency"
            languages = ["en", "fr"]
            feed = { en = "https://a.example/en.rss" }
            versions = "feeds"
            """
        #expect(problems(text) == ["stele.toml:5: source \"agency\": versions = \"feeds\" needs a feed per language; \"feed\" has none for fr"])
        let fixed = try ConfigurationLoader.parse(text: text.replacingOccurrences(of: "{ en = \"https://a.example/en.rss\" }", with: "{ en = \"https://a.example/en.rss\", fr = \"https://a.example/fr.rss\" }"), file: "stele.toml")
        #expect(Set(fixed.sources[0].feeds) == [FeedSubscription(url: "https://a.example/en.rss", language: .en), FeedSubscription(url: "https://a.example/fr.rss", language: .fr)])
    }

    @Test("bad ids, duplicate ids, bad addresses and bad patterns are refused")
    func sourceValues() {
        let text = """
            [[source]]
            id = "../etc"
            languages = ["en"]
            feed = "file:///etc/passwd"
            key = "news_(["

            [[source]]
            id = "nato"
            languages = ["en"]
            feed = "https://www.nato.int/feed.xml"

            [[source]]
            id = "nato"
            languages = ["en"]
            feed = "https://www.nato.int/other.xml"
            """
        let found = problems(text)
        #expect(found.count == 4)
        #expect(found[0] == "stele.toml:2: source \"../etc\": \"id\" must be 1 to 40 lower-case letters, digits, \"-\" or \"_\", not \"../etc\"")
        #expect(found[1] == "stele.toml:4: source \"../etc\": feed \"file:///etc/passwd\" is not an http:// or https:// address")
        #expect(found[2].hasPrefix("stele.toml:5: source \"../etc\": \"key\" is not a valid regular expression"))
        #expect(found[3] == "stele.toml:13: source \"nato\": the id \"nato\" is used by an earlier source; ids must be unique")
    }

    @Test("metrics listen only on loopback, and event hooks need an absolute program")
    func metricsAndEvents() {
        let text = """
            [metrics]
            listen = "0.0.0.0:9464"

            [events]
            command = ["notify-send"]

            \(minimalSource)
            """
        #expect(problems(text) == [
            "stele.toml:2: [metrics]: \"listen\" must be a loopback address with a port, like \"127.0.0.1:9464\"; metrics are not for the open network",
            "stele.toml:5: [events]: \"command\" must start with an absolute program path, like [\"/usr/local/bin/notify\", \"--json\"]",
        ])
    }

    @Test("a file that is missing or huge is refused with a message naming it")
    func unreadableFiles() throws {
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load(path: "/nonexistent/stele.toml") }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stele-huge-\(UUID().uuidString).toml").path
        defer { unlink(path) }
        try Data(repeating: UInt8(ascii: "#"), count: ConfigurationLoader.maxFileBytes + 1).write(to: URL(fileURLWithPath: path))
        do {
            _ = try ConfigurationLoader.load(path: path)
            Issue.record("a huge file was accepted")
        } catch {
            #expect(error.description.contains("larger than"))
        }
    }
}

@Suite("Durations and schedules")
struct DurationTests {
    @Test("durations as people write them", arguments: [
        ("500ms", Duration.milliseconds(500)), ("30s", .seconds(30)), ("15m", .seconds(900)), ("1h30m", .seconds(5400)),
        ("2d", .seconds(172_800)), ("1w", .seconds(604_800)),
    ])
    func parse(text: String, expected: Duration) {
        #expect(DurationText.parse(text) == expected)
        #expect(DurationText.parse(DurationText.format(expected)) == expected)
    }

    @Test("text that is no duration", arguments: ["", "15", "m", "1.5h", "-3s", "3 s", "9999999999999999999h", "1y"])
    func reject(text: String) {
        #expect(DurationText.parse(text) == nil)
    }

    @Test("a decaying schedule says when to look next, and stops")
    func schedule() throws {
        let schedule = try #require(RecheckSchedule(text: "1h for 2d, 6h for 14d"))
        #expect(schedule.nextCheck(afterAge: .seconds(60)) == .seconds(3600))
        #expect(schedule.nextCheck(afterAge: .seconds(3 * 86_400)) == .seconds(6 * 3600))
        #expect(schedule.nextCheck(afterAge: .seconds(15 * 86_400)) == nil)
        #expect(RecheckSchedule(text: "never")?.stages.isEmpty == true)
        #expect(RecheckSchedule(text: "6h for 14d, 1h for 2d") == nil)
        #expect(RecheckSchedule(text: "hourly") == nil)
    }
}
