@testable import SteleReports
import Testing

@Suite("Text for terminals: widths, wrapping, colours")
struct StyledTextTests {
    @Test("columns: wide characters take two, combining marks none", arguments: [
        ("abc", 3), ("étrangères", 10), ("e\u{301}", 1), ("Українська", 10), ("北约", 4), ("", 0), ("a\u{1B}", 1),
    ])
    func widths(_ text: String, _ columns: Int) {
        #expect(TerminalWidth.of(text) == columns)
    }

    @Test("wrapping keeps every line within the width and every word whole unless longer than a line")
    func wrapping() {
        let text = StyledText("Les ministres des Affaires étrangères de l'OTAN se sont réunis à Bruxelles le 4 décembre")
        let lines = text.wrapped(width: 20).map(\.plainText)
        #expect(lines == ["Les ministres des", "Affaires étrangères", "de l'OTAN se sont", "réunis à Bruxelles", "le 4 décembre"])
        #expect(StyledText("a-very-long-word-indeed").wrapped(width: 10).map(\.plainText) == ["a-very-lon", "g-word-ind", "eed"])
        #expect(StyledText("").wrapped(width: 10).map(\.plainText) == [""])
    }

    @Test("plain marks count in the width; colours do not, and close on each line")
    func markedWrapping() {
        var text = StyledText("keep ")
        text.append("removed words", .removed)
        text.append("new words here", .inserted)
        let plain = text.marked(for: .plain).wrapped(width: 14).map { $0.render(.plain) }
        #expect(plain == ["keep [-removed", "words-]{+new", "words here+}"])
        let coloured = text.marked(for: .ansi).wrapped(width: 14).map { $0.render(.ansi) }
        #expect(coloured == ["keep \u{1B}[31mremoved\u{1B}[m", "\u{1B}[31mwords\u{1B}[m\u{1B}[32mnew words\u{1B}[m", "\u{1B}[32mhere\u{1B}[m"])
    }

    @Test("colour only when asked, or on a terminal without NO_COLOR and with a TERM that can", arguments: [
        (ColourChoice.auto, true, [String: String](), TextStyle.ansi),
        (.auto, false, [:], .plain),
        (.auto, true, ["NO_COLOR": "1"], .plain),
        (.auto, true, ["NO_COLOR": ""], .ansi),
        (.auto, true, ["TERM": "dumb"], .plain),
        (.always, false, ["NO_COLOR": "1"], .ansi),
        (.never, true, [:], .plain),
    ])
    func colourChoice(_ choice: ColourChoice, _ isTerminal: Bool, _ environment: [String: String], _ expected: TextStyle) {
        #expect(TextStyle.choose(choice, isTerminal: isTerminal, environment: environment) == expected)
    }

    @Test("a title cut to fit ends with an ellipsis")
    func truncation() {
        #expect(TerminalWidth.truncate("Secretary General visits The Hague", to: 12) == "Secretary G…")
        #expect(TerminalWidth.truncate("short", to: 12) == "short")
    }
}

extension StyledTextTests {
    @Test("no line breaks at a no-break space, which is kept as it is")
    func noBreakSpaces() {
        let text = StyledText("Pourquoi\u{00A0}? Plus de 3\u{202F}404 militaires")
        #expect(text.wrapped(width: 12).map(\.plainText) == ["Pourquoi\u{00A0}?", "Plus de", "3\u{202F}404", "militaires"])
    }
}
