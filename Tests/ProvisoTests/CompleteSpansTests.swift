import Testing
@testable import ProvisoCore
import Proviso

/// An interval list whose record is complete only over some spans of days (`complete from D until
/// E`, repeatable): absence from the list is `false` inside a span and unknown outside every span.
@Suite struct CompleteSpansTests {
    static func rulebook(_ complete: String) -> String {
        """
        country MLI "Mali"
        country CUB "Cuba"
        program ESF "Economic Support Fund" {
          title III
          recipient government
        }
        fiscal-year FY2012 {
          act "A" cite "P.L. 112-74, div. I" enacted 2011-10-01
          source "s"
        }
        list denied "Denied" {
          membership interval
        \(complete)
          source "s"
        }
        provision cut "Cut off" {
          version V1 FY2012 {
            section 1
            covers titles III..VI
            prohibits when listed denied
            source "s"
          }
        }
        listing cuba-denied {
          country Cuba
          list denied
          from 2012-01-01
          until 2012-03-01
          source "s"
        }

        """
    }

    func status(_ complete: String, _ country: String, _ day: String) throws -> ProvisionStatus? {
        switch Rulebook.check([SourceFile(path: "t.proviso", text: Self.rulebook(complete))]) {
        case .success(let book):
            let answer = try Engine(rulebook: book).canFund(country: country, program: "ESF", on: Day(parsing: day)!)
            return answer.provisions.first { $0.id == "cut" }?.status
        case .failure(let error):
            Issue.record("rulebook does not check: \(error.diagnostics.map(\.message))")
            return nil
        }
    }

    static let twoSpans = """
      complete from 2011-10-01 until 2012-02-01
      complete from 2012-06-01
    """

    @Test func absenceIsDecidedInsideASpanAndUnknownInTheGap() throws {
        #expect(try status(Self.twoSpans, "Mali", "2011-12-01") == .notTriggered)
        #expect(try status(Self.twoSpans, "Mali", "2012-02-01") == .unknown)   // the first span ends the day before
        #expect(try status(Self.twoSpans, "Mali", "2012-05-31") == .unknown)
        #expect(try status(Self.twoSpans, "Mali", "2012-06-01") == .notTriggered)
        #expect(try status(Self.twoSpans, "Mali", "2012-09-30") == .notTriggered)
    }

    @Test func aListingDecidesEvenInTheGap() throws {
        #expect(try status(Self.twoSpans, "Cuba", "2012-02-15") == .prohibits)
        #expect(try status(Self.twoSpans, "Cuba", "2012-06-15") == .notTriggered)
    }

    @Test func aSingleOpenSpanReadsAsBefore() throws {
        #expect(try status("  complete from 2012-01-01", "Mali", "2011-12-31") == .unknown)
        #expect(try status("  complete from 2012-01-01", "Mali", "2012-01-01") == .notTriggered)
    }

    @Test func spansMustRunForwardAndNotOverlap() {
        for bad in ["  complete from 2012-03-01 until 2012-03-01",
                    "  complete from 2011-10-01 until 2012-04-01\n  complete from 2012-03-01"] {
            guard case .failure(let error) = Rulebook.check([SourceFile(path: "t.proviso", text: Self.rulebook(bad))]) else {
                Issue.record("expected an error for \(bad)")
                continue
            }
            #expect(error.diagnostics.contains { $0.code == "R415" || $0.code == "R416" })
        }
    }
}
