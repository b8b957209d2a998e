import Foundation
import Proviso
import ProvisoCLI
import Testing

/// The command line run in-process through `ProvisoCommandLine.run`, writing to a buffer.
@Suite("Command line, in-process")
struct InProcessTests {
    private func run(_ arguments: [String]) -> (code: ExitCode, out: String, err: String) {
        var console = Console.buffer
        let code = ProvisoCommandLine.run(arguments, console: &console)
        return (code, console.output, console.errors)
    }

    private func canFund(_ extra: [String]) -> (code: ExitCode, out: String, err: String) {
        run(["can-fund", "Mali", "--program", "IMET"] + extra)
    }

    @Test("the first line of the text answer is the determination's one-sentence summary")
    func summaryLine() throws {
        let (code, out, err) = canFund(["--date", "2012-06-01"])
        #expect(code == .prohibited)
        #expect(err.isEmpty)
        let answer = try Engine.standard.canFund(country: "Mali", program: "IMET", on: Day(parsing: "2012-06-01")!)
        let first = try #require(out.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init))
        #expect(first == answer.summary)
        #expect(first.hasPrefix("Prohibited: ") && first.hasSuffix("."))
        #expect(out.contains("Citations:\n  sfops-7008  Coups d'État — §7008, div. I, P.L. 112-74 (SFOPS FY2012)  [prohibits]\n"))
        #expect(out.contains("Act in force: Department of State, Foreign Operations, and Related Programs Appropriations Act, 2012 (P.L. 112-74, div. I), enacted 2011-12-23\n"))
    }

    @Test("`--explain` names the coup date, President Touré and a source address")
    func explain() {
        let (code, out, _) = canFund(["--date", "2012-06-01", "--explain"])
        #expect(code == .prohibited)
        #expect(out.contains("22 March 2012"))
        #expect(out.contains("mali-2012 (coup 2012-03-22)"))
        #expect(out.contains("Touré"))
        #expect(out.contains("source: https://"))
        #expect(out.contains("Reasoning:"))
        #expect(out.contains("What would change the answer:"))
        // Without --explain, none of that.
        let (_, short, _) = canFund(["--date", "2012-06-01"])
        #expect(!short.contains("Reasoning:") && !short.contains("source: https://"))
    }

    @Test("exit codes follow the verdict", arguments: [
        ("2012-06-01", ExitCode.prohibited), ("2012-01-15", .allowed), ("2013-10-01", .allowed), ("2013-09-05", .indeterminate),
    ])
    func exitCodes(_ date: String, _ expected: ExitCode) {
        // Against the coup restriction alone: the checklist's annual lists are not recorded for
        // every year, which would make some of these dates indeterminate.
        #expect(canFund(["--date", date, "--rules", CoupRulebook.folder]).code == expected)
    }

    @Test("a stale date answers with a warning")
    func staleWarning() {
        let (code, out, _) = canFund(["--date", "2028-01-01"])
        #expect(code == .prohibited)
        #expect(out.contains("Warnings:\n"))
        #expect(out.contains("stale"))
    }

    @Test("argument errors exit 2 and name the argument", arguments: [
        (["can-fund", "Mali"], "missing `--program`"),
        (["can-fund", "--program", "IMET"], "missing COUNTRY"),
        (["can-fund", "Mali", "--program", "IMET", "--dat", "2012-06-01"], "did you mean `--date`?"),
        (["can-fund", "Mali", "--program", "IMET", "--date", "2012-02-30"], "that day does not exist"),
        (["can-fund", "Mali", "--program", "IMET", "--date", "June 1"], "invalid date `June 1` for `--date`"),
        (["can-fund", "Mali", "--program", "IMET", "--date"], "`--date` needs a value"),
        (["can-fund", "Mali", "--program", "IMET", "--date", "2012-06-01", "--date", "2012-06-02"], "`--date` is given more than once"),
        (["can-fund", "Mali", "--program", "IMET", "--format", "yaml"], "unknown format `yaml` for `--format`"),
        (["can-fund", "Mali", "--program", "IMET", "--recipient", "ngo"], "unknown recipient `ngo` for `--recipient`"),
        (["can-fund", "Mali", "--program", "IMET", "--fiscal-year", "2012x"], "invalid fiscal year `2012x`"),
        (["can-fund", "Mali", "--program", "IMET", "--purpose", "democratic-election", "--date", "2012-06-01"], "did you mean `democratic-elections`?"),
        (["can-fund", "Mali", "--program", "IMET", "--date", "1988-06-01"], "before FY1989"),
        (["can-fund", "Mali", "--program", "IMET", "--explain=yes"], "`--explain` takes no value"),
        (["chek"], "did you mean `check`?"),
        (["can-fund", "Mali", "--program", "IMET", "-d", "2012-06-01"], "unknown option `-d`"),
    ])
    func usageErrors(_ arguments: [String], _ message: String) {
        let (code, out, err) = run(arguments)
        #expect(code == .usage)
        #expect(err.contains(message), "\(err)")
        #expect(out.isEmpty)
    }

    @Test("options can be written `--name=value`, and a country of several words is joined")
    func optionForms() {
        let (code, out, _) = run(["can-fund", "Republic", "of", "Mali", "--program=IMET", "--date=2012-06-01"])
        #expect(code == .prohibited)
        #expect(out.hasPrefix("Prohibited: IMET assistance to the government of Mali"))
    }

    @Test("`--assume` answers a hypothetical; an assumed fact that does not check exits 4")
    func assume() {
        let fact = """
        certification what-if {
          provision sfops-7008
          event mali-2012
          date 2012-05-01
          finding "a democratically elected government has taken office"
          source "hypothetical"
        }
        """
        let (code, out, _) = canFund(["--date", "2012-06-01", "--assume", fact, "--rules", CoupRulebook.folder])
        #expect(code == .allowed)
        #expect(out.hasPrefix("HYPOTHETICAL: this answer assumes what the rulebook does not record (what-if)\nHypothetical: Allowed"))
        let (bad, _, err) = canFund(["--date", "2012-06-01", "--assume", "certification x {\n  provision sfops-7009\n}"])
        #expect(bad == .rulebook)
        #expect(err.contains("--assume #1:2:13: error[R201]: unknown provision `sfops-7009`"), "\(err)")
    }

    @Test("usage, help and version")
    func helpAndVersion() {
        let (none, _, usage) = run([])
        #expect(none == .usage && usage.hasPrefix("USAGE: proviso COMMAND"))
        let (help, text, _) = run(["--help"])
        #expect(help == .success && text.contains("can-fund") && text.contains("check") && text.contains("test"))
        #expect(text.contains("Exit codes:") && text.contains("  4  the rulebook"))
        let (commandHelp, canFundHelp, _) = run(["can-fund", "--help"])
        #expect(commandHelp == .success && canFundHelp.contains("--program P") && canFundHelp.contains("  3  indeterminate"))
        let (version, v, _) = run(["--version"])
        #expect(version == .success && v == "proviso \(Engine.version)\n")
    }

    @Test("`check` in JSON gives each diagnostic's code, file, line and column")
    func checkJSON() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("a.proviso", "country MLI \"Mali\"\ncoup c1 {\n  country Mali\n}\n")
        let (code, out, _) = run(["check", dir.path, "--format", "json"])
        #expect(code == .rulebook)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        let unknown = try #require(items.first { $0["code"] as? String == "R214" })
        #expect(unknown["file"] as? String == file)
        #expect(unknown["line"] as? Int == 2 && unknown["column"] as? Int == 1)
        #expect(unknown["severity"] as? String == "error")
    }

    @Test("`test` reports each failing case and exits 1; a case file with errors exits 4")
    func testCommand() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("wrong.case", """
        case wrong {
          query Mali program IMET date 2012-06-01
          expect allowed
          expect sfops-7008 not-triggered
          source "test"
        }
        case right {
          query Mali program IMET date 2012-06-01
          expect prohibited
          expect sfops-7008 prohibits
          source "test"
        }
        """)
        let (code, out, _) = run(["test", dir.path, "--verbose"])
        #expect(code == .failed)
        #expect(out.contains("FAIL wrong (\(dir.path)/wrong.case:1:1)\n     expected allowed, got prohibited\n"))
        #expect(out.contains("PASS right\n"))
        #expect(out.hasSuffix("1 passed, 1 failed\n"))
        let (filtered, filteredOut, _) = run(["test", dir.path, "--filter", "right"])
        #expect(filtered == .success && filteredOut == "1 passed, 0 failed\n")

        let broken = try TemporaryDirectory()
        defer { broken.remove() }
        let path = try broken.write("broken.case", "provision p {\n}\ncase c {\n  query Mali program IMET date 2012-06-01\n  expect prohibited\n  source \"s\"\n}\n")
        let (brokenCode, _, err) = run(["test", broken.path])
        #expect(brokenCode == .rulebook)
        #expect(err.contains("\(path):1:1: error[C401]"))
        #expect(err.contains("\(path):3:1: error[C402]"))
        let (missing, _, missingErr) = run(["test", broken.path + "/nothing-here"])
        #expect(missing == .usage && missingErr.contains("no case file or folder"))
    }

    @Test("`test` runs the repository's cases in-process")
    func repositoryCases() {
        let root = Executables.packageRoot.path
        let (code, out, _) = run(["test", root + "/Cases"])
        #expect(code == .success, "\(out)")
        #expect(out.range(of: #"^\d+ passed, 0 failed\n$"#, options: .regularExpression) != nil, "\(out)")
    }
}
