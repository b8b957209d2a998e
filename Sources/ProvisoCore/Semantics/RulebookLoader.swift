extension Rulebook {
    /// Checks parsed source files and builds a rulebook, or returns every diagnostic.
    public static func check(_ files: [SourceFile], name: String = "rulebook") -> Result<Rulebook, RulebookError> {
        // Conditions and blocks nest as deep as the limits allow: recurse on a stack made for it.
        LargeStack.run {
            let sorted = files.sorted { $0.path < $1.path }
            let trees = sorted.map(Parser.parse)
            let checker = Checker(trees: trees)
            if let book = checker.run(name: name, sources: sorted) { return .success(book) }
            return .failure(RulebookError(diagnostics: checker.diagnostics, sources: sorted))
        }
    }

    /// Reads and checks every `.proviso` file below `directory`.
    public static func load(directory: String) throws(RulebookError) -> Rulebook {
        let files = try readRuleFiles(directory)
        switch check(files, name: directory) {
        case .success(let book): return book
        case .failure(let error): throw error
        }
    }

    /// The name the default rulebook is checked under, at build time and from its text alike.
    public static let defaultName = "Proviso default rulebook"

    /// The most bytes a rulebook folder may hold, all files together (R002): about nine times the
    /// default rulebook (about 930 KB), and checked in about a second (docs/robustness.md). Each
    /// file is limited on its own too, to `Parser.maximumFileSize`.
    public static let maximumSize = 8 << 20

    /// The `.proviso` files below `directory`, sorted; symbolic links are not followed, so a
    /// rulebook cannot read files outside its folder.
    static func readRuleFiles(_ directory: String, extension ext: String = "proviso") throws(RulebookError) -> [SourceFile] {
        let paths: [String]
        switch FileSystem.entry(directory) {
        case .directory: paths = FileSystem.files(under: directory, extension: ext)
        case .file: paths = [directory]
        case .missing: throw RulebookError(diagnostics: [.unreadable(directory, "no such file or directory")], sources: [])
        case .link:
            throw RulebookError(diagnostics: [.unreadable(directory, "it is a symbolic link, and Proviso follows none, so that a rulebook cannot reach outside its folder")], sources: [])
        default: throw RulebookError(diagnostics: [.unreadable(directory, "not a file or folder")], sources: [])
        }
        var files: [SourceFile] = []
        var problems: [Diagnostic] = []
        var total = 0
        for path in paths {
            guard let file = FileSystem.sourceFile(path) else {
                problems.append(.unreadable(path, "cannot read the file"))
                continue
            }
            total += file.bytes.count
            guard total <= maximumSize else {
                throw RulebookError(diagnostics: [.rulebookTooLarge(at: SourceLocation(file: path, line: 1, column: 1))], sources: files)
            }
            files.append(file)
        }
        if !problems.isEmpty { throw RulebookError(diagnostics: problems, sources: files) }
        if files.isEmpty { throw RulebookError(diagnostics: [.unreadable(directory, "no .\(ext) files")], sources: []) }
        return files
    }
}

extension Diagnostic {
    static func rulebookTooLarge(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R002", "the rulebook is larger than \(Rulebook.maximumSize >> 20) MiB with this file", at: location,
                   help: "a rulebook folder holds at most \(Rulebook.maximumSize >> 20) MiB of rule files; is this the right folder?")
    }
    static func unreadable(_ path: String, _ why: String) -> Diagnostic {
        Diagnostic(.error, "R001", "cannot read `\(path)`: \(why)", at: nil)
    }
}
