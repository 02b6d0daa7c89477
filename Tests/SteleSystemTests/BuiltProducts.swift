import Foundation

/// Paths of the project's own files and of the executables built next to the test bundle.
enum BuiltProducts {
    /// The repository's root folder.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    /// The build folder holding the test bundle and the executables (`swift build --build-tests` builds both).
    static let folder: URL = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/", !FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("stele").path) {
            url.deleteLastPathComponent()
        }
        return url
    }()

    /// The built `stele` executable.
    static var stele: String { folder.appendingPathComponent("stele").path }

    /// A file of the repository, e.g. `systemd/stele.service`.
    static func file(_ relativePath: String) -> URL {
        repository.appendingPathComponent(relativePath)
    }
}
