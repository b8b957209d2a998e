import Proviso

/// `proviso new-fiscal-year FY --act 'P.L. …' …`: records a new year's act in the act table.
enum NewFiscalYearCommand: Command {
    static let name = "new-fiscal-year"
    static let summary = "Record a new fiscal year's act in the act table, then say what else the year needs"
    static let help = """
    USAGE: proviso new-fiscal-year FY --act 'P.L. …' --title "…" --enacted YYYY-MM-DD
                                  (--carries FY | --own-text) [options]

    Records FY's act as a `fiscal-year` block in the rulebook's act table (the file of RULES that
    holds the most `fiscal-year` blocks, usually Rules/acts.proviso), written atomically and in
    the canonical layout. A year recorded as `unknown`, or with only interim continuing
    resolutions, gets the act in its block. Then the rulebook is checked, and every warning and
    error it gives is printed: what else the year needs (a source, provisions whose versions end
    before the year, list editions that govern it).

    Say what the act does with the text: --carries FY for a full-year continuing resolution that
    carries an earlier year's act (its conditions govern), or --own-text for an act with text of
    its own (then check the provisions' versions against it).

    OPTIONS:
      --act CITATION       the act's citation, as `P.L. 119-99, div. A, §1101` (required)
      --title TEXT         the act's short title, as enacted (required)
      --enacted DATE       the date of enactment (required)
      --carries FY         the act is a full-year continuing resolution of FY's act
      --own-text           the act has text of its own
      --source TEXT        where the act can be read (repeatable; required before `check` passes)
      --short NAME         the act series' name in citations (default: the previous year's)
      --vehicle TEXT       the law that carries the act, if any
      --note TEXT          a remark (repeatable)
      --rules DIR          the rulebook folder (default: Rules)

    \(ExitCode.help)
    """

    static let options: [Arguments.Option] = [
        .value("act"), .value("title"), .value("enacted"), .value("carries"), .flag("own-text"),
        .value("source", repeatable: true), .value("short"), .value("vehicle"), .value("note", repeatable: true),
        .value("rules"), .flag("help"),
    ]

    static func run(_ arguments: [String], console: inout Console) -> ExitCode {
        Shared.run(arguments, options: options, help: help, console: &console) { args, console in
            let entry = try self.entry(args)
            let folder = args.value("rules") ?? "Rules"
            let files = try SourceFiles.read([folder], extensions: ["proviso"])
            let trees = files.map(Parser.parse)
            let years = trees.flatMap { $0.clauses.compactMap(fiscalYear) }
            if let last = years.max(), entry.year > last + 1 {
                throw UsageError("FY\(entry.year) would leave FY\(last + 1) unrecorded", help: "record FY\(last + 1) first")
            }
            if let carried = entry.carries, !years.contains(carried) {
                throw UsageError("`--carries FY\(carried)` names a year the act table does not record")
            }
            var entryWithShort = entry
            if entry.short == nil { entryWithShort.short = previousShort(before: entry.year, in: trees) }
            let target = table(for: entry.year, files: files, trees: trees) ?? SourceFile(path: folder + "/acts.proviso", text: "")
            let text: String
            do throws(FiscalYearEntryError) {
                text = try entryWithShort.recorded(in: target)
            } catch {
                if case .syntax(let ds) = error {
                    console.err(DiagnosticRenderer(sources: [target]).render(ds))
                    return .rulebook
                }
                throw UsageError("\(error)")
            }
            guard FileSystem.writeAtomically(Array(text.utf8), to: target.path) else { throw UsageError("cannot write `\(target.path)`") }
            console.out("recorded FY\(entry.year) in \(target.path)\n")
            return report(folder, year: entry.year, console: &console)
        }
    }

    /// The entry the arguments describe, every value checked.
    private static func entry(_ args: Arguments) throws(UsageError) -> FiscalYearEntry {
        guard args.positional.count == 1, let year = FiscalYear(parsing: args.positional[0])?.year else {
            throw UsageError("name one fiscal year, such as FY2027", help: "proviso new-fiscal-year FY2027 --act 'P.L. …' …")
        }
        guard let act = args.value("act") else { throw UsageError("missing `--act`", help: "the act's citation, such as --act 'P.L. 119-4, div. A, §1101'") }
        guard let citation = Citation.parse(act), citation.kind == .publicLaw else {
            throw UsageError("`\(act)` is not a Public Law citation Proviso can read", help: "write it as `P.L. 119-4, div. A, §1101(a)(11)`")
        }
        guard let title = args.value("title"), !title.trimmingTrailingSpaces.isEmpty else {
            throw UsageError("missing `--title`", help: "the act's short title as enacted, such as \"Full-Year Continuing Appropriations Act, 2025\"")
        }
        guard let enactedText = args.value("enacted") else { throw UsageError("missing `--enacted`", help: "the date of enactment, YYYY-MM-DD") }
        guard let enacted = Day(parsing: enactedText) else { throw UsageError("invalid date `\(enactedText)` for `--enacted`", help: "write it as YYYY-MM-DD") }
        let carries: Int?
        switch (args.value("carries"), args.flag("own-text")) {
        case (let text?, false):
            guard let fy = FiscalYear(parsing: text)?.year else { throw UsageError("invalid fiscal year `\(text)` for `--carries`", help: "write it as FY2026") }
            guard fy < year else { throw UsageError("FY\(year) can only carry an earlier year's act, not FY\(fy)") }
            carries = fy
        case (nil, true):
            carries = nil
        case (_?, true):
            throw UsageError("give `--carries FY` or `--own-text`, not both")
        case (nil, false):
            throw UsageError("say what the act does with the text: `--carries FY\(year - 1)` (a full-year continuing resolution) or `--own-text`")
        }
        return FiscalYearEntry(year: year, title: title, citation: citation.written, enacted: enacted, carries: carries,
                               short: args.value("short"), vehicle: args.value("vehicle"), sources: args.all("source"),
                               notes: args.all("note"))
    }

    /// The year a top-level `fiscal-year FYnnnn` clause records.
    private static func fiscalYear(_ clause: Clause) -> Int? {
        guard clause.head.text == "fiscal-year", let t = clause.arguments.first else { return nil }
        return FiscalYear(parsing: t.text)?.year
    }

    /// The file that holds `year` already, or else the one with the most fiscal years.
    private static func table(for year: Int, files: [SourceFile], trees: [SyntaxTree]) -> SourceFile? {
        if let i = trees.firstIndex(where: { $0.clauses.contains { fiscalYear($0) == year } }) { return files[i] }
        let counts = trees.map { $0.clauses.filter { fiscalYear($0) != nil }.count }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] > 0 else { return nil }
        return files[best]
    }

    /// The `short` name of the latest earlier year's act.
    private static func previousShort(before year: Int, in trees: [SyntaxTree]) -> String? {
        let acts = trees.flatMap(\.clauses).filter { (fiscalYear($0) ?? Int.max) < year }.sorted { fiscalYear($0)! < fiscalYear($1)! }
        for block in acts.reversed() {
            for act in block.clauses("act") {
                if let short = act.clauses("short").first?.arguments.first, short.kind == .string { return short.text }
                if let i = act.arguments.firstIndex(where: { $0.isWord("short") }), i + 1 < act.arguments.count {
                    return act.arguments[i + 1].text
                }
            }
        }
        return nil
    }

    /// Checks the rulebook after the edit and prints what it says.
    private static func report(_ folder: String, year: Int, console: inout Console) -> ExitCode {
        do {
            let book = try Rulebook.load(directory: folder)
            if book.warnings.isEmpty {
                console.out("the rulebook checks; FY\(year) needs nothing more that `proviso check` can see\n")
            } else {
                console.out("the rulebook checks, with warnings about what else the year may need:\n")
                console.out(DiagnosticRenderer(sources: book.sources).render(book.warnings))
            }
            console.out("next: `proviso diff --git HEAD` lists the answers the new year changes\n")
            return .success
        } catch {
            console.out("the rulebook does not check yet; what FY\(year) still needs:\n")
            console.out(DiagnosticRenderer(sources: error.sources).render(error.diagnostics))
            return .rulebook
        }
    }
}
