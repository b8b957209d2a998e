import Foundation
import Proviso
import Testing

/// The engine over the default rulebook (checked once, then shared); a test that needs it fails,
/// rather than the whole run stopping, if the rulebook does not check.
var standard: Engine { get throws { try Engine.standard } }

private func finding(_ d: Determination, _ id: String) -> ProvisionFinding? { d.provisions.first { $0.id == id } }

@Suite("Act in force")
struct ActInForceTests {
    @Test("the default rulebook checks without errors")
    func defaultRulebookChecks() throws {
        let book = try Rulebook.embedded()
        #expect(book.name == "Proviso default rulebook")
        #expect(book.fiscalYears.first?.year == 1989)
        #expect(book.provision(named: "sfops-7008") != nil)
        #expect(book.country(named: "Mali") != nil && book.program(named: "IMET") != nil)
        #expect(!book.warnings.contains { $0.severity == .error })
    }

    @Test("an enacted act governs its year from its enactment")
    func enacted() throws {
        let act = try standard.rulebook.actInForce(on: day("2012-06-01"))
        #expect(act.basis == .enacted)
        #expect(act.fiscalYear == 2012 && act.textFiscalYear == 2012)
        #expect(act.act.citation.publicLaw == "112-74" && act.act.citation.division == "I")
        #expect(act.act.enacted == day("2011-12-23"))
        #expect(act.carriedBy == nil && act.warnings.isEmpty)
    }

    @Test("a day under an interim continuing resolution is governed by the act it carries")
    func continuingResolutionDay() throws {
        let act = try standard.rulebook.actInForce(on: day("2023-11-15"))
        #expect(act.basis == .continuingResolution)
        #expect(act.fiscalYear == 2024 && act.textFiscalYear == 2023)
        #expect(act.carriedBy?.publicLaw == "118-15")
        // The day the act is enacted, it governs.
        let enacted = try standard.rulebook.actInForce(on: day("2024-03-23"))
        #expect(enacted.basis == .enacted && enacted.textFiscalYear == 2024)
        let dayBefore = try standard.rulebook.actInForce(on: day("2024-03-22"))
        #expect(dayBefore.basis == .continuingResolution && dayBefore.textFiscalYear == 2023)
    }

    @Test("a full-year continuing resolution: FY2013 carries the FY2012 act")
    func fullYearContinuingResolution() throws {
        let act = try standard.rulebook.actInForce(on: day("2013-06-01"))
        #expect(act.basis == .fullYearContinuingResolution)
        #expect(act.fiscalYear == 2013 && act.textFiscalYear == 2012)
        #expect(act.act.citation.publicLaw == "112-74")
        #expect(act.carriedBy?.publicLaw == "113-6")
        #expect(act.carriedBy?.section == "1101(a)(6)")
    }

    @Test("a provision carried by a full-year resolution is cited in the act it continues, as continued")
    func citationAsContinued() throws {
        let d = try standard.canFund(country: "Mali", program: "IMET", on: day("2013-06-01"))
        #expect(d.verdict == .prohibited)
        #expect(finding(d, "sfops-7008")?.citation?.description
                == "§7008, div. I, P.L. 112-74 (SFOPS FY2012), as continued by P.L. 113-6, div. F, §1101(a)(6)")
    }

    @Test("a date past the last recorded act is answered from the latest act, with a stale warning")
    func stale() throws {
        let act = try standard.rulebook.actInForce(on: day("2028-03-01"))
        #expect(act.basis == .stale)
        #expect(act.fiscalYear == 2028)
        #expect(act.textFiscalYear == 2026)
        #expect(act.warnings.first?.contains("stale") == true)
        // FY2027 is recorded as unknown: answered from FY2026, with a warning.
        let unknown = try standard.rulebook.actInForce(on: day("2026-11-25"))
        #expect(unknown.basis == .unknownYear && unknown.textFiscalYear == 2026 && !unknown.warnings.isEmpty)
    }

    @Test("a date before FY1989 is an error; 1 October 1988 is FY1989")
    func beforeFirstFiscalYear() throws {
        #expect(throws: QueryError.beforeFirstFiscalYear(day("1988-09-30"), first: 1989)) {
            try standard.rulebook.actInForce(on: day("1988-09-30"))
        }
        let first = try standard.rulebook.actInForce(on: day("1988-10-01"))
        #expect(first.fiscalYear == 1989 && first.basis == .enacted)
        #expect(throws: QueryError.beforeFirstFiscalYear(day("1988-09-30"), first: 1989)) {
            try standard.canFund(country: "Mali", program: "IMET", on: day("1988-09-30"))
        }
    }

    @Test("a lapse, and a gap with nothing recorded, carry warnings")
    func lapseAndUnrecorded() throws {
        let lapse = try standard.rulebook.actInForce(on: day("2026-01-31"))
        #expect(lapse.basis == .lapse && lapse.fiscalYear == 2026 && !lapse.warnings.isEmpty)
        // FY2025 ran on a full-year resolution carrying FY2024: the FY2024 act's text governs.
        #expect(lapse.textFiscalYear == 2024)
        // FY2016's interim resolutions are not recorded: the days before its act carry a warning.
        let gap = try standard.rulebook.actInForce(on: day("2015-10-15"))
        #expect(gap.basis == .notRecorded && !gap.warnings.isEmpty && gap.textFiscalYear == 2015)
    }

    @Test("the fiscal year of the funds can be named")
    func namedFiscalYear() throws {
        let act = try standard.rulebook.actInForce(on: day("2012-06-01"), fundsFiscalYear: 2011)
        #expect(act.basis == .namedFiscalYear && act.fiscalYear == 2011 && act.textFiscalYear == 2010)
        #expect(throws: QueryError.unknownFiscalYear(2040)) {
            try standard.rulebook.actInForce(on: day("2012-06-01"), fundsFiscalYear: 2040)
        }
    }

    @Test("the act in force in a small rulebook written in the test")
    func smallRulebook() throws {
        let book = try TestRulebook.book()
        let cr = try book.actInForce(on: day("2011-11-01"))
        #expect(cr.basis == .continuingResolution && cr.fiscalYear == 2012 && cr.textFiscalYear == 2011)
        #expect(cr.carriedBy?.publicLaw == "112-36")
        let enacted = try book.actInForce(on: day("2011-12-23"))
        #expect(enacted.basis == .enacted && enacted.textFiscalYear == 2012)
        let interim = try book.actInForce(on: day("2012-12-01"))
        #expect(interim.basis == .continuingResolution && interim.fiscalYear == 2013 && interim.textFiscalYear == 2012)
        let fullYear = try book.actInForce(on: day("2013-06-01"))
        #expect(fullYear.basis == .fullYearContinuingResolution && fullYear.textFiscalYear == 2012)
        #expect(fullYear.carriedBy?.publicLaw == "113-6")
        let stale = try book.actInForce(on: day("2014-06-01"))
        #expect(stale.basis == .stale && stale.fiscalYear == 2014 && stale.textFiscalYear == 2012)
        #expect(throws: QueryError.beforeFirstFiscalYear(day("2010-09-30"), first: 2011)) {
            try book.actInForce(on: day("2010-09-30"))
        }
    }

    @Test("a rulebook without fiscal years does not check: it cannot say which act governs")
    func noFiscalYears() throws {
        let result = Rulebook.check([SourceFile(path: "t.proviso", text: "country MLI \"Mali\"\nprogram IMET \"IMET\" {\n  title IV\n}\n")])
        guard case .failure(let error) = result else {
            Issue.record("a rulebook without an act table checked")
            return
        }
        #expect(error.diagnostics.map(\.code) == ["R413"])
    }
}

@Suite("Determinations")
struct DeterminationTests {
    /// The coup restriction against the real record, without the checklist's other provisions,
    /// so that these tests see one provision's mechanics (see `CoupRulebook`).
    var standard: Engine { CoupRulebook.engine }

    // MARK: - The issue's acceptance checks

    @Test("the acceptance checks' statuses hold in the full default rulebook too")
    func fullRulebookStatuses() throws {
        let full = try Engine.standard
        func status(_ date: String, _ purposes: [String] = []) throws -> ProvisionStatus? {
            try full.canFund(country: "Mali", program: "IMET", on: day(date), purposes: purposes).provisions.first { $0.id == "sfops-7008" }?.status
        }
        let june = try full.canFund(country: "Mali", program: "IMET", on: day("2012-06-01"))
        #expect(june.verdict == .prohibited)
        #expect(try status("2012-06-01") == .prohibits)
        #expect(try status("2012-01-15") == .notTriggered)
        #expect(try status("2013-10-01") == .lifted)
        #expect(try status("2012-06-01", ["democratic-elections"]) == .exempted)
    }

    @Test("Mali, IMET, 2012-06-01: prohibited by sfops-7008, citing P.L. 112-74")
    func maliProhibited() throws {
        let d = try standard.canFund(country: "Mali", program: "IMET", on: day("2012-06-01"))
        #expect(d.verdict == .prohibited)
        let f = try #require(finding(d, "sfops-7008"))
        #expect(f.status == .prohibits)
        #expect(f.citation?.description.contains("P.L. 112-74") == true)
        #expect(f.citation?.section == "7008")
        #expect(f.event == "mali-2012")
        #expect(d.decidingProvisions == ["sfops-7008"])
        #expect(d.summary.hasPrefix("Prohibited: IMET assistance to the government of Mali on 1 June 2012"))
        #expect(d.facts.contains { $0.id == "mali-2012" && $0.date?.description == "2012-03-22" && !$0.sources.isEmpty })
        #expect(d.missing.isEmpty)
    }

    @Test("Mali, IMET, 2012-01-15: sfops-7008 not triggered, allowed")
    func beforeTheCoup() throws {
        let d = try standard.canFund(country: "Mali", program: "IMET", on: day("2012-01-15"))
        #expect(d.verdict == .allowed)
        #expect(finding(d, "sfops-7008")?.status == .notTriggered)
        #expect(d.paths.isEmpty)
    }

    @Test("Mali, IMET, 2013-10-01: lifted by the 2013 certification")
    func lifted() throws {
        let d = try standard.canFund(country: "Mali", program: "IMET", on: day("2013-10-01"))
        #expect(d.verdict == .allowedWithConditions)
        let f = try #require(finding(d, "sfops-7008"))
        #expect(f.status == .lifted)
        #expect(f.decidedBy == "mali-2013-certification")
        #expect(!d.conditions.isEmpty)
    }

    @Test("Mali, IMET, 2012-06-01, for democratic elections: exempted")
    func exempted() throws {
        let d = try standard.canFund(country: "Mali", program: "IMET", on: day("2012-06-01"), purposes: ["democratic-elections"])
        #expect(d.verdict == .allowedWithConditions)
        let f = try #require(finding(d, "sfops-7008"))
        #expect(f.status == .exempted && f.decidedBy == "democratic-elections")
        #expect(d.purposes.contains("democratic-elections"))
    }

    // MARK: - Three values, failing closed

    @Test("the day the lifting may have been signed: indeterminate, naming what would settle it")
    func indeterminateLifting() throws {
        let d = try standard.canFund(country: "Mali", program: "IMET", on: day("2013-09-05"))
        #expect(d.verdict == .indeterminate)
        #expect(finding(d, "sfops-7008")?.status == .unknown)
        #expect(d.missing.contains { $0.provision == "sfops-7008" && $0.fact == "mali-2013-certification" })
        #expect(d.summary.hasPrefix("Indeterminate:"))
    }

    @Test("forgetting the 2012 determination flips prohibited to indeterminate, never to allowed")
    func forgetFlips() throws {
        let asked = try standard.query(country: "Mali", program: "IMET", on: day("2012-06-01"))
        #expect(try standard.determine(asked).verdict == .prohibited)
        var forgetting = asked
        forgetting.forgotten = ["mali-2012-determination"]
        let d = try standard.determine(forgetting)
        #expect(d.verdict == .indeterminate)
        #expect(finding(d, "sfops-7008")?.status == .unknown)
        #expect(!d.missing.isEmpty)
        #expect(d.hypothetical && d.assumptions == ["forget mali-2012-determination"])
        // Forgetting one element only: the determination still settles the trigger.
        var field = asked
        field.forgotten = ["mali-2012.duly-elected"]
        #expect(try standard.determine(field).verdict == .prohibited)
    }

    @Test("forgetting a fact that does not exist is an error with a suggestion")
    func forgetUnknownFact() throws {
        var q = try standard.query(country: "Mali", program: "IMET", on: day("2012-06-01"))
        q.forgotten = ["mali-2012-determinaton"]
        #expect(throws: QueryError.unknownFact("mali-2012-determinaton", suggestion: "mali-2012-determination")) {
            try standard.determine(q)
        }
    }

    @Test("unknown names are errors with the closest name")
    func unknownNames() {
        #expect(throws: QueryError.unknownCountry("Maly", suggestion: "Mali")) {
            try standard.query(country: "Maly", program: "IMET", on: day("2012-06-01"))
        }
        // Swapped letters count as one edit.
        #expect(throws: QueryError.unknownProgram("IMTE", suggestion: "IMET")) {
            try standard.query(country: "Mali", program: "IMTE", on: day("2012-06-01"))
        }
        #expect(throws: QueryError.unknownProgram("XYZ", suggestion: nil)) {
            try standard.query(country: "Mali", program: "XYZ", on: day("2012-06-01"))
        }
        #expect(throws: QueryError.unknownPurpose("democratic-election", suggestion: "democratic-elections")) {
            try standard.query(country: "Mali", program: "IMET", on: day("2012-06-01"), purposes: ["democratic-election"])
        }
    }

    @Test("names match through aliases, ISO codes and case")
    func aliases() throws {
        let a = try standard.canFund(country: "mli", program: "international military education and training", on: day("2012-06-01"))
        #expect(a.country.name == "Mali" && a.program.id == "IMET" && a.verdict == .prohibited)
    }

    @Test("small rulebook: an element that is not recorded gives indeterminate, never allowed")
    func unrecordedFieldFailsClosed() throws {
        let engine = Engine(rulebook: try TestRulebook.book())
        let niger = try engine.canFund(country: "Niger", program: "IMET", on: day("2012-06-01"))
        #expect(niger.verdict == .indeterminate)
        #expect(finding(niger, "coups")?.status == .unknown)
        #expect(niger.missing.contains { $0.fact == "ner-2012" && $0.description.contains("whether the deposed head of government was duly elected") })
        // Inside the month the coup is known for, whether it had happened is open too.
        let inFebruary = try engine.canFund(country: "Niger", program: "IMET", on: day("2012-02-15"))
        #expect(inFebruary.verdict == .indeterminate)
        // Before the month, it had not: allowed.
        let january = try engine.canFund(country: "Niger", program: "IMET", on: day("2012-01-15"))
        #expect(january.verdict == .allowed && finding(january, "coups")?.status == .notTriggered)
    }

    @Test("small rulebook: every status the provision can take")
    func statusesInSmallRulebook() throws {
        let engine = Engine(rulebook: try TestRulebook.book())
        let prohibited = try engine.canFund(country: "Mali", program: "IMET", on: day("2012-06-01"))
        #expect(prohibited.verdict == .prohibited && finding(prohibited, "coups")?.status == .prohibits)
        #expect(finding(prohibited, "coups")?.citation?.written == "P.L. 112-74, div. I, §7008")
        let exempt = try engine.canFund(country: "Mali", program: "IMET", on: day("2012-06-01"), purposes: ["democratic-elections"])
        #expect(exempt.verdict == .allowedWithConditions && finding(exempt, "coups")?.status == .exempted)
        let lifted = try engine.canFund(country: "Mali", program: "IMET", on: day("2013-01-10"))
        #expect(lifted.verdict == .allowed && finding(lifted, "coups")?.status == .lifted)
        let ngo = try engine.canFund(country: "Mali", program: "DA", on: day("2012-06-01"))
        #expect(ngo.verdict == .allowed && finding(ngo, "coups")?.status == .notApplicable)
        let guinea = try engine.canFund(country: "Guinea", program: "IMET", on: day("2012-06-01"))
        #expect(guinea.verdict == .allowed && finding(guinea, "coups")?.status == .notTriggered)
        // Past the last act: the latest act answers, with a warning.
        let stale = try engine.canFund(country: "Mali", program: "IMET", on: day("2014-06-01"))
        #expect(stale.act.basis == .stale && stale.warnings.contains { $0.contains("stale") })
    }

    @Test("small rulebook: when the record of coups is not complete, a country without one is indeterminate")
    func incompleteKindFailsClosed() throws {
        let text = TestRulebook.text.replacingOccurrences(of: "  complete \"every coup of the test record\"\n", with: "")
        #expect(text != TestRulebook.text)
        let engine = Engine(rulebook: try TestRulebook.book(text))
        let guinea = try engine.canFund(country: "Guinea", program: "IMET", on: day("2012-06-01"))
        #expect(guinea.verdict == .indeterminate)
        #expect(guinea.missing.contains { $0.description.contains("no `coup` is recorded for Guinea") })
    }

    @Test("an assumed certification lifts the restriction, and the answer says it is hypothetical")
    func assumption() throws {
        var q = try standard.query(country: "Mali", program: "IMET", on: day("2024-06-01"))
        #expect(try standard.determine(q, paths: false).verdict == .prohibited)
        q.assumptions = try standard.assumptions(["""
        certification what-if {
          provision sfops-7008
          event mali-2020
          date 2024-01-01
          finding "a democratically elected government has taken office"
          source "hypothetical"
        }
        """])
        let d = try standard.determine(q, paths: false)
        #expect(d.verdict == .allowedWithConditions && finding(d, "sfops-7008")?.status == .lifted && d.hypothetical)
        #expect(throws: RulebookError.self) { try standard.assumptions(["certification x {\n  provision sfops-7009\n}"]) }
    }

    // MARK: - JSON and paths

    @Test("the JSON has the design's field names and is byte-identical across runs")
    func json() throws {
        let first = try standard.canFund(country: "Mali", program: "IMET", on: day("2012-06-01")).json.serialized()
        let second = try standard.canFund(country: "Mali", program: "IMET", on: day("2012-06-01")).json.serialized()
        #expect(first == second)
        #expect(Array(first.utf8) == Array(second.utf8))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        for key in ["verdict", "country", "program", "date", "fiscalYear", "act", "provisions", "facts", "missing", "paths"] {
            #expect(object[key] != nil, "missing `\(key)`")
        }
        #expect(object["verdict"] as? String == "prohibited")
        #expect(object["date"] as? String == "2012-06-01")
        #expect(object["fiscalYear"] as? Int == 2012)
        #expect((object["country"] as? [String: Any])?["name"] as? String == "Mali")
        #expect((object["program"] as? [String: Any])?["id"] as? String == "IMET")
        #expect((object["act"] as? [String: Any])?["citation"] as? String == "P.L. 112-74, div. I")
        let provisions = try #require(object["provisions"] as? [[String: Any]])
        let coup = try #require(provisions.first { $0["id"] as? String == "sfops-7008" })
        #expect(coup["status"] as? String == "prohibits")
        #expect((coup["citation"] as? String)?.contains("P.L. 112-74") == true)
        #expect((coup["reason"] as? String)?.isEmpty == false)
        let facts = try #require(object["facts"] as? [[String: Any]])
        #expect(facts.contains { $0["id"] as? String == "mali-2012" && $0["date"] as? String == "2012-03-22" && ($0["sources"] as? [String])?.isEmpty == false })
        #expect((object["missing"] as? [Any])?.isEmpty == true)
        // Key order is fixed: verdict first.
        #expect(first.hasPrefix("{\n  \"verdict\": \"prohibited\",\n"))
    }

    @Test("JSON strings escape quotes, backslashes and control characters")
    func jsonEscaping() {
        let value = JSON.object([("a\"b", .string("line\nbreak\t\\ \u{01} \u{2028}")), ("n", .number(-3)), ("x", .null),
                                 ("t", .bool(true)), ("e", .array([]))])
        #expect(value.serialized(pretty: false) == #"{"a\"b":"line\nbreak\t\\ \u0001 \u2028","n":-3,"x":null,"t":true,"e":[]}"#)
    }

    @Test("the paths for Mali, IMET, 2012-06-01 include a certification that would allow it with conditions")
    func paths() throws {
        let d = try standard.canFund(country: "Mali", program: "IMET", on: day("2012-06-01"))
        let certification = try #require(d.paths.first { $0.kind == .certification })
        #expect(certification.verdict == .allowedWithConditions)
        #expect(certification.option.contains("certification") && certification.option.contains("mali-2012"))
        #expect(d.paths.contains { $0.kind == .purpose && $0.option == "--purpose democratic-elections" && $0.verdict == .allowedWithConditions })
        #expect(d.paths.contains { $0.kind == .recipient && $0.verdict == .allowed })
        // Every path is verified: asking again with it gives the path's verdict.
        let purpose = try standard.canFund(country: "Mali", program: "IMET", on: day("2012-06-01"), purposes: ["democratic-elections"])
        #expect(purpose.verdict == d.paths.first { $0.kind == .purpose }?.verdict)
    }
    @Test("the option of a certification or waiver path, assumed, gives the verdict the path promised",
          arguments: [("2012-06-01", Path.Kind.certification), ("2024-06-01", .waiver)])
    func pathOptionWorks(_ date: String, _ kind: Path.Kind) throws {
        let d = try standard.canFund(country: "Mali", program: "IMET", on: day(date))
        let path = try #require(d.paths.first { $0.kind == kind })
        #expect(path.verdict.permits)
        // `--assume '…'`: the fact is between the quotes.
        let fact = try #require(path.option.split(separator: "'").dropFirst().first.map(String.init))
        var q = try standard.query(country: "Mali", program: "IMET", on: day(date))
        q.assumptions = try standard.assumptions([fact])
        #expect(try standard.determine(q, paths: false).verdict == path.verdict)
    }

    @Test("Engine.verdict agrees with the full determination")
    func quickVerdict() throws {
        for date in ["2012-01-15", "2012-06-01", "2013-09-05", "2013-10-01"] {
            let q = try standard.query(country: "Mali", program: "IMET", on: day(date))
            let quick = try standard.verdict(q)
            let full = try standard.determine(q, paths: false)
            #expect(quick.verdict == full.verdict, "\(date)")
        }
    }
}
