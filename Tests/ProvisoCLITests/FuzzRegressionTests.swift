import Proviso
import ProvisoCLI
import Testing

/// Inputs the fuzz targets (Fuzz/, scripts/fuzz.sh) found to crash, hang or exhaust memory, kept
/// as they were found. Each must now end promptly with a diagnostic or a usage error.
@Suite("Fuzz regressions: the command line")
struct FuzzRegressionTests {
    /// Arguments as the `cli` target reads them: one a line, decoded as UTF-8 with repair.
    private func arguments(_ bytes: [UInt8]) -> [String] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    private func run(_ arguments: [String]) -> (code: ExitCode, out: String, err: String) {
        var console = Console.buffer
        let code = ProvisoCommandLine.run(arguments, console: &console)
        return (code, console.output, console.errors)
    }

    @Test("a NUL byte in a path names no file (it walked `Cases/` inside itself until memory ran out)",
          .timeLimit(.minutes(1)))
    func nulInPath() {
        // cli: oom-b7cfebfcac6592ef220461ef2ff18e2055dacc8c
        let input: [UInt8] = [
            0x74, 0x65, 0x73, 0x74, 0x0a, 0x43, 0x61, 0x73, 0x65, 0x73, 0x2f, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x61, 0x9e, 0x88, 0x9a, 0xd2, 0xcd, 0xcf, 0xce, 0xc6, 0x2d, 0x66, 0x69, 0x6e,
            0x32, 0x64, 0x69, 0x6e, 0x67, 0x79, 0x70, 0x74, 0x2e, 0x61, 0x63, 0x73, 0x5d, 0x65, 0x2d, 0x2d,
            0x72, 0x65, 0x73, 0x3d, 0x6c, 0x65, 0x73, 0x0a, 0x52, 0x75, 0x6c, 0x65, 0x73,
        ]
        let (code, _, err) = run(arguments(input))
        #expect(code == .usage)
        #expect(err.hasPrefix("error: no case file or folder at `Cases/\u{0}"))
    }

    @Test("every command that reads paths refuses one with a NUL byte", arguments: [
        ["check", "Rules\u{0}/facts"], ["test", "Cases\u{0}"], ["fmt", "--check", "Cases/\u{0}"],
        ["can-fund", "Mali", "--program", "IMET", "--rules", "Rules/\u{0}"],
    ])
    func nulInAnyPath(_ arguments: [String]) {
        let (code, _, _) = run(arguments)
        #expect(code == .usage || code == .rulebook)
    }

    @Test("the library treats a path with a NUL byte as missing")
    func libraryPaths() {
        #expect(FileSystem.entry("Rules\u{0}") == .missing)
        #expect(FileSystem.read("Rules/acts.proviso\u{0}") == nil)
        #expect(FileSystem.files(under: "Cases/\u{0}", extension: "case").isEmpty)
        #expect(!FileSystem.writeAtomically([], to: "proviso-\u{0}"))
        #expect(throws: RulebookError.self) { try Rulebook.load(directory: "Rules/\u{0}/x") }
    }
}
