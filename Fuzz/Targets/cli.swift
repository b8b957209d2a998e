// Fuzz target `cli`: the command line (`ProvisoCommandLine.run`, every verb) with arguments read
// from the input, one a line, writing to a buffer.
//
// Nothing it runs may change a file: the commands run in a sandbox folder (FUZZ_SANDBOX, a copy of
// Rules/ and two case files that scripts/fuzz.sh makes), `fmt` always runs with `--check`, and
// `new-fiscal-year` (which writes the act table) and `diff` (which asks ~90,000 questions and runs
// git) run only to print their help. Absolute paths and `..` are replaced by `Rules`, so nothing
// outside the sandbox is read.
import Proviso
import ProvisoCLI
#if canImport(Glibc)
import Glibc
#endif

let enteredSandbox: Bool = {
    guard let folder = getenv("FUZZ_SANDBOX").map({ String(cString: $0) }), chdir(folder) == 0 else {
        violated("FUZZ_SANDBOX must name the sandbox folder that scripts/fuzz.sh prepares")
    }
    return true
}()

/// A path-like argument kept inside the sandbox.
func confined(_ argument: String) -> String {
    if let eq = argument.firstIndex(of: "="), argument.hasPrefix("--") {
        return String(argument[...eq]) + confined(String(argument[argument.index(after: eq)...]))
    }
    if argument.hasPrefix("/") || argument.hasPrefix("~") || argument == ".." || argument.hasPrefix("../")
        || argument.contains("/../") || argument.hasSuffix("/..")
    {
        return "Rules"
    }
    return argument
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommandLine(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = enteredSandbox
    var arguments = bytes(data, size).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        .prefix(12).map { confined(String(decoding: $0, as: UTF8.self)) }
    if let verb = arguments.first {
        let options = arguments.dropFirst().prefix { $0 != "--" }
        let help = verb == "help" || verb == "--help" || verb == "-h" || options.contains("--help") || options.contains("-h")
        switch verb {
        case "fmt": arguments.insert("--check", at: 1)
        case "new-fiscal-year", "diff": if !help { return 0 }
        default: break
        }
    }
    var console = Console.buffer
    let code = ProvisoCommandLine.run(arguments, console: &console)
    if code.rawValue >= 128 || code.rawValue < 0 { violated("exit code \(code.rawValue)") }
    return 0
}
