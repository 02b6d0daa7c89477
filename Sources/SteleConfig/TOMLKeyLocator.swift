/// Finds the line on which each key of a TOML document is written, so that validation messages can
/// say `stele.toml:14:`. TOMLKit parses the document but keeps no positions; this reads the lines
/// for table headers (`[http]`, `[[source]]`, `[source.versions]`) and assignments (`key = ...`),
/// skipping multi-line strings. It runs only on text TOMLKit has already accepted.
struct TOMLKeyLocator {
    private var lines: [String: Int] = [:]

    /// Maps every key path of `text` to its line (1-based). Paths are dotted, with the index of an
    /// array-of-tables element: `source.0.feed`.
    init(text: String) {
        var table: [String] = []
        var arrayCounts: [String: Int] = [:]
        var openString: String?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = rawLine.trimming(" \t\r")
            if let delimiter = openString {
                if line.contains(delimiter) { openString = nil }
                continue
            }
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            if line.hasPrefix("[[") {
                let name = Self.keyPath(line.dropFirst(2).prefix { $0 != "]" })
                let dotted = name.joined(separator: ".")
                let position = arrayCounts[dotted, default: -1] + 1
                arrayCounts[dotted] = position
                // Deeper arrays restart when their parent element changes; enough for Stele's schema.
                table = resolve(name, arrayCounts: arrayCounts)
                record(table, line: number)
            } else if line.hasPrefix("[") {
                table = resolve(Self.keyPath(line.dropFirst().prefix { $0 != "]" }), arrayCounts: arrayCounts)
                record(table, line: number)
            } else if let equals = Self.assignment(in: line) {
                let key = Self.keyPath(line[..<equals])
                record(table + key, line: number)
                let value = line[line.index(after: equals)...].trimming(" \t")
                for delimiter in ["\"\"\"", "'''"] where value.hasPrefix(delimiter) && !value.dropFirst(3).contains(delimiter) {
                    openString = delimiter
                }
            }
        }
    }

    /// The line of `path`, or of its nearest ancestor that was written down.
    func line(of path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path.joined(separator: ".")] { return line }
            path.removeLast()
        }
        return nil
    }

    private mutating func record(_ path: [String], line: Int) {
        let key = path.joined(separator: ".")
        if lines[key] == nil { lines[key] = line }
    }

    /// A header's path with each array-of-tables component replaced by `name.index`.
    private func resolve(_ name: [String], arrayCounts: [String: Int]) -> [String] {
        var resolved: [String] = []
        // Grown by one component at a time: joining the whole prefix again for each component
        // made a 100,000-component header take minutes.
        var prefix = ""
        for component in name {
            prefix += prefix.isEmpty ? component : "." + component
            resolved.append(component)
            if let position = arrayCounts[prefix] { resolved.append(String(position)) }
        }
        return resolved
    }

    /// The position of the `=` of a `key = value` line, outside quotes.
    private static func assignment(in line: String) -> String.Index? {
        var quote: Character?
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "=" {
                return index
            } else if character == "{" || character == "[" {
                return nil
            }
        }
        return nil
    }

    /// `a."b.c".d` as `["a", "b.c", "d"]`.
    private static func keyPath<S: StringProtocol>(_ text: S) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                parts.append(current.trimming(" \t"))
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current.trimming(" \t"))
        return parts
    }
}

extension StringProtocol {
    func trimming(_ set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
