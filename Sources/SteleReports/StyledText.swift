/// Text made of pieces with roles, measured in terminal columns and wrapped to a width without
/// letting a colour run across the end of a line.
struct StyledText: Sendable, Equatable {
    /// One run of text in one role.
    struct Piece: Sendable, Equatable {
        var text: String
        var role: TextRole
    }

    var pieces: [Piece]

    init(_ pieces: [Piece] = []) {
        self.pieces = pieces
    }

    init(_ text: String, _ role: TextRole = .plain) {
        pieces = [Piece(text: text, role: role)]
    }

    mutating func append(_ text: String, _ role: TextRole = .plain) {
        pieces.append(Piece(text: text, role: role))
    }

    /// The pieces as `style` shows them: in the plain style, removed and inserted text gains its
    /// `[-…-]`/`{+…+}` markers here, before wrapping, so that widths count them.
    func marked(for style: TextStyle) -> StyledText {
        guard style == .plain else { return self }
        return StyledText(pieces.map { piece in
            piece.role == .removed || piece.role == .inserted ? Piece(text: style.paint(piece.text, piece.role), role: piece.role) : piece
        })
    }

    /// The text without roles.
    var plainText: String { pieces.map(\.text).joined() }

    /// Columns taken on a terminal.
    var width: Int { pieces.reduce(0) { $0 + TerminalWidth.of($1.text) } }

    /// Lines of at most `width` columns, broken at spaces (a word longer than a line is cut).
    /// Runs of white space become one space; an empty text is one empty line.
    func wrapped(width: Int) -> [StyledText] {
        let width = max(1, width)
        var lines: [StyledText] = []
        var line = StyledText()
        var lineWidth = 0
        for word in words() {
            var word = word
            var wordWidth = word.width
            if lineWidth > 0 && lineWidth + 1 + wordWidth > width {
                lines.append(line)
                line = StyledText()
                lineWidth = 0
            }
            while wordWidth > width - lineWidth - (lineWidth > 0 ? 1 : 0) && wordWidth > 0 {
                if lineWidth > 0 {
                    lines.append(line)
                    line = StyledText()
                    lineWidth = 0
                }
                let (head, tail) = word.split(atWidth: width)
                lines.append(head)
                word = tail
                wordWidth = word.width
            }
            guard wordWidth > 0 else { continue }
            if lineWidth > 0 {
                line.append(" ", word.pieces.first?.role == line.pieces.last?.role ? line.pieces.last!.role : .plain)
                lineWidth += 1
            }
            line.pieces += word.pieces
            lineWidth += wordWidth
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The text cut into words at white space — but never at a no-break space, which French
    /// typography puts before `:` and inside `3 404` —; a word keeps the roles of its pieces.
    private func words() -> [StyledText] {
        var words: [StyledText] = []
        var current = StyledText()
        for piece in pieces {
            var run = ""
            for character in piece.text {
                if character.isWhitespace && !Self.noBreakSpaces.contains(character) {
                    if !run.isEmpty { current.append(run, piece.role); run = "" }
                    if !current.pieces.isEmpty { words.append(current); current = StyledText() }
                } else {
                    run.append(character)
                }
            }
            if !run.isEmpty { current.append(run, piece.role) }
        }
        if !current.pieces.isEmpty { words.append(current) }
        return words
    }

    private static let noBreakSpaces: Set<Character> = ["\u{00A0}", "\u{202F}", "\u{2007}", "\u{2060}", "\u{FEFF}"]

    /// The first `width` columns (at least one character) and the rest.
    private func split(atWidth width: Int) -> (StyledText, StyledText) {
        var head = StyledText(), tail = StyledText()
        var used = 0
        for piece in pieces {
            var headText = "", tailText = ""
            for character in piece.text {
                let characterWidth = TerminalWidth.of(character)
                if tailText.isEmpty && tail.pieces.isEmpty && (used + characterWidth <= width || used == 0) {
                    headText.append(character)
                    used += characterWidth
                } else {
                    tailText.append(character)
                }
            }
            if !headText.isEmpty { head.append(headText, piece.role) }
            if !tailText.isEmpty { tail.append(tailText, piece.role) }
        }
        return (head, tail)
    }

    /// The text in `style`, padded with spaces to `width` columns when given; each line closes its
    /// own colours.
    func render(_ style: TextStyle, paddedTo width: Int? = nil) -> String {
        var output = ""
        var index = 0
        while index < pieces.count {
            // Neighbouring pieces of one role are painted as one.
            var text = pieces[index].text
            let role = pieces[index].role
            index += 1
            while index < pieces.count && pieces[index].role == role {
                text += pieces[index].text
                index += 1
            }
            output += style == .ansi ? style.paint(text, role) : text
        }
        if let width {
            let missing = width - self.width
            if missing > 0 { output += String(repeating: " ", count: missing) }
        }
        return output
    }
}

/// Columns a text takes on a terminal: East Asian wide characters and emoji take two, combining
/// marks and control characters none.
enum TerminalWidth {
    static func of(_ text: String) -> Int {
        var total = 0
        // Printable ASCII, the common case, is one column a byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        for character in text { total += of(character) }
        return total
    }

    static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark || value == 0x200B { return 0 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// `text` cut to `width` columns, ending with `…` when it was cut.
    static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 1 else { return width == 1 ? "…" : "" }
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = of(character)
            guard used + characterWidth <= width - 1 else { break }
            result.append(character)
            used += characterWidth
        }
        return result + "…"
    }
}
