import Foundation
import ProvisoCLI
import Testing

/// Golden files: expected renderings kept under `Tests/ProvisoCLITests/Golden/`, compared byte for
/// byte. To accept new output after an intended change, run the tests with
/// `PROVISO_UPDATE_GOLDEN=1 swift test --filter Golden`, which rewrites the files, and review the
/// diff before committing.
enum Golden {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let directory = testsDirectory.appendingPathComponent("Golden")
    /// The small fixed rulebook the golden renderings are made from.
    static let rules = testsDirectory.appendingPathComponent("Fixtures/golden-rules").path

    static var updating: Bool { ProcessInfo.processInfo.environment["PROVISO_UPDATE_GOLDEN"] == "1" }

    /// Runs `proviso ARGS… --rules <fixture>` in-process.
    static func run(_ arguments: [String]) -> (code: ExitCode, out: String, err: String) {
        var console = Console.buffer
        let code = ProvisoCommandLine.run(arguments + ["--rules", rules], console: &console)
        return (code, console.output, console.errors)
    }

    /// Compares `actual` with the golden file `name` (or rewrites it when updating).
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        if updating {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            do { try Data(actual.utf8).write(to: url) } catch { Issue.record("cannot write \(url.path): \(error)", sourceLocation: sourceLocation) }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no golden file \(name); run PROVISO_UPDATE_GOLDEN=1 swift test --filter Golden", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        let a = actual.components(separatedBy: "\n"), e = expected.components(separatedBy: "\n")
        let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        Issue.record("""
            \(name) differs from its golden file at line \(line + 1):
              expected: \(line < e.count ? e[line] : "(end of file)")
              actual:   \(line < a.count ? a[line] : "(end of file)")
            (PROVISO_UPDATE_GOLDEN=1 swift test --filter Golden rewrites the golden files)
            """, sourceLocation: sourceLocation)
    }
}
