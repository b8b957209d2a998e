#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The little file access Proviso needs, on POSIX calls: no Foundation, so the library starts
/// fast and embeds anywhere. Nothing here follows a symbolic link out of a rulebook folder.
public enum FileSystem {
    /// What is at a path.
    public enum Entry: Sendable { case file, directory, link, other, missing }

    /// Whether `path` can be handed to the system as it is: a NUL byte would end it early, so that
    /// `Rules/\0x` named `Rules/` (and a folder walk built on such a path would never end).
    static func isUsable(_ path: String) -> Bool { !path.utf8.contains(0) }

    /// The kind of entry at `path`, without following a final symbolic link; `missing` for a
    /// path with a NUL byte in it.
    public static func entry(_ path: String) -> Entry {
        guard isUsable(path) else { return .missing }
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// The whole file, or its first `limit` bytes; `nil` if it cannot be read.
    public static func read(_ path: String, atMost limit: Int = Int.max) -> [UInt8]? {
        guard isUsable(path), let handle = fopen(path, "rb") else { return nil }
        defer { fclose(handle) }
        // One read of the size the file has, into the array itself (one more byte, to see its
        // end), but never more than `limit`.
        var info = stat()
        let size = fstat(fileno(handle), &info) == 0 ? max(0, Int(info.st_size)) : 0
        let first = min(size + 1, max(0, limit))
        var bytes = [UInt8](unsafeUninitializedCapacity: first) { buffer, count in
            count = fread(buffer.baseAddress, 1, buffer.count, handle)
        }
        if bytes.count < first { return ferror(handle) != 0 ? nil : bytes }
        // The file grew while it was read: read the rest in chunks.
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < limit {
            let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if n > 0 { bytes.append(contentsOf: buffer[0..<min(n, limit - bytes.count)]) }
            if n < buffer.count {
                if ferror(handle) != 0 { return nil }
                return bytes
            }
        }
        return bytes
    }

    /// A rule or case file, read no further than one byte past `Parser.maximumFileSize`: an
    /// enormous file costs no more than the limit to refuse (S109).
    public static func sourceFile(_ path: String) -> SourceFile? {
        read(path, atMost: Parser.maximumFileSize + 1).map { SourceFile(path: path, bytes: $0) }
    }

    /// Writes `bytes` to a temporary file beside `path`, then renames it into place, so that an
    /// interrupted write leaves the old file whole.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) -> Bool {
        let temporary = path + ".proviso-tmp-\(getpid())"
        guard isUsable(path), let handle = fopen(temporary, "wb") else { return false }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        let flushed = fflush(handle) == 0
        fclose(handle)
        guard written == bytes.count, flushed, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Creates a new, empty folder named `prefix` and six random characters in the system's
    /// temporary folder (`$TMPDIR`, else `/tmp`), readable only by its owner; `nil` if it cannot.
    public static func makeTemporaryFolder(prefix: String) -> String? {
        var base = getenv("TMPDIR").map { String(cString: $0) } ?? ""
        if base.isEmpty { base = "/tmp" }
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        var template = Array((base + "/" + prefix + "-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { return nil }
        return String(cString: made)
    }

    /// Files below `root` whose names end in `.ext`, sorted, as paths that start with `root`.
    /// Symbolic links are skipped.
    public static func files(under root: String, extension ext: String) -> [String] {
        guard isUsable(root) else { return [] }
        var found: [String] = []
        var pending = [root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root]
        var visited = 0
        while let directory = pending.popLast() {
            visited += 1
            if visited > 100_000 { break }
            guard let handle = opendir(directory) else { continue }
            defer { closedir(handle) }
            while let item = readdir(handle) {
                let name = withUnsafePointer(to: item.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name == "." || name == ".." || name.hasPrefix(".") { continue }
                let path = directory + "/" + name
                switch entry(path) {
                case .directory: pending.append(path)
                case .file where name.hasSuffix("." + ext): found.append(path)
                default: continue
                }
            }
        }
        return found.sorted()
    }
}
