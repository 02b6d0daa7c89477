import Foundation
import Logging
@testable import SteleService
import Testing

@Suite("Log lines")
struct SteleLogHandlerTests {
    private func event(_ level: Logger.Level, _ message: String, _ metadata: Logger.Metadata = [:]) -> LogEvent {
        LogEvent(level: level, message: "\(message)", metadata: metadata, source: "test", file: #fileID, function: #function, line: #line)
    }

    @Test("journal lines carry the syslog priority of their level", arguments: [
        (Logger.Level.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2),
    ])
    func journalPriority(level: Logger.Level, priority: Int) {
        let handler = SteleLogHandler(label: "nato", style: .journal)
        #expect(handler.line(for: event(level, "polled"), at: Date()) == "<\(priority)>nato: polled\n")
    }

    @Test("metadata follows the message, sorted and quoted when needed; one event is one line")
    func metadata() {
        var handler = SteleLogHandler(label: "nato", style: .plain)
        handler[metadataKey: "source"] = "nato"
        let line = handler.line(for: event(.warning, "fetch failed\nretrying", ["url": "https://x/a b", "release": "news_1"]), at: Date(timeIntervalSince1970: 0))
        #expect(line == "1970-01-01T00:00:00Z warning nato: fetch failed retrying release=news_1 source=nato url=\"https://x/a b\"\n")
    }

    @Test("a terminal line first clears the line it starts on, where a progress line may stand")
    func terminalClearsProgress() {
        let handler = SteleLogHandler(label: "stele", style: .terminal)
        let line = handler.line(for: event(.error, "feed failed"), at: Date(timeIntervalSince1970: 3_723))
        #expect(line == "\r\u{1B}[K01:02:03 \u{1B}[31merror   \u{1B}[0mstele: feed failed\n")
    }
}
