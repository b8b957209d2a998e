import Proviso

/// `proviso test [PATH…]`: runs regression cases.
enum TestCommand: Command {
    static let name = "test"
    static let summary = "Run regression cases (the historical record) and report N passed, M failed"
    static let help = """
    USAGE: proviso test [PATH…] [--rules DIR] [--filter TEXT] [--verbose]

    Runs every case in the .case files at PATH (files or folders; default: Cases) against the
    rulebook, and ends with the line `N passed, M failed`. Each case names the verdict and the
    provisions that must decide it.

    \(ExitCode.help)
    """

    static func run(_ arguments: [String], console: inout Console) -> ExitCode {
        Shared.run(arguments, options: [.value("rules"), .value("filter"), .flag("verbose"), .flag("help")], help: help, console: &console) { args, console in
            let paths = args.positional.isEmpty ? ["Cases"] : args.positional
            var files: [SourceFile] = []
            for path in paths {
                switch FileSystem.entry(path) {
                case .directory:
                    for f in FileSystem.files(under: path, extension: "case") {
                        guard let file = FileSystem.sourceFile(f) else { throw UsageError("cannot read `\(f)`") }
                        files.append(file)
                    }
                case .file:
                    guard let file = FileSystem.sourceFile(path) else { throw UsageError("cannot read `\(path)`") }
                    files.append(file)
                default:
                    throw UsageError("no case file or folder at `\(path)`")
                }
            }
            guard let engine = Shared.engine(rules: args.value("rules"), console: &console) else { return .rulebook }
            var cases: [RegressionCase] = []
            var diagnostics: [Diagnostic] = []
            for file in files {
                let (found, ds) = CaseFile.parse(file, against: engine.rulebook)
                cases += found
                diagnostics += ds
            }
            if diagnostics.hasErrors {
                console.err(DiagnosticRenderer(sources: files).render(diagnostics))
                return .rulebook
            }
            if let filter = args.value("filter") { cases = cases.filter { $0.id.contains(filter) } }
            let runner = CaseRunner(engine: engine)
            var passed = 0, failed = 0
            for c in cases {
                let result = runner.run(c)
                if result.passed {
                    passed += 1
                    if args.flag("verbose") { console.out("PASS \(c.id)\n") }
                } else {
                    failed += 1
                    console.out("FAIL \(c.id) (\(c.location))\n")
                    for f in result.failures { console.out("     \(f)\n") }
                }
            }
            console.out("\(passed) passed, \(failed) failed\n")
            return failed == 0 ? .success : .failed
        }
    }
}
