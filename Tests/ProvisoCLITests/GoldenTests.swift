import Foundation
import Proviso
import ProvisoCLI
import Testing

/// Renderings of representative answers from the fixed golden rulebook, compared with the files
/// under `Golden/` (see `Golden` for how to regenerate them).
@Suite("Golden renderings")
struct GoldenTests {
    @Test("text and JSON answers", arguments: [
        ("explain-prohibited.txt", ["can-fund", "Mali", "--program", "IMET", "--date", "2012-06-01", "--explain"], ExitCode.prohibited),
        ("explain-indeterminate.txt", ["can-fund", "Niger", "--program", "IMET", "--date", "2012-02-10", "--explain"], .indeterminate),
        ("explain-allowed.txt", ["can-fund", "Guinea", "--program", "IMET", "--date", "2012-06-01", "--explain"], .allowed),
        ("explain-lifted.txt", ["can-fund", "Mali", "--program", "IMET", "--date", "2013-02-01", "--explain"], .allowed),
        ("explain-waiver-path.txt", ["can-fund", "Mali", "--program", "IMET", "--date", "2012-12-01", "--explain"], .prohibited),
        ("explain-not-applicable.txt", ["can-fund", "Mali", "--program", "DOD", "--date", "2012-06-01", "--explain"], .allowed),
        ("summary-prohibited.txt", ["can-fund", "Mali", "--program", "IMET", "--date", "2012-06-01"], .prohibited),
        ("hypothetical.txt", ["can-fund", "Mali", "--program", "IMET", "--date", "2012-06-01", "--explain", "--assume",
                              "certification x { provision coups; event mli-2012; date 2012-05-01; source \"hypothetical\" }"], .allowed),
        ("determination-prohibited.json", ["can-fund", "Mali", "--program", "IMET", "--date", "2012-06-01", "--format", "json"], .prohibited),
        ("determination-indeterminate.json", ["can-fund", "Niger", "--program", "IMET", "--date", "2012-02-10", "--format", "json"], .indeterminate),
        ("determination-hypothetical.json", ["can-fund", "Mali", "--program", "IMET", "--date", "2012-06-01", "--format", "json",
                                             "--forget", "mli-2012"], .allowed),
    ])
    func answers(_ name: String, _ arguments: [String], _ code: ExitCode) {
        let run = Golden.run(arguments)
        #expect(run.code == code, "\(run.err)")
        #expect(run.err.isEmpty)
        Golden.check(run.out, name)
    }

    @Test("the matrix in every format", arguments: [
        ("matrix.txt", "text"), ("matrix.csv", "csv"), ("matrix.json", "json"), ("matrix.md", "markdown"), ("matrix.html", "html"),
    ])
    func matrix(_ name: String, _ format: String) {
        let run = Golden.run(["matrix", "--date", "2012-06-01", "--format", format])
        #expect(run.code == .success, "\(run.err)")
        Golden.check(run.out, name)
    }

    @Test("the report in Markdown and HTML", arguments: [("report-mali.md", "markdown"), ("report-mali.html", "html")])
    func report(_ name: String, _ format: String) {
        let run = Golden.run(["report", "Mali", "--date", "2013-06-01", "--format", format])
        #expect(run.code == .success, "\(run.err)")
        Golden.check(run.out, name)
    }
}
