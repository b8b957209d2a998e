import Proviso

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A rulebook folder as it was at a git revision, unpacked into a temporary folder with
/// `git archive` and `tar` (run directly, without a shell, so a revision name is never
/// interpreted). The working tree is not touched.
struct GitCheckout {
    /// The temporary folder holding the folder's files at the revision.
    let path: String
    private let root: String

    /// Unpacks `folder` (a path inside a git working tree) as it was at `revision`.
    init(revision: String, folder: String) throws(UsageError) {
        guard FileSystem.entry(folder) == .directory else { throw UsageError("no folder at `\(folder)` to compare with `\(revision)`") }
        guard !revision.hasPrefix("-") else { throw UsageError("`\(revision)` is not a revision") }
        guard let made = FileSystem.makeTemporaryFolder(prefix: "proviso-diff") else {
            throw UsageError("cannot create a temporary folder", help: "check that $TMPDIR (or /tmp) exists and is writable")
        }
        root = made
        path = root + "/rules"
        let archive = root + "/rules.tar"
        guard mkdir(path, 0o700) == 0,
            Self.spawn(["git", "-C", folder, "archive", "--format=tar", "-o", archive, revision, "--", "."]) == 0
        else {
            remove()
            throw UsageError("cannot read `\(folder)` at git revision `\(revision)`",
                             help: "name a revision of this repository (HEAD, main, a commit) in which the folder exists")
        }
        guard Self.spawn(["tar", "-x", "-f", archive, "-C", path]) == 0 else {
            remove()
            throw UsageError("cannot unpack `\(folder)` at `\(revision)`")
        }
    }

    /// Removes the temporary folder.
    func remove() { _ = Self.spawn(["rm", "-r", "-f", "--", root]) }

    /// Runs a program found on PATH with these arguments; its exit status, or -1.
    private static func spawn(_ arguments: [String]) -> Int32 {
        var pid = pid_t()
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        guard posix_spawnp(&pid, arguments[0], nil, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            if errno != EINTR { return -1 }
        }
        // WIFEXITED and WEXITSTATUS, which Swift does not import as functions.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : -1
    }
}
