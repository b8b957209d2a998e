import Proviso
import Testing

/// The historical record: its size, statute-specific outcomes, and the timeline's agreement with
/// point queries over every recorded coup country. (Each case runs in `CasesTests`.)
@Suite struct HistoricalRecordTests {
    static let casesFolder: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Cases"
    }()

    static let cases: [RegressionCase] = {
        FileSystem.files(under: casesFolder, extension: "case").flatMap { path -> [RegressionCase] in
            guard let bytes = FileSystem.read(path) else { return [] }
            return CaseFile.parse(SourceFile(path: path, bytes: bytes)).cases
        }
    }()

    static let engine = try! Engine.standard

    @Test func theRecordHoldsAtLeastEightyCases() {
        #expect(Self.cases.count >= 80)
    }

    @Test func egyptNamesTheMissingDeterminationAndTheDeclinedOne() throws {
        let d = try Self.engine.canFund(country: "Egypt", program: "IMET", on: Day(parsing: "2014-06-01")!)
        #expect(d.verdict == .indeterminate)
        let finding = try #require(d.provisions.first { $0.id == "sfops-7008" })
        #expect(finding.status == .unknown)
        #expect(finding.facts.contains("egypt-2013-finding"))
        #expect(d.missing.contains { $0.provision == "sfops-7008" && $0.description.contains("determination") })
        let declined = try #require(d.facts.first { $0.id == "egypt-2013-finding" })
        #expect(declined.date?.description == "2013-07-25")
        #expect(declined.sources.contains("http://edition.cnn.com/2013/07/25/politics/obama-egypt/index.html"))
    }

    @Test func aForgottenCharacterisationIsNotListed() throws {
        var q = try Self.engine.query(country: "Egypt", program: "IMET", on: Day(parsing: "2014-06-01")!)
        q.forgotten = ["egypt-2013-finding"]
        let d = try Self.engine.determine(q, paths: false)
        #expect(!d.facts.contains { $0.id == "egypt-2013-finding" })
    }

    /// Countries with a recorded coup.
    static var coupCountries: [String] {
        let book = engine.rulebook
        guard let coup = book.kind(named: "coup") else { return [] }
        var names: [String] = []
        for f in book.facts where f.kind == coup {
            if let c = f.country, !names.contains(book.countries[c].name) { names.append(book.countries[c].name) }
        }
        return names
    }

    @Test func timelineAgreesWithPointQueriesOverTheWholeRecord() throws {
        let engine = Self.engine
        let first = FiscalYear(engine.rulebook.fiscalYears[0].year).start
        let today = Day.today()
        #expect(Self.coupCountries.count >= 23)
        for country in Self.coupCountries {
            let timeline = try engine.timeline(country: country, program: "IMET", from: first, to: today)
            #expect(timeline.intervals.first?.from == first)
            #expect(timeline.intervals.last?.until == today)
            var previous: TimelineInterval?
            for interval in timeline.intervals {
                if let previous {
                    #expect(previous.until.next == interval.from, "\(country): a gap or overlap before \(interval.from)")
                    #expect(previous.verdict != interval.verdict || previous.decidedBy != interval.decidedBy
                            || previous.provisions != interval.provisions, "\(country): equal neighbours at \(interval.from)")
                }
                previous = interval
                let middle = Day(ordinal: interval.from.ordinal + (interval.until.ordinal - interval.from.ordinal) / 2)
                let quarter = Day(ordinal: interval.from.ordinal + (interval.until.ordinal - interval.from.ordinal) / 4)
                for day in Set([interval.from, interval.from.next, quarter, middle, interval.until]) where day <= interval.until {
                    let point = try engine.verdict(engine.query(country: country, program: "IMET", on: day))
                    #expect(point.verdict == interval.verdict && point.decidedBy == interval.decidedBy,
                            "\(country) \(day): timeline says \(interval.verdict.rawValue) \(interval.decidedBy), can-fund says \(point.verdict.rawValue) \(point.decidedBy)")
                }
            }
        }
    }

    @Test func maliTimelineShowsTheCutsAndTheRestoration() throws {
        // The coup restriction alone: the checklist's other provisions lack some years' lists.
        let t = try CoupRulebook.engine.timeline(country: "Mali", program: "IMET", from: Day(parsing: "2011-01-01")!, to: Day(parsing: "2025-01-01")!)
        let changes = t.intervals.map { "\($0.from) \($0.verdict.rawValue)" }
        #expect(changes == ["2011-01-01 allowed", "2012-03-22 prohibited", "2013-09-04 indeterminate",
                            "2013-09-06 allowed-with-conditions", "2020-08-18 prohibited"])
        #expect(t.intervals[0].since < t.intervals[0].from)
        #expect(t.intervals[1].openedBy.contains { $0.fact == "mali-2012" })
        #expect(t.intervals[3].openedBy.contains { $0.fact == "mali-2013-certification" })
        #expect(t.intervals[4].openedBy.contains { $0.fact == "mali-2020" })
    }

    @Test func aHypotheticalTimelineSeesTheAssumedFact() throws {
        let engine = CoupRulebook.engine
        var q = try engine.query(country: "Mali", program: "IMET", on: Day(parsing: "2020-01-01")!)
        q.assumptions = try engine.assumptions(["""
            certification what-if {
              provision sfops-7008
              event mali-2020
              date 2024-03
              finding "a democratically elected government has taken office"
              source "hypothetical"
            }
            """])
        let t = try engine.timeline(q, from: Day(parsing: "2020-01-01")!, to: Day(parsing: "2025-01-01")!)
        #expect(t.intervals.map { "\($0.from) \($0.verdict.rawValue)" }
                == ["2020-01-01 allowed-with-conditions", "2020-08-18 prohibited", "2024-03-01 indeterminate",
                    "2024-03-31 allowed-with-conditions"])
    }

    @Test func timelineOfAnEmptyPeriodAndBeforeTheRecord() throws {
        let engine = Self.engine
        let t = try engine.timeline(country: "Mali", program: "IMET", from: Day(parsing: "2012-01-02")!, to: Day(parsing: "2012-01-01")!)
        #expect(t.intervals.isEmpty)
        #expect(throws: QueryError.self) {
            try engine.timeline(country: "Mali", program: "IMET", from: Day(parsing: "1980-01-01")!, to: Day(parsing: "1990-01-01")!)
        }
    }
}
