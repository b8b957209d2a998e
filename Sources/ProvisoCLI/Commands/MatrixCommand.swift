import Proviso

/// `proviso matrix`: every country × every program on one date.
enum MatrixCommand: Command {
    static let name = "matrix"
    static let summary = "Every country × every program on a date: the verdicts and the provisions that decide them"
    static let help = """
    USAGE: proviso matrix [--date YYYY-MM-DD] [--countries LIST] [--programs LIST] [--format F] [--rules DIR]

    Answers every country of the rulebook (or those named) under every program (or those named) on
    one date. Each cell is the verdict and the provisions that decide it. The HTML page is
    self-contained (no external assets): a colour-coded grid with a legend, each cell linking to
    its explanation and citations. Every format records the rulebook's hash, Proviso's version
    and the date.

    OPTIONS:
      --date YYYY-MM-DD    the date (default: today)
      --countries LIST     countries separated by commas (names, ISO codes or aliases)
      --programs LIST      programs separated by commas (IMET,FMF,…)
      --format F           text (default; an aligned table in --width columns), csv, json, markdown or html
      --width N            the width of the text table (default 80): programs that do not fit go to a further panel
      --rules DIR          answer from the rulebook in DIR instead of the built-in one

    \(ExitCode.help)
    """

    static let options: [Arguments.Option] = [
        .value("date"), .value("countries"), .value("programs"), .value("format"), .value("width"), .value("rules"), .flag("help"),
    ]

    static func run(_ arguments: [String], console: inout Console) -> ExitCode {
        Shared.run(arguments, options: options, help: help, console: &console) { args, console in
            if let extra = args.positional.first { throw UsageError("unexpected argument `\(extra)`", help: "name countries with --countries") }
            let date = try Shared.date(args.value("date"))
            let format = try Shared.format(args.value("format"), allowed: ["text", "csv", "json", "markdown", "html"])
            var width = 80
            if let w = args.value("width") {
                guard let n = Int(w), n >= 20, n <= 1000 else { throw UsageError("invalid width `\(w)` for `--width`", help: "a number of columns from 20 to 1000") }
                width = n
            }
            let countries = try Shared.list(args.value("countries"), option: "countries")
            let programs = try Shared.list(args.value("programs"), option: "programs")
            guard let engine = Shared.engine(rules: args.value("rules"), console: &console) else { return .rulebook }
            let matrix = try engine.matrix(on: date, countries: countries, programs: programs, explained: format == "html")
            switch format {
            case "csv": console.out(MatrixCSV.render(matrix))
            case "json": console.out(MatrixJSON.render(matrix).serialized() + "\n")
            case "markdown": console.out(MatrixMarkdown.render(matrix))
            case "html": console.out(MatrixHTML.render(matrix))
            default: console.out(MatrixText.render(matrix, width: width))
            }
            return .success
        }
    }
}
