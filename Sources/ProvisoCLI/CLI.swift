import Proviso
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The command line as a library: `proviso` (every verb) and `can-fund` (the main verb) both
/// run through here, so they share one code path. It only parses arguments and renders.
public enum ProvisoCommandLine {
    /// The commands of `proviso`, in the order `--help` lists them.
    static let commands: [CommandEntry] = [
        CommandEntry(CanFundCommand.self), CommandEntry(CheckCommand.self), CommandEntry(TestCommand.self),
        CommandEntry(TimelineCommand.self), CommandEntry(MatrixCommand.self), CommandEntry(ReportCommand.self),
        CommandEntry(ProgramsCommand.self), CommandEntry(ProvisionsCommand.self), CommandEntry(ExplainCommand.self),
        CommandEntry(FmtCommand.self), CommandEntry(DiffCommand.self), CommandEntry(NewFiscalYearCommand.self),
    ]

    /// Runs `proviso ARGS…` and exits the process.
    public static func proviso() -> Never {
        var console = Console.standard
        let code = run(Array(CommandLine.arguments.dropFirst()), console: &console)
        exit(code.rawValue)
    }

    /// Runs `can-fund ARGS…` and exits the process.
    public static func canFund() -> Never {
        var console = Console.standard
        let code = CanFundCommand.run(Array(CommandLine.arguments.dropFirst()), console: &console)
        exit(code.rawValue)
    }

    /// Runs `proviso` with these arguments, writing to `console`.
    public static func run(_ arguments: [String], console: inout Console) -> ExitCode {
        guard let verb = arguments.first else {
            console.err(usage)
            return .usage
        }
        switch verb {
        case "--help", "-h", "help":
            if arguments.count > 1, let command = commands.first(where: { $0.name == arguments[1] }) {
                console.out(command.help + "\n")
            } else {
                console.out(usage)
            }
            return .success
        case "--version":
            console.out("proviso \(Engine.version)\n")
            return .success
        default:
            guard let command = commands.first(where: { $0.name == verb }) else {
                let suggestion = closestName(to: verb, in: commands.map(\.name))
                console.err("error: unknown command `\(verb)`\n" + (suggestion.map { "  = help: did you mean `\($0)`?\n" } ?? "") + "\n" + usage)
                return .usage
            }
            return command.run(Array(arguments.dropFirst()), &console)
        }
    }

    static var usage: String {
        var text = "USAGE: proviso COMMAND [options]\n\nCOMMANDS:\n"
        let width = commands.map(\.name.count).max() ?? 8
        for c in commands {
            text += "  \(c.name)\(String(repeating: " ", count: width - c.name.count + 2))\(c.summary)\n"
        }
        text += "\nSee `proviso help COMMAND` for a command's options.\n\n\(ExitCode.help)\n"
        return text
    }
}

/// A command, as the dispatcher holds it.
struct CommandEntry: Sendable {
    let name: String
    let summary: String
    let help: String
    let run: @Sendable ([String], inout Console) -> ExitCode

    init<C: Command>(_ command: C.Type) {
        name = C.name
        summary = C.summary
        help = C.help
        run = { arguments, console in C.run(arguments, console: &console) }
    }
}
