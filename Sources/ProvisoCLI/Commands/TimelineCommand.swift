import Proviso

/// `proviso timeline COUNTRY --program P`: when the answer changed, and why.
enum TimelineCommand: Command {
    static let name = "timeline"
    static let summary = "When was COUNTRY's funding under PROGRAM cut, and when restored? Intervals of equal verdict"
    static let help = """
    USAGE: proviso timeline COUNTRY --program PROGRAM [--from DATE] [--to DATE] [options]

    Lists the intervals over which the answer for COUNTRY and PROGRAM stayed the same, each with
    its verdict, the provisions that decide it and the event that opened it (a coup, a
    determination, a certification, a waiver, a new fiscal year's act, a continuing resolution).
    Every day of an interval gets that interval's verdict from `can-fund`.

    OPTIONS:
      --program P          the program (required): IMET, FMF, TSCTP, …
      --from YYYY-MM-DD    the first day (default: the first day of the first recorded fiscal year)
      --to YYYY-MM-DD      the last day (default: today)
      --purpose NAME       a purpose the assistance serves (repeatable)
      --recipient R        government or non-government (default: the program's usual recipient)
      --format F           text (default), json or csv
      --rules DIR          answer from the rulebook in DIR instead of the built-in one

    \(ExitCode.help)
    """

    static let options: [Arguments.Option] = [
        .value("program"), .value("from"), .value("to"), .value("purpose", repeatable: true), .value("recipient"),
        .value("format"), .value("rules"), .flag("help"),
    ]

    static func run(_ arguments: [String], console: inout Console) -> ExitCode {
        Shared.run(arguments, options: options, help: help, console: &console) { args, console in
            guard !args.positional.isEmpty else { throw UsageError("missing COUNTRY", help: "proviso timeline Mali --program IMET") }
            guard let program = args.value("program") else {
                throw UsageError("missing `--program`", help: "name a program: proviso timeline \(args.positional.joined(separator: " ")) --program IMET")
            }
            let format = try Shared.format(args.value("format"), allowed: ["text", "json", "csv"])
            let recipient = try Shared.recipient(args.value("recipient"))
            let to = try Shared.date(args.value("to"), option: "to")
            let given = try args.value("from").map { (text: String) throws(UsageError) -> Day in try Shared.date(text, option: "from") }
            guard let engine = Shared.engine(rules: args.value("rules"), console: &console) else { return .rulebook }
            guard let first = engine.rulebook.fiscalYears.first else { throw QueryError.noFiscalYears }
            let from = given ?? FiscalYear(first.year).start
            if from > to {
                throw UsageError("`--from` \(from) is after `--to` \(to)", help: "give the earlier day first")
            }
            let timeline = try engine.timeline(country: args.positional.joined(separator: " "), program: program, from: from, to: to,
                                               purposes: args.all("purpose"), recipient: recipient)
            switch format {
            case "json": console.out(TimelineJSON.render(timeline).serialized() + "\n")
            case "csv": console.out(TimelineCSV.render(timeline))
            default: console.out(TimelineText.render(timeline))
            }
            return .success
        }
    }
}
