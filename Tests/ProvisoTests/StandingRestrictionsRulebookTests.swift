import Testing
@testable import ProvisoCore
import Proviso

/// Properties of the default rulebook's standing restrictions that the regression cases do not
/// pin down one by one: the catalog agrees with evaluation, every annual list states its coverage
/// year by year, and waivers of annual restrictions name their fiscal year.
@Suite struct StandingRestrictionsRulebookTests {
    let book: Rulebook

    init() throws { book = try Rulebook.embedded() }

    @Test func catalogReachAgreesWithEvaluation() throws {
        let engine = Engine(rulebook: book)
        let day = Day(parsing: "2024-06-01")!
        for (i, program) in book.programs.enumerated() where !program.isComposite {
            let query = try engine.query(country: "Canada", program: program.id, on: day, recipient: .government)
            let answer = try engine.determine(query, paths: false)
            for (p, provision) in book.provisions.enumerated() {
                let reached = book.programsReached(byProvision: p).contains { $0.program == i && $0.versions.contains { provision.versions[$0].fiscalYears.contains(2024) } }
                let status = answer.provisions.first { $0.id == provision.id }?.status
                #expect(reached == (status != .notApplicable), "\(provision.id) × \(program.id): catalog says \(reached), evaluation \(String(describing: status))")
            }
        }
    }

    @Test func annualListsStateTheirCoverageEveryYear() throws {
        for (id, first) in [("tip-tier3", 2001), ("cspa", 2010), ("majors-failed", 2003)] {
            let list = try #require(book.list(named: id))
            let years = book.editions(of: list).map(\.year)
            #expect(years == Array(first...2026), "\(id): editions \(years)")
        }
    }

    @Test func completeEditionsMatchTheReference() throws {
        func coverage(_ id: String) throws -> [Int: String] {
            let list = try #require(book.list(named: id))
            return Dictionary(uniqueKeysWithValues: book.editions(of: list).map { ($0.year, $0.coverage) })
        }
        let cspa = try coverage("cspa")
        for y in [2021, 2022, 2024] { #expect(cspa[y] == "complete") }
        #expect(cspa[2023] == "partial")
        #expect(cspa[2011] == "partial" && cspa[2012] == "partial" && cspa[2013] == "complete")
        #expect(cspa[2025] == "none" && cspa[2026] == "none")
        let tip = try coverage("tip-tier3")
        for y in 2021...2024 { #expect(tip[y] == "complete") }
        // The 2003-2014 determinations name every Tier 3 government; 2001 and 2002 govern nothing.
        for y in 2003...2014 { #expect(tip[y] == "complete", "tip \(y)") }
        #expect(tip[2025] == "partial")
        // The §706 designations: every determination from 2003 to 2019 read but those of 2004
        // (and 2020), whose designations were not seen.
        let majors = try coverage("majors-failed")
        for y in 2003...2019 where y != 2004 { #expect(majors[y] == "complete", "majors \(y)") }
        #expect(majors[2004] == "none" && majors[2020] == "none")
    }

    @Test func certificationDenialsAreCompleteOnlyWhereTheDeterminationsWereRead() throws {
        let list = book.lists[try #require(book.list(named: "majors-decertified"))]
        func complete(_ s: String) -> Bool { list.isComplete(on: Day(parsing: s)!) }
        #expect(complete("1990-02-28") && complete("1992-01-31") && !complete("1992-02-01"))
        #expect(!complete("1995-06-01") && complete("1993-03-31") && !complete("1994-02-01"))
        #expect(complete("1997-02-28") && complete("2002-09-30") && !complete("2002-10-01"))
    }

    @Test func waiversOfAnnualRestrictionsNameTheirFiscalYear() {
        for id in ["tvpa-110", "cspa-404", "faa-490"] {
            guard let p = book.provision(named: id) else { Issue.record("no \(id)"); continue }
            for w in book.remedies(of: p).waivers {
                guard case .fiscalYears(let years)? = book.facts[w].value(Builtin.Waiver.fiscalYears.rawValue) else {
                    Issue.record("waiver \(book.facts[w].id) of \(id) names no fiscal year")
                    continue
                }
                #expect(years.count == 1, "waiver \(book.facts[w].id) spans \(years)")
            }
        }
    }

    @Test func everyVersionHasACitationAndASource() {
        for provision in book.provisions {
            for v in provision.versions {
                #expect(book.citation(of: v) != nil, "\(provision.id) \(v.name)")
                #expect(!v.sources.isEmpty, "\(provision.id) \(v.name)")
            }
        }
        for e in book.exemptions { #expect(e.citation != nil && !e.sources.isEmpty, "\(e.id)") }
    }
}
