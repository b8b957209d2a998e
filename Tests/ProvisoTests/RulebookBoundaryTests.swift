import Proviso
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The rulebook is every `.proviso` file below one folder and nothing else: the language has no
/// include or import, and symbolic links are not followed, so no rule file can make Proviso read
/// outside the folder it was given.
@Suite struct RulebookBoundaryTests {
    private let valid = """
        country MLI "Mali"
        fiscal-year FY2012 {
          act "Act, 2012" cite "P.L. 112-74, div. I" enacted 2011-12-23 source "s"
          source "s"
        }
        """

    @Test func symbolicLinksOutOfTheFolderAreNotRead() throws {
        let outside = try TemporaryFolder()
        let rules = try TemporaryFolder()
        defer { outside.remove(); rules.remove() }
        // Outside the rulebook: a file that would not check, and a folder of them.
        try outside.write("secret.proviso", "this would not check {")
        try outside.write("more/secret.proviso", "nor would this {")
        try rules.write("rules.proviso", valid)
        #expect(symlink(outside.path + "/secret.proviso", rules.path + "/linked.proviso") == 0)
        #expect(symlink(outside.path + "/more", rules.path + "/linked-folder") == 0)

        let book = try Rulebook.load(directory: rules.path)
        #expect(book.sources.map(\.path) == [rules.path + "/rules.proviso"])
        #expect(book.warnings.isEmpty)
    }

    @Test func aRulebookFolderThatIsALinkIsRefused() throws {
        let rules = try TemporaryFolder()
        let holder = try TemporaryFolder()
        defer { rules.remove(); holder.remove() }
        try rules.write("rules.proviso", valid)
        #expect(symlink(rules.path, holder.path + "/rules") == 0)
        #expect(throws: RulebookError.self) { try Rulebook.load(directory: holder.path + "/rules") }
    }

    @Test func includeAndImportAreNotPartOfTheLanguage() throws {
        let rules = try TemporaryFolder()
        defer { rules.remove() }
        try rules.write("rules.proviso", valid + "\ninclude \"/etc/passwd\"\nimport \"../other\"\n")
        do {
            _ = try Rulebook.load(directory: rules.path)
            Issue.record("`include` and `import` should be unknown declarations")
        } catch {
            #expect(error.diagnostics.map(\.code) == ["R214", "R214"])
            #expect(error.sources.map(\.path) == [rules.path + "/rules.proviso"])
        }
    }
}

extension RulebookBoundaryTests {
    /// A temporary folder that a test creates and removes.
    struct TemporaryFolder {
        let path: String

        init() throws {
            guard let made = FileSystem.makeTemporaryFolder(prefix: "proviso-test") else { throw FolderError() }
            path = made
        }

        struct FolderError: Error {}

        /// Writes `text` at `relative`, creating one level of folder if needed.
        func write(_ relative: String, _ text: String) throws {
            let full = path + "/" + relative
            if let slash = relative.lastIndex(of: "/") { mkdir(path + "/" + relative[..<slash], 0o755) }
            guard FileSystem.writeAtomically(Array(text.utf8), to: full) else { throw FolderError() }
        }

        /// Removes the folder and everything in it (links are removed, never followed).
        func remove() { Self.remove(path) }

        private static func remove(_ path: String) {
            if FileSystem.entry(path) == .directory, let handle = opendir(path) {
                var names: [String] = []
                while let item = readdir(handle) {
                    let name = withUnsafePointer(to: item.pointee.d_name) {
                        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                    }
                    if name != "." && name != ".." { names.append(name) }
                }
                closedir(handle)
                for name in names { remove(path + "/" + name) }
                rmdir(path)
            } else {
                unlink(path)
            }
        }
    }
}
