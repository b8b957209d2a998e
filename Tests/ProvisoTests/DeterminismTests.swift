import Proviso
import Testing

/// Regression cases for what the determinism property (PropertyTests) found: answers must not
/// depend on the order in which files, declarations or facts are written.
@Suite("Determinism: regressions") struct DeterminismTests {
    static let exemptions = [
        """
        exemption x-first "First" {
          cite "FAA §491(b) (22 U.S.C. 2292(b))"
          programs P1
          overrides pr
          source "s"
        }

        """,
        """
        exemption a-second "Second" {
          cite "FAA §491(b) (22 U.S.C. 2292(b))"
          recipient government
          overrides pr
          source "s"
        }

        """,
    ]

    static let provision = """
        provision pr "Provision" {
          version V1 FY2012..FY2013 {
            section 7008
            covers all-funds
            to government
            prohibits when true
            source "s"
          }
        }

        """

    @Test("when two exemptions apply, the one that decides does not depend on which is declared first")
    func exemptionOrder() throws {
        var deciders: [[String]] = []
        for order in [[0, 1], [1, 0]] {
            let text = FailClosedTests.catalog + Self.provision + order.map { Self.exemptions[$0] }.joined()
            let engine = Engine(rulebook: try Rulebook.check([SourceFile(path: "test.proviso", text: text)], name: "test").get())
            let query = try engine.query(country: "AAA", program: "P1", on: Day(parsing: "2012-06-01")!)
            let answer = try engine.determine(query, paths: false)
            #expect(answer.verdict == .allowedWithConditions)
            #expect(try engine.verdict(query).decidedBy == answer.provisions.compactMap(\.decidedBy))
            deciders.append(try engine.verdict(query).decidedBy)
        }
        // The identifier that sorts first decides, wherever it is declared.
        #expect(deciders == [["a-second"], ["a-second"]])
    }
}
