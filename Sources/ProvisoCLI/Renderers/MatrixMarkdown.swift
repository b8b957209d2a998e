import Proviso

/// A matrix as a Markdown table: a row per country, a column per program; every value from the
/// rulebook is escaped (`Escape.markdown`).
enum MatrixMarkdown {
    static func cell(_ c: MatrixCell) -> String {
        let v = c.verdict == .prohibited || c.verdict == .indeterminate ? "**\(c.verdict.phrase)**" : c.verdict.phrase
        return c.decidedBy.isEmpty ? v : "\(v) (\(c.decidedBy.map(Escape.markdown).joined(separator: ", ")))"
    }

    static func render(_ m: Matrix) -> String {
        var out = "# May the United States fund it? \(m.date.prose)\n\n"
        out += "Act in force: \(Escape.markdown(m.act.act.title)) (\(Escape.markdown(m.act.act.citation.written))), "
        out += "FY\(m.act.fiscalYear)\(m.act.carriedBy.map { ", carried by \(Escape.markdown($0.written))" } ?? "").\n\n"
        out += "| Country | " + m.programs.map { Escape.markdown($0.id) }.joined(separator: " | ") + " |\n"
        out += "|---|" + m.programs.map { _ in "---" }.joined(separator: "|") + "|\n"
        for (i, c) in m.countries.enumerated() {
            out += "| \(Escape.markdown(c.name)) | " + m.cells[i].map(cell).joined(separator: " | ") + " |\n"
        }
        out += "\nEach cell names the provisions that decide it. "
        out += "Audit: \(Escape.markdown(m.audit.line)).\n"
        return out
    }
}
