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

    /// A cell, quoted when it holds a comma, a quote or a line break.
    static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        var out = "\""
        for c in cell { out += c == "\"" ? "\"\"" : String(c) }
        return out + "\""
    }
}
