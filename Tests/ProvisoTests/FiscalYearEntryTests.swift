import Proviso
import Testing

/// `FiscalYearEntry`: recording a new year's act is one edit, in the canonical layout, and fills in
/// nothing the maintainer did not give.
@Suite struct FiscalYearEntryTests {
    private let table = """
        # The act table.

        fiscal-year FY2026 {
          act "Act, 2026" {
            cite "P.L. 119-75, div. F"
            enacted 2026-02-03
            short "NSRP"
            source "s"
          }
        }

        fiscal-year FY2027 {
          unknown "not yet enacted"
          continuing-resolution "P.L. 119-80" from 2026-10-01 until 2026-12-19 carries FY2026
          source "bills"
        }

        """

    private func entry(_ year: Int, sources: [String] = []) -> FiscalYearEntry {
        FiscalYearEntry(year: year, title: "Full-Year Continuing Appropriations Act, \(year)", citation: "P.L. 119-99, div. A, §1101",
                        enacted: Day(parsing: "2026-12-20")!, carries: 2026, short: "NSRP", sources: sources)
    }

    @Test func aYearRecordedAsUnknownGetsItsAct() throws {
        let text = try entry(2027, sources: ["https://example.invalid/enrolled"]).recorded(in: SourceFile(path: "acts.proviso", text: table))
        #expect(text == """
            # The act table.

            fiscal-year FY2026 {
              act "Act, 2026" {
                cite "P.L. 119-75, div. F"
                enacted 2026-02-03
                short "NSRP"
                source "s"
              }
            }

            fiscal-year FY2027 {
              act "Full-Year Continuing Appropriations Act, 2027" {
                cite "P.L. 119-99, div. A, §1101"
                enacted 2026-12-20
                carries FY2026
                short "NSRP"
                source "https://example.invalid/enrolled"
              }
              continuing-resolution "P.L. 119-80" from 2026-10-01 until 2026-12-19 carries FY2026
              source "bills"
            }

            """)
    }

    @Test func aNewYearIsAppendedAndTheResultChecks() throws {
        let first = try entry(2027).recorded(in: SourceFile(path: "acts.proviso", text: table))
        let second = try entry(2028, sources: ["s"]).recorded(in: SourceFile(path: "acts.proviso", text: first))
        #expect(second.hasSuffix("""
            }

            fiscal-year FY2028 {
              act "Full-Year Continuing Appropriations Act, 2028" {
                cite "P.L. 119-99, div. A, §1101"
                enacted 2026-12-20
                carries FY2026
                short "NSRP"
                source "s"
              }
            }

            """))
        #expect(try Formatter.format(SourceFile(path: "acts.proviso", text: second)) == second)
        // A rulebook needs countries too (R414); one beside the act table is enough.
        let book = try Rulebook.check([SourceFile(path: "acts.proviso", text: second),
                                       SourceFile(path: "countries.proviso", text: "country MLI \"Mali\"\n")]).get()
        #expect(book.fiscalYears.map(\.year) == [2026, 2027, 2028])
        // No source was given for FY2027's act: the check says so.
        #expect(book.warnings.map(\.code) == ["W405"])
    }

    @Test func aYearWithAnActIsRefused() throws {
        #expect(throws: FiscalYearEntryError.self) {
            _ = try entry(2026).recorded(in: SourceFile(path: "acts.proviso", text: table))
        }
        #expect(throws: FiscalYearEntryError.self) {
            _ = try entry(2028).recorded(in: SourceFile(path: "acts.proviso", text: "fiscal-year FY2026 {"))
        }
    }
}
