public import Foundation
public import Logging
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Writes log lines to standard error in the form that suits where they go: with `<N>` syslog
/// priority prefixes when standard error is the journal (journald reads them as the priority), with
/// colour on a terminal, and plain with a UTC timestamp otherwise.
public struct SteleLogHandler: LogHandler {
    /// How lines are written.
    public enum Style: Sendable {
        /// `<6>nato: new release release=news_1` for journald.
        case journal
        /// `02:14:07 info  nato: new release release=news_1`, coloured by level.
        case terminal
        /// `2026-11-29T02:14:07Z info nato: new release release=news_1`.
        case plain
    }

    /// Journal when `JOURNAL_STREAM` names standard error, terminal when it is a TTY, else plain.
    public static func detectStyle(environment: [String: String] = ProcessInfo.processInfo.environment) -> Style {
        if let stream = environment["JOURNAL_STREAM"] {
            var status = stat()
            let parts = stream.split(separator: ":").compactMap { UInt64($0) }
            if fstat(2, &status) == 0, parts.count == 2, parts[0] == UInt64(status.st_dev), parts[1] == UInt64(status.st_ino) {
                return .journal
            }
        }
        return isatty(2) == 1 ? .terminal : .plain
    }

    private static let output = Mutex(())

    /// The component name written before each message (`nato`, `http`, ...).
    public let label: String
    /// The line style.
    public let style: Style
    /// The least severe level written.
    public var logLevel: Logger.Level
    /// Metadata written with every line of this logger.
    public var metadata: Logger.Metadata = [:]

    /// A handler for `label`.
    public init(label: String, style: Style, level: Logger.Level = .info) {
        self.label = label
        self.style = style
        self.logLevel = level
    }

    /// Reads and writes metadata of this logger.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one line.
    public func log(event: LogEvent) {
        let line = self.line(for: event, at: Date())
        Self.output.withLock { _ in
            line.utf8CString.withUnsafeBufferPointer { buffer in
                _ = write(2, buffer.baseAddress, buffer.count - 1)
            }
        }
    }

    /// The line written for `event` at `date`, newline included.
    func line(for event: LogEvent, at date: Date) -> String {
        let merged = event.metadata.map { metadata.merging($0) { $1 } } ?? metadata
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quoted("\($0.value)"))" }
        let message = ([event.message.description.replacingOccurrences(of: "\n", with: " ")] + fields).joined(separator: " ")
        switch style {
        case .journal:
            return "<\(Self.priority(event.level))>\(label): \(message)\n"
        case .terminal:
            let level = event.level.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            // From the start of a cleared line: a progress line may be drawn there.
            return "\r\u{1B}[K\(Self.clock(date)) \(Self.colour(event.level))\(level)\u{1B}[0m\(label): \(message)\n"
        case .plain:
            return "\(date.ISO8601Format()) \(event.level.rawValue) \(label): \(message)\n"
        }
    }

    /// The syslog priority of a level (RFC 5424 §6.2.1).
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    private static func colour(_ level: Logger.Level) -> String {
        switch level {
        case .trace, .debug: "\u{1B}[2m"
        case .info, .notice: "\u{1B}[0m"
        case .warning: "\u{1B}[33m"
        case .error, .critical: "\u{1B}[31m"
        }
    }

    private static func clock(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970) % 86_400
        return String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }

    private static func quoted(_ value: String) -> String {
        value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) ? "\"\(value.replacingOccurrences(of: "\"", with: "\\\""))\"" : value
    }
}
