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

    /// A cell, quoted when it holds a comma, a quote or a line break (looked for among Unicode
    /// scalars: `\r\n` is one Character and equals neither `\r` nor `\n`). A cell that a
    /// spreadsheet would read as a formula (`=`, `+`, `-`, `@`, a tab or a carriage return first)
    /// starts with `'`, so that opening the file computes nothing.
    static func quoted(_ cell: String) -> String {
        var text = cell
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        return out + "\""
    }
}
