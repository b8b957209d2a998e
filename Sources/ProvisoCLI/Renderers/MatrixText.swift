import Proviso

/// A matrix as an aligned table for the terminal. Columns that do not fit in `width` go to a
/// further panel with the country names repeated, so a handful of programs reads in 80 columns.
enum MatrixText {
    /// Short marks for the verdicts, explained in the legend.
    static func mark(_ v: Verdict) -> String {
        switch v {
        case .prohibited: return "NO"
        case .indeterminate: return "?"
        case .allowed: return "yes"
        case .allowedWithConditions: return "yes*"
        }
    }

    static let legend = "yes allowed · yes* allowed with conditions · NO prohibited · ? indeterminate; each cell names the provisions that decide it"

    static func cell(_ c: MatrixCell) -> String {
        c.decidedBy.isEmpty ? mark(c.verdict) : mark(c.verdict) + " " + c.decidedBy.joined(separator: ",")
    }

    static func render(_ m: Matrix, width: Int = 80) -> String {
        var out = DeterminationText.wrap("Proviso matrix for \(m.date.prose) (FY\(m.act.fiscalYear); the text of the FY\(m.act.textFiscalYear) act, \(m.act.act.citation.written))", indent: "", width: width)
        out += DeterminationText.wrap(legend, indent: "", width: width) + "\n"
        let nameWidth = min(24, max(7, m.countries.map { $0.name.count }.max() ?? 7))
        let columns = m.programs.indices.map { j in
            max(m.programs[j].id.count, m.cells.map { cell($0[j]).count }.max() ?? 0)
        }
        // Panels of columns that fit in the width.
        var panels: [[Int]] = []
        var current: [Int] = []
        var used = nameWidth
        for j in m.programs.indices {
            if !current.isEmpty, used + 2 + columns[j] > width {
                panels.append(current)
                current = []
                used = nameWidth
            }
            current.append(j)
            used += 2 + columns[j]
        }
        if !current.isEmpty { panels.append(current) }
        for (n, panel) in panels.enumerated() {
            if n > 0 { out += "\n" }
            var header = pad("Country", nameWidth)
            for j in panel { header += "  " + pad(m.programs[j].id, columns[j]) }
            out += trimmed(header) + "\n"
            for (i, country) in m.countries.enumerated() {
                var line = pad(clip(country.name, nameWidth), nameWidth)
                for j in panel { line += "  " + pad(cell(m.cells[i][j]), columns[j]) }
                out += trimmed(line) + "\n"
            }
        }
        let counts = m.counts
        let tally = [Verdict.prohibited, .indeterminate, .allowedWithConditions, .allowed].compactMap { v in
            counts[v].map { "\($0) \(v.rawValue)" }
        }
        out += "\n" + DeterminationText.wrap("\(m.countries.count) countries × \(m.programs.count) programs: \(tally.joined(separator: ", "))", indent: "", width: width)
        out += DeterminationText.wrap("Audit: \(m.audit.line)", indent: "", hanging: "  ", width: width)
        return out
    }

    private static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    private static func clip(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }
    private static func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while t.last == " " { t = t.dropLast() }
        return String(t)
    }
}
