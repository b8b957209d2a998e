import Proviso

/// `proviso check [DIR]`: every diagnostic of a rulebook.
enum CheckCommand: Command {
    static let name = "check"
    static let summary = "Check a rulebook and print every diagnostic"
    static let help = """
    USAGE: proviso check [DIR] [--cases PATH…] [--format text|json]

    Reads every .proviso file below DIR (default: the built-in rulebook) and prints each error and
    warning with its file, line, column and code (the codes are listed in docs/authoring.md).
    Symbolic links are not followed, and rule files include nothing: the rulebook is the folder.
    Exits 4 when there are errors; warnings alone exit 0.

    OPTIONS:
      --cases PATH     also check the case files at PATH (a file or folder; repeatable) against
                       the rulebook: their syntax and every name they use
      --format F       text (default) or json (an array of diagnostics, for editors)

    \(ExitCode.help)
    """

    static func run(_ arguments: [String], console: inout Console) -> ExitCode {
        Shared.run(arguments, options: [.value("format"), .value("rules"), .value("cases", repeatable: true), .flag("help")], help: help, console: &console) { args, console in
            guard args.positional.count <= 1 else { throw UsageError("`check` takes one folder, given \(args.positional.count)") }
            let format = try Shared.format(args.value("format"))
            let directory = args.positional.first ?? args.value("rules")
            let result: Result<Rulebook, RulebookError>
            do throws(RulebookError) {
                // The built-in rulebook is checked from its text here (not read from the snapshot),
                // so that every warning is reported with its source line.
                if let directory { result = .success(try Rulebook.load(directory: directory)) } else { result = .success(try Rulebook.embeddedFromText().get()) }
            } catch {
                result = .failure(error)
            }
            var diagnostics: [Diagnostic]
            var sources: [SourceFile]
            switch result {
            case .success(let book): diagnostics = book.warnings; sources = book.sources
            case .failure(let error): diagnostics = error.diagnostics; sources = error.sources
            }
            let cases = args.all("cases")
            if !cases.isEmpty {
                let book = try? result.get()
                for file in try SourceFiles.read(cases, extensions: ["case"]) {
                    diagnostics += CaseFile.parse(file, against: book).diagnostics
                    sources.append(file)
                }
            }
            if format == "json" {
                console.out(DiagnosticJSON.render(diagnostics).serialized() + "\n")
            } else {
                console.out(DiagnosticRenderer(sources: sources).render(diagnostics))
                if case .success(let book) = result, !diagnostics.hasErrors {
                    console.out("ok: \(book.provisions.count) provisions, \(book.exemptions.count) exemptions, \(book.programs.count) programs, \(book.countries.count) countries, \(book.facts.count) facts, FY\(book.fiscalYears.first?.year ?? 0)–FY\(book.fiscalYears.last?.year ?? 0)\n")
                }
            }
            return diagnostics.hasErrors ? .rulebook : .success
        }
    }
}

/// Diagnostics as JSON, for editors.
enum DiagnosticJSON {
    static func render(_ diagnostics: [Diagnostic]) -> JSON {
        .array(diagnostics.sortedByLocation().map { d in
            .object([
                ("severity", .string(d.severity.rawValue)),
                ("code", .string(d.code)),
                ("message", .string(d.message)),
                ("file", .optional(d.location?.file)),
                ("line", d.location.map { .number($0.line) } ?? .null),
                ("column", d.location.map { .number($0.column) } ?? .null),
                ("length", d.location.map { .number($0.length) } ?? .null),
                ("help", .optional(d.help)),
                ("notes", .array(d.notes.map { n in
                    .object([("message", .string(n.message)), ("file", .optional(n.location?.file)),
                             ("line", n.location.map { .number($0.line) } ?? .null),
                             ("column", n.location.map { .number($0.column) } ?? .null)])
                })),
            ])
        })
    }
}
