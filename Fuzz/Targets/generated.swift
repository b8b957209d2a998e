// Fuzz target `generated` (structure-aware): the input's bytes are the choices of the rulebook
// generator the property tests use (Tests/ProvisoTests/Support/RulebookGenerator.swift), so every
// input is a rulebook that checks and a few questions about it. Each is asked through `determine`
// (with paths), `verdict` and `timeline`, and the answers must keep the promises of
// docs/semantics.md that are cheap to test here: `verdict` agrees with `determine`, the JSON is
// the same when asked twice and when the files are read in another order, every interval of a
// timeline agrees with a point query on its first and last day, and forgetting a fact of a kind
// whose record is not complete never turns `prohibited` into an allowed answer.
import Proviso

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGenerated(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var generator = RulebookGenerator(ByteChoices(bytes(data, size)))
    let generated = generator.rulebook()
    let files = generated.files(count: 1 + generator.source.next(3))
    let book: Rulebook
    switch Rulebook.check(files, name: "generated") {
    case .success(let b): book = b
    case .failure(let error):
        violated("a generated rulebook does not check:\n" + DiagnosticRenderer(sources: error.sources).render(error.diagnostics))
    }
    let engine = Engine(rulebook: book)
    let reversed = Rulebook.check(files.reversed(), name: "generated")
    for _ in 0..<3 {
        let asked = generator.query(for: generated)
        guard let query = asked.resolved(in: engine), let answer = try? engine.determine(query) else { continue }
        let json = answer.json.serialized()
        guard let again = try? engine.determine(query), again.json.serialized() == json else { violated("\(asked): asked twice, answered differently") }
        if case .success(let other) = reversed, let q = asked.resolved(in: Engine(rulebook: other)),
           let a = try? Engine(rulebook: other).determine(q), a.json.serialized() != json {
            violated("\(asked): the files in another order give another answer")
        }
        guard let verdict = try? engine.verdict(query) else { violated("\(asked): determine answers but verdict throws") }
        if verdict.verdict != answer.verdict { violated("\(asked): verdict \(verdict.verdict) but determine \(answer.verdict)") }
        if answer.verdict == .prohibited { failClosed(generated, asked, engine) }
        timelineAgrees(engine, query, asked)
    }
    return 0
}

/// Forgetting a fact whose absence is unknown (its kind's record is not complete), or a
/// certification or waiver (whose absence leaves the restriction standing), never allows what was
/// prohibited.
func failClosed(_ generated: GeneratedRulebook, _ asked: GeneratedQuery, _ engine: Engine) {
    for fact in generated.facts {
        guard let kind = engine.rulebook.kind(named: fact.kind) else { continue }
        let forgettable = fact.kind == "certification" || fact.kind == "waiver" || !engine.rulebook.kinds[kind].isComplete
        guard forgettable, fact.kind != "listing", let q = asked.resolved(in: engine, forgetting: [fact.id]),
              let v = try? engine.verdict(q) else { continue }
        if v.verdict.permits { violated("\(asked): forgetting `\(fact.id)` turns prohibited into \(v.verdict)") }
    }
}

/// Every interval of the query's timeline over the act table agrees with point queries on its
/// first and last day.
func timelineAgrees(_ engine: Engine, _ query: Query, _ asked: GeneratedQuery) {
    guard let first = engine.rulebook.fiscalYears.first, let last = engine.rulebook.fiscalYears.last else { return }
    let from = FiscalYear(first.year).start, to = Day(ordinal: FiscalYear(last.year).end.ordinal + 30)
    guard let timeline = try? engine.timeline(query, from: from, to: to) else { violated("\(asked): no timeline") }
    for interval in timeline.intervals.prefix(40) {
        for day in [interval.from, interval.until] {
            var q = query
            q.date = day
            guard let v = try? engine.verdict(q) else { violated("\(asked): no verdict on \(day)") }
            if v.verdict != interval.verdict || v.decidedBy != interval.decidedBy {
                violated("\(asked): the timeline says \(interval.verdict) \(interval.decidedBy) from \(interval.from) to \(interval.until), but \(day) is \(v.verdict) \(v.decidedBy)")
            }
        }
    }
}
