import Testing
@testable import ProvisoCore
import Proviso

/// A waiver recorded with `scope unknown` or `date unknown` leaves the provision unknown (and says
/// why); it never lifts it.
@Suite struct WaiverScopeTests {
    static let base = """
    country MLI "Mali"
    program IMET "International Military Education and Training" {
      title IV
      recipient government
    }
    program ESF "Economic Support Fund" {
      title III
      recipient government
    }
    fiscal-year FY2012 {
      act "A" cite "P.L. 112-74, div. I" enacted 2011-12-23
      source "s"
    }
    list l "List" {
      membership annual applies next-fiscal-year
      source "s"
    }
    provision p "Listed" {
      version V1 FY2012 {
        section 1
        covers titles III..VI
        prohibits when listed l
        waiver by "President"
        source "s"
      }
    }
    listing mali-2011 {
      country Mali
      list l
      year 2011
      source "s"
    }

    """

    func status(_ facts: String, program: String = "IMET") throws -> (ProvisionStatus?, [MissingFact]) {
        let book: Rulebook
        switch Rulebook.check([SourceFile(path: "t.proviso", text: Self.base + facts)]) {
        case .success(let b): book = b
        case .failure(let error):
            Issue.record("rulebook does not check: \(error.diagnostics.map(\.message))")
            return (nil, [])
        }
        let answer = try Engine(rulebook: book).canFund(country: "Mali", program: program, on: Day(parsing: "2012-06-01")!)
        return (answer.provisions.first { $0.id == "p" }?.status, answer.missing)
    }

    @Test func noWaiverProhibits() throws {
        #expect(try status("").0 == .prohibits)
    }

    @Test func fullWaiverWaives() throws {
        let (s, _) = try status("""
        waiver w {
          country Mali
          provision p
          fiscal-years FY2012
          scope full
          date 2011-11-01
          source "s"
        }
        """)
        #expect(s == .waived)
    }

    @Test func scopeUnknownIsUnknownAndNamed() throws {
        let (s, missing) = try status("""
        waiver w {
          country Mali
          provision p
          fiscal-years FY2012
          scope unknown
          date 2011-11-01
          summary "the determination's waiver paragraphs were not seen"
          source "s"
        }
        """)
        #expect(s == .unknown)
        #expect(missing.contains { $0.fact == "w" && $0.description.contains("waiver paragraphs were not seen") })
    }

    @Test func scopeUnknownForOtherProgramsLeavesThemProhibited() throws {
        let facts = """
        waiver w {
          country Mali
          provision p
          fiscal-years FY2012
          programs ESF
          scope unknown
          date 2011-11-01
          source "s"
        }
        """
        #expect(try status(facts, program: "IMET").0 == .prohibits)
        #expect(try status(facts, program: "ESF").0 == .unknown)
    }

    @Test func dateUnknownIsUnknownAndNamed() throws {
        let (s, missing) = try status("""
        waiver w {
          country Mali
          provision p
          fiscal-years FY2012
          scope full
          date unknown
          source "s"
        }
        """)
        #expect(s == .unknown)
        #expect(missing.contains { $0.fact == "w" && $0.description.contains("date is not recorded") })
    }
}
