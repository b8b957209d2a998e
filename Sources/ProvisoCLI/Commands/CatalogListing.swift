import Proviso

/// What `proviso programs` and `proviso provisions` share: no positional arguments, a format, a
/// rulebook, and one rendering of it as text or JSON.
enum CatalogListing {
    static func run(_ arguments: [String], console: inout Console, command: String, help: String,
                    text: (Rulebook) -> String, json: (Rulebook) -> JSON) -> ExitCode {
        Shared.run(arguments, options: [.value("format"), .value("rules"), .flag("help")], help: help, console: &console) { args, console in
            guard args.positional.isEmpty else {
                throw UsageError("`\(command)` takes no arguments, given `\(args.positional[0])`",
                                 help: "to see one: proviso explain \(args.positional[0])")
            }
            let format = try Shared.format(args.value("format"))
            guard let engine = Shared.engine(rules: args.value("rules"), console: &console) else { return .rulebook }
            console.out(format == "json" ? json(engine.rulebook).serialized() + "\n" : text(engine.rulebook))
            return .success
        }
    }
}
