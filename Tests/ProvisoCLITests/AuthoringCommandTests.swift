import Proviso
import ProvisoCLI
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The rule maintainer's commands end to end: `check`, `fmt`, `diff` and `new-fiscal-year`, run
/// through the same entry point as the `proviso` executable.
@Suite struct AuthoringCommandTests {
    private func proviso(_ arguments: String...) -> (code: ExitCode, output: String, errors: String) {
        var console = Console.buffer
        let code = ProvisoCommandLine.run(arguments, console: &console)
        return (code, console.output, console.errors)
    }

    private static let rulebook = """
        kind coup "A coup" {
          field date date required
          complete "all"
        }
        country MLI "Mali"
        program IMET "International Military Education and Training" {
          title IV
        }
        fiscal-year FY2012 {
          act "Act, 2012" cite "P.L. 112-74, div. I" enacted 2011-12-23 source "s"
        }
        provision coups "Coups" {
          each coup as e
          version V1 FY2012.. {
            section 7008
            covers titles III..VI
            prohibits when e.date on-or-before query.date
            source "s"
          }
        }
        coup mali {
          country Mali
          date 2012-03-22
          source "s"
        }

        """

    @Test func checkReportsEveryDefectOfABrokenRulebookWithItsLine() throws {
        let folder = try Scratch()
        defer { folder.remove() }
        try folder.write("rules.proviso", Self.rulebook)
        try folder.write("broken.proviso", """
            coup typo {
              country Mlai
              date 2012-02-30
              source "s"
            }
            coup unsourced {
              country Mali
              date 2013-01-01
            }
            provision overlapping "O" {
              define a = b
              define b = a
              version V1 FY2012.. {
                section 7009
                prohibits when a
                source "s"
              }
              version V2 FY2012.. {
                section 7009
                prohibits when a
                source "s"
              }
            }

            """)
        let (code, output, _) = proviso("check", folder.path)
        #expect(code == .rulebook)
        let file = folder.path + "/broken.proviso"
        for expected in ["\(file):2:11: error[R201]", "\(file):3:8: error[R103]", "\(file):6:1: error[R301]",
                         "\(file):11:10: error[R225]", "\(file):18:3: error[R410]"] {
            #expect(output.contains(expected), "missing \(expected) in:\n\(output)")
        }
        #expect(output.contains("did you mean `Mali`?"))

        let json = proviso("check", folder.path, "--format", "json")
        #expect(json.code == .rulebook)
        #expect(json.output.contains("\"code\": \"R201\"") && json.output.contains("\"line\": 2"))
    }

    @Test func checkWithCasesChecksTheirNames() throws {
        let folder = try Scratch()
        defer { folder.remove() }
        try folder.write("rules/rules.proviso", Self.rulebook)
        try folder.write("cases/c.case", """
            case c "c" {
              query Mali program IMET date 2012-06-01
              expect prohibited
              expect coup prohibits
              source "s"
            }

            """)
        let (code, output, _) = proviso("check", folder.path + "/rules", "--cases", folder.path + "/cases")
        #expect(code == .rulebook)
        #expect(output.contains("c.case:4:10: error[C403]: unknown provision `coup` in the case"))
        #expect(output.contains("did you mean `coups`?"))
    }

    @Test func fmtRewritesFilesAndCheckListsThoseNotFormatted() throws {
        let folder = try Scratch()
        defer { folder.remove() }
        try folder.write("a.proviso", "country   MLI \"Mali\"   # comment\n\n\n")
        try folder.write("b.case", "case x \"x\" {\n  query Mali program IMET date 2012-06-01\n}\n")
        let check = proviso("fmt", "--check", folder.path)
        #expect(check.code == .failed)
        #expect(check.output == folder.path + "/a.proviso\n")
        #expect(folder.read("a.proviso") == "country   MLI \"Mali\"   # comment\n\n\n", "--check must change nothing")

        let fix = proviso("fmt", folder.path)
        #expect(fix.code == .success)
        #expect(folder.read("a.proviso") == "country MLI \"Mali\" # comment\n")
        #expect(proviso("fmt", "--check", folder.path).code == .success)
    }

    @Test func fmtLeavesAFileWithSyntaxErrorsAsItIs() throws {
        let folder = try Scratch()
        defer { folder.remove() }
        try folder.write("a.proviso", "provision p \"P\" {\n  note \"x\n")
        let (code, _, errors) = proviso("fmt", folder.path)
        #expect(code == .rulebook)
        #expect(errors.contains("error[S102]") && errors.contains("error[S202]"))
        #expect(folder.read("a.proviso") == "provision p \"P\" {\n  note \"x\n")
    }

    @Test func diffListsTheChangedDeterminationsWithTheProvisionResponsible() throws {
        let folder = try Scratch()
        defer { folder.remove() }
        try folder.write("old/rules.proviso", Self.rulebook)
        try folder.write("new/rules.proviso", Self.rulebook.replacingFirst("2012-03-22", with: "2011-09-01"))
        let same = proviso("diff", folder.path + "/old", folder.path + "/old")
        #expect(same.code == .success)
        #expect(same.output.hasSuffix("determinations changed: 0 of 1 (1 country × 1 program × 1 date)\n"))

        let (code, output, _) = proviso("diff", folder.path + "/old", folder.path + "/new", "--date", "2012-01-15")
        #expect(code == .failed)
        #expect(output.contains("Mali (MLI)  IMET     2011-10-01 (FY2012)  allowed  → prohibited (coups)  coups"), "\(output)")
        #expect(output.contains("2012-01-15 (FY2012)"))
        #expect(output.hasSuffix("determinations changed: 2 of 2 (1 country × 1 program × 2 dates)\n"))
    }

    @Test func diffAgainstAGitRevisionReadsTheRevisionsRules() throws {
        let rules = Repository.root + "/Rules"
        let (code, output, errors) = proviso("diff", "--git", "HEAD", rules)
        #expect(code == .success || code == .failed, "\(errors)")
        #expect(output.hasPrefix("\(rules) at HEAD → \(rules)\n"))
        #expect(proviso("diff", "--git", "no-such-revision-\(getpid())", rules).code == .usage)
    }

    @Test func newFiscalYearRecordsTheActAndSaysWhatTheYearNeeds() throws {
        let folder = try Scratch()
        defer { folder.remove() }
        try folder.write("rules.proviso", Self.rulebook)
        let (code, output, _) = proviso("new-fiscal-year", "FY2013", "--act", "P.L. 113-6, div. F, §1101(a)(6)",
                                        "--title", "Further Continuing Appropriations Act, 2013", "--enacted", "2013-03-26",
                                        "--carries", "FY2012", "--rules", folder.path)
        #expect(code == .rulebook, "recorded, but the rulebook does not check until the act has a source")
        #expect(output.hasPrefix("recorded FY2013 in \(folder.path)/rules.proviso\n"))
        // No source was given: without the year's sources to fall back on, the rulebook does not check.
        #expect(output.contains("error[R301]: `fiscal-year FY2013` has no source"))
        #expect(folder.read("rules.proviso").hasSuffix("""
            fiscal-year FY2013 {
              act "Further Continuing Appropriations Act, 2013" {
                cite "P.L. 113-6, div. F, §1101(a)(6)"
                enacted 2013-03-26
                carries FY2012
              }
            }

            """))
        #expect(proviso("new-fiscal-year", "FY2015", "--act", "P.L. 113-235", "--title", "x", "--enacted", "2014-12-16",
                        "--own-text", "--rules", folder.path).code == .usage)
        #expect(proviso("new-fiscal-year", "FY2014", "--act", "P.L. 113-76", "--title", "x", "--enacted", "2014-01-17",
                        "--rules", folder.path).code == .usage, "neither --carries nor --own-text")
    }
}

extension AuthoringCommandTests {
    /// The package root, from this file's path.
    enum Repository {
        static var root: String {
            var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
            parts.removeLast(3)
            return parts.joined(separator: "/")
        }
    }

    /// A temporary folder for one test.
    struct Scratch {
        let path: String

        struct Failure: Error {}

        init() throws {
            guard let made = FileSystem.makeTemporaryFolder(prefix: "proviso-cli-test") else { throw Failure() }
            path = made
        }

        func write(_ relative: String, _ text: String) throws {
            if let slash = relative.lastIndex(of: "/") { mkdir(path + "/" + relative[..<slash], 0o755) }
            guard FileSystem.writeAtomically(Array(text.utf8), to: path + "/" + relative) else { throw Failure() }
        }

        func read(_ relative: String) -> String { String(decoding: FileSystem.read(path + "/" + relative) ?? [], as: UTF8.self) }

        func remove() {
            for file in FileSystem.files(under: path, extension: "proviso") + FileSystem.files(under: path, extension: "case") {
                unlink(file)
            }
            for sub in ["old", "new", "rules", "cases"] { rmdir(path + "/" + sub) }
            rmdir(path)
        }
    }
}

extension String {
    fileprivate func replacingFirst(_ old: String, with new: String) -> String {
        guard let range = firstRange(of: old) else { return self }
        return self[..<range.lowerBound] + new + self[range.upperBound...]
    }
}
