// Workload 1: the shared peer workload (and its scaled copies), answered through the library.
//
// The protocol follows the peers' (../shared/bench/bench.py) so that the numbers compare: load
// the rulebook; per round, a freshly loaded engine, 300 warm-up queries, then 2,000 sampled
// queries timed one by one; the whole matrix timed in one go; every answer checked against
// `expected`. Names are resolved to a `Query` once per question (`Engine.query`) before timing;
// `Engine.verdict` is what is timed.
import Proviso

/// What one run of a shared (or scaled) workload measured.
struct WorkloadResult {
    var countries = 0
    var facts = 0
    /// Loading and checking the rulebook from its folder and compiling an engine over it, µs.
    var load = Sample()
    /// Compiling the engine alone (`Engine(rulebook:)`, the plan its verdicts use), µs.
    var compile = Sample()
    /// Single queries, µs, every timed sample of every round.
    var query = Sample()
    /// Median of each round's single-query sample, µs.
    var roundMedians = Sample()
    /// The whole matrix, µs.
    var matrix = Sample()
    /// Resolving every question's names to a `Query`, µs (setup, not part of the query time).
    var resolve = Sample()
    var queries = 0
    var disagreements = 0
    var examples: [String] = []
    var decisions: [(String, Int)] = []
    var peakRSSMB = 0.0
    var stale = false

    var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("loadMillis", .number(load.median / 1000)),
            ("queryMedianMicros", .number(roundMedians.median)),
            ("queryP90Micros", .number(query.p90)),
            ("matrixMillis", .number(matrix.median / 1000)),
            ("matrixMicrosPerQuery", .number(matrix.median / Double(Swift.max(1, queries)))),
            ("queries", .number(Double(queries))),
            ("disagreements", .number(Double(disagreements))),
            ("countries", .number(Double(countries))),
            ("facts", .number(Double(facts))),
            ("loadSpreadMillis", load.spread(divisor: 1000)),
            ("querySpreadMicros", query.spread(divisor: 1)),
            ("queryRoundMediansMicros", .array(roundMedians.micros.map { .number($0) })),
            ("matrixSpreadMillis", matrix.spread(divisor: 1000)),
            ("compileMillis", .number(compile.median / 1000)),
            ("resolveMillis", .number(resolve.median / 1000)),
            ("decisions", .object(decisions.map { ($0.0, .number(Double($0.1))) })),
            ("peakRSSMB", .number(peakRSSMB)),
        ]
        if stale { pairs.append(("staleCommittedRulebook", .bool(true))) }
        if !examples.isEmpty { pairs.append(("disagreementExamples", .array(examples.map { .string($0) }))) }
        return .object(pairs)
    }
}

struct SharedBench {
    let workload: SharedWorkload
    /// The folder holding the workload's rulebook.
    let directory: String
    var loadRuns = 11
    var rounds = 5
    var matrixRuns = 7
    var warmup = 300
    var sampleSize = 2000

    func run() throws -> WorkloadResult {
        var result = WorkloadResult()
        result.countries = workload.countries.count
        result.queries = workload.queries.count
        result.load = try repeatTimed(warmups: 1, runs: loadRuns) { consume(try load()) }

        var rng = SplitMix64(state: 1)
        let sample = (0..<(warmup + sampleSize)).map { _ in rng.below(workload.queries.count) }
        var engine = try load()
        result.facts = engine.rulebook.facts.count
        let book = engine.rulebook
        result.compile = repeatTimed(warmups: 1, runs: loadRuns) { consume(Engine(rulebook: book)) }
        var queries: [Query] = []
        for round in 0..<rounds {
            if round > 0 {
                let (fresh, d) = try time { try load() }
                result.load.add(d)
                engine = fresh
            }
            let (resolved, d) = try time { try resolve(engine) }
            queries = resolved
            result.resolve.add(d)
            for i in sample.prefix(warmup) { consume(try engine.verdict(queries[i])) }
            var roundSample = Sample()
            let clock = ContinuousClock()
            for i in sample.dropFirst(warmup) {
                let query = queries[i]
                let start = clock.now
                let answer = try engine.verdict(query)
                let end = clock.now
                consume(answer)
                roundSample.add(end - start)
            }
            result.roundMedians.add(micros: roundSample.median)
            for m in roundSample.micros { result.query.add(micros: m) }
        }

        var answers = [(verdict: Verdict, decidedBy: [String])](repeating: (.allowed, []), count: queries.count)
        for _ in 0..<(matrixRuns + 1) {
            let (_, d) = try time {
                for i in queries.indices { answers[i] = try engine.verdict(queries[i]) }
            }
            result.matrix.add(d)
        }
        result.matrix = Sample(dropping: 1, of: result.matrix)  // the first run warms up

        var counts: [String: Int] = [:]
        for (q, a) in zip(workload.queries, answers) {
            let decision = a.verdict == .allowedWithConditions ? "allowed" : a.verdict.rawValue
            counts[decision, default: 0] += 1
            if decision != q.decision || a.decidedBy != q.citations {
                result.disagreements += 1
                if result.examples.count < 5 {
                    let c = workload.countries[q.country].id, p = workload.programs[q.program].id
                    result.examples.append("\(c) \(p) \(q.date): expected \(q.decision) \(q.citations), got \(decision) \(a.decidedBy)")
                }
            }
        }
        result.decisions = counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        result.peakRSSMB = peakRSSMB()
        return result
    }

    /// An engine over the workload's rulebook, read, checked and compiled.
    private func load() throws -> Engine { Engine(rulebook: try loadRulebook(directory)) }

    /// Every question of the workload as a `Query`, names resolved by the engine.
    private func resolve(_ engine: Engine) throws -> [Query] {
        var days: [String: Day] = [:]
        var out: [Query] = []
        out.reserveCapacity(workload.queries.count)
        for q in workload.queries {
            let day: Day
            if let d = days[q.date] { day = d } else {
                guard let d = Day(parsing: q.date) else { throw BenchError("bad date `\(q.date)` in the workload") }
                days[q.date] = d
                day = d
            }
            out.append(try engine.query(country: workload.countries[q.country].id, program: workload.programs[q.program].id, on: day))
        }
        return out
    }
}

extension Sample {
    /// `sample` without its first `n` timings.
    init(dropping n: Int, of sample: Sample) {
        self.init()
        for m in sample.micros.dropFirst(n) { add(micros: m) }
    }
}

/// Loads and checks the rulebook in `directory`, or fails with its diagnostics.
func loadRulebook(_ directory: String) throws -> Rulebook {
    do {
        return try Rulebook.load(directory: directory)
    } catch {
        throw BenchError("the rulebook in `\(directory)` does not check:\n" + DiagnosticRenderer(sources: error.sources).render(error.diagnostics))
    }
}

/// A failure that stops the benchmark, with a message for the person running it.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
