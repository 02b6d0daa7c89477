import SteleConfig
import SteleExtract
import SteleFeeds
import SteleLanguage

/// Everything about one source that the pipeline needs, prepared once per configuration.
struct SourceContext: Sendable {
    let configuration: SourceConfiguration
    let keyPattern: ReleaseKeyPattern
    let extractor: PageExtractor

    init(_ configuration: SourceConfiguration, maxBodyBytes: Int) {
        self.configuration = configuration
        keyPattern = ReleaseKeyPattern(configuration.keyPattern)
        var rules: [URLRewriteRule] = []
        if case .rewrite(let rule) = configuration.versions { rules = [rule] }
        extractor = PageExtractor(options: ExtractionOptions(contentRule: configuration.content, rewriteRules: rules, maxInputBytes: maxBodyBytes))
    }

    var id: String { configuration.id }

    /// The addresses of every configured language that can be known without fetching: those
    /// given, completed by the rewrite rule from the primary address. Languages the source does not
    /// follow are dropped.
    func addresses(startingFrom known: [Language: String]) -> [Language: String] {
        var addresses = known.filter { configuration.languages.contains($0.key) }
        if case .rewrite(let rule) = configuration.versions, let primary = addresses[configuration.primaryLanguage] {
            for language in configuration.languages.dropFirst() where addresses[language] == nil {
                addresses[language] = rule.rewrite(primary, to: language)
            }
        }
        return addresses
    }
}

/// One item of one feed, with the language of that feed when the source has a feed per language.
struct FeedObservation: Sendable {
    var item: SteleFeeds.FeedItem
    var language: Language?
}
