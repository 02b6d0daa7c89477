import TOMLKit

/// Collects the problems of one configuration file, each with its line.
final class ProblemLog {
    let file: String
    let locator: TOMLKeyLocator
    private(set) var problems: [ConfigurationProblem] = []

    init(file: String, locator: TOMLKeyLocator) {
        self.file = file
        self.locator = locator
    }

    func report(_ message: String, at path: [String]) {
        problems.append(ConfigurationProblem(file: file, line: locator.line(of: path), message: message))
    }
}

/// Reads the values of one TOML table, type-checked, and reports keys nobody asked for.
///
/// Each getter returns `nil` when the key is absent or has the wrong type (the latter is reported);
/// ``finish(allowing:)`` reports every key that no getter read, with a suggestion.
final class TableReader {
    let table: TOMLTable
    let path: [String]
    /// Put before every message: `source "nato": `.
    let context: String
    let log: ProblemLog
    private var read: Set<String> = []

    init(table: TOMLTable, path: [String], context: String, log: ProblemLog) {
        self.table = table
        self.path = path
        self.context = context
        self.log = log
    }

    func report(_ message: String, key: String? = nil) {
        log.report(context + message, at: key.map { path + [$0] } ?? path)
    }

    func contains(_ key: String) -> Bool {
        table.contains(key: key)
    }

    func value(_ key: String) -> (any TOMLValueConvertible)? {
        read.insert(key)
        return table[key]
    }

    func string(_ key: String, maxLength: Int = 2048) -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value.string else {
            report("\"\(key)\" must be a string", key: key)
            return nil
        }
        guard text.count <= maxLength else {
            report("\"\(key)\" is longer than \(maxLength) characters", key: key)
            return nil
        }
        return text
    }

    /// A file or folder path, not empty. (A NUL, which would cut it short, is refused before
    /// TOMLKit reads the text.)
    func path(_ key: String) -> String? {
        guard let text = string(key, maxLength: 4096) else { return nil }
        guard !text.isEmpty else {
            report("\"\(key)\" is empty; give a path, or leave the key out for the default", key: key)
            return nil
        }
        return text
    }

    func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = value(key) else { return nil }
        guard let number = value.int else {
            report("\"\(key)\" must be a whole number", key: key)
            return nil
        }
        guard range.contains(number) else {
            report("\"\(key)\" must be between \(range.lowerBound) and \(range.upperBound), not \(number)", key: key)
            return nil
        }
        return number
    }

    func duration(_ key: String, in range: ClosedRange<Duration>) -> Duration? {
        guard let text = string(key) else { return nil }
        guard let duration = DurationText.parse(text) else {
            report("\"\(key)\" must be a duration like \"500ms\", \"30s\", \"15m\", \"6h\" or \"2d\", not \"\(text)\"", key: key)
            return nil
        }
        guard range.contains(duration) else {
            report("\"\(key)\" must be between \(DurationText.format(range.lowerBound)) and \(DurationText.format(range.upperBound)), not \(text)", key: key)
            return nil
        }
        return duration
    }

    func strings(_ key: String) -> [String]? {
        guard let value = value(key) else { return nil }
        guard let array = value.array, let strings = Optional(array.compactMap(\.string)), strings.count == array.count else {
            report("\"\(key)\" must be a list of strings, like [\"en\", \"fr\"]", key: key)
            return nil
        }
        return strings
    }

    func table(_ key: String, context: String? = nil) -> TableReader? {
        guard let value = value(key) else { return nil }
        guard let table = value.table else {
            report("\"\(key)\" must be a table", key: key)
            return nil
        }
        return TableReader(table: table, path: path + [key], context: context ?? self.context, log: log)
    }

    /// Counts `keys` as read, so that ``finish()`` does not report them: for keys whose meaning
    /// depends on another value that is already reported as wrong.
    func allow(_ keys: [String]) {
        read.formUnion(keys)
    }

    /// Reports each key that no getter asked for, suggesting the closest one that was asked for.
    func finish() {
        for key in table.keys where !read.contains(key) {
            let hint = Suggestion.closest(to: key, among: read.sorted()).map { " (did you mean \"\($0)\"?)" } ?? ""
            report("unknown key \"\(key)\"\(hint)", key: key)
        }
    }
}
