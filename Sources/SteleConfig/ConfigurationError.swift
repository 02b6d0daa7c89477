/// One thing wrong in a configuration file, with where it is.
public struct ConfigurationProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file's name as given.
    public var file: String
    /// The line (1-based), when known.
    public var line: Int?
    /// What is wrong and, where possible, what to write instead.
    public var message: String

    /// A problem.
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `stele.toml:14: source "nato": unknown key "feeds" (did you mean "feed"?)`
    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}

/// A configuration that cannot be used, with every problem found (not just the first).
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems, in file order.
    public var problems: [ConfigurationProblem]

    /// An error with these problems.
    public init(problems: [ConfigurationProblem]) {
        self.problems = problems
    }

    /// One problem a line.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
