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
        CatalogListing.run(arguments, console: &console, command: name, help: help, text: CatalogText.programs, json: CatalogJSON.programs)
    }
}
