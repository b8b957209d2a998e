// The benchmark's report: one JSON object keyed by workload, or a table for people.
import Foundation

struct Report {
    var shared: WorkloadResult
    var rulebook: RulebookResult
    var process: ProcessResult?
    var scaled: [(Int, WorkloadResult)]
    var peakRSSMB: Double
    var loadavg: Double

    /// The targets of issue 7, each with the measured value and whether it is met.
    var targets: [(name: String, value: Double, limit: Double, unit: String)] {
        var t: [(String, Double, Double, String)] = [
            ("shared: one query (median)", shared.roundMedians.median, 1, "µs"),
            ("shared: the 7,200-query matrix", shared.matrix.median / 1000, 5, "ms"),
            ("shared: rulebook loaded and checked", shared.load.median / 1000, 5, "ms"),
            ("rulebook: loaded and checked", rulebook.loadFolder.median / 1000, 10, "ms"),
        ]
        if let p = process {
            t.append(("can-fund process ÷ Foundation hello world", p.ratio, 2, "×"))
            t.append(("can-fund peak memory", p.canFundPeakRSSMB, 30, "MB"))
        }
        return t
    }

    var json: JSONValue {
        var pairs: [(String, JSONValue)] = [("shared", shared.json), ("rulebook", rulebook.json)]
        if let p = process { pairs.append(("process", p.json)) }
        for (size, r) in scaled { pairs.append(("shared-\(size)", r.json)) }
        pairs.append(("growth", .array(growth.map { g in
            .object([("countries", .number(Double(g.countries))), ("facts", .number(Double(g.facts))),
                     ("loadMillis", .number(g.load)), ("loadMicrosPerCountry", .number(g.load * 1000 / Double(g.countries))),
                     ("queryMedianMicros", .number(g.query)), ("matrixMicrosPerQuery", .number(g.matrixPerQuery))])
        })))
        pairs.append(("targets", .array(targets.map { t in
            .object([("target", .string(t.name)), ("value", .number(t.value)), ("limit", .number(t.limit)),
                     ("unit", .string(t.unit)), ("met", .bool(t.value <= t.limit))])
        })))
        pairs.append(("peakRSSMB", .number(peakRSSMB)))
        pairs.append(("machine", .object([("cpus", .number(Double(ProcessInfo.processInfo.activeProcessorCount))),
                                          ("loadavg", .number(loadavg))])))
        return .object(pairs)
    }

    var growth: [(countries: Int, facts: Int, load: Double, query: Double, matrixPerQuery: Double)] {
        ([(shared.countries, shared)] + scaled.map { ($0.0, $0.1) }).map { n, r in
            (n, r.facts, r.load.median / 1000, r.roundMedians.median, r.matrix.median / Double(max(1, r.queries)))
        }
    }

    var text: String {
        func f(_ x: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", x) }
        var out: [String] = []
        out.append("Proviso benchmark — \(ProcessInfo.processInfo.activeProcessorCount) cpus, load average \(f(loadavg))")
        out.append("")
        out.append("Shared workload (\(shared.countries) countries, \(shared.facts) facts, \(shared.queries) queries)")
        out.append("  load and check      \(f(shared.load.median / 1000, 3)) ms   (p10 \(f(shared.load.p10 / 1000, 3)), p90 \(f(shared.load.p90 / 1000, 3)); of which compiling the engine \(f(shared.compile.median / 1000, 3)) ms)")
        out.append("  one query           \(f(shared.roundMedians.median, 3)) µs median, p90 \(f(shared.query.p90, 3)) µs (round medians \(shared.roundMedians.micros.map { f($0, 3) }.joined(separator: ", ")))")
        out.append("  matrix              \(f(shared.matrix.median / 1000, 3)) ms = \(f(shared.matrix.median / Double(shared.queries), 3)) µs a query (p10 \(f(shared.matrix.p10 / 1000, 3)), p90 \(f(shared.matrix.p90 / 1000, 3)))")
        out.append("  disagreements       \(shared.disagreements) of \(shared.queries)  (\(shared.decisions.map { "\($0.0) \($0.1)" }.joined(separator: ", ")))")
        for e in shared.examples { out.append("    \(e)") }
        out.append("")
        out.append("Default rulebook (\(rulebook.countries) countries, \(rulebook.programs) programs, \(rulebook.provisions) provisions, \(rulebook.facts) facts, \(rulebook.fiscalYears))")
        out.append("  load and check      \(f(rulebook.loadFolder.median / 1000, 3)) ms from Rules/, \(f(rulebook.loadEmbedded.median / 1000, 3)) ms embedded")
        out.append("  can-fund answer     \(f(rulebook.canFund.median, 1)) µs (explained, with paths)")
        out.append("  one verdict         \(f(rulebook.query.median, 3)) µs median, p90 \(f(rulebook.query.p90, 3)) µs")
        out.append("  matrix on \(rulebook.matrixDate) \(f(rulebook.matrix.median / 1000, 3)) ms for \(rulebook.matrixQueries) questions")
        out.append("  timeline            \(f(rulebook.timeline.median / 1000, 3)) ms for \(rulebook.timelineQuestion) (\(rulebook.timelineIntervals) intervals)")
        out.append("  every timeline      \(f(rulebook.timelineAll.median / 1000, 1)) ms for \(rulebook.timelineAllCount) country × program timelines")
        out.append("  proviso diff        not measured: the command does not exist on this branch yet")
        out.append("  verdict vs determine \(rulebook.disagreements) disagreements in \(rulebook.checked) questions")
        for e in rulebook.examples { out.append("    \(e)") }
        if let p = process {
            out.append("")
            out.append("Processes (median of \(p.canFund.count) runs each, alternating)")
            out.append("  \((["can-fund"] + p.canFundArguments).joined(separator: " "))  \(f(p.canFund.median / 1000)) ms, peak \(f(p.canFundPeakRSSMB, 1)) MB")
            out.append("  hello world (Foundation)                      \(f(p.hello.median / 1000)) ms, peak \(f(p.helloPeakRSSMB, 1)) MB")
            out.append("  ratio                                         \(f(p.ratio))×")
        }
        out.append("")
        out.append("Growth                 countries     facts   load ms  load µs/country  query µs  matrix µs/query")
        for g in growth {
            out.append("  " + [String(g.countries).leftPad(24), String(g.facts).leftPad(9), f(g.load).leftPad(9),
                               f(g.load * 1000 / Double(g.countries)).leftPad(16), f(g.query, 3).leftPad(9),
                               f(g.matrixPerQuery, 3).leftPad(16)].joined(separator: " "))
        }
        for (size, r) in scaled where r.disagreements > 0 { out.append("  \(size): \(r.disagreements) disagreements") }
        out.append("")
        out.append("Targets")
        for t in targets {
            out.append("  \(t.value <= t.limit ? "met   " : "MISSED") \(t.name): \(f(t.value, 3)) \(t.unit) (at most \(f(t.limit, 0)) \(t.unit))")
        }
        out.append("")
        out.append("Peak memory of this process: \(f(peakRSSMB, 1)) MB")
        return out.joined(separator: "\n")
    }
}

extension String {
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
