import Proviso

/// `proviso report COUNTRY`: the whole checklist for one country, for a memo.
enum ReportCommand: Command {
    static let name = "report"
    static let summary = "The whole checklist for one country: every program, the record with sources, timelines, citations"
    static let help = """
    USAGE: proviso report COUNTRY [--date YYYY-MM-DD] [--format markdown|html] [--rules DIR]

    Writes the document an analyst attaches to a memo: every program's verdict with its reasoning
    and paths, the facts on record for COUNTRY with their sources, the timeline of each program
    since the earliest recorded event (in HTML, a picture with the days assistance was cut and
    restored), and the citations. It records the rulebook's hash, Proviso's version and the date.

    OPTIONS:
      --date YYYY-MM-DD    the date (default: today)
      --format F           markdown (default) or html (one self-contained page)
      --rules DIR          answer from the rulebook in DIR instead of the built-in one

    \(ExitCode.help)
    """

    static let options: [Arguments.Option] = [.value("date"), .value("format"), .value("rules"), .flag("help")]

    static func run(_ arguments: [String], console: inout Console) -> ExitCode {
        Shared.run(arguments, options: options, help: help, console: &console) { args, console in
            guard !args.positional.isEmpty else { throw UsageError("missing COUNTRY", help: "proviso report Mali --date 2012-06-01") }
            let date = try Shared.date(args.value("date"))
            let format = try Shared.format(args.value("format"), allowed: ["markdown", "html"])
            guard let engine = Shared.engine(rules: args.value("rules"), console: &console) else { return .rulebook }
            let report = try engine.report(country: args.positional.joined(separator: " "), on: date)
            console.out(format == "html" ? ReportHTML.render(report) : ReportMarkdown.render(report))
            return .success
        }
    }
}
