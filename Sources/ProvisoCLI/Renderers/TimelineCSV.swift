import Proviso

/// A timeline as CSV (RFC 4180): one row per interval; lists inside a cell are separated by `; `.
enum TimelineCSV {
    static let header = "from,until,since,verdict,decided_by,provisions,opened_by"

    static func render(_ t: Timeline) -> String {
        var out = header + "\r\n"
        for i in t.intervals {
            let cells = [
                i.from.description, i.until.description, i.since.description, i.verdict.rawValue,
                i.decidedBy.joined(separator: "; "),
                i.provisions.map { "\($0.id) \($0.status.rawValue)" }.joined(separator: "; "),
                i.openedBy.map(\.description).joined(separator: "; "),
            ]
            out += cells.map(quoted).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// A cell, neutralised and quoted (`Escape.csv`).
    static func quoted(_ cell: String) -> String { Escape.csv(cell) }
}
