// The benchmark's report: one JSON object keyed by workload, or a table for people.
import Foundation

struct Report {
    /// Each part is `nil` when `--only` left it out.
    var shared: WorkloadResult?
    var rulebook: RulebookResult?
    var process: ProcessResult?
    var scaled: [(Int, WorkloadResult)]
    var peakRSSMB: Double
    var loadavg: Double

    /// The targets of issue 7, each with the measured value and whether it is met.
    var targets: [(name: String, value: Double, limit: Double, unit: String)] {
        var t: [(String, Double, Double, String)] = []
        if let shared {
            t.append(("shared: one query (median)", shared.roundMedians.median, 1, "µs"))
            t.append(("shared: the 7,200-query matrix", shared.matrix.median / 1000, 5, "ms"))
            t.append(("shared: rulebook loaded and checked", shared.load.median / 1000, 5, "ms"))
        }
        if let rulebook {
            // Both ways of getting the checked rulebook, so that neither hides the other: the
            // library's (the snapshot the build checked) and a maintainer's (`--rules DIR`,
            // `proviso check`: lexing, parsing and checking the text now).
            t.append(("rulebook: loaded from the snapshot checked at build time", rulebook.loadSnapshot.median / 1000, 10, "ms"))
            t.append(("rulebook: loaded from Rules/ and checked now", rulebook.loadFolder.median / 1000, 10, "ms"))
        }
        if let p = process {
            t.append(("can-fund process ÷ Foundation hello world", p.ratio, 2, "×"))
            t.append(("can-fund peak memory", p.canFundPeakRSSMB, 30, "MB"))
        }
        return t
    }

    var json: JSONValue {
        var pairs: [(String, JSONValue)] = []
        if let shared { pairs.append(("shared", shared.json)) }
        if let rulebook { pairs.append(("rulebook", rulebook.json)) }
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
        ((shared.map { [($0.countries, $0)] } ?? []) + scaled).map { n, r in
            (n, r.facts, r.load.median / 1000, r.roundMedians.median, r.matrix.median / Double(max(1, r.queries)))
        }
    }

    var text: String {
        var out: [String] = ["Proviso benchmark — \(ProcessInfo.processInfo.activeProcessorCount) cpus, load average \(f(loadavg))"]
        if let shared { out += ["", "Shared workload (\(shared.countries) countries, \(shared.facts) facts, \(shared.queries) queries)"] + lines(shared) }
        if let rulebook { out += ["", "Default rulebook (\(rulebook.countries) countries, \(rulebook.programs) programs, \(rulebook.provisions) provisions, \(rulebook.facts) facts, \(rulebook.fiscalYears))"] + lines(rulebook) }
        if let p = process {
            out.append("")
            out.append("Processes (median of \(p.canFund.count) runs each, alternating)")
            out.append("  \((["can-fund"] + p.canFundArguments).joined(separator: " "))  \(f(p.canFund.median / 1000)) ms, peak \(f(p.canFundPeakRSSMB, 1)) MB")
            out.append("  hello world (Foundation)                      \(f(p.hello.median / 1000)) ms, peak \(f(p.helloPeakRSSMB, 1)) MB")
            out.append("  ratio                                         \(f(p.ratio))×")
        }
        if !growth.isEmpty {
            out.append("")
            out.append("Growth                 countries     facts   load ms  load µs/country  query µs  matrix µs/query")
            for g in growth {
                out.append("  " + [String(g.countries).leftPad(24), String(g.facts).leftPad(9), f(g.load).leftPad(9),
                                   f(g.load * 1000 / Double(g.countries)).leftPad(16), f(g.query, 3).leftPad(9),
                                   f(g.matrixPerQuery, 3).leftPad(16)].joined(separator: " "))
            }
            for (size, r) in scaled where r.disagreements > 0 { out.append("  \(size): \(r.disagreements) disagreements") }
        }
        out.append("")
        out.append("Targets")
        for t in targets {
            out.append("  \(t.value <= t.limit ? "met   " : "MISSED") \(t.name): \(f(t.value, 3)) \(t.unit) (at most \(f(t.limit, 0)) \(t.unit))")
        }
        out.append("")
        out.append("Peak memory of this process: \(f(peakRSSMB, 1)) MB")
        return out.joined(separator: "\n")
    }

    private func lines(_ r: WorkloadResult) -> [String] {
        var out = [
            "  load and check      \(f(r.load.median / 1000, 3)) ms   (p10 \(f(r.load.p10 / 1000, 3)), p90 \(f(r.load.p90 / 1000, 3)); of which compiling the engine \(f(r.compile.median / 1000, 3)) ms)",
            "  one query           \(f(r.roundMedians.median, 3)) µs median, p90 \(f(r.query.p90, 3)) µs (round medians \(r.roundMedians.micros.map { f($0, 3) }.joined(separator: ", ")))",
            "  matrix              \(f(r.matrix.median / 1000, 3)) ms = \(f(r.matrix.median / Double(r.queries), 3)) µs a query (p10 \(f(r.matrix.p10 / 1000, 3)), p90 \(f(r.matrix.p90 / 1000, 3)))",
            "  disagreements       \(r.disagreements) of \(r.queries)  (\(r.decisions.map { "\($0.0) \($0.1)" }.joined(separator: ", ")))",
        ]
        out += r.examples.map { "    " + $0 }
        return out
    }

    private func lines(_ r: RulebookResult) -> [String] {
        var out = [
            "  load and check      \(f(r.loadFolder.median / 1000, 3)) ms from Rules/, \(f(r.loadEmbedded.median / 1000, 3)) ms from the embedded text",
            "  load the snapshot   \(f(r.loadSnapshot.median / 1000, 3)) ms (\(r.snapshotBytes / 1024) KiB, checked at build time; what Engine.standard does)",
            "  can-fund answer     \(f(r.canFund.median, 1)) µs (explained, with paths)",
            "  one verdict         \(f(r.query.median, 3)) µs median, p90 \(f(r.query.p90, 3)) µs",
            "  matrix on \(r.matrixDate) \(f(r.matrix.median / 1000, 3)) ms for \(r.matrixQueries) questions",
            "  timeline            \(f(r.timeline.median / 1000, 3)) ms for \(r.timelineQuestion) (\(r.timelineIntervals) intervals)",
            "  every timeline      \(f(r.timelineAll.median / 1000, 1)) ms for \(r.timelineAllCount) country × program timelines",
            "  proviso diff        \(f(r.diffSame.median / 1000, 1)) ms for the rulebook against itself (\(r.diffQuestions) questions each), \(f(r.diffChanged.median / 1000, 1)) ms against it without \(r.diffWithout) (\(r.diffChanges) changes)",
            "  verdict vs determine \(r.disagreements) disagreements in \(r.checked) questions",
        ]
        out += r.examples.map { "    " + $0 }
        return out
    }

    private func f(_ x: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", x) }
}

extension String {
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
