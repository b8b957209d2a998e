// Shared by every fuzz target (scripts/fuzz.sh compiles it with the target's own file).
//
// A fuzz target fails in one of three ways that libFuzzer records with the input that caused it:
// a crash or trap found by AddressSanitizer or the Swift runtime, a leak, or a time-out; and a
// promise broken, which the target turns into a trap with `violated`.
import Proviso

/// Stops the run: a promise that Proviso makes about every input was broken by this one.
func violated(_ message: @autoclosure () -> String) -> Never {
    fatalError("fuzz: " + message())
}

/// The codes that, alone among diagnostics, are about a whole folder and so carry no location
/// (docs/authoring.md: R001 unreadable, R413 no act table, R414 no countries).
let codesWithoutLocation: Set<String> = ["R001", "R413", "R414"]

/// Every diagnostic names a place in a file, except the few that are about a whole folder; and
/// rendering them (with the source line and caret) never fails.
func expectLocated(_ diagnostics: [Diagnostic], sources: [SourceFile]) {
    for d in diagnostics where d.location == nil && !codesWithoutLocation.contains(d.code) {
        violated("a diagnostic without a location: \(d)")
    }
    for d in diagnostics {
        if let l = d.location, l.line < 1 || l.column < 1 { violated("a location before the file starts: \(d)") }
    }
    _ = DiagnosticRenderer(sources: sources).render(diagnostics)
}

/// The input's bytes.
func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
}

/// Builds the default rulebook before the first input, so that what it allocates for the whole run
/// is never counted against an input by libFuzzer's leak check.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    _ = standardEngine
    return 0
}

/// The default rulebook's engine, checked once for the whole run.
let standardEngine: Engine = {
    do throws(RulebookError) { return try Engine.standard } catch { violated("the default rulebook does not check: \(error.diagnostics.prefix(3))") }
}()
