import Foundation
import SteleDiff
import Testing

@Suite("Unified diff output")
struct UnifiedDiffTests {
    @Test("equal texts give an empty diff")
    func equalTexts() {
        #expect(UnifiedDiff.make(from: "a\nb\n", to: "a\nb\n") == "")
        #expect(UnifiedDiff.make(from: "", to: "") == "")
    }

    @Test("one changed line in the middle shows three lines of context on each side")
    func contextAroundOneChange() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        #expect(UnifiedDiff.make(from: old, to: new, oldLabel: "en/0001.txt", newLabel: "en/0002.txt") == """
            --- en/0001.txt
            +++ en/0002.txt
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
    }

    @Test("hunk ranges follow GNU: one line is 'l', an empty side is 'l,0' naming the line before", arguments: [
        ("a\n", "a\nb\n", "@@ -1 +1,2 @@\n a\n+b\n"),
        ("", "a\n", "@@ -0,0 +1 @@\n+a\n"),
        ("a\n", "", "@@ -1 +0,0 @@\n-a\n"),
        ("a\nb\nc\nd\ne\n", "a\nb\nc\nd\nX\ne\n", "@@ -2,4 +2,5 @@\n b\n c\n d\n+X\n e\n"),
    ])
    func hunkRanges(old: String, new: String, body: String) {
        #expect(UnifiedDiff.make(from: old, to: new) == "--- a\n+++ b\n" + body)
    }

    @Test("a missing final newline is marked on the line that lacks it")
    func noNewlineAtEnd() {
        #expect(UnifiedDiff.make(from: "a\nb", to: "a\nb\n") == "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n")
        #expect(UnifiedDiff.make(from: "a\n", to: "a\nc") == "--- a\n+++ b\n@@ -1 +1,2 @@\n a\n+c\n\\ No newline at end of file\n")
        #expect(UnifiedDiff.make(from: "x\nz", to: "y\nz") == "--- a\n+++ b\n@@ -1,2 +1,2 @@\n-x\n+y\n z\n\\ No newline at end of file\n")
    }

    @Test("changes more than six lines apart make separate hunks, closer ones merge")
    func hunkMerging() {
        let old = (1...20).map { "p\($0)" }.joined(separator: "\n") + "\n"
        let far = old.replacingOccurrences(of: "p2\n", with: "P2\n").replacingOccurrences(of: "p10\n", with: "P10\n")
        let near = old.replacingOccurrences(of: "p2\n", with: "P2\n").replacingOccurrences(of: "p9\n", with: "P9\n")
        #expect(UnifiedDiff.make(from: old, to: far).components(separatedBy: "\n@@ ").count == 3)
        #expect(UnifiedDiff.make(from: old, to: near).components(separatedBy: "\n@@ ").count == 2)
    }

    @Test("lines are compared by bytes: precomposed and decomposed é differ")
    func byteEquality() {
        let diff = UnifiedDiff.make(from: "caf\u{E9}\n", to: "cafe\u{301}\n")
        #expect(diff.contains("-caf\u{E9}\n"))
        #expect((try? UnifiedPatch.apply(diff, to: "caf\u{E9}\n"))?.utf8.elementsEqual("cafe\u{301}\n".utf8) == true)
    }
}

@Suite("Change groups slide as in GNU diff")
struct CompactionTests {
    @Test("an inserted copy of a repeated paragraph shows at the end of the run, in one hunk")
    func insertionInARun() {
        let old = "a\nb\nb\nc\n", new = "a\nb\nb\nb\nc\n"
        #expect(UnifiedDiff.make(from: old, to: new) == "--- a\n+++ b\n@@ -1,4 +1,5 @@\n a\n b\n b\n+b\n c\n")
    }

    @Test("a removal between equal paragraphs slides down as GNU diff prints it")
    func removalSlides() {
        let old = "x\ny\nx\ny\nz\n", new = "x\ny\nz\n"
        #expect(UnifiedDiff.make(from: old, to: new) == "--- a\n+++ b\n@@ -1,5 +1,3 @@\n x\n y\n-x\n-y\n z\n")
    }
}
