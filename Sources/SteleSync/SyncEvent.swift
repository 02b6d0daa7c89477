/// What happened to a release, as one event: logged, appended to the store's `events.jsonl`, and
/// handed to the configured `on_event` command.
public enum SyncEventKind: String, Sendable, CaseIterable {
    /// A release was seen for the first time.
    case releaseNew = "release-new"
    /// The first version of a language was stored.
    case versionNew = "version-new"
    /// A later version of a language was stored (the text changed).
    case versionRevised = "version-revised"
    /// A language's address serves another language (or nothing): its translation is awaited.
    case translationPending = "translation-pending"
    /// A translation that was pending has arrived.
    case translationAvailable = "translation-available"
    /// A pending translation was looked for as long as configured and is given up.
    case translationMissing = "translation-missing"
    /// A language version answered 410 Gone and is no longer fetched.
    case languageGone = "language-gone"
    /// An address moved permanently (301/308, seen twice) and the new one is used from now on.
    case addressMoved = "address-moved"
}
