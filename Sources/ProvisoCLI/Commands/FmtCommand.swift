import Proviso

/// `proviso fmt [PATH…] [--check]`: rule, fact and case files in the canonical layout.
enum FmtCommand: Command {
    static let name = "fmt"
    static let summary = "Rewrite rule, fact and case files in the canonical layout (--check: only list them)"
    static let help = """
    USAGE: proviso fmt [PATH…] [--check]

    Rewrites every .proviso and .case file at PATH (files or folders; default: Rules and Cases)
    in Proviso's canonical layout, keeping every comment. Formatting is idempotent: a formatted
    file formats to itself. Files are replaced atomically; a file that does not parse is left as
    it is and its syntax errors are printed. Symbolic links are not followed.

    OPTIONS:
      --check    change nothing: list the files that are not formatted and exit 1 if there are any

    The layout is described in docs/authoring.md ("The canonical layout").

    \(ExitCode.help)
    """

    static func run(_ arguments: [String], console: inout Console) -> ExitCode {
        Shared.run(arguments, options: [.flag("check"), .flag("help")], help: help, console: &console) { args, console in
            let paths = args.positional.isEmpty ? ["Rules", "Cases"].filter { FileSystem.entry($0) == .directory } : args.positional
            guard !paths.isEmpty else { throw UsageError("no Rules or Cases folder here", help: "name the files or folders to format") }
            let files = try SourceFiles.read(paths, extensions: ["proviso", "case"])
            let check = args.flag("check")
            var unformatted: [String] = []
            var broken: [SourceFile] = []
            var diagnostics: [Diagnostic] = []
            for file in files {
                let text: String
                do throws(FormatError) {
                    text = try Formatter.format(file)
                } catch {
                    switch error {
                    case .syntax(let ds):
                        broken.append(file)
                        diagnostics += ds
                    case .meaningChanged:
                        console.err("error: \(error)\n")
                        return .rulebook
                    }
                    continue
                }
                guard Array(text.utf8) != file.bytes else { continue }
                unformatted.append(file.path)
                if check {
                    console.out(file.path + "\n")
                } else if !FileSystem.writeAtomically(Array(text.utf8), to: file.path) {
                    throw UsageError("cannot write `\(file.path)`")
                } else {
                    console.out("formatted \(file.path)\n")
                }
            }
            if !diagnostics.isEmpty {
                console.err(DiagnosticRenderer(sources: broken).render(diagnostics.limitedPerFile()))
                console.err("\(broken.count) file\(broken.count == 1 ? "" : "s") not formatted: fix the syntax errors first\n")
                return .rulebook
            }
            if check, !unformatted.isEmpty {
                console.err("\(unformatted.count) of \(files.count) files are not formatted; run `proviso fmt`\n")
                return .failed
            }
            return .success
        }
    }
}

/// Reading the files a command names: folders are walked for the given extensions (symbolic links
/// skipped), files are taken as named.
enum SourceFiles {
    static func read(_ paths: [String], extensions: [String]) throws(UsageError) -> [SourceFile] {
        var files: [SourceFile] = []
        for path in paths {
            switch FileSystem.entry(path) {
            case .directory:
                let found = extensions.flatMap { FileSystem.files(under: path, extension: $0) }.sorted()
                for f in found { files.append(try read(f)) }
            case .file:
                files.append(try read(path))
            case .link:
                throw UsageError("`\(path)` is a symbolic link", help: "name the file or folder it points to")
            case .missing:
                throw UsageError("no file or folder at `\(path)`")
            case .other:
                throw UsageError("`\(path)` is not a file or folder")
            }
        }
        return files
    }

    private static func read(_ path: String) throws(UsageError) -> SourceFile {
        guard let file = FileSystem.sourceFile(path) else { throw UsageError("cannot read `\(path)`") }
        return file
    }
}
