import Proviso

/// `can-fund COUNTRY --program P …`: the main question.
enum CanFundCommand: Command {
    static let name = "can-fund"
    static let summary = "May the United States fund COUNTRY under PROGRAM on a date? The verdict with the law behind it"
    static let help = """
    USAGE: can-fund COUNTRY --program PROGRAM [options]
           proviso can-fund COUNTRY --program PROGRAM [options]

    Answers whether the United States may fund COUNTRY under PROGRAM on a date, with the
    provisions that decide it, their pin-point citations in the act in force, the dated facts
    they rest on (each with its source) and what would change the answer.

    Names match without regard to case and through aliases: `mali`, `MLI`; `imet`,
    `International Military Education and Training`.

    OPTIONS:
      --program P          the program (required): IMET, FMF, TSCTP, …
      --date YYYY-MM-DD    the date the answer is for (default: today)
      --purpose NAME       a purpose the assistance serves (repeatable), e.g. democratic-elections
      --recipient R        government or non-government (default: the program's usual recipient)
      --fiscal-year FY     the fiscal year of the funds, when not the date's own (FY2012)
      --assume 'FACT'      answer as if FACT were recorded (repeatable; `;` separates clauses on one line);
                           a FACT with the identifier of a recorded fact replaces it; the answer says it
                           is hypothetical
      --forget ID          answer as if the fact ID (or one field, ID.FIELD) were not recorded (repeatable)
      --format F           text (default) or json
      --explain            the reasoning as an argument: each provision in the act in force, the dated
                           facts it rests on with their sources, why the others do not decide it,
                           what is missing and what each value would give, and the verified paths
      --rules DIR          answer from the rulebook in DIR instead of the built-in one

    \(ExitCode.help)
    """

    static let options: [Arguments.Option] = [
        .value("program"), .value("date"), .value("purpose", repeatable: true), .value("recipient"), .value("fiscal-year"),
        .value("assume", repeatable: true), .value("forget", repeatable: true), .value("format"), .flag("explain"), .value("rules"), .flag("help"),
    ]

    static func run(_ arguments: [String], console: inout Console) -> ExitCode {
        Shared.run(arguments, options: options, help: help, console: &console) { args, console in
            guard !args.positional.isEmpty else { throw UsageError("missing COUNTRY", help: "can-fund Mali --program IMET") }
            guard let program = args.value("program") else {
                throw UsageError("missing `--program`", help: "name a program: can-fund \(args.positional.joined(separator: " ")) --program IMET")
            }
            let date = try Shared.date(args.value("date"))
            let format = try Shared.format(args.value("format"))
            let recipient = try Shared.recipient(args.value("recipient"))
            let fiscalYear = try Shared.fiscalYear(args.value("fiscal-year"))
            guard let engine = Shared.engine(rules: args.value("rules"), console: &console) else { return .rulebook }
            var query = try engine.query(country: args.positional.joined(separator: " "), program: program, on: date,
                                         purposes: args.all("purpose"), recipient: recipient, fiscalYear: fiscalYear)
            let assumed = args.all("assume")
            if !assumed.isEmpty {
                do throws(RulebookError) {
                    query.assumptions = try engine.assumptions(assumed)
                } catch {
                    console.err(DiagnosticRenderer(sources: error.sources).render(error.diagnostics))
                    return .rulebook
                }
            }
            query.forgotten = args.all("forget")
            // The paths and the explanation are shown only with --explain or in JSON: without them
            // the answer is built without them, which is most of the work after loading.
            let full = format == "json" || args.flag("explain")
            let answer = try engine.determine(query, paths: full, explained: full)
            if format == "json" {
                console.out(answer.json.serialized() + "\n")
            } else {
                console.out(DeterminationText.render(answer, explain: args.flag("explain")))
            }
            return ExitCode(answer.verdict)
        }
    }
}
