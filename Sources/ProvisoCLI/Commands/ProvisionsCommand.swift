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
        do {
            let args = try Arguments(arguments, options: [.value("format"), .value("rules"), .flag("help")])
            if args.flag("help") { console.out(help + "\n"); return .success }
            guard args.positional.isEmpty else {
                throw UsageError("`provisions` takes no arguments, given `\(args.positional[0])`", help: "to see one provision: proviso explain \(args.positional[0])")
            }
            let format = try Shared.format(args.value("format"))
            guard let engine = Shared.engine(rules: args.value("rules"), console: &console) else { return .rulebook }
            let book = engine.rulebook
            console.out(format == "json" ? CatalogJSON.provisions(book).serialized() + "\n" : CatalogText.provisions(book))
            return .success
        } catch let error as UsageError {
            return Shared.report(error, console: &console)
        } catch {
            console.err("error: \(error)\n")
            return .usage
        }
    }
}
