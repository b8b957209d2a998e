import Proviso

/// `proviso explain ID`: one provision, exemption, program or list in full.
enum ExplainCommand: Command {
    static let name = "explain"
    static let summary = "Show one provision, exemption, program or list: versions, citations, scope, remedies"
    static let help = """
    USAGE: proviso explain ID [--format text|json] [--rules DIR]

    ID is a provision (cspa-404), an exemption (faa-491b), a program (IMET, or any of its names)
    or a list (tip-tier3). For a provision: its versions with their citations, the programs it
    reaches, the recipients, exempt purposes, waiver and certification mechanisms, the lists it
    runs off with what the record holds of each year, and the exemptions that override it. For a
    program: its account and authority, and the provisions and exemptions that reach it.

    \(ExitCode.help)
    """

    static func run(_ arguments: [String], console: inout Console) -> ExitCode {
        Shared.run(arguments, options: [.value("format"), .value("rules"), .flag("help")], help: help, console: &console) { args, console in
            guard let id = args.positional.first else {
                throw UsageError("missing ID", help: "proviso explain cspa-404 (see `proviso provisions` and `proviso programs`)")
            }
            guard args.positional.count == 1 else {
                throw UsageError("`explain` takes one ID, given \(args.positional.count)", help: "quote a name with spaces: proviso explain \"Foreign Military Financing\"")
            }
            let format = try Shared.format(args.value("format"))
            guard let engine = Shared.engine(rules: args.value("rules"), console: &console) else { return .rulebook }
            let book = engine.rulebook
            let json = format == "json"
            if let p = book.provision(named: id) {
                console.out(json ? CatalogJSON.provision(p, book, detail: true).serialized() + "\n" : CatalogText.provision(p, book))
            } else if let x = book.exemptions.firstIndex(where: { $0.id == id }) {
                console.out(json ? CatalogJSON.exemption(x, book).serialized() + "\n" : CatalogText.exemption(x, book))
            } else if let p = book.program(named: id) {
                console.out(json ? CatalogJSON.program(p, book, detail: true).serialized() + "\n" : CatalogText.program(p, book))
            } else if let l = book.list(named: id) {
                console.out(json ? CatalogJSON.list(l, book).serialized() + "\n" : CatalogText.list(l, book))
            } else {
                let names = book.provisions.map(\.id) + book.exemptions.map(\.id) + book.programs.map(\.id) + book.lists.map(\.id)
                throw UsageError("no provision, exemption, program or list `\(id)`",
                                 help: closestName(to: id, in: names).map { "did you mean `\($0)`?" } ?? "see `proviso provisions` and `proviso programs`")
            }
            return .success
        }
    }
}
