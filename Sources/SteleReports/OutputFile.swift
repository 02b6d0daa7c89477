#if canImport(Glibc)
import Glibc
#endif

/// A file written whole or not at all: the text goes to a temporary file beside it, which is
/// fsynced and renamed over the target once complete. A failure (a full disk, a missing folder)
/// removes the temporary file and leaves any previous file as it was.
public final class OutputFile {
    /// The file being written.
    public let path: String
    private let temporaryPath: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []

    /// Starts writing `path`.
    public init(path: String) throws(ReportError) {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty, name != ".", name != ".." else { throw .output(path: path, reason: "not a file name") }
        temporaryPath = (folder.isEmpty ? "" : folder + "/") + ".\(name).tmp-\(getpid())"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .output(path: path, reason: Self.reason(errno)) }
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporaryPath)
        }
    }

    /// Appends `text`.
    public func write(_ text: String) throws(ReportError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Makes the file complete and visible under its name.
    public func commit() throws(ReportError) {
        try flush()
        guard fsync(descriptor) == 0 else { throw abandon(errno) }
        close(descriptor)
        descriptor = -1
        guard rename(temporaryPath, path) == 0 else {
            let code = errno
            unlink(temporaryPath)
            throw .output(path: path, reason: Self.reason(code))
        }
    }

    /// Writes `text` to `path` whole.
    public static func write(_ text: String, to path: String) throws(ReportError) {
        let file = try OutputFile(path: path)
        try file.write(text)
        try file.commit()
    }

    private func flush() throws(ReportError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw abandon(errno)
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func abandon(_ code: Int32) -> ReportError {
        close(descriptor)
        descriptor = -1
        unlink(temporaryPath)
        return .output(path: path, reason: Self.reason(code))
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: "no space left on the device; nothing was written"
        default: String(cString: strerror(code))
        }
    }
}
