import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whether this process may mount a small tmpfs (root with CAP_SYS_ADMIN, as on these machines; not
/// every CI), which the full-disk tests need; tried once with a 64 KB mount that is taken down at once.
public enum TmpfsMount {
    /// True when the probe mount succeeded.
    public static let isPermitted: Bool = {
        guard getuid() == 0 else { return false }
        let point = FileManager.default.temporaryDirectory.appendingPathComponent("stele-mount-probe-\(UUID().uuidString)").path
        defer { rmdir(point) }
        guard mkdir(point, 0o755) == 0, mount("tmpfs", point, "tmpfs", 0, "size=64k") == 0 else { return false }
        umount2(point, Int32(MNT_DETACH))
        return true
    }()
}
