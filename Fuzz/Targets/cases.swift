// Fuzz target `cases`: the case-file reader on arbitrary bytes, with and without the default
// rulebook to check names against, and the cases it reads run against the default rulebook (with
// their `forget` and `assume` clauses).
import Proviso

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCases(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = SourceFile(path: "fuzz.case", bytes: bytes(data, size))
    let alone = CaseFile.parse(file)
    expectLocated(alone.diagnostics, sources: [file])
    let engine = standardEngine
    let (cases, diagnostics) = CaseFile.parse(file, against: engine.rulebook)
    expectLocated(diagnostics, sources: [file])
    guard !diagnostics.hasErrors else { return 0 }
    let runner = CaseRunner(engine: engine)
    for c in cases.prefix(4) {
        let result = runner.run(c)
        if let answer = result.determination { _ = answer.json.serialized() }
    }
    return 0
}
