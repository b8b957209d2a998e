import Proviso
import Testing

/// Regression cases for the failures the fail-closed property (PropertyTests) found, each reduced
/// by hand from the generated rulebook that showed it. A fact that is unknown — not recorded,
/// forgotten, or written `unknown` — must never let an answer say `allowed` where knowing it could
/// make the answer `prohibited`.
@Suite("Fail closed: regressions") struct FailClosedTests {
    static let catalog = """
        country AAA "Alpha"
        purpose pa "purpose a"
        program P1 "Program 1" {
          title IV
          recipient government
        }
        program P2 "Program 2" {
          title IV
          recipient government
        }
        kind ev "An event" {
          field date date required "the date of the event"
          field flag truth "whether the flag holds"
        }
        fiscal-year FY2012 {
          act "Act, 2012" cite "P.L. 112-74, div. I" enacted 2011-12-23 source "s"
          source "s"
        }
        fiscal-year FY2013 {
          act "Act, 2013" cite "P.L. 113-6, div. F" enacted 2012-10-01 source "s"
          source "s"
        }

        """

    static func engine(_ text: String, catalog: String = FailClosedTests.catalog) throws -> Engine {
        switch Rulebook.check([SourceFile(path: "test.proviso", text: catalog + text)], name: "test") {
        case .success(let book): return Engine(rulebook: book)
        case .failure(let error):
            Issue.record("does not check: \(error.diagnostics)")
            throw error
        }
    }

    static func answer(_ engine: Engine, on date: String = "2012-06-01", program: String = "P1", purposes: [String] = [],
                       forgetting forgotten: [String] = []) throws -> Determination {
        var query = try engine.query(country: "AAA", program: program, on: Day(parsing: date)!, purposes: purposes)
        query.forgotten = forgotten
        return try engine.determine(query, paths: false)
    }

    // MARK: - `each` over a kind whose record is not complete (seed 105)

    static let eachEvent = """
        provision pr "Provision" {
          each ev as e
          version V1 FY2012..FY2013 {
            section 7008
            covers all-funds
            to government
            prohibits when e.flag
            exempt purposes pa
            source "s"
          }
        }
        ev a-1 {
          country AAA
          date 2012-01-10
          flag no
          source "s"
        }
        ev a-2 {
          country AAA
          date 2012-02-10
          flag yes
          source "s"
        }

        """

    @Test("an event left out of an incomplete record may be one that triggers: the answer is indeterminate, not allowed")
    func eachOverIncompleteKind() throws {
        let engine = try Self.engine(Self.eachEvent)
        #expect(try Self.answer(engine).verdict == .prohibited)
        // Without a-2, a-1 does not trigger; but the record of `ev` is not complete.
        let forgotten = try Self.answer(engine, forgetting: ["a-2"])
        #expect(forgotten.verdict == .indeterminate)
        #expect(forgotten.provisions.first { $0.id == "pr" }?.status == .unknown)
        #expect(forgotten.missing.map(\.description) == ["no other `ev` is recorded for Alpha, and the record of them is not complete"])
    }

    @Test("a remedy that names no event settles an incomplete record's unrecorded events too")
    func exemptPurposeSettlesUnrecordedEvents() throws {
        let engine = try Self.engine(Self.eachEvent)
        let exempted = try Self.answer(engine, purposes: ["pa"], forgetting: ["a-2"])
        #expect(exempted.verdict == .allowedWithConditions)
        #expect(exempted.provisions.first { $0.id == "pr" }?.status == .exempted)
    }

    @Test("a complete record is read closed-world: with no triggering event recorded, none happened")
    func eachOverCompleteKind() throws {
        let complete = Self.catalog.replacing("  field flag truth \"whether the flag holds\"\n",
                                              with: "  field flag truth \"whether the flag holds\"\n  complete \"every event\"\n")
        let engine = try Self.engine(Self.eachEvent, catalog: complete)
        let forgotten = try Self.answer(engine, forgetting: ["a-2"])
        #expect(forgotten.verdict == .allowed)
        #expect(forgotten.provisions.first { $0.id == "pr" }?.status == .notTriggered)
    }

    @Test("a certification that names one event does not lift an event the record does not hold (seed 165)")
    func certificationOfAnotherEvent() throws {
        let lifted = Self.eachEvent.replacing("    exempt purposes pa\n", with: "    lifted by certification finding \"restored\"\n")
            .replacing("  flag no\n", with: "  flag yes\n")
            + "certification c-1 {\n  provision pr\n  event a-1\n  date 2012-03-01\n  source \"s\"\n}\n"
        let engine = try Self.engine(lifted)
        #expect(try Self.answer(engine).verdict == .prohibited)
        // a-1 is lifted; without a-2, an unrecorded event may still be restricted.
        let forgotten = try Self.answer(engine, forgetting: ["a-2"])
        #expect(forgotten.verdict == .indeterminate)
        #expect(forgotten.provisions.first { $0.id == "pr" }?.status == .unknown)
    }

    @Test("a finding whose event is not known may be about the event asked about (seed 959)")
    func findingOfUnknownEvent() throws {
        let findings = """
            kind finding "A finding about an event" {
              field event ev required
              field finding one-of determined, declined required "what was found"
              complete "every finding"
            }
            provision pr "Provision" {
              each ev as e
              version V1 FY2012..FY2013 {
                section 7008
                covers all-funds
                to government
                prohibits when (any finding f of e where f.finding == determined)
                source "s"
              }
            }
            ev a-1 {
              country AAA
              date 2012-01-10
              source "s"
            }
            finding a-1-f {
              event a-1
              finding determined
              source "s"
            }

            """
        let complete = Self.catalog.replacing("  field flag truth \"whether the flag holds\"\n",
                                              with: "  field flag truth \"whether the flag holds\"\n  complete \"every event\"\n")
        let engine = try Self.engine(findings, catalog: complete)
        #expect(try Self.answer(engine).verdict == .prohibited)
        #expect(try Self.answer(engine, forgetting: ["a-1-f.event"]).verdict == .indeterminate)
        let unknownEvent = findings.replacing("  event a-1\n", with: "  country AAA\n  event unknown\n")
        #expect(try Self.answer(try Self.engine(unknownEvent, catalog: complete)).verdict == .indeterminate)
    }

    // MARK: - Waivers whose reach is unknown, listings whose list or year is unknown, forgotten fields

    static let listedProvision = """
        list il "Interval list" {
          cite "FAA §620A (22 U.S.C. 2371)"
          membership interval
          complete from 2000-01-01
          source "s"
        }
        list al "Annual list" {
          cite "TVPA §110 (22 U.S.C. 7107)"
          membership annual applies next-fiscal-year
          source "s"
        }
        provision pr "Provision" {
          version V1 FY2012..FY2013 {
            section 7008
            covers all-funds
            to government
            prohibits when listed il or listed al
            waiver by "President"
            source "s"
          }
        }
        edition al-2011 {
          list al
          year 2011
          coverage complete
          source "s"
        }

        """

    static let listing = """
        listing aaa-il {
          country AAA
          list il
          from 2011-01-01
          source "s"
        }

        """

    static func waiver(_ fields: String) -> String {
        "waiver w {\n  country AAA\n  provision pr\n  date 2012-01-01\n\(fields)  source \"s\"\n}\n"
    }

    /// The statuses `waiverReach` expects.
    enum Expected: String, Sendable { case waived, prohibits, unknown }

    @Test("a waiver waives only where its reach is known (seeds 50 and 143 recorded `until` and `fiscal-years` as unknown)",
          arguments: [
              ("", Expected.waived), ("  until 2012-03-01\n", .prohibits), ("  until unknown\n", .unknown),
              ("  fiscal-years FY2013\n", .prohibits), ("  fiscal-years unknown\n", .unknown),
              ("  programs P2\n", .prohibits),
          ])
    func waiverReach(_ fields: String, _ expected: Expected) throws {
        let engine = try Self.engine(Self.listedProvision + Self.listing + Self.waiver(fields))
        let answer = try Self.answer(engine)
        #expect(answer.provisions.first { $0.id == "pr" }?.status.rawValue == expected.rawValue)
        #expect(answer.verdict == (expected == .waived ? .allowedWithConditions : expected == .unknown ? .indeterminate : .prohibited))
        if expected == .unknown { #expect(answer.missing.contains { $0.fact == "w" }, "\(answer.missing)") }
    }

    @Test("a forgotten field is unknown, not left out: a waiver's end, years or programs forgotten leave it unknown",
          arguments: [("until", "  until 2012-03-01\n"), ("fiscal-years", "  fiscal-years FY2013\n"), ("programs", "  programs P2\n")])
    func forgottenWaiverField(_ field: String, _ fields: String) throws {
        let engine = try Self.engine(Self.listedProvision + Self.listing + Self.waiver(fields))
        #expect(try Self.answer(engine).verdict == .prohibited)
        #expect(try Self.answer(engine, forgetting: ["w.\(field)"]).verdict == .indeterminate)
    }

    @Test("a listing whose list is not known may be on any list: the answer is indeterminate, not allowed")
    func listingOnUnknownList() throws {
        let unknownList = Self.listing.replacing("  list il\n", with: "  list unknown\n")
        let answer = try Self.answer(try Self.engine(Self.listedProvision + unknownList))
        #expect(answer.verdict == .indeterminate)
        #expect(answer.missing.map(\.description).contains("listing `aaa-il`: which list it is on is not recorded"), "\(answer.missing)")
        let forgotten = try Self.answer(try Self.engine(Self.listedProvision + Self.listing), forgetting: ["aaa-il.list"])
        #expect(forgotten.verdict == .indeterminate)
    }

    @Test("an annual listing whose year is not known may be of any year; a recorded absence of an unknown year settles nothing")
    func annualListingOfUnknownYear() throws {
        let onList = "listing aaa-al {\n  country AAA\n  list al\n  year unknown\n  source \"s\"\n}\n"
        #expect(try Self.answer(try Self.engine(Self.listedProvision + onList)).verdict == .indeterminate)
        // The 2011 edition is complete and AAA is not on it: an absence of an unknown year changes nothing.
        let absent = onList.replacing("  year unknown\n", with: "  year unknown\n  member no\n")
        #expect(try Self.answer(try Self.engine(Self.listedProvision + absent)).verdict == .allowed)
    }
}
