// Fuzz target `facts`: the fact reader, on arbitrary bytes read as facts against the default
// rulebook (what `--assume` and `assume { … }` in a case do), and the answer to a question that
// assumes the facts it read.
import Proviso

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFacts(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = bytes(data, size)
    let file = SourceFile(path: "--assume #1", bytes: input)
    let engine = standardEngine
    let book = engine.rulebook
    let facts: [Fact]
    do throws(RulebookError) {
        facts = try book.parseFacts([file])
    } catch {
        expectLocated(error.diagnostics, sources: error.sources)
        return 0
    }
    guard !facts.isEmpty else { return 0 }
    // Ask about the first fact's country, on its first date, under a program the input picks.
    let country = facts.compactMap(\.country).first ?? 0
    var date = Day(year: 2012, month: 6, day: 1)!
    for case .date(let d)? in facts[0].values { date = d.latest; break }
    if date < FiscalYear(book.fiscalYears[0].year).start { return 0 }
    let program = input.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xFFFF } % book.programs.count
    let query = Query(country: country, program: program, date: date, assumptions: facts)
    guard let answer = try? engine.determine(query) else { return 0 }
    _ = answer.json.serialized()
    guard let verdict = try? engine.verdict(query) else { violated("determine answers but verdict throws") }
    if verdict.verdict != answer.verdict { violated("verdict \(verdict.verdict) and determine \(answer.verdict) disagree") }
    if !answer.hypothetical { violated("an answer with assumed facts does not say it is hypothetical") }
    return 0
}
