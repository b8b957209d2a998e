import Proviso
import Testing

@Suite("Model: days, fiscal years, uncertain dates, truth and citations")
struct ModelTests {
    // MARK: - Day

    @Test("leap years follow the Gregorian rule")
    func leapYears() {
        #expect(Day.isLeap(2012) && Day.isLeap(2000) && Day.isLeap(2400) && Day.isLeap(1996))
        #expect(!Day.isLeap(2013) && !Day.isLeap(1900) && !Day.isLeap(2100) && !Day.isLeap(2023))
        #expect(Day.daysIn(month: 2, year: 2012) == 29)
        #expect(Day.daysIn(month: 2, year: 1900) == 28)
        #expect(Day.daysIn(month: 4, year: 2013) == 30 && Day.daysIn(month: 12, year: 2013) == 31)
        for year in [1900, 1999, 2000, 2012, 2013, 2100] {
            let length = Day(year: year + 1, month: 1, day: 1)!.ordinal - Day(year: year, month: 1, day: 1)!.ordinal
            #expect(length == (Day.isLeap(year) ? 366 : 365), "\(year)")
        }
    }

    @Test("day numbers count from 1970-01-01")
    func anchors() {
        #expect(Day(year: 1970, month: 1, day: 1)?.ordinal == 0)
        #expect(Day(year: 2000, month: 3, day: 1)?.ordinal == 11_017)
        #expect(Day(year: 1969, month: 12, day: 31)?.ordinal == -1)
        #expect(Day(ordinal: 15_421).description == "2012-03-22")
        #expect(day("2012-03-01").ordinal - day("2012-02-28").ordinal == 2)
        #expect(day("2013-03-01").ordinal - day("2013-02-28").ordinal == 1)
        #expect(day("2012-03-22").next == day("2012-03-23"))
        #expect(day("2013-01-01").previous == day("2012-12-31"))
        #expect(day("2012-03-22") < day("2012-03-23"))
    }

    @Test("components round-trip for every day from 1800 to 2200, and across years 1000–9999")
    func roundTrip() {
        func check(_ ordinal: Int32) -> Bool {
            let d = Day(ordinal: ordinal)
            let (y, m, dd) = d.components
            return Day(year: y, month: m, day: dd) == d && d.description == Day(parsing: d.description).map(\.description)
        }
        var previous = Day(year: 1800, month: 1, day: 1)!
        var failures = 0
        for ordinal in previous.ordinal + 1...Day(year: 2200, month: 12, day: 31)!.ordinal {
            let d = Day(ordinal: ordinal)
            let (y, m, dd) = d.components
            let (py, pm, pd) = previous.components
            // Each day follows the one before in the calendar.
            let follows = (y == py && m == pm && dd == pd + 1) || (y == py && m == pm + 1 && dd == 1 && pd == Day.daysIn(month: pm, year: py))
                || (y == py + 1 && m == 1 && dd == 1 && pm == 12 && pd == 31)
            if !follows || Day(year: y, month: m, day: dd) != d { failures += 1 }
            previous = d
        }
        #expect(failures == 0)
        var wide = 0
        for ordinal in stride(from: Day.earliest.ordinal, through: Day.latest.ordinal, by: 997) where !check(ordinal) { wide += 1 }
        #expect(wide == 0)
        #expect(check(Day.earliest.ordinal) && check(Day.latest.ordinal))
        #expect(Day.earliest.description == "1000-01-01" && Day.latest.description == "9999-12-31")
    }

    @Test("parsing accepts real days and rejects others")
    func parsing() {
        #expect(Day(parsing: "2012-02-29")?.description == "2012-02-29")
        #expect(Day(parsing: "2000-02-29") != nil)
        for bad in ["2012-02-30", "2013-02-29", "1900-02-29", "2012-13-01", "2012-00-10", "2012-04-31", "2012-01-00",
                    "2012-1-01", "2012/01/01", "12-01-2012", "2012-01-01x", "", "0999-12-31", "abcd-ef-gh", "2012-06-+1"] {
            #expect(Day(parsing: bad) == nil, "\(bad)")
        }
        #expect(Day(year: 2012, month: 2, day: 30) == nil)
        #expect(Day(year: 10_000, month: 1, day: 1) == nil)
        #expect(day("2012-03-22").prose == "22 March 2012")
        #expect(day("2012-01-05").description == "2012-01-05")
    }

    // MARK: - FiscalYear

    @Test("FY N runs from 1 October of N-1 through 30 September of N")
    func fiscalYears() {
        #expect(FiscalYear(containing: day("2011-09-30")).year == 2011)
        #expect(FiscalYear(containing: day("2011-10-01")).year == 2012)
        #expect(FiscalYear(containing: day("2012-09-30")).year == 2012)
        #expect(FiscalYear(containing: day("2012-10-01")).year == 2013)
        #expect(FiscalYear(containing: day("2012-01-01")).year == 2012)
        #expect(FiscalYear(2012).start == day("2011-10-01"))
        #expect(FiscalYear(2012).end == day("2012-09-30"))
        #expect(FiscalYear(2012).description == "FY2012")
        #expect(FiscalYear(parsing: "FY2012")?.year == 2012)
        for bad in ["FY12", "fy2012", "2012", "FY20120", "FY1000", "FYabcd"] {
            #expect(FiscalYear(parsing: bad) == nil, "\(bad)")
        }
        #expect(FiscalYear(2011) < FiscalYear(2012))
    }

    // MARK: - UncertainDate

    @Test("month-only and year-only dates span their days")
    func uncertainParsing() throws {
        let march = try #require(UncertainDate(parsing: "2012-03"))
        #expect(march.earliest == day("2012-03-01") && march.latest == day("2012-03-31") && march.precision == .month)
        #expect(UncertainDate(parsing: "2012-02")?.latest == day("2012-02-29"))
        #expect(UncertainDate(parsing: "2013-02")?.latest == day("2013-02-28"))
        let year = try #require(UncertainDate(parsing: "2012"))
        #expect(year.earliest == day("2012-01-01") && year.latest == day("2012-12-31") && year.precision == .year)
        #expect(UncertainDate(parsing: "2012-03-22")?.isExact == true)
        #expect(!march.isExact)
        #expect(UncertainDate(parsing: "2012-13") == nil && UncertainDate(parsing: "2012-02-30") == nil && UncertainDate(parsing: "12") == nil)
        #expect(march.description == "2012-03" && year.description == "2012" && march.prose == "March 2012")
    }

    @Test("a month-only date compared with days inside, before and after its span", arguments: [
        // (operator, day, expected)
        (Expression.Comparison.before, "2012-03-15", Truth.unknown), (.before, "2012-04-01", .true), (.before, "2012-03-01", .false),
        (.before, "2012-02-29", .false), (.after, "2012-03-15", .unknown), (.after, "2012-02-29", .true), (.after, "2012-03-31", .false),
        (.onOrBefore, "2012-03-31", .true), (.onOrBefore, "2012-03-30", .unknown), (.onOrBefore, "2012-02-29", .false),
        (.onOrAfter, "2012-03-01", .true), (.onOrAfter, "2012-03-02", .unknown), (.onOrAfter, "2012-04-01", .false),
        (.equal, "2012-03-15", .unknown), (.equal, "2012-04-01", .false), (.notEqual, "2012-03-15", .unknown),
        (.notEqual, "2012-02-01", .true), (.less, "2012-03-31", .unknown), (.greaterEqual, "2012-02-01", .true),
    ])
    func monthOnly(_ op: Expression.Comparison, _ other: String, _ expected: Truth) {
        let march = UncertainDate(parsing: "2012-03")!
        #expect(UncertainDate.compare(march, op, UncertainDate(day(other))) == expected)
    }

    @Test("a year-only date compared with days inside, before and after its year")
    func yearOnly() {
        let y2012 = UncertainDate(parsing: "2012")!
        #expect(UncertainDate.compare(y2012, .before, UncertainDate(day("2012-06-01"))) == .unknown)
        #expect(UncertainDate.compare(y2012, .before, UncertainDate(day("2013-01-01"))) == .true)
        #expect(UncertainDate.compare(y2012, .before, UncertainDate(day("2011-12-31"))) == .false)
        #expect(UncertainDate.compare(y2012, .after, UncertainDate(day("2011-12-31"))) == .true)
        #expect(UncertainDate.compare(y2012, .after, UncertainDate(day("2012-12-31"))) == .false)
        // The day on the left.
        #expect(UncertainDate.compare(UncertainDate(day("2012-06-01")), .before, y2012) == .unknown)
        #expect(UncertainDate.compare(UncertainDate(day("2011-06-01")), .before, y2012) == .true)
        #expect(UncertainDate.compare(UncertainDate(day("2013-06-01")), .onOrBefore, y2012) == .false)
    }

    @Test("exact days compare two-valued; overlapping spans stay unknown")
    func exactAndSpans() {
        let a = UncertainDate(day("2013-09-05"))
        let certification = UncertainDate(earliest: day("2013-09-04"), latest: day("2013-09-06"), precision: .span)
        #expect(UncertainDate.compare(a, .equal, UncertainDate(day("2013-09-05"))) == .true)
        #expect(UncertainDate.compare(a, .notEqual, UncertainDate(day("2013-09-06"))) == .true)
        #expect(UncertainDate.compare(certification, .onOrBefore, a) == .unknown)
        #expect(UncertainDate.compare(certification, .onOrBefore, UncertainDate(day("2013-09-06"))) == .true)
        #expect(UncertainDate.compare(certification, .onOrBefore, UncertainDate(day("2013-09-03"))) == .false)
        #expect(UncertainDate.compare(UncertainDate(parsing: "2012-03")!, .equal, UncertainDate(parsing: "2012-03")!) == .unknown)
        #expect(certification.description == "2013-09-04..2013-09-06")
    }

    // MARK: - Truth

    @Test("Kleene conjunction, disjunction and negation: all nine combinations")
    func kleene() {
        let f = Truth.false, u = Truth.unknown, t = Truth.true
        let and: [(Truth, Truth, Truth)] = [(f, f, f), (f, u, f), (f, t, f), (u, f, f), (u, u, u), (u, t, u), (t, f, f), (t, u, u), (t, t, t)]
        let or: [(Truth, Truth, Truth)] = [(f, f, f), (f, u, u), (f, t, t), (u, f, u), (u, u, u), (u, t, t), (t, f, t), (t, u, t), (t, t, t)]
        for (a, b, expected) in and { #expect((a && b) == expected, "\(a) and \(b)") }
        for (a, b, expected) in or { #expect((a || b) == expected, "\(a) or \(b)") }
        #expect(!t == f && !f == t && !u == u)
        #expect(Truth(true) == t && Truth(false) == f)
        #expect([f, u, t].map(\.description) == ["false", "unknown", "true"])
    }

    @Test("`&&` and `||` do not evaluate the right side once the left decides")
    func shortCircuit() {
        var evaluated = 0
        func side() -> Truth { evaluated += 1; return .unknown }
        _ = Truth.false && side()
        _ = Truth.true || side()
        #expect(evaluated == 0)
        _ = Truth.unknown && side()
        _ = Truth.unknown || side()
        #expect(evaluated == 2)
    }

    // MARK: - Citation

    @Test("a Public Law section with division and title")
    func publicLaw() throws {
        let c = try #require(Citation.parse("P.L. 112-74, div. I, §7008"))
        #expect(c.kind == .publicLaw && c.publicLaw == "112-74" && c.division == "I" && c.section == "7008" && c.title == nil)
        #expect(c.written == "P.L. 112-74, div. I, §7008")
        #expect(Citation.parse(c.written) == c)
        let nested = try #require(Citation.parse("P.L. 113-6, div. F, §1101(a)(6)"))
        #expect(nested.section == "1101(a)(6)" && nested.division == "F")
        let act = try #require(Citation.parse("P.L. 112-74, div. I, title VII"))
        #expect(act.title == "VII" && act.section == nil)
        #expect(act.description == "P.L. 112-74, div. I, title VII")
        #expect(Citation.parse("P.L. 100-461")?.publicLaw == "100-461")
        #expect(Citation.parse("  P.L. 100-461  ")?.publicLaw == "100-461")
    }

    @Test("statutes, the U.S. Code, presidential instruments, the Federal Register and the Statutes at Large")
    func otherForms() throws {
        let faa = try #require(Citation.parse("FAA §620A (22 U.S.C. 2371)"))
        #expect(faa.kind == .statute && faa.statute == "FAA" && faa.section == "620A" && faa.usCode == "22 U.S.C. 2371")
        #expect(faa.description == "FAA §620A (22 U.S.C. 2371)")
        #expect(Citation.parse("AECA §23")?.usCode == nil)
        let code = try #require(Citation.parse("10 U.S.C. 333(d)(1)"))
        #expect(code.kind == .usCode && code.usCode == "10 U.S.C. 333(d)(1)")
        #expect(Citation.parse("22 U.S.C. 2349aa")?.kind == .usCode)
        #expect(Citation.parse("Presidential Determination No. 2022-06")?.kind == .presidentialDetermination)
        #expect(Citation.parse("Presidential Determination No. 2022-06")?.number == "2022-06")
        #expect(Citation.parse("Executive Order 14148")?.kind == .executiveOrder)
        #expect(Citation.parse("FR Doc. 2025-23569")?.kind == .federalRegister)
        let stat = try #require(Citation.parse("125 Stat. 1195"))
        #expect(stat.kind == .statutesAtLarge && stat.description == "125 Stat. 1195")
    }

    @Test("free text and malformed citations are rejected", arguments: [
        "", "   ", "the coup section of the 2012 act", "section 7008", "§7008", "P.L. 112", "P.L. 112-74-1", "P.L. 112-74, division I",
        "P.L. 112-74, div. i", "P.L. 112-74, div. I, div. J", "P.L. 112-74, §7008, §7009", "P.L. 112-74, §", "P.L. abc-74",
        "FAA 620A", "FAA §", "FAA §(a)", "FAA §620A (22 USC 2371)", "FAA §620A (twenty-two U.S.C. 2371)", "10 U.S.C. 333(d)(1",
        "10 U.S.C. 333((d))", "U.S.C. 333", "Executive Order", "Executive Order fourteen", "Presidential Determination No. ",
        "FR Doc. abc", "Stat. 1195", "125 Stat. page", "P.L. 112-74,",
    ])
    func rejected(_ text: String) {
        #expect(Citation.parse(text) == nil)
    }
}
