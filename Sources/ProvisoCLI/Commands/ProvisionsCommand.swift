import Proviso

/// `proviso provisions`: every provision with its versions and citations, and the exemptions.
enum ProvisionsCommand: Command {
    static let name = "provisions"
    static let summary = "List the provisions with their versions and citations, and the exemptions that override them"
    static let help = """
    USAGE: proviso provisions [--format text|json] [--rules DIR]

    Lists every provision of the rulebook — the restrictions and the conditions an analyst checks —
    with each version's fiscal years and citation, then the exemptions and "notwithstanding"
    authorities with what they override. `proviso explain ID` shows one in full.

    \(ExitCode.help)
    """

    static func run(_ arguments: [String], console: inout Console) -> ExitCode {
        CatalogListing.run(arguments, console: &console, command: name, help: help, text: CatalogText.provisions, json: CatalogJSON.provisions)
    }
}
