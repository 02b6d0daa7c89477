import Logging
import SteleConfig
import SteleService

/// Sets up swift-log once per process: lines to standard error, journald-prefixed under systemd.
enum LoggingSetup {
    static func bootstrap(level: String) {
        let style = SteleLogHandler.detectStyle()
        let logLevel = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in SteleLogHandler(label: label, style: style, level: logLevel) }
    }
}
