import Proviso

/// A matrix as CSV (RFC 4180): a row per country, a column per program (each cell the verdict and
/// the deciding provisions, `prohibited: sfops-7008`), and the audit on every row so that a row
/// copied elsewhere still says what produced it. Cells are neutralised (`Escape.csv`).
enum MatrixCSV {
    static func cell(_ c: MatrixCell) -> String {
        c.decidedBy.isEmpty ? c.verdict.rawValue : "\(c.verdict.rawValue): \(c.decidedBy.joined(separator: "; "))"
    }

    static func render(_ m: Matrix) -> String {
        let header = ["country", "iso3"] + m.programs.map(\.id) + ["date", "rulebook_hash", "proviso_version"]
        var out = header.map(Escape.csv).joined(separator: ",") + "\r\n"
        for (i, country) in m.countries.enumerated() {
            let row = [country.name, country.iso3] + m.cells[i].map(cell)
                + [m.date.description, m.audit.rulebookHash, m.audit.provisoVersion]
            out += row.map(Escape.csv).joined(separator: ",") + "\r\n"
        }
        return out
    }
}
