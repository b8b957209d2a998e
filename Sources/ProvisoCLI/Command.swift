import Proviso

/// One verb of the command line: its name, help text and how it runs.
protocol Command: SendableMetatype {
    /// The verb (`can-fund`).
    static var name: String { get }
    /// One line for the command list.
    static var summary: String { get }
    /// The full `--help` text.
    static var help: String { get }
    /// Runs with the arguments after the verb.
    static func run(_ arguments: [String], console: inout Console) -> ExitCode
}

/// Helpers every command shares: loading a rulebook, reading dates, reporting errors.
enum Shared {
    /// The engine over `--rules DIR`, or the default rulebook; diagnostics go to standard error.
    static func engine(rules: String?, console: inout Console) -> Engine? {
        do {
            if let rules { return try Engine(directory: rules) }
            return try Engine.standard
        } catch {
            console.err(DiagnosticRenderer(sources: error.sources).render(error.diagnostics))
            return nil
        }
    }

    /// `YYYY-MM-DD`, or today when not given; `option` names the option in errors.
    static func date(_ text: String?, option: String = "date") throws(UsageError) -> Day {
        guard let text else { return Day.today() }
        guard let day = Day(parsing: text) else {
            let shape = text.utf8.count == 10 && text.split(separator: "-").count == 3
            let year = Int(text.prefix(4)) ?? 0
            throw UsageError("invalid date `\(text)` for `--\(option)`",
                             help: !shape ? "write the date as YYYY-MM-DD, such as 2012-06-01"
                                 : (1000...9999).contains(year) ? "that day does not exist" : "Proviso reads years 1000 through 9999")
        }
        return day
    }

    /// `FY2012` or `2012`.
    static func fiscalYear(_ text: String?) throws(UsageError) -> Int? {
        guard let text else { return nil }
        if let fy = FiscalYear(parsing: text) { return fy.year }
        if text.count == 4, let y = Int(text), y >= 1001 { return y }
        throw UsageError("invalid fiscal year `\(text)` for `--fiscal-year`", help: "write it as FY2012")
    }

    /// `text` or `json` (or the other formats a command allows).
    static func format(_ text: String?, allowed: [String] = ["text", "json"]) throws(UsageError) -> String {
        let f = text ?? allowed[0]
        guard allowed.contains(f) else {
            throw UsageError("unknown format `\(f)` for `--format`", help: "choose one of: \(allowed.joined(separator: ", "))")
        }
        return f
    }

    /// A comma-separated list (`IMET,FMF`), or `nil` when not given.
    static func list(_ text: String?, option: String) throws(UsageError) -> [String]? {
        guard let text else { return nil }
        let items = text.split(separator: ",").map { part in
            String(part.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        }.filter { !$0.isEmpty }
        guard !items.isEmpty else { throw UsageError("`--\(option)` names nothing", help: "separate names with commas: --\(option) A,B") }
        return items
    }

    /// `government` or `non-government`.
    static func recipient(_ text: String?) throws(UsageError) -> Recipient? {
        guard let text else { return nil }
        guard let r = Recipient(rawValue: text) else {
            throw UsageError("unknown recipient `\(text)` for `--recipient`", help: "choose `government` or `non-government`")
        }
        return r
    }

    /// Runs a command's `body` with its arguments parsed, the way every command runs: `--help`
    /// prints `help`; a usage error, or a query error (with the names valid in `--rules`, when
    /// given), is reported with exit 2.
    static func run(_ arguments: [String], options: [Arguments.Option], help: String, console: inout Console,
                    _ body: (Arguments, inout Console) throws -> ExitCode) -> ExitCode {
        do {
            let args = try Arguments(arguments, options: options)
            if args.flag("help") {
                console.out(help + "\n")
                return .success
            }
            return try body(args, &console)
        } catch let error as UsageError {
            return report(error, console: &console)
        } catch let error as QueryError {
            return report(error, console: &console, rules: Arguments.peek(arguments, "rules"))
        } catch {
            console.err("error: \(error)\n")
            return .usage
        }
    }

    /// Reports a query error (exit 2); without a close match, lists the names that are valid.
    static func report(_ error: QueryError, console: inout Console, rules: String? = nil) -> ExitCode {
        console.err("error: \(error)\n")
        var quiet = Console.buffer
        if let book = engine(rules: rules, console: &quiet)?.rulebook {
            switch error {
            case .unknownProgram(_, nil):
                console.err("  = help: programs: \(book.programs.map(\.id).joined(separator: ", "))\n")
            case .unknownPurpose(_, nil):
                console.err("  = help: purposes: \(book.purposes.map(\.id).joined(separator: ", "))\n")
            case .unknownCountry(_, nil):
                console.err("  = help: name the country as the U.S. government does, or by its ISO 3166 code (`MLI`); `proviso check` lists how many are known\n")
            default:
                break
            }
        }
        return .usage
    }

    /// Reports a usage error (exit 2).
    static func report(_ error: UsageError, console: inout Console) -> ExitCode {
        console.err(error.description + "\n")
        return .usage
    }
}
