import Proviso

/// `proviso programs`: the catalog of programs with their accounts, titles and authorities.
enum ProgramsCommand: Command {
    static let name = "programs"
    static let summary = "List the programs of assistance with their accounts and authorities"
    static let help = """
    USAGE: proviso programs [--format text|json] [--rules DIR]

    Lists every program the rulebook knows: its account, the title of the State/Foreign Operations
    act that funds it (or that it is funded outside it), its usual recipient and the statute that
    authorises it. `proviso explain PROGRAM` shows the provisions that reach one.

    \(ExitCode.help)
    """

    static func run(_ arguments: [String], console: inout Console) -> ExitCode {
        do {
            let args = try Arguments(arguments, options: [.value("format"), .value("rules"), .flag("help")])
            if args.flag("help") { console.out(help + "\n"); return .success }
            guard args.positional.isEmpty else {
                throw UsageError("`programs` takes no arguments, given `\(args.positional[0])`", help: "to see one program: proviso explain \(args.positional[0])")
            }
            let format = try Shared.format(args.value("format"))
            guard let engine = Shared.engine(rules: args.value("rules"), console: &console) else { return .rulebook }
            let book = engine.rulebook
            console.out(format == "json" ? CatalogJSON.programs(book).serialized() + "\n" : CatalogText.programs(book))
            return .success
        } catch let error as UsageError {
            return Shared.report(error, console: &console)
        } catch {
            console.err("error: \(error)\n")
            return .usage
        }
    }
}
