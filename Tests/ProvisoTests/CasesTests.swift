import Proviso
import Testing

/// The historical record: every `.case` file under `Cases/` at the package root.
enum CaseCorpus {
    /// The package root, found from this file's path (`Tests/ProvisoTests/CasesTests.swift`).
    static let packageRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static let files: [SourceFile] = FileSystem.files(under: packageRoot + "/Cases", extension: "case").compactMap { path in
        FileSystem.read(path).map { SourceFile(path: path, bytes: $0) }
    }

    static let parsed: [(file: SourceFile, cases: [RegressionCase], diagnostics: [Diagnostic])] = files.map { file in
        let (cases, diagnostics) = CaseFile.parse(file)
        return (file, cases, diagnostics)
    }

    /// Every case of every file.
    static let cases: [RegressionCase] = parsed.flatMap(\.cases)
}

extension RegressionCase: CustomTestStringConvertible {
    public var testDescription: String { id }
}

@Suite("Cases: the historical record")
struct CasesTests {
    @Test("the case files are found and read without diagnostics")
    func caseFilesParse() {
        #expect(!CaseCorpus.files.isEmpty, "no .case files under \(CaseCorpus.packageRoot)/Cases")
        #expect(CaseCorpus.files.contains { $0.path.hasSuffix("/Cases/mali.case") })
        for (file, cases, diagnostics) in CaseCorpus.parsed {
            #expect(diagnostics.isEmpty, "\(file.path): \(diagnostics.map(\.description))")
            #expect(!cases.isEmpty, "\(file.path) holds no case")
        }
        let ids = CaseCorpus.cases.map(\.id)
        #expect(Set(ids).count == ids.count, "case ids are unique")
    }

    @Test("historical case", arguments: CaseCorpus.cases)
    func historicalCase(_ c: RegressionCase) throws {
        let result = CaseRunner(engine: try standard).run(c)
        #expect(result.passed, "\(c.id) (\(c.location)): \(result.failures.joined(separator: "; "))")
        #expect(result.determination != nil)
    }

    // MARK: - The runner and the case format

    private func parse(_ text: String) -> (cases: [RegressionCase], diagnostics: [Diagnostic]) {
        CaseFile.parse(SourceFile(path: "memory.case", text: text))
    }

    @Test("a case parses into its query and expectations")
    func caseFormat() throws {
        let (cases, diagnostics) = parse("""
        case mali-ngo "DA through NGOs" {
          query MLI program "Development Assistance" date 2012-06-01 purpose democratic-elections recipient non-government fiscal-year FY2012
          expect allowed
          expect sfops-7008 not-applicable
          forget mali-2012.duly-elected
          source "https://example.org/source"
        }
        """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let c = try #require(cases.first)
        #expect(c.id == "mali-ngo" && c.title == "DA through NGOs")
        #expect(c.country == "MLI" && c.program == "Development Assistance" && c.date == day("2012-06-01"))
        #expect(c.purposes == ["democratic-elections"] && c.recipient == .nonGovernment && c.fiscalYear == 2012)
        #expect(c.verdict == .allowed)
        #expect(c.statuses.map(\.provision) == ["sfops-7008"] && c.statuses.map(\.status) == [.notApplicable])
        #expect(c.forget == ["mali-2012.duly-elected"])
        #expect(c.sources == ["https://example.org/source"])
        #expect(CaseRunner(engine: CoupRulebook.engine).run(c).passed)
    }

    @Test("the runner reports a case whose expectation is wrong")
    func wrongExpectationFails() throws {
        let (cases, diagnostics) = parse("""
        case wrong "IMET during the restriction, expected allowed" {
          query Mali program IMET date 2012-06-01
          expect allowed
          expect sfops-7008 not-triggered
          source "test"
        }
        case right "the same question, expected right" {
          query Mali program IMET date 2012-06-01
          expect prohibited
          expect sfops-7008 prohibits
          source "test"
        }
        """)
        #expect(diagnostics.isEmpty)
        #expect(cases.count == 2)
        let runner = CaseRunner(engine: try standard)
        let wrong = runner.run(cases[0])
        #expect(!wrong.passed)
        #expect(wrong.failures.contains("expected allowed, got prohibited"))
        #expect(wrong.failures.contains { $0.hasPrefix("expected sfops-7008 not-triggered, got prohibits") })
        #expect(runner.run(cases[1]).passed)
    }

    @Test("the runner reports a wrong status alone, a provision that is not in the answer, and a question that cannot be asked")
    func otherFailures() throws {
        let (cases, diagnostics) = parse("""
        case status-only {
          query Mali program IMET date 2012-06-01
          expect prohibited
          expect sfops-7008 lifted
          source "test"
        }
        case no-such-provision {
          query Mali program IMET date 2012-06-01
          expect prohibited
          expect sfops-9999 prohibits
          source "test"
        }
        case no-such-country {
          query Atlantis program IMET date 2012-06-01
          expect prohibited
          expect sfops-7008 prohibits
          source "test"
        }
        case before-the-record {
          query Mali program IMET date 1980-01-01
          expect prohibited
          expect sfops-7008 prohibits
          source "test"
        }
        """)
        #expect(diagnostics.isEmpty)
        let runner = CaseRunner(engine: try standard)
        let results = cases.map { runner.run($0) }
        #expect(results.map(\.passed) == [false, false, false, false])
        #expect(results[0].failures.count == 1)
        #expect(results[1].failures == ["no provision `sfops-9999` in the answer"])
        #expect(results[2].failures.first?.hasPrefix("the question cannot be asked: unknown country `Atlantis`") == true)
        #expect(results[3].failures.first?.contains("before FY1989") == true)
        #expect(results[2].determination == nil)
    }

    @Test("C401: a case file holds only cases")
    func notACase() {
        let text = MarkedText("""
        1️⃣provision p "P" {
        }
        case ok {
          query Mali program IMET date 2012-06-01
          expect prohibited
          expect sfops-7008 prohibits
          source "test"
        }
        """)
        let (cases, diagnostics) = CaseFile.parse(text.file("memory.case"))
        let d = expectDiagnostic("C401", at: "1️⃣", in: text, among: diagnostics, file: "memory.case")
        #expect(d?.message == "expected `case`, found `provision`")
        #expect(cases.map(\.id) == ["ok"])
    }

    @Test("C402: a case must name a provision that decides it")
    func caseWithoutProvision() {
        let text = MarkedText("""
        1️⃣case verdict-only {
          query Mali program IMET date 2012-06-01
          expect prohibited
          source "test"
        }
        """)
        let (cases, diagnostics) = CaseFile.parse(text.file("memory.case"))
        expectDiagnostic("C402", at: "1️⃣", in: text, among: diagnostics, file: "memory.case")
        #expect(cases.isEmpty)
    }

    @Test("other errors in case files: missing parts, a bad status, a duplicate id, syntax")
    func otherCaseErrors() {
        let text = MarkedText("""
        1️⃣case no-source {
          query Mali program IMET date 2012-06-01
          expect prohibited
          expect sfops-7008 prohibits
        }
        case bad-status {
          query Mali program IMET date 2️⃣2012-02-30
          expect prohibited
          expect sfops-7008 3️⃣forbids
          source "test"
        }
        case dup {
          query Mali program IMET date 2012-06-01
          expect prohibited
          expect sfops-7008 prohibits
          source "test"
        }
        4️⃣case dup {
          query Mali program IMET date 2012-06-01
          expect prohibited
          expect sfops-7008 prohibits
          source "test"
        }
        case 5️⃣"quoted id" {
        }
        """)
        let (cases, diagnostics) = CaseFile.parse(text.file("memory.case"))
        expectDiagnostic("R301", at: "1️⃣", in: text, among: diagnostics, file: "memory.case")
        expectDiagnostic("R103", at: "2️⃣", in: text, among: diagnostics, file: "memory.case")
        expectDiagnostic("R210", at: "3️⃣", in: text, among: diagnostics, file: "memory.case")
        expectDiagnostic("R202", at: "4️⃣", in: text, among: diagnostics, file: "memory.case")
        expectDiagnostic("R101", at: "5️⃣", in: text, among: diagnostics, file: "memory.case")
        #expect(cases.map(\.id) == ["dup"])
    }
}
