/// How reports mark text: plain characters for files and pipes, ANSI colours on a terminal.
public enum TextStyle: Sendable, Equatable {
    /// No escape sequences; removed and inserted words as `[-…-]` and `{+…+}`, as `git diff --word-diff` writes them.
    case plain
    /// ANSI colours (removed in red, inserted in green, warnings in yellow, ...).
    case ansi

    /// The style for a stream: colours only when `colour` is `always`, or `auto` on a terminal
    /// with `NO_COLOR` unset or empty and a `TERM` other than `dumb`.
    public static func choose(_ colour: ColourChoice, isTerminal: Bool, environment: [String: String]) -> TextStyle {
        switch colour {
        case .always: return .ansi
        case .never: return .plain
        case .auto:
            guard isTerminal, environment["NO_COLOR"].map(\.isEmpty) ?? true, environment["TERM"] != "dumb" else { return .plain }
            return .ansi
        }
    }

    /// `text` painted in `role`; in the plain style only removed and inserted text is marked.
    func paint(_ text: String, _ role: TextRole) -> String {
        switch self {
        case .plain:
            switch role {
            case .removed: return "[-\(text)-]"
            case .inserted: return "{+\(text)+}"
            default: return text
            }
        case .ansi:
            guard let code = role.ansiCode, !text.isEmpty else { return text }
            return "\u{1B}[\(code)m\(text)\u{1B}[m"
        }
    }
}

/// `--color`: when to use colours.
public enum ColourChoice: String, Sendable, CaseIterable {
    /// On a terminal, unless `NO_COLOR` is set.
    case auto
    /// Always, even into a pipe (for `less -R`).
    case always
    /// Never.
    case never
}

/// What a piece of report text is, which decides its colour.
enum TextRole: Sendable, Equatable {
    case plain, removed, inserted, heading, dim, warning, alert, stale, hunk

    var ansiCode: String? {
        switch self {
        case .plain: nil
        case .removed: "31"
        case .inserted: "32"
        case .heading: "1"
        case .dim: "2"
        case .warning: "33"
        case .alert: "31"
        case .stale: "35"
        case .hunk: "36"
        }
    }
}
