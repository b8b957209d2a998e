import Foundation
import Proviso
import Testing

/// Explanations, paths and the values of missing facts, checked as properties over the historical
/// record: every path turns the verdict when applied, every alternative gives the verdict it says,
/// and every provision that is not inapplicable is cited in the explanation.
@Suite("Explanations and paths")
struct ExplanationTests {
    static let engine: Engine = try! Engine.standard

    /// Queries around every recorded date of every country with a record: the first and last
    /// possible day of each date and the day after, under a program that has an account, a
    /// composite one and one outside the act.
    static let queries: [Query] = {
        let book = engine.rulebook
        let first = FiscalYear(book.fiscalYears.first!.year).start
        let last = FiscalYear(book.fiscalYears.last!.year).end
        let programs = ["IMET", "TSCTP", "DoD-333"].compactMap { book.program(named: $0) }
        var out: [Query] = []
        for c in book.countries.indices {
            var days = Set<Day>()
            for f in book.facts where f.country == c {
                for case .date(let d)? in f.values {
                    for day in [d.earliest, d.latest, d.latest.next] where day >= first && day <= last { days.insert(day) }
                }
            }
            for day in days.sorted().prefix(14) {
                for p in programs { out.append(Query(country: c, program: p, date: day)) }
            }
        }
        // The whole set takes about a minute on two cores; by default an evenly spread sample of
        // it keeps `swift test` fast. `.ci/run` sets PROVISO_SLOW_TESTS=1 for all of them.
        let limit = 240
        guard getenv("PROVISO_SLOW_TESTS") == nil, out.count > limit else { return out }
        let stride = Double(out.count) / Double(limit)
        return (0..<limit).map { out[Int(Double($0) * stride)] }
    }()

    @Test("every path turns the verdict when its change is applied")
    func pathsTurnTheVerdict() throws {
        var checked = 0
        for q in ExplanationTests.queries {
            let d = try ExplanationTests.engine.determine(q)
            for path in d.paths {
                let changed = try #require(path.query)
                let v = try ExplanationTests.engine.verdict(changed).verdict
                #expect(v == path.verdict && v != d.verdict, "\(d.summary) — path \(path.option) gives \(v)")
                #expect(!path.arguments.isEmpty)
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test("explanations cite every provision whose status is not not-applicable, with the facts it rests on")
    func explanationsCite() throws {
        for q in ExplanationTests.queries {
            let d = try ExplanationTests.engine.determine(q, paths: false)
            #expect(!d.explanation.conclusion.isEmpty)
            for finding in d.provisions where finding.status != .notApplicable {
                let step = d.explanation.steps.first { $0.kind == .provision && $0.provision == finding.id }
                #expect(step != nil, "\(d.summary): \(finding.id) is not in the explanation")
                guard let step else { continue }
                #expect(step.status == finding.status && step.citation == finding.citation?.description)
                if let section = finding.citation?.section { #expect(step.text.contains("§\(section)"), "\(step.text)") }
                #expect(step.decides == d.decidingProvisions.contains(finding.id))
                let cited = Set(d.explanation.allSteps.compactMap(\.fact))
                for fact in finding.facts where d.facts.contains(where: { $0.id == fact }) {
                    #expect(cited.contains(fact), "\(d.summary): \(finding.id) rests on \(fact), which the explanation does not name")
                }
                for s in d.explanation.allSteps where s.kind == .fact {
                    #expect(!s.sources.isEmpty, "\(s.text) has no source")
                }
            }
        }
    }

    @Test("each value of a missing fact gives the verdict the explanation says, asked again")
    func alternativesVerified() throws {
        let engine = ExplanationTests.engine
        var checked = 0
        for q in ExplanationTests.queries {
            let d = try engine.determine(q, paths: false)
            guard d.verdict == .indeterminate else { continue }
            #expect(d.explanation.allSteps.contains { $0.kind == .missing }, "\(d.summary)")
            for alt in d.explanation.allSteps where alt.kind == .alternative {
                var changed = q
                var i = 0
                while i + 1 < alt.arguments.count {
                    if alt.arguments[i] == "--assume" { changed.assumptions += try engine.assumptions([alt.arguments[i + 1]]) }
                    if alt.arguments[i] == "--forget" { changed.forgotten.append(alt.arguments[i + 1]) }
                    i += 2
                }
                #expect(try engine.verdict(changed).verdict == alt.verdict, "\(alt.text)")
                checked += 1
            }
        }
        #expect(checked > 10)
    }

    // The next four tests explain the coup restriction's mechanics against the real record without
    // the checklist's other provisions (CoupRulebook); the properties above run on the full rulebook.

    @Test("Mali, IMET, 1 June 2012: the coup date, President Touré, the citation, a source, and a certification path")
    func maliExplained() throws {
        let d = try CoupRulebook.engine.canFund(country: "Mali", program: "IMET", on: day("2012-06-01"))
        let c = d.explanation.conclusion
        #expect(c.hasPrefix("Prohibited, because §7008 of the FY2012 act (P.L. 112-74, div. I) bars direct assistance from titles III–VI to the government of a country whose duly elected head of government is deposed"))
        #expect(c.contains("22 March 2012") && c.contains("Touré") && c.contains("[https://af.reuters.com/"))
        #expect(c.contains("no certification that a democratically elected government has taken office is recorded by 1 June 2012"))
        #expect(d.paths.contains { $0.kind == .certification && $0.verdict.permits })
        let json = d.json.serialized()
        #expect(json.contains("\"explanation\": {") && json.contains("\"conclusion\": \"Prohibited, because"))
    }

    @Test("an allowed answer says why each restriction that could apply did not")
    func whyNot() throws {
        let d = try CoupRulebook.engine.canFund(country: "Mali", program: "IMET", on: day("2012-01-15"))
        #expect(d.verdict == .allowed)
        let step = try #require(d.explanation.steps.first { $0.provision == "sfops-7008" })
        #expect(step.text.contains("its trigger is not met"))
        let element = try #require(d.explanation.allSteps.first { $0.kind == .element })
        #expect(element.text.contains("is not on or before the date asked about (15 January 2012)"), "\(element.text)")
        let none = try CoupRulebook.engine.canFund(country: "Canada", program: "IMET", on: day("2012-01-15"))
        #expect(none.explanation.allSteps.contains { $0.text.hasPrefix("no coup is recorded for Canada") })
        let outside = try CoupRulebook.engine.canFund(country: "Mali", program: "DoD-333", on: day("2012-06-01"))
        #expect(outside.explanation.steps.first { $0.provision == "sfops-7008" }?.text.contains("does not reach this assistance") == true)
    }

    @Test("an indeterminate answer names the missing determination and what each finding would give")
    func egypt() throws {
        // The 2013 event alone: the 2011 events are also open, and would keep any single value of
        // the 2013 determination from allowing it.
        var q = try CoupRulebook.engine.query(country: "Egypt", program: "FMF", on: day("2014-01-01"))
        q.forgotten = ["egypt-2011"]
        let d = try CoupRulebook.engine.determine(q)
        #expect(d.verdict == .indeterminate)
        let missing = try #require(d.explanation.allSteps.first { $0.kind == .missing && $0.text.contains("State Department determination") })
        #expect(missing.text.contains("State Department determination"))
        let verdicts = missing.steps.compactMap(\.verdict)
        #expect(verdicts.contains(.prohibited) && verdicts.contains(.allowed))
    }

    @Test("an assumed fact with a recorded fact's identifier replaces it, and facts that refer to it still do")
    func replacement() throws {
        let engine = CoupRulebook.engine
        var q = try engine.query(country: "Mali", program: "IMET", on: day("2012-06-01"))
        q.assumptions = try engine.assumptions([
            "coup mali-2012 { country Mali; date 2012-07-01; duly-elected yes; military-role decisive; source \"hypothetical\" }",
        ])
        #expect(try engine.determine(q).verdict == .allowed)
        q.date = day("2012-07-02")
        let later = try engine.determine(q)
        #expect(later.verdict == .prohibited && later.hypothetical)
        // The recorded determination still points at the (replaced) coup.
        #expect(later.facts.contains { $0.id == "mali-2012-determination" })
        #expect(later.summary.hasPrefix("Hypothetical: Prohibited"))
    }

    @Test("the matrix agrees with can-fund, cell by cell, and carries the audit")
    func matrixAgrees() throws {
        let engine = try Engine(rulebook: TestRulebook.book())
        let m = try engine.matrix(on: day("2012-06-01"))
        #expect(m.countries.count == 3 && m.programs.count == 2)
        for (i, c) in m.countries.enumerated() {
            for (j, p) in m.programs.enumerated() {
                let d = try engine.canFund(country: c.name, program: p.id, on: day("2012-06-01"))
                #expect(m[i, j].verdict == d.verdict && m[i, j].decidedBy == d.decidingProvisions, "\(c.name) \(p.id)")
            }
        }
        #expect(m.audit.rulebookHash == engine.rulebook.contentHash && m.audit.queryDate == day("2012-06-01"))
        #expect(throws: QueryError.self) { try engine.matrix(on: day("2012-06-01"), programs: ["IMTE"]) }
        let explained = try engine.matrix(on: day("2012-06-01"), countries: ["Mali"], explained: true)
        #expect(explained.cells[0].allSatisfy { $0.determination != nil })
    }

    @Test("a report holds every program, the record, timelines and citations")
    func report() throws {
        let engine = try Engine(rulebook: TestRulebook.book())
        let r = try engine.report(country: "Mali", on: day("2013-06-01"))
        #expect(r.determinations.map(\.program.id) == ["IMET", "DA"])
        #expect(r.facts.map(\.id) == ["mli-2012", "mli-2013"])
        #expect(r.timelines.count == 2 && r.since == day("2011-10-01"))
        #expect(r.timelines[0].intervals.map(\.verdict) == [.allowed, .prohibited, .allowed])
        #expect(r.citations.map(\.id) == ["coups"])
        #expect(r.audit.queryDate == day("2013-06-01"))
    }

    @Test("a list that is not recorded: the country on it, or the edition recorded in full without it")
    func listAlternatives() throws {
        let text = TestRulebook.text + """
        list tip "Tier 3 list" {
          cite "22 U.S.C. 7107"
          membership annual applies next-fiscal-year
          source "test"
        }
        provision tier-3 "Tier 3" {
          version V1 FY2011..FY2013 {
            cite "22 U.S.C. 7107"
            covers all-funds
            to government
            prohibits when listed tip
            source "test"
          }
        }

        """
        let engine = try Engine(rulebook: TestRulebook.book(text))
        let d = try engine.canFund(country: "Guinea", program: "IMET", on: day("2012-06-01"))
        #expect(d.verdict == .indeterminate)
        let alternatives = d.explanation.allSteps.filter { $0.kind == .alternative }
        #expect(alternatives.map(\.text) == ["if Guinea were on the 2011 Tier 3 list: prohibited",
                                             "if the 2011 Tier 3 list were recorded in full, without Guinea: allowed"])
        for alt in alternatives {
            var q = try engine.query(country: "Guinea", program: "IMET", on: day("2012-06-01"))
            q.assumptions = try engine.assumptions([alt.arguments[1]])
            #expect(try engine.verdict(q).verdict == alt.verdict)
        }
    }

    @Test("when no single change turns the verdict, one remedy for each blocking provision together does")
    func combinedPaths() throws {
        let second = """
        provision coups-again "Coups, a second restriction" {
          each coup as e
          define occurred = e.date on-or-before query.date
          version V1 FY2011..FY2013 {
            cite "22 U.S.C. 2371"
            covers titles III..VI
            to government directly
            prohibits when occurred and e.duly-elected
            lifted by certification after e finding "an elected government has taken office"
            source "test"
          }
        }

        """
        let engine = try Engine(rulebook: TestRulebook.book(TestRulebook.text + second))
        let d = try engine.canFund(country: "Mali", program: "IMET", on: day("2012-06-01"))
        #expect(d.verdict == .prohibited && d.decidingProvisions == ["coups", "coups-again"])
        let combined = d.paths.filter { $0.kind == .combined }
        #expect(!combined.isEmpty && !d.paths.contains { $0.kind == .certification || $0.kind == .purpose })
        for path in combined {
            #expect(try engine.verdict(path.query!).verdict == path.verdict && path.verdict.permits)
            #expect(path.arguments.filter { $0 == "--assume" }.count + path.arguments.filter { $0 == "--purpose" }.count == 2)
        }
    }

    @Test("a version's trigger in words is read, and the provision's serves versions without one")
    func triggerText() throws {
        let book = try TestRulebook.book(TestRulebook.text.replacingOccurrences(
            of: "  each coup as e\n", with: "  each coup as e\n  trigger \"a country whose elected leader is deposed\"\n"))
        #expect(book.provisions[0].triggerText == "a country whose elected leader is deposed")
        let d = try Engine(rulebook: book).canFund(country: "Mali", program: "IMET", on: day("2012-06-01"))
        #expect(d.explanation.steps[0].text.contains("to the government of a country whose elected leader is deposed"))
    }
}
