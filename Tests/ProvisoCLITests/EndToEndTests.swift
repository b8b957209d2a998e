import Foundation
import Proviso
import Testing

/// The built `can-fund` and `proviso` executables, run as real processes.
@Suite("End to end: the executables")
struct EndToEndTests {
    private func json(_ run: Executables.Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run)")
    }

    private func provision(_ object: [String: Any], _ id: String) -> [String: Any]? {
        (object["provisions"] as? [[String: Any]])?.first { $0["id"] as? String == id }
    }

    // MARK: - Verdicts and exit codes

    @Test("prohibited exits 1, and the first line is the summary")
    func prohibited() throws {
        let run = try Executables.run("can-fund", ["Mali", "--program", "IMET", "--date", "2012-06-01"])
        #expect(run.status == 1, "\(run)")
        #expect(run.lines.first?.hasPrefix("Prohibited: IMET assistance to the government of Mali on 1 June 2012 is barred by sfops-7008") == true)
        #expect(run.stdout.contains("P.L. 112-74"))
        #expect(run.stderr.isEmpty)
    }

    @Test("allowed exits 0")
    func allowed() throws {
        // The coup restriction alone, so that no other provision of the checklist decides.
        let run = try Executables.run("can-fund", ["Mali", "--program", "IMET", "--date", "2012-01-15", "--rules", CoupRulebook.folder])
        #expect(run.status == 0, "\(run)")
        #expect(run.lines.first?.hasPrefix("Allowed:") == true)
    }

    @Test("indeterminate exits 3")
    func indeterminate() throws {
        let run = try Executables.run("can-fund", ["Mali", "--program", "IMET", "--date", "2013-09-05"])
        #expect(run.status == 3, "\(run)")
        #expect(run.lines.first?.hasPrefix("Indeterminate:") == true)
        #expect(run.stdout.contains("Missing:"))
    }

    @Test("the issue's acceptance checks, through `--format json`")
    func acceptance() throws {
        let prohibited = try Executables.run("can-fund", ["Mali", "--program", "IMET", "--date", "2012-06-01", "--format", "json"])
        #expect(prohibited.status == 1)
        let p = try json(prohibited)
        #expect(p["verdict"] as? String == "prohibited")
        let coup = try #require(provision(p, "sfops-7008"))
        #expect(coup["status"] as? String == "prohibits")
        #expect((coup["citation"] as? String)?.contains("P.L. 112-74") == true)

        let before = try json(try Executables.run("can-fund", ["Mali", "--program", "IMET", "--date", "2012-01-15", "--format", "json"]))
        #expect(provision(before, "sfops-7008")?["status"] as? String == "not-triggered")

        let after = try json(try Executables.run("can-fund", ["Mali", "--program", "IMET", "--date", "2013-10-01", "--format", "json"]))
        #expect(provision(after, "sfops-7008")?["status"] as? String == "lifted")

        let elections = try Executables.run("can-fund", ["Mali", "--program", "IMET", "--date", "2012-06-01",
                                                         "--purpose", "democratic-elections", "--format", "json"])
        #expect(provision(try json(elections), "sfops-7008")?["status"] as? String == "exempted")
        // With the coup restriction alone, the exemption makes it allowed (exit 0).
        let alone = try Executables.run("can-fund", ["Mali", "--program", "IMET", "--date", "2012-06-01",
                                                     "--purpose", "democratic-elections", "--rules", CoupRulebook.folder])
        #expect(alone.status == 0, "\(alone)")
    }

    @Test("the JSON is byte-identical across processes, and `proviso can-fund` gives the same as `can-fund`")
    func jsonAcrossProcesses() throws {
        let arguments = ["Mali", "--program", "IMET", "--date", "2012-06-01", "--format", "json"]
        let a = try Executables.run("can-fund", arguments)
        let b = try Executables.run("can-fund", arguments)
        let c = try Executables.run("proviso", ["can-fund"] + arguments)
        #expect(!a.stdout.isEmpty)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout == c.stdout)
        #expect(c.status == 1)
        let object = try json(c)
        for key in ["verdict", "country", "program", "date", "fiscalYear", "act", "provisions", "facts", "missing", "paths"] {
            #expect(object[key] != nil, "missing `\(key)`")
        }
    }

    // MARK: - Errors in the question (exit 2)

    @Test("a misspelt country exits 2 with “did you mean `Mali`” on standard error")
    func misspeltCountry() throws {
        let run = try Executables.run("can-fund", ["Maly", "--program", "IMET"])
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains("did you mean `Mali`"))
        #expect(run.stdout.isEmpty)
    }

    @Test("a malformed date exits 2 and names the argument")
    func malformedDate() throws {
        let run = try Executables.run("can-fund", ["Mali", "--program", "IMET", "--date", "2012-13-45"])
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains("`2012-13-45`"))
        #expect(run.stderr.contains("`--date`"))
    }

    @Test("an unknown program exits 2")
    func unknownProgram() throws {
        let run = try Executables.run("can-fund", ["Mali", "--program", "XYZ", "--date", "2012-06-01"])
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains("unknown program `XYZ`"))
    }

    // MARK: - Rulebooks that do not check (exit 4)

    @Test("`--rules DIR` with a syntax error exits 4 and gives file:line:column")
    func syntaxErrorInRules() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("a.proviso", "country MLI \"Mali\"\ncountry NER \"Niger\n")
        let run = try Executables.run("can-fund", ["Mali", "--program", "IMET", "--date", "2012-06-01", "--rules", dir.path])
        #expect(run.status == 4, "\(run)")
        #expect(run.stderr.contains("\(file):2:13: error[S102]: unterminated string"), "\(run)")
    }

    @Test("`--rules DIR` with no rule files exits 4")
    func emptyRulesFolder() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("notes.txt", "not a rule file")
        let run = try Executables.run("can-fund", ["Mali", "--program", "IMET", "--date", "2012-06-01", "--rules", dir.path])
        #expect(run.status == 4, "\(run)")
        #expect(run.stderr.contains("no .proviso files"))
        let missing = try Executables.run("can-fund", ["Mali", "--program", "IMET", "--rules", dir.path + "/nowhere"])
        #expect(missing.status == 4, "\(missing)")
        #expect(missing.stderr.contains("no such file or directory"))
    }
    @Test("a rulebook with no fiscal years is a rulebook error: exit 4 with a clear message", arguments: [
        "", "country MLI \"Mali\"\nprogram IMET \"International Military Education and Training\" {\n  title IV\n}\n",
    ])
    func rulebookWithoutFiscalYears(_ contents: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("rules.proviso", contents)
        let run = try Executables.run("can-fund", ["Mali", "--program", "IMET", "--date", "2012-06-01", "--rules", dir.path])
        #expect(run.exitedNormally && run.status != 0, "\(run)")
        #expect(run.status == 4, "\(run)")
        #expect(run.stderr.contains("fiscal year"), "\(run)")
    }

    @Test("a rule file that is not UTF-8 exits 4, located")
    func notUTF8() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("a.proviso", bytes: Array("country MLI \"Mal".utf8) + [0xFF] + Array("\"\n".utf8))
        let run = try Executables.run("can-fund", ["Mali", "--program", "IMET", "--date", "2012-06-01", "--rules", dir.path])
        #expect(run.status == 4, "\(run)")
        #expect(run.stderr.contains("\(file):1:17: error[S105]"), "\(run)")
    }

    // MARK: - proviso check, proviso test, --help

    @Test("`proviso check` on the default rulebook exits 0")
    func checkDefault() throws {
        let run = try Executables.run("proviso", ["check"])
        #expect(run.status == 0, "\(run)")
        #expect(run.lines.last?.hasPrefix("ok: ") == true)
        #expect(!run.stdout.contains("error["))
    }

    @Test("`proviso check DIR` on a broken rulebook prints file:line:column: error[…] and a caret line")
    func checkBroken() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("sub/a.proviso", "country MLI \"Mali\"\ncountry NER \"Niger\n")
        let run = try Executables.run("proviso", ["check", dir.path])
        #expect(run.status == 4, "\(run)")
        let lines = run.lines
        let header = try #require(lines.firstIndex { $0.hasPrefix("\(file):2:13: error[S102]: ") }, "\(run)")
        #expect(lines[header + 2] == "2 | country NER \"Niger")
        #expect(lines[header + 3] == "  | " + String(repeating: " ", count: 12) + "^^^^^^")
        // The folder also lacks the act table, which the checker reports without a location.
        #expect(run.stdout.contains("error[R413]"), "\(run)")
        #expect(lines.last == "2 errors, 0 warnings")
    }

    @Test("`proviso test Cases` ends with `N passed, 0 failed`")
    func testCases() throws {
        let expected = try FileManager.default.contentsOfDirectory(atPath: Executables.packageRoot.appendingPathComponent("Cases").path)
            .filter { $0.hasSuffix(".case") }
            .map { name -> Int in
                let path = Executables.packageRoot.appendingPathComponent("Cases").appendingPathComponent(name).path
                return CaseFile.parse(SourceFile(path: path, bytes: FileSystem.read(path) ?? [])).cases.count
            }
            .reduce(0, +)
        #expect(expected > 0)
        let run = try Executables.run("proviso", ["test", "Cases"], in: Executables.packageRoot)
        #expect(run.status == 0, "\(run)")
        #expect(run.lines.last == "\(expected) passed, 0 failed", "\(run)")
    }

    @Test("`--help` lists the exit codes", arguments: [("can-fund", ["--help"]), ("proviso", ["--help"]), ("proviso", ["help", "check"])])
    func help(_ tool: String, _ arguments: [String]) throws {
        let run = try Executables.run(tool, arguments)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("Exit codes:"))
        for (code, words) in [(0, "allowed"), (1, "prohibited"), (2, "bad arguments"), (3, "indeterminate"), (4, "the rulebook")] {
            #expect(run.stdout.contains("  \(code)  \(words)"), "\(tool) \(arguments): exit code \(code)")
        }
    }

    // MARK: - Bugs found
    @Test("`proviso check` gives the same output on every run")
    func checkIsDeterministic() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var text = "country MLI \"Mali\"\n"
        for name in ["coup-v", "coup-w", "coup-x", "coup-y"] { text += "kind \(name) \"\(name)\" {\n  field date date\n}\n" }
        text += "coup-z mali-1 {\n  country Mali\n  source \"s\"\n}\n"
        try dir.write("a.proviso", text)
        let runs = try (0..<6).map { _ in try Executables.run("proviso", ["check", dir.path]) }
        #expect(runs.allSatisfy { $0.status == 4 && $0.stdout.contains("error[R214]") })
        #expect(Set(runs.map(\.stdout)).count == 1, "\(Set(runs.compactMap { $0.stdout.components(separatedBy: "\n").first { $0.contains("help") } }))")
    }

    /// A rulebook whose provision's trigger is a chain of `n` definitions, each naming the next
    /// (`forward`: `d0 = e.duly-elected`, `dN = dN-1`, the trigger `d(n-1)`; otherwise the chain
    /// runs the other way: `d0 = d1` …, the trigger `d0`).
    private func definitionChain(_ n: Int, forward: Bool) -> String {
        var text = """
        country MLI "Mali"
        program IMET "International Military Education and Training" {
          title IV
        }
        kind coup "c" {
          field date date required
          field duly-elected truth
          complete "t"
        }
        fiscal-year FY2012 {
          act "Act, 2012" cite "P.L. 112-74, div. I" enacted 2011-12-23
          source "s"
        }
        coup c1 {
          country Mali
          date 2012-03-22
          duly-elected yes
          source "s"
        }
        provision p "P" {
          each coup as e

        """
        if forward {
            text += "  define d0 = e.duly-elected\n"
            for i in 1..<n { text += "  define d\(i) = d\(i - 1)\n" }
        } else {
            for i in 0..<(n - 1) { text += "  define d\(i) = d\(i + 1)\n" }
            text += "  define d\(n - 1) = e.duly-elected\n"
        }
        text += "  version V1 FY2012 {\n    section 7008\n    prohibits when \(forward ? "d\(n - 1)" : "d0")\n    source \"s\"\n  }\n}\n"
        return text
    }
    @Test("a long chain of definitions neither crashes `proviso check` nor `can-fund`")
    func definitionChains() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("backward/a.proviso", definitionChain(20_000, forward: false))
        try dir.write("forward/a.proviso", definitionChain(5_000, forward: true))
        let check = try Executables.run("proviso", ["check", dir.path + "/backward"])
        let canFund = try Executables.run("can-fund", ["Mali", "--program", "IMET", "--date", "2012-06-01", "--rules", dir.path + "/forward"])
        #expect(check.exitedNormally && [0, 4].contains(check.status), "check: exit \(check.status)")
        #expect(canFund.exitedNormally && [1, 4].contains(canFund.status), "can-fund: exit \(canFund.status)")
    }
    @Test("the `--assume` option of a path can be run as printed")
    func pathOptionRuns() throws {
        let rules = ["--rules", CoupRulebook.folder]
        let answer = try json(try Executables.run("can-fund", ["Mali", "--program", "IMET", "--date", "2012-06-01", "--format", "json"] + rules))
        let paths = try #require(answer["paths"] as? [[String: Any]])
        let certification = try #require(paths.first { $0["kind"] as? String == "certification" })
        #expect(certification["verdict"] as? String == "allowed-with-conditions")
        let option = try #require(certification["option"] as? String)
        let fact = try #require(option.split(separator: "'").dropFirst().first.map(String.init))
        let run = try Executables.run("can-fund", ["Mali", "--program", "IMET", "--date", "2012-06-01", "--assume", fact] + rules)
        #expect(run.status == 0, "\(run)")
    }
}
