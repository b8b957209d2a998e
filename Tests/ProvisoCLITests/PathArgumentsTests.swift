import Proviso
import ProvisoCLI
import Testing

/// The options an answer prints for its paths and for the values of missing facts, run as a user
/// would paste them: each gives the verdict the answer said it would.
@Suite("Paths and alternatives on the command line")
struct PathArgumentsTests {
    @Test("each path's options, added to the question, give the path's verdict", arguments: [
        ("Mali", "IMET", "2012-06-01"), ("Mali", "TSCTP", "2013-09-05"), ("Egypt", "FMF", "2014-01-01"),
        ("Mali", "IMET", "2024-06-01"), ("Niger", "IMET", "2000-06-01"), ("Pakistan", "FMF", "2008-01-01"), ("Thailand", "IMET", "2019-07-15"),
    ])
    func pathsApply(_ country: String, _ program: String, _ date: String) throws {
        let d = try Engine.standard.canFund(country: country, program: program, on: Day(parsing: date)!)
        #expect(!d.paths.isEmpty)
        let base = ["can-fund", country, "--program", program, "--date", date]
        for path in d.paths {
            // A path that names another program asks with it instead of the original one.
            let asked = path.arguments.contains("--program") ? ["can-fund", country, "--date", date] : base
            var console = Console.buffer
            let code = ProvisoCommandLine.run(asked + path.arguments, console: &console)
            #expect(code == ExitCode(path.verdict), "\(path.option): \(console.errors)")
            #expect(console.errors.isEmpty)
        }
        for alt in d.explanation.allSteps where alt.kind == .alternative {
            var console = Console.buffer
            let code = ProvisoCommandLine.run(base + alt.arguments, console: &console)
            #expect(code == ExitCode(alt.verdict!), "\(alt.text): \(console.errors)")
            #expect(console.output.hasPrefix("HYPOTHETICAL"))
        }
    }

    @Test("the brief's one-line assumption with `;` works and marks the answer hypothetical in text and JSON")
    func oneLineAssumption() {
        let fact = "certification x { provision sfops-7008; event mali-2020; date 2024-01-01; source \"hypothetical\" }"
        var console = Console.buffer
        // The coup restriction alone (Mali's 2023 Child Soldiers listing is recorded only in part).
        let rules = ["--rules", CoupRulebook.folder]
        let code = ProvisoCommandLine.run(["can-fund", "Mali", "--program", "IMET", "--date", "2024-06-01", "--assume", fact] + rules,
                                          console: &console)
        #expect(code == .allowed, "\(console.errors)")
        #expect(console.output.hasPrefix("HYPOTHETICAL: this answer assumes what the rulebook does not record (x)\nHypothetical: "))
        var json = Console.buffer
        _ = ProvisoCommandLine.run(["can-fund", "Mali", "--program", "IMET", "--date", "2024-06-01", "--assume", fact, "--format", "json"] + rules,
                                   console: &json)
        #expect(json.output.contains("\"hypothetical\": true") && json.output.contains("\"summary\": \"Hypothetical: "))
        #expect(json.output.contains("\"kind\": \"hypothesis\""))
    }
}
