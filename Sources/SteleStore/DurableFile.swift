#if canImport(Glibc)
import Glibc
#endif

/// Crash-safe file writes: a temporary file in the same folder, fsynced, renamed over the target,
/// and the folder fsynced, so that after a crash the target is either the old file or the new one
/// in full. An fsync error abandons the write (the page cache may have dropped the data; retrying
/// on the same file could report success for data that is not on disk).
enum DurableFile {
    /// The prefix of temporary files; `stele check --repair` removes those left by a crash.
    static let temporaryPrefix = ".tmp-"

    /// Writes `bytes` to `path` atomically and durably.
    static func write(_ bytes: some Collection<UInt8>, to path: String) throws(StoreError) {
        try writeGroup([(Array(bytes), path)])
    }

    /// Writes several files of one folder atomically each and durably together, with one folder
    /// fsync for all the renames: cheaper than one `write` each when none of them is a commit point
    /// on its own. On failure no file of the group is left behind, renamed or temporary.
    static func writeGroup(_ files: [(bytes: [UInt8], path: String)]) throws(StoreError) {
        guard let first = files.first else { return }
        let folder = parent(of: first.path)
        var temporaries: [String] = []
        var renamed: [String] = []
        do throws(StoreError) {
            for file in files { temporaries.append(try prepareTemporary(file.bytes, for: file.path)) }
            for (temporary, file) in zip(temporaries, files) {
                guard rename(temporary, file.path) == 0 else { throw StoreError.system("rename to", file.path) }
                renamed.append(file.path)
            }
            try syncFolder(folder)
        } catch {
            for path in temporaries + renamed { unlink(path) }
            throw error
        }
    }

    /// A temporary file next to `path` holding `bytes`, written and fsynced.
    private static func prepareTemporary(_ bytes: [UInt8], for path: String) throws(StoreError) -> String {
        let temporary = parent(of: path) + "/" + temporaryPrefix + name(of: path) + "-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StoreError.system("create", temporary) }
        do throws(StoreError) {
            try writeAll(descriptor, bytes, path: temporary)
            guard fsync(descriptor) == 0 else { throw StoreError.syncFailed(path: temporary, code: errno) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0 else {
            let code = errno
            unlink(temporary)
            throw StoreError.system("close", temporary, code)
        }
        return temporary
    }

    /// Reads the whole file, or `nil` when it does not exist; a file larger than `limit` is
    /// damage, refused unread.
    static func read(_ path: String, limit: Int? = nil) throws(StoreError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw StoreError.system("open", path)
        }
        defer { close(descriptor) }
        var status = stat()
        var capacity = 64 * 1024
        if fstat(descriptor, &status) == 0 && status.st_size > 0 { capacity = Int(status.st_size) + 1 }
        if let limit, status.st_size > limit {
            throw StoreError.corrupt(path: path, reason: "it is \(status.st_size) bytes, more than the \(limit) of any such file Stele writes")
        }
        var bytes = [UInt8](repeating: 0, count: capacity)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let got = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw StoreError.system("read", path)
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// Creates `path` and any missing parents, fsyncing each parent that gained an entry.
    static func makeFolder(_ path: String) throws(StoreError) {
        if mkdir(path, 0o755) == 0 {
            try syncFolder(parent(of: path))
            return
        }
        switch errno {
        case EEXIST:
            var status = stat()
            guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { throw StoreError.io(operation: "create folder", path: path, code: ENOTDIR) }
        case ENOENT:
            try makeFolder(parent(of: path))
            guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw StoreError.system("create folder", path) }
            try syncFolder(parent(of: path))
        default:
            throw StoreError.system("create folder", path)
        }
    }

    /// fsyncs a folder, making the names created or renamed in it durable.
    static func syncFolder(_ path: String) throws(StoreError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreError.system("open folder", path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw StoreError.syncFailed(path: path, code: errno) }
    }

    /// Removes a file, durably; a file already gone is fine.
    static func remove(_ path: String) throws(StoreError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw StoreError.system("remove", path) }
        try syncFolder(parent(of: path))
    }

    /// Writes all of `bytes` to `descriptor`, through short writes and interruptions.
    static func writeAll(_ descriptor: Int32, _ bytes: some Collection<UInt8>, path: String) throws(StoreError) {
        let array = Array(bytes)
        var offset = 0
        while offset < array.count {
            let written = array.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw StoreError.system("write", path)
            }
            offset += written
        }
    }

    /// The names in a folder (without `.` and `..`), or `[]` when it does not exist.
    static func list(_ path: String) throws(StoreError) -> [String] {
        guard let folder = opendir(path) else {
            if errno == ENOENT || errno == ENOTDIR { return [] }
            throw StoreError.system("list", path)
        }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Whether `path` exists.
    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// What `path` is, without following a symbolic link at its end (`lstat`); `nil` when nothing is
    /// there. Other failures (a folder without permission on the way) throw.
    static func entry(_ path: String) throws(StoreError) -> Entry? {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw StoreError.system("look at", path)
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// Fails when something other than a real folder is at `path` (nothing there is fine): a
    /// symbolic link or a file in a folder's place is damage, never a folder to work through.
    static func requireFolderOrNothing(_ path: String, reason: String = "it is not a folder") throws(StoreError) {
        switch try entry(path) {
        case .folder?, nil: return
        case .symbolicLink?: throw .symbolicLink(path: path)
        case .file?, .other?: throw .corrupt(path: path, reason: reason)
        }
    }

    /// What a name in a folder of the store is.
    enum Entry: Equatable {
        case folder, file, symbolicLink, other
    }

    /// Removes the file `relative` (`a/b/c`) under the folder `root`, opening each folder on the way
    /// with `O_NOFOLLOW`, so that a symbolic link planted anywhere below `root` (by a person, or
    /// swapped in after a check looked) is never followed: the removal then fails instead of
    /// deleting a file outside the store. A file already gone is fine.
    static func removeBelow(_ root: String, _ relative: String) throws(StoreError) {
        let path = root + "/" + relative
        let components = relative.split(separator: "/").map(String.init)
        guard let last = components.last, !components.contains(".."), !components.contains(".") else {
            throw StoreError.io(operation: "remove", path: path, code: EINVAL)
        }
        var folder = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw StoreError.system("open folder", root) }
        defer { close(folder) }
        for component in components.dropLast() {
            let next = openat(folder, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else {
                if errno == ENOENT { return }
                throw errno == ELOOP || errno == ENOTDIR ? StoreError.symbolicLink(path: path) : StoreError.system("open folder", path)
            }
            close(folder)
            folder = next
        }
        // unlinkat removes a symbolic link itself, never what it points to.
        guard unlinkat(folder, last, 0) == 0 || errno == ENOENT else { throw StoreError.system("remove", path) }
        guard fsync(folder) == 0 else { throw StoreError.syncFailed(path: parent(of: path), code: errno) }
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
