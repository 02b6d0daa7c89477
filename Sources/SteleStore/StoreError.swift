#if canImport(Glibc)
import Glibc
#endif

/// Something the store could not do, with what failed, where, and what to do about it.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// Another writer holds `<store>/lock`; `holderPID` is its process id when it could be read.
    case locked(store: String, holderPID: Int32?)
    /// The file system is full (or a file-size limit was reached) while writing `path`.
    case noSpace(path: String)
    /// A system call failed on `path`.
    case io(operation: String, path: String, code: Int32)
    /// `fsync` failed: the data may not be on disk, so the write is abandoned, never retried on the same file.
    case syncFailed(path: String, code: Int32)
    /// `path` exists but does not parse, or says something impossible.
    case corrupt(path: String, reason: String)
    /// `path` is not a Stele store (no `store.json`).
    case notAStore(path: String)
    /// The store was written by a newer Stele.
    case unsupportedFormat(path: String, format: Int)
    /// A source id or language code that cannot be a folder name.
    case invalidName(kind: String, value: String)
    /// The version asked for does not exist.
    case noSuchVersion(path: String)
    /// A fetch whose extracted text has no paragraph: never a version.
    case emptyText(release: String, language: String)
    /// Two different outside ids map to the same release folder.
    case keyConflict(path: String, existingID: String, newID: String)
    /// A symbolic link where the store holds a file or a folder (a path on the way to `path`, or `path` itself).
    case symbolicLink(path: String)
    /// A committed version's file whose SHA-256 is not the one its metadata recorded.
    case altered(path: String, metadata: String)

    /// What failed, where, and what to do.
    /// Whether the error is damage to one release's files (a file that does not decode, a
    /// symbolic link, a changed text, a key taken by another id): the rest of the store is fine,
    /// and a sync goes on with the other releases. Other errors (a full disk, an I/O error) stop it.
    public var isConfinedToOneRelease: Bool {
        switch self {
        case .corrupt, .symbolicLink, .altered, .keyConflict, .noSuchVersion, .emptyText: true
        default: false
        }
    }

    /// What is wrong, for `stele check`'s own report: a damaged file's reason without the advice
    /// to run `stele check`.
    var checkDescription: String {
        if case .corrupt(let path, let reason) = self { return "\(path) is damaged: \(reason)" }
        return description
    }

    public var description: String {
        switch self {
        case .locked(let store, let pid):
            let holder = pid.map { "process \($0)" } ?? "another process"
            return "the store \(store) is locked by \(holder) (\(store)/lock): another stele daemon or fetch is writing; stop it, or run with --wait to wait for it"
        case .noSpace(let path):
            return "no space left on the device while writing \(path): free some space; the store is as it was before this write"
        case .io(let operation, let path, let code):
            return "\(operation) \(path) failed: \(Self.message(code))"
        case .syncFailed(let path, let code):
            return "fsync of \(path) failed (\(Self.message(code))): the data may not be on disk, the write was abandoned; check the disk, then run stele check"
        case .corrupt(let path, let reason):
            return "\(path) is damaged: \(reason); run stele check to see the whole store"
        case .notAStore(let path):
            return "\(path) is not a Stele store (no store.json); give the right --store, or let stele fetch create one"
        case .unsupportedFormat(let path, let format):
            return "\(path) has store format \(format), newer than this stele understands (1): upgrade stele"
        case .invalidName(let kind, let value):
            return "invalid \(kind) \"\(value.prefix(80))\": use letters, digits, '.', '_' or '-' (at most 100), not starting with '.' or '-'"
        case .noSuchVersion(let path):
            return "no such version: \(path) does not exist"
        case .emptyText(let release, let language):
            return "the \(language) text of \(release) has no paragraph: not stored as a version; check the source's content rule"
        case .keyConflict(let path, let existingID, let newID):
            return "release folder \(path) already holds \"\(existingID.prefix(200))\", not \"\(newID.prefix(200))\": the two ids map to one key; report this as a bug"
        case .symbolicLink(let path):
            return "\(path) is a symbolic link, or lies under one; the store holds only real files and folders: move it away by hand"
        case .altered(let path, let metadata):
            return "\(path) changed after it was stored: its SHA-256 is not the one \(metadata) recorded; stele check lists such damage, restore the file from a backup"
        }
    }

    /// Whether the error means the disk (or a size limit) is full.
    public var isNoSpace: Bool {
        if case .noSpace = self { return true }
        return false
    }

    static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// The error for a failed system call, with "no space" recognised.
    static func system(_ operation: String, _ path: String, _ code: Int32 = errno) -> StoreError {
        switch code {
        case ENOSPC, EDQUOT, EFBIG: .noSpace(path: path)
        default: .io(operation: operation, path: path, code: code)
        }
    }
}
