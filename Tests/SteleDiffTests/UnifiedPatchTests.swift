import SteleDiff
import Testing

@Suite("Applying a unified diff")
struct UnifiedPatchTests {
    @Test("a diff applied to its old text gives the new text")
    func roundTrip() throws {
        let old = "one\ntwo\nthree\nfour\n"
        let new = "zero\none\nthree\nfour\nfive"
        #expect(try UnifiedPatch.apply(UnifiedDiff.make(from: old, to: new), to: old) == new)
    }

    @Test("an empty diff leaves the text as it is")
    func emptyDiff() throws {
        #expect(try UnifiedPatch.apply("", to: "a\nb") == "a\nb")
    }

    @Test("a diff applied to a text it was not made from fails and says where")
    func mismatch() throws {
        let diff = UnifiedDiff.make(from: "a\nb\nc\n", to: "a\nB\nc\n")
        let error = try #require(throws: PatchError.self) { try UnifiedPatch.apply(diff, to: "a\nx\nc\n") }
        #expect(error.hunk == 1)
        #expect(error.description.contains("old line 2 should be \"b\", found \"x\""))
    }

    @Test("a hunk past the end of the text fails")
    func pastTheEnd() throws {
        let diff = UnifiedDiff.make(from: "a\nb\nc\nd\n", to: "a\nb\nc\nD\n")
        #expect(throws: PatchError.self) { try UnifiedPatch.apply(diff, to: "a\n") }
    }

    @Test("malformed diffs are refused with the line of the diff", arguments: [
        "@@ -1 +1 @@\n?a\n",
        "@@ -x +1 @@\n-a\n+b\n",
        "@@ -1,2 +1,2 @@\n-a\n",
        "@@ -1 +1 @@\n-a\n+b\n+c\n",
    ])
    func malformed(diff: String) {
        #expect(throws: PatchError.self) { try UnifiedPatch.apply(diff, to: "a\nb\n") }
    }
}
