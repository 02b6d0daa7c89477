import Foundation
import SteleDiff
import SteleFixtures
import SteleService
import Testing

@Suite("Diff properties over random texts")
struct DiffPropertyTests {
    @Test("applying the diff to the old text gives the new text, for 5,000 seeded pairs", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func applyGivesNew(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        for round in 0..<1_000 {
            let old = RandomText.text(&generator)
            let new = Bool.random(using: &generator) ? RandomText.edit(old, &generator) : RandomText.text(&generator)
            let diff = UnifiedDiff.make(from: old, to: new)
            let patched = try UnifiedPatch.apply(diff, to: old)
            #expect(patched.utf8.elementsEqual(new.utf8), "seed \(seed) round \(round)")
        }
    }

    @Test("the diff of a text with itself is empty, for 2,000 seeded texts")
    func selfDiffIsEmpty() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<2_000 {
            let text = RandomText.text(&generator)
            #expect(UnifiedDiff.make(from: text, to: text).isEmpty)
            #expect(SequenceDiff.changes(old: text.components(separatedBy: "\n"), new: text.components(separatedBy: "\n")).isEmpty)
        }
    }

    @Test("large shuffled inputs take the heuristic path and still give a diff that applies")
    func shuffledInput() throws {
        var generator = SeededGenerator(seed: 7)
        let lines = (0..<6_000).map { "paragraph \($0) " + String(repeating: "x", count: $0 % 13) }
        let old = lines.joined(separator: "\n") + "\n"
        let new = lines.shuffled(using: &generator).joined(separator: "\n") + "\n"
        let diff = UnifiedDiff.make(from: old, to: new)
        #expect(try UnifiedPatch.apply(diff, to: old) == new)
    }

    @Test("GNU patch applies Stele's diffs, and GNU diff -u prints the very same hunks, on 150 seeded pairs")
    func gnuToolsAgree() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stele-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let oldPath = folder.appendingPathComponent("old.txt").path
        let newPath = folder.appendingPathComponent("new.txt").path
        let diffPath = folder.appendingPathComponent("change.diff").path
        let outputPath = folder.appendingPathComponent("patched.txt").path
        var generator = SeededGenerator(seed: 2024)
        for round in 0..<150 {
            let old = RandomText.text(&generator)
            let new = RandomText.edit(old, &generator)
            let diff = UnifiedDiff.make(from: old, to: new)
            try Data(old.utf8).write(to: URL(fileURLWithPath: oldPath))
            try Data(new.utf8).write(to: URL(fileURLWithPath: newPath))
            try Data(diff.utf8).write(to: URL(fileURLWithPath: diffPath))
            unlink(outputPath)
            let patch = try ChildProcess.run("/usr/bin/patch", ["--silent", "--fuzz=0", "--force", "-o", outputPath, oldPath, diffPath])
            #expect(patch.termination == .exited(0), "round \(round): patch failed: \(patch.output)")
            let patched = FileManager.default.contents(atPath: outputPath) ?? Data()
            #expect(patched == Data(new.utf8), "round \(round): patch gave a different text")

            // Both are minimal on small inputs and slide change groups the same way, so the hunks
            // (everything after the two header lines, which carry file names and dates) are equal.
            let gnu = try ChildProcess.run("/usr/bin/diff", ["-u", oldPath, newPath])
            #expect(Self.hunks(gnu.output) == Self.hunks(diff), "round \(round)")
        }
    }

    private static func hunks(_ diff: String) -> [Substring] {
        Array(diff.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2))
    }
}
