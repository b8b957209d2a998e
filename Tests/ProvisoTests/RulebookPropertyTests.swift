import Proviso
import Testing

/// The properties of PropertyTests, asked of the real rulebook: every program, on dates across the
/// record, for a sample of countries by default (those with the most recorded history, and every
/// twentieth other) and for every country when PROVISO_SLOW_TESTS=1.
@Suite("Properties of the default rulebook") struct RulebookPropertyTests {
    static let engine = try! Engine.standard
    static let dates = ["1995-06-01", "2012-06-01", "2014-01-15", "2021-06-01", "2026-03-01"].map { Day(parsing: $0)! }

    static var countries: [Int] {
        let book = engine.rulebook
        if Environment.flag("PROVISO_SLOW_TESTS") { return Array(book.countries.indices) }
        let storied = ["Mali", "Egypt", "Pakistan", "Burma", "Thailand", "Sudan", "Fiji", "Honduras", "Cuba", "Syria"]
            .compactMap { book.country(named: $0) }
        return Array(Set(storied + stride(from: 0, to: book.countries.count, by: 20))).sorted()
    }

    static var queries: [Query] {
        countries.flatMap { c in
            engine.rulebook.programs.indices.flatMap { p in dates.map { Query(country: c, program: p, date: $0) } }
        }
    }

    static func describe(_ q: Query) -> String {
        "\(engine.rulebook.countries[q.country].name) \(engine.rulebook.programs[q.program].id) \(q.date)"
    }

    @Test("verdict agrees with determine, and the files read in reverse order give byte-identical JSON")
    func determinism() throws {
        let reversed = Engine(rulebook: try Rulebook.check(Rulebook.embeddedSources.reversed(), name: Self.engine.rulebook.name).get())
        for (i, q) in Self.queries.enumerated() {
            let v = try Self.engine.verdict(q)
            // The full answer, with paths, for a share of the questions (it asks many more).
            guard i % 7 == 0 || v.verdict == .prohibited else { continue }
            let answer = try Self.engine.determine(q, paths: i % 7 == 0)
            #expect(answer.verdict == v.verdict, "\(Self.describe(q))")
            #expect(answer.json.serialized() == (try reversed.determine(q, paths: i % 7 == 0)).json.serialized(), "\(Self.describe(q))")
        }
    }

    @Test("fail closed: forgetting any fact or field the answer rests on never allows what was prohibited")
    func failClosed() throws {
        let book = Self.engine.rulebook
        var tried = 0
        for q in Self.queries where try Self.engine.verdict(q).verdict == .prohibited {
            let answer = try Self.engine.determine(q, paths: false)
            for reference in answer.facts {
                guard let f = book.fact(named: reference.id) else { continue }
                let kind = book.kinds[book.facts[f].kind]
                var forgettings = kind.fields.map { "\(reference.id).\($0.name)" }
                // A whole fact only where its absence is unknown (see PropertyTests).
                if ["certification", "waiver"].contains(kind.name) || (!kind.isComplete && kind.name != "listing") {
                    forgettings.append(reference.id)
                }
                for forgotten in forgettings {
                    var fq = q
                    fq.forgotten = [forgotten]
                    let after = try Self.engine.verdict(fq).verdict
                    tried += 1
                    #expect(!after.permits, "\(Self.describe(q)): forgetting `\(forgotten)` turns prohibited into \(after)")
                }
            }
        }
        #expect(tried > 100)
    }

    @Test("monotone exemptions: a purpose added to the question never makes the answer more restrictive")
    func monotonePurposes() throws {
        let purposes = Self.engine.rulebook.purposes.indices
        for q in Self.queries {
            let before = PropertyTests.weight(try Self.engine.verdict(q).verdict)
            for p in purposes where !q.purposes.contains(p) {
                var more = q
                more.purposes.append(p)
                let after = try Self.engine.verdict(more).verdict
                #expect(PropertyTests.weight(after) <= before,
                        "\(Self.describe(q)): purpose `\(Self.engine.rulebook.purposes[p].id)` makes it \(after)")
            }
        }
    }

    @Test("timeline agreement: every interval agrees with point queries on its first and last day")
    func timelines() throws {
        let book = Self.engine.rulebook
        let programs = Environment.flag("PROVISO_SLOW_TESTS") ? Array(book.programs.indices) : [book.program(named: "IMET")!, book.program(named: "ESF")!]
        for c in Self.countries.prefix(Environment.flag("PROVISO_SLOW_TESTS") ? Int.max : 4) {
            for p in programs {
                let query = Query(country: c, program: p, date: Day(parsing: "2010-10-01")!)
                let timeline = try Self.engine.timeline(query, from: Day(parsing: "2010-10-01")!, to: Day(parsing: "2026-09-30")!)
                for interval in timeline.intervals {
                    for day in [interval.from, interval.until] {
                        var point = query
                        point.date = day
                        let v = try Self.engine.verdict(point)
                        #expect(v.verdict == interval.verdict && v.decidedBy == interval.decidedBy,
                                "\(Self.describe(point)): the timeline says \(interval.verdict) \(interval.decidedBy), the day is \(v.verdict) \(v.decidedBy)")
                    }
                }
            }
        }
    }
}
