/// Every country × every program on one date: each cell the verdict and the provisions that decide
/// it. Cells come from `Engine.verdict` (the fast path); a matrix made with `explained: true` also
/// holds each cell's full determination, for renderings that show the reasoning.
public struct Matrix: Sendable {
    /// The date asked about.
    public var date: Day
    /// The act in force on the date (its fiscal year, the act whose text governs).
    public var act: ActInForce
    /// The rows, in the rulebook's order (by name) or the order asked for.
    public var countries: [Country]
    /// The columns, in the rulebook's order or the order asked for.
    public var programs: [Program]
    /// `cells[row][column]`.
    public var cells: [[MatrixCell]]
    /// What produced it.
    public var audit: Audit

    /// The cell for a country and program, by their positions.
    public subscript(row: Int, column: Int) -> MatrixCell { cells[row][column] }

    /// How many cells have each verdict.
    public var counts: [Verdict: Int] {
        var out: [Verdict: Int] = [:]
        for row in cells { for c in row { out[c.verdict, default: 0] += 1 } }
        return out
    }
}

/// One cell of a matrix.
public struct MatrixCell: Sendable {
    /// The verdict.
    public var verdict: Verdict
    /// The provisions (or, for an answer allowed by one, exemptions) that decide it.
    public var decidedBy: [String]
    /// The full determination, for a matrix made with `explained: true` (without paths).
    public var determination: Determination?
}

extension Engine {
    /// The matrix of every country (or those named) × every program (or those named) on `date`.
    /// Names match as in `canFund`; an unknown name throws with a suggestion.
    public func matrix(on date: Day, countries: [String]? = nil, programs: [String]? = nil,
                       explained: Bool = false) throws(QueryError) -> Matrix {
        let rows: [Int]
        if let countries {
            var found: [Int] = []
            for name in countries {
                guard let c = rulebook.country(named: name) else {
                    throw .unknownCountry(name, suggestion: closestName(to: name, in: rulebook.countryNames).map(canonicalCountryName))
                }
                if !found.contains(c) { found.append(c) }
            }
            rows = found
        } else {
            rows = Array(rulebook.countries.indices)
        }
        let columns: [Int]
        if let programs {
            var found: [Int] = []
            for name in programs {
                guard let p = rulebook.program(named: name) else {
                    throw .unknownProgram(name, suggestion: closestName(to: name, in: rulebook.programNames).map(canonicalProgramName))
                }
                if !found.contains(p) { found.append(p) }
            }
            columns = found
        } else {
            columns = Array(rulebook.programs.indices)
        }
        let act = try rulebook.actInForce(on: date)
        var cells: [[MatrixCell]] = []
        cells.reserveCapacity(rows.count)
        for c in rows {
            var row: [MatrixCell] = []
            row.reserveCapacity(columns.count)
            for p in columns {
                let q = Query(country: c, program: p, date: date)
                let v = try verdict(q)
                row.append(MatrixCell(verdict: v.verdict, decidedBy: v.decidedBy,
                                      determination: explained ? try determine(q, paths: false) : nil))
            }
            cells.append(row)
        }
        return Matrix(date: date, act: act, countries: rows.map { rulebook.countries[$0] },
                      programs: columns.map { rulebook.programs[$0] }, cells: cells, audit: audit(on: date))
    }
}

extension Engine {
    /// A country's canonical name from any name it is known by (for "did you mean").
    func canonicalCountryName(_ name: String) -> String { rulebook.country(named: name).map { rulebook.countries[$0].name } ?? name }
    /// A program's identifier from any name it is known by.
    func canonicalProgramName(_ name: String) -> String { rulebook.program(named: name).map { rulebook.programs[$0].id } ?? name }
}
