// Fuzz target `rules`: the rules language's lexer, parser, formatter and checker on arbitrary
// bytes. The input is checked as a rulebook on its own, and beside the default rulebook's
// catalog (its top-level files: kinds, countries, programs, purposes, the act table), so that a
// mutated provision or fact file reaches the checker's name resolution and type checks; a
// rulebook that checks is then asked a question.
import Proviso
import ProvisoRules

/// The default rulebook's catalog (kinds, countries, programs, purposes): the names a provision or
/// fact file refers to; and, for speed, an act table of one line a year in place of the real one.
let catalog: [SourceFile] = DefaultRulebook.files.filter { !$0.path.contains("/") && $0.path != "acts.proviso" }
    .map { SourceFile(path: "Rules/" + $0.path, text: $0.text) }
    + [SourceFile(path: "Rules/acts.proviso", text: (1989...2027).map { year in
        "fiscal-year FY\(year) {\n  act \"Act, \(year)\" cite \"P.L. \(year - 1888)-1, div. A\" enacted \(year - 1)-10-01 source \"s\"\n  source \"s\"\n}\n"
    }.joined())]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = SourceFile(path: "fuzz.proviso", bytes: bytes(data, size))
    let tree = Parser.parse(file)
    expectLocated(tree.diagnostics, sources: [file])
    if !tree.diagnostics.hasErrors {
        // `fmt` keeps the meaning of every file that parses, and formats its output to itself.
        do {
            let text = try Formatter.format(file)
            let again = try Formatter.format(SourceFile(path: "fuzz.proviso", text: text))
            if again != text { violated("formatting is not idempotent") }
        } catch {
            violated("a file that parses cannot be formatted: \(error)")
        }
    }
    for files in [[file], catalog + [file]] {
        switch Rulebook.check(files, name: "fuzz") {
        case .failure(let error):
            expectLocated(error.diagnostics, sources: error.sources)
        case .success(let book):
            expectLocated(book.warnings, sources: book.sources)
            ask(Engine(rulebook: book))
        }
    }
    return 0
}

/// A determination, a verdict and a short timeline for the rulebook's first country and program.
func ask(_ engine: Engine) {
    let book = engine.rulebook
    guard !book.countries.isEmpty, !book.programs.isEmpty, let first = book.fiscalYears.first else { return }
    let start = FiscalYear(first.year).start
    for day in [start, start.next, FiscalYear(first.year + 1).start] {
        let query = Query(country: 0, program: book.programs.count - 1, date: day)
        guard let answer = try? engine.determine(query) else { continue }
        _ = answer.json.serialized()
        guard let v = try? engine.verdict(query) else { violated("determine answers but verdict throws") }
        if v.verdict != answer.verdict { violated("verdict \(v.verdict) and determine \(answer.verdict) disagree") }
    }
    _ = try? engine.timeline(Query(country: 0, program: 0, date: start), from: start, to: FiscalYear(first.year + 2).end)
}
