import Foundation
import SteleFixtures
import SteleService
import Testing

/// `stele align` as a user runs it: the real executable on real files.
@Suite("stele align")
struct AlignCommandTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("stele-align-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func file(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func run(_ arguments: [String]) throws -> (status: ChildProcess.Termination, output: String, error: String) {
        try SteleProcess.run(["align"] + arguments)
    }

    @Test("--json prints the documented shape; empty lines take no index")
    func json() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let english = try file("en.txt", "Allies met in Brussels on 13 March 2025.\n\n   \nThe plan costs 1,500 million euros.\r\nPhoto: the ministers.\n")
        let french = try file("fr.txt", "Les Alliés se sont réunis à Bruxelles le 13 mars 2025.\n\nLe plan coûte 1 500 millions d’euros.\n")
        let result = try run([english, french, "--from", "en", "--to", "fr", "--json"])
        #expect(result.status == .exited(0))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["from"] as? String == "en" && object["to"] as? String == "fr")
        let beads = try #require(object["beads"] as? [[String: Any]])
        #expect(beads.map { $0["source"] as? [Int] } == [[0], [1], [2]])
        #expect(beads.map { $0["target"] as? [Int] } == [[0], [1], []])
        #expect(beads.allSatisfy { ($0["confidence"] as? Double).map { (0...1).contains($0) } ?? false })
        #expect(result.output.hasPrefix(#"{"from": "en", "to": "fr", "beads": ["#))
    }

    @Test("Text output shows both texts side by side within the requested width")
    func text() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let english = try file("en.txt", "Allies met in Brussels on 13 March 2025 to agree a plan for the eastern flank.\n")
        let ukrainian = try file("uk.txt", "Союзники зустрілися в Брюсселі 13 березня 2025 року, щоб погодити план для східного флангу.\n")
        let result = try run([english, ukrainian, "--from", "en", "--to", "uk", "--width", "70"])
        #expect(result.status == .exited(0))
        let lines = result.output.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 70 })
        #expect(lines.first?.hasPrefix("en") == true && lines.first?.contains("│ uk") == true)
        #expect(result.output.contains("Союзники") && result.output.contains("Allies"))
        #expect(lines.last == "1 bead; 0 of 1 en and 0 of 1 uk paragraphs without counterpart")
    }

    @Test("Unknown languages exit 2 and name the codes that work", arguments: [["--from", "de", "--to", "fr"], ["--from", "en", "--to", "ua"]])
    func unknownLanguage(_ languages: [String]) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try file("a.txt", "Text.\n")
        let result = try run([text, text] + languages)
        #expect(result.status == .exited(2))
        #expect(result.error.contains("unknown language") && result.error.contains("en, fr, uk"))
        #expect(result.output.isEmpty)
    }

    @Test("A width outside 40...1000 columns exits 2")
    func width() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try file("a.txt", "Text.\n")
        for columns in ["10", "100000"] {
            let result = try run([text, text, "--from", "en", "--to", "en", "--width", columns])
            #expect(result.status == .exited(2))
            #expect(result.error.contains("--width"))
        }
    }

    @Test("A missing file, a folder, or a file that is not UTF-8 exits 2 with the file's name")
    func unreadable() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = try file("good.txt", "Text.\n")
        let latin1 = folder.appendingPathComponent("latin1.txt").path
        try Data([0x43, 0x61, 0x66, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: latin1))
        let missing = folder.appendingPathComponent("missing.txt").path
        for (bad, message) in [(missing, "No such file"), (folder.path, "not a regular file"), (latin1, "not UTF-8")] {
            let result = try run([good, bad, "--from", "en", "--to", "fr"])
            #expect(result.status == .exited(2), "\(bad)")
            #expect(result.error.contains(bad) && result.error.contains(message), "\(result.error)")
        }
    }

    @Test("A file of more paragraphs than any release has exits 2 before the aligner spends memory on it")
    func tooManyParagraphs() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = try file("good.txt", "Text.\n")
        let huge = try file("huge.txt", String(repeating: "a\n", count: 100_001))
        let result = try run([huge, good, "--from", "en", "--to", "fr"])
        #expect(result.status == .exited(2))
        #expect(result.error.contains("\(huge) has 100001 paragraphs, more than 100000; no release is that long"), "\(result.error)")
    }

    @Test("A parameter file is read; a bad value exits 2 naming the field")
    func parameters() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try file("a.txt", "Text.\n")
        let good = try file("good.json", #"{"beads": {"skip": 2}}"#)
        let bad = try file("bad.json", #"{"beads": {"skip": -2}}"#)
        #expect(try run([text, text, "--from", "en", "--to", "en", "--parameters", good]).status == .exited(0))
        let result = try run([text, text, "--from", "en", "--to", "en", "--parameters", bad])
        #expect(result.status == .exited(2))
        #expect(result.error.contains("beads.skip"))
        let printed = try run(["--print-parameters", "--parameters", good])
        #expect(printed.status == .exited(0) && printed.output.contains(#""skip" : 2"#))
    }
}
