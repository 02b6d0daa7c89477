import Logging
import SteleConfig
import SteleService

/// Sets up swift-log once per process: lines to standard error, journald-prefixed under systemd.
enum LoggingSetup {
    /// Sends log lines to standard error at `level`. With `quietOnTerminal` (a command that shows
    /// a progress line), a terminal gets warnings and errors only unless `level` asks for debugging:
    /// the progress line and the summary say the rest, and `events.jsonl` keeps every event.
    static func bootstrap(level: String, quietOnTerminal: Bool = false) {
        let style = SteleLogHandler.detectStyle()
        var logLevel = Logger.Level(rawValue: level) ?? .info
        if quietOnTerminal, style == .terminal, logLevel > .debug { logLevel = max(logLevel, .warning) }
        LoggingSystem.bootstrap { label in SteleLogHandler(label: label, style: style, level: logLevel) }
    }
}
