import Proviso

/// A matrix as JSON for tools, keys in a fixed order.
enum MatrixJSON {
    static func render(_ m: Matrix) -> JSON {
        let counts = m.counts
        return .object([
            ("date", .string(m.date.description)),
            ("fiscalYear", .number(m.act.fiscalYear)),
            ("act", .object([("title", .string(m.act.act.title)), ("citation", .string(m.act.act.citation.written)),
                             ("textFiscalYear", .number(m.act.textFiscalYear)), ("inForceBy", .string(m.act.basis.rawValue))])),
            ("programs", .array(m.programs.map { .object([("id", .string($0.id)), ("name", .string($0.name))]) })),
            ("countries", .array(m.countries.enumerated().map { i, c in
                .object([("name", .string(c.name)), ("iso3", .string(c.iso3)),
                         ("cells", .array(m.cells[i].enumerated().map { j, cell in
                             .object([("program", .string(m.programs[j].id)), ("verdict", .string(cell.verdict.rawValue)),
                                      ("decidedBy", .array(cell.decidedBy.map(JSON.string)))])
                         }))])
            })),
            ("counts", .object(Verdict.allCases.map { ($0.rawValue, .number(counts[$0] ?? 0)) })),
            ("audit", m.audit.json),
        ])
    }
}
