import Foundation
import SteleAlign
import Testing
import SteleLanguage

/// Parameter files: partial files keep the calibrated values, bad values are refused by name.
@Suite("Parameters")
struct ParametersTests {
    @Test("A partial file changes only what it names")
    func partial() throws {
        let json = #"{"beads": {"skip": 2.5}, "length": {"profiles": {"fr": {"ratio": 1.2, "variance": 2}}}}"#
        let parameters = try JSONDecoder().decode(AlignmentParameters.self, from: Data(json.utf8))
        var expected = AlignmentParameters.calibrated
        expected.beads.skip = 2.5
        expected.length.profiles[.fr] = .init(ratio: 1.2, variance: 2)
        #expect(parameters == expected)
    }

    @Test("The calibrated parameters survive a round trip through JSON and are valid")
    func roundTrip() throws {
        let data = try JSONEncoder().encode(AlignmentParameters.calibrated)
        #expect(try JSONDecoder().decode(AlignmentParameters.self, from: data) == .calibrated)
        try AlignmentParameters.calibrated.validate()
    }

    @Test("Out-of-range values are refused with the field's name", arguments: [
        (#"{"beads": {"skip": -1}}"#, "beads.skip"),
        (#"{"length": {"outlierProbability": 0}}"#, "length.outlierProbability"),
        (#"{"length": {"profiles": {"uk": {"ratio": 0, "variance": 1}}}}"#, "length.profiles.uk.ratio"),
        (#"{"anchors": {"name": 1e9}}"#, "anchors.name"),
        (#"{"confidenceScale": 0}"#, "confidenceScale"),
        (#"{"search": {"bandMargin": 0}}"#, "search.bandMargin"),
    ])
    func refused(_ json: String, _ field: String) throws {
        let parameters = try JSONDecoder().decode(AlignmentParameters.self, from: Data(json.utf8))
        let error = #expect(throws: InvalidAlignmentParameters.self) { try parameters.validate() }
        #expect(error?.field == field)
        #expect(error?.description.contains(field) == true)
    }

    @Test("Language codes: known ones in any case, unknown ones refused")
    func languages() {
        #expect(Language(code: "FR") == .fr)
        #expect(Language(code: "uk") == .uk)
        #expect(Language(code: "de") == nil)
        #expect(Language.knownCodes == "en, fr, uk")
    }
}
