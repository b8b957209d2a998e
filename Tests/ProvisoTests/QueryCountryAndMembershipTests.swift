import Testing
@testable import ProvisoCore
import Proviso

/// `query.country` in conditions, and `listing … { member no | unknown }` for annual lists.
@Suite struct QueryCountryAndMembershipTests {
    static let base = """
    country MLI "Mali"
    country CUB "Cuba"
    country PRK "North Korea"
    program ESF "Economic Support Fund" {
      title III
      recipient government
    }
    fiscal-year FY2012 {
      act "A" cite "P.L. 112-74, div. I" enacted 2011-12-23
      source "s"
    }
    list tier3 "Tier 3" {
      membership annual applies next-fiscal-year
      source "s"
    }
    list sponsors "Sponsors" {
      membership interval
      complete from 1979-12-29
      source "s"
    }
    provision named "Named countries" {
      version V1 FY2012 {
        section 7007
        covers titles III..VI
        prohibits when query.country in [Cuba, "North Korea"]
        source "s"
      }
    }
    provision annual "Annual list" {
      version V1 FY2012 {
        section 1
        covers titles III..VI
        prohibits when listed tier3
        source "s"
      }
    }
    provision interval "Interval list" {
      version V1 FY2012 {
        section 2
        covers titles III..VI
        prohibits when listed sponsors
        source "s"
      }
    }
    edition tier3-2011 {
      list tier3
      year 2011
      coverage partial
      source "s"
    }

    """

    func engine(_ facts: String) throws -> Engine {
        switch Rulebook.check([SourceFile(path: "t.proviso", text: Self.base + facts)]) {
        case .success(let book): return Engine(rulebook: book)
        case .failure(let error):
            Issue.record("rulebook does not check: \(error.diagnostics.map(\.message))")
            throw error
        }
    }

    func status(_ engine: Engine, _ country: String, _ provision: String) throws -> ProvisionStatus? {
        let answer = try engine.canFund(country: country, program: "ESF", on: Day(parsing: "2012-06-01")!)
        return answer.provisions.first { $0.id == provision }?.status
    }

    @Test func countryNamedInTheStatuteIsReached() throws {
        let e = try engine("")
        #expect(try status(e, "Cuba", "named") == .prohibits)
        #expect(try status(e, "North Korea", "named") == .prohibits)
        #expect(try status(e, "Mali", "named") == .notTriggered)
    }

    @Test func unknownCountryInAConditionIsAnError() {
        let text = Self.base.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.contains("query.country in") ? "        prohibits when query.country == Atlantis" : String($0) }
            .joined(separator: "\n")
        guard case .failure(let error) = Rulebook.check([SourceFile(path: "t.proviso", text: text)]) else {
            Issue.record("expected an error for an unknown country")
            return
        }
        #expect(error.diagnostics.contains { $0.code == "R201" && $0.message.contains("Atlantis") })
    }

    @Test func recordedAbsenceSettlesAPartialEdition() throws {
        let e = try engine("""
        listing mali-2011 {
          country Mali
          list tier3
          year 2011
          member no
          source "s"
        }
        """)
        #expect(try status(e, "Mali", "annual") == .notTriggered)
        // Cuba has no listing of 2011 and the edition is partial: unknown.
        #expect(try status(e, "Cuba", "annual") == .unknown)
    }

    @Test func membershipRecordedAsUnknownIsNamedAsMissing() throws {
        let e = try engine("""
        listing mali-2011 {
          country Mali
          list tier3
          year 2011
          member unknown
          source "s"
        }
        """)
        let answer = try e.canFund(country: "Mali", program: "ESF", on: Day(parsing: "2012-06-01")!)
        #expect(answer.provisions.first { $0.id == "annual" }?.status == .unknown)
        #expect(answer.missing.contains { $0.fact == "mali-2011" })
    }

    @Test func listingWithoutMemberStillMeansOnTheList() throws {
        let e = try engine("""
        listing mali-2011 {
          country Mali
          list tier3
          year 2011
          source "s"
        }
        """)
        #expect(try status(e, "Mali", "annual") == .prohibits)
    }

    @Test func recordedAbsenceOnAnIntervalListAddsNothing() throws {
        let e = try engine("""
        listing mali-sponsor {
          country Mali
          list sponsors
          from 2000-01-01
          member no
          source "s"
        }
        listing cuba-sponsor {
          country Cuba
          list sponsors
          from 1982-03-01
          source "s"
        }
        """)
        #expect(try status(e, "Mali", "interval") == .notTriggered)
        #expect(try status(e, "Cuba", "interval") == .prohibits)
    }
}
