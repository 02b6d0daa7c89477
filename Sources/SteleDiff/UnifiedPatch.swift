/// Applies a unified diff to the text it was made from, strictly: every context and removed line
/// must match exactly, at exactly the position the hunk header gives (no fuzz, no offset), so a
/// diff that applies proves that the stored versions are consistent.
public enum UnifiedPatch {
    /// The text that `diff` turns `old` into; throws when the diff is malformed or does not apply.
    public static func apply(_ diff: String, to old: String) throws(PatchError) -> String {
        let oldLines = splitLines(old)
        let diffLines = splitLines(diff)
        var output: [Substring] = []
        output.reserveCapacity(oldLines.count + 16)
        var cursor = 0
        var index = 0
        var hunkNumber = 0
        // Anything before the first hunk (file headers, `diff` command lines) is ignored, as patch does.
        while index < diffLines.count && !diffLines[index].hasPrefix("@@ ") { index += 1 }
        while index < diffLines.count {
            hunkNumber += 1
            let headerLine = index + 1
            guard let header = HunkHeader(diffLines[index]) else {
                throw PatchError(line: headerLine, hunk: hunkNumber, reason: "expected a hunk header \"@@ -l,s +l,s @@\", found \(quoted(diffLines[index]))")
            }
            index += 1
            let start = header.oldCount == 0 ? header.oldStart : header.oldStart - 1
            guard start >= cursor, start <= oldLines.count else {
                throw PatchError(line: headerLine, hunk: hunkNumber, reason: "hunk starts at old line \(header.oldStart), before the end of the previous hunk or past the end of the text (\(oldLines.count) lines)")
            }
            output.append(contentsOf: oldLines[cursor..<start])
            cursor = start
            var oldSeen = 0, newSeen = 0
            var lastKind: UInt8 = 0
            while index < diffLines.count, oldSeen < header.oldCount || newSeen < header.newCount || diffLines[index].hasPrefix("\\") {
                let line = diffLines[index]
                let lineNumber = index + 1
                index += 1
                guard let kind = line.utf8.first else {
                    throw PatchError(line: lineNumber, hunk: hunkNumber, reason: "empty line inside a hunk (a context line starts with a space)")
                }
                var content = line.dropFirst()
                if index < diffLines.count && diffLines[index].hasPrefix("\\") {
                    content = content.dropLast() // "\ No newline at end of file": the line had no newline
                }
                switch kind {
                case 0x20, 0x2D: // context, removal
                    guard cursor < oldLines.count, oldLines[cursor].utf8.elementsEqual(content.utf8) else {
                        let found = cursor < oldLines.count ? quoted(oldLines[cursor]) : "the end of the text"
                        throw PatchError(line: lineNumber, hunk: hunkNumber, reason: "old line \(cursor + 1) should be \(quoted(content)), found \(found)")
                    }
                    if kind == 0x20 { output.append(oldLines[cursor]); newSeen += 1 }
                    cursor += 1
                    oldSeen += 1
                case 0x2B: // insertion
                    output.append(content)
                    newSeen += 1
                case 0x5C: // a "\ No newline" line, already taken into account
                    guard lastKind != 0 && lastKind != 0x5C else {
                        throw PatchError(line: lineNumber, hunk: hunkNumber, reason: "\"\\ No newline at end of file\" follows no line")
                    }
                default:
                    throw PatchError(line: lineNumber, hunk: hunkNumber, reason: "a hunk line must start with ' ', '-', '+' or '\\', found \(quoted(line))")
                }
                lastKind = kind
                guard oldSeen <= header.oldCount, newSeen <= header.newCount else {
                    throw PatchError(line: lineNumber, hunk: hunkNumber, reason: "the hunk has more lines than its header announces (-\(header.oldCount) +\(header.newCount))")
                }
            }
            guard oldSeen == header.oldCount, newSeen == header.newCount else {
                throw PatchError(line: index, hunk: hunkNumber, reason: "the diff ends inside the hunk: \(oldSeen) of \(header.oldCount) old and \(newSeen) of \(header.newCount) new lines")
            }
        }
        output.append(contentsOf: oldLines[cursor...])
        var result = ""
        result.reserveCapacity(old.utf8.count + diff.utf8.count)
        for line in output { result += line }
        return result
    }

    /// Lines with their `\n` when they have one.
    private static func splitLines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        var index = text.utf8.startIndex
        while index < text.utf8.endIndex {
            let next = text.utf8.index(after: index)
            if text.utf8[index] == 0x0A {
                lines.append(text[start..<next])
                start = next
            }
            index = next
        }
        if start < text.endIndex { lines.append(text[start...]) }
        return lines
    }

    private static func quoted(_ line: Substring) -> String {
        var text = String(line)
        if text.hasSuffix("\n") { text.removeLast() }
        if text.count > 60 { text = String(text.prefix(57)) + "..." }
        return "\"\(text)\""
    }
}

/// A `@@ -l,s +l,s @@` line.
struct HunkHeader {
    var oldStart: Int, oldCount: Int, newStart: Int, newCount: Int

    init?(_ line: Substring) {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count >= 4, fields[0] == "@@", fields[3].hasPrefix("@@"),
              let old = Self.range(fields[1], sign: "-"), let new = Self.range(fields[2], sign: "+")
        else { return nil }
        (oldStart, oldCount, newStart, newCount) = (old.start, old.count, new.start, new.count)
    }

    private static func range(_ field: Substring, sign: Character) -> (start: Int, count: Int)? {
        guard field.first == sign else { return nil }
        let parts = field.dropFirst().split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= 2, let start = Int(parts[0]), start >= 0 else { return nil }
        guard parts.count == 2 else { return (start, 1) }
        guard let count = Int(parts[1]), count >= 0 else { return nil }
        return (start, count)
    }
}

/// A unified diff that is malformed or does not apply to the text it is applied to.
public struct PatchError: Error, Equatable, CustomStringConvertible {
    /// The line of the diff (1-based) where the problem was found.
    public var line: Int
    /// The hunk (1-based) being applied.
    public var hunk: Int
    /// What is wrong.
    public var reason: String

    /// What failed, where, and what it means.
    public var description: String {
        "the diff does not apply: line \(line) (hunk \(hunk)): \(reason)"
    }
}
