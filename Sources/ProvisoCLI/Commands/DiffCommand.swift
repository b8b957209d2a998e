import Proviso

/// `proviso diff OLD NEW` or `proviso diff --git REV [NEW]`: the determinations a change alters.
enum DiffCommand: Command {
    static let name = "diff"
    static let summary = "List the determinations that change between two rulebooks (or a git revision and the working tree)"
    static let help = """
    USAGE: proviso diff OLD NEW [--date YYYY-MM-DD …] [--format text|json]
           proviso diff --git REV [NEW] [--date YYYY-MM-DD …] [--format text|json]

    Asks both rulebooks about every country and program they know, on the first day of every
    fiscal year either records (and on each --date), and lists each answer that differs as
    before → after, with the provisions responsible. With --git, OLD is the rulebook folder NEW
    (default: Rules) as it was at the git revision REV (HEAD, main, a commit), read with
    `git archive` into a temporary folder; the working tree is not touched.

    Run it before committing a change to the rules, and read it when reviewing one.

    OPTIONS:
      --git REV            compare the rulebook at revision REV with the working tree's
      --date YYYY-MM-DD    also ask about this date (repeatable)
      --format F           text (default) or json

    Exits 0 when no determination changes, 1 when some do (as diff(1) does), 4 when a
    rulebook does not check, 2 for bad arguments.
    """

    static func run(_ arguments: [String], console: inout Console) -> ExitCode {
        Shared.run(arguments, options: [.value("git"), .value("date", repeatable: true), .value("format"), .flag("help")], help: help, console: &console) { args, console in
            let format = try Shared.format(args.value("format"))
            let dates = try args.all("date").map { text throws(UsageError) in try Shared.date(text) }
            let oldBook: Rulebook, newBook: Rulebook
            var oldName: String, newName: String
            if let revision = args.value("git") {
                guard args.positional.count <= 1 else { throw UsageError("`diff --git REV` takes at most one folder, given \(args.positional.count)") }
                newName = args.positional.first ?? "Rules"
                let checkout = try GitCheckout(revision: revision, folder: newName)
                defer { checkout.remove() }
                oldName = "\(newName) at \(revision)"
                guard let old = load(checkout.path, shownAs: oldName, console: &console) else { return .rulebook }
                oldBook = old
            } else {
                guard args.positional.count == 2 else {
                    throw UsageError("`diff` compares two rulebook folders, given \(args.positional.count)",
                                     help: "proviso diff OLD NEW, or proviso diff --git HEAD")
                }
                (oldName, newName) = (args.positional[0], args.positional[1])
                guard let old = load(oldName, shownAs: oldName, console: &console) else { return .rulebook }
                oldBook = old
            }
            guard let new = load(newName, shownAs: newName, console: &console) else { return .rulebook }
            newBook = new
            let diff = RulebookDiff(old: oldBook, new: newBook, dates: dates)
            if format == "json" {
                console.out(diff.json.serialized() + "\n")
            } else {
                console.out(render(diff, old: oldName, new: newName))
            }
            return diff.changes.isEmpty ? .success : .failed
        }
    }

    /// A rulebook folder, or its diagnostics on standard error.
    private static func load(_ path: String, shownAs name: String, console: inout Console) -> Rulebook? {
        do {
            return try Rulebook.load(directory: path)
        } catch {
            console.err("error: the rulebook `\(name)` does not check\n")
            console.err(DiagnosticRenderer(sources: error.sources).render(error.diagnostics))
            return nil
        }
    }

    /// One line per change, in columns, then a count.
    static func render(_ diff: RulebookDiff, old: String, new: String) -> String {
        var rows: [[String]] = [["country", "program", "date", "before", "after", "responsible"]]
        for c in diff.changes {
            rows.append([
                "\(c.country) (\(c.iso3))", c.program, "\(c.date) (\(FiscalYear(containing: c.date)))",
                c.before.description, "→ " + c.after.description, c.responsible.joined(separator: ", "),
            ])
        }
        var out = "\(old) → \(new)\n"
        if !diff.changes.isEmpty {
            let widths = (0..<rows[0].count).map { i in rows.map { $0[i].count }.max() ?? 0 }
            for row in rows {
                let cells = row.enumerated().map { i, cell in
                    i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
                }
                out += cells.joined(separator: "  ").trimmingTrailingSpaces + "\n"
            }
        }
        out += "determinations changed: \(diff.changes.count) of \(diff.questions) (\(count(diff.countries, "country", "countries"))"
            + " × \(count(diff.programs, "program", "programs")) × \(count(diff.dates.count, "date", "dates")))\n"
        return out
    }

    private static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
}

extension String {
    /// Without trailing spaces.
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
