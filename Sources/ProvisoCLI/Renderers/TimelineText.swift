import Proviso

/// A timeline as text for the terminal: one line per interval with its verdict and the provisions
/// that stand, then what opened it.
enum TimelineText {
    static func render(_ t: Timeline) -> String {
        let whom = t.recipient == .government ? "assistance to the government" : "assistance to non-government recipients"
        var out = "\(t.country), \(t.program) (\(whom)), \(t.from) to \(t.to)\n\n"
        for i in t.intervals {
            var line = "\(i.from) to \(i.until)  \(i.verdict.rawValue)"
            if !i.provisions.isEmpty {
                line += "  (" + i.provisions.map { "\($0.id) \($0.status.rawValue)" }.joined(separator: ", ") + ")"
            }
            out += line + "\n"
            let when = i.since < i.from ? "since \(i.since), opened by" : "opened by"
            if i.openedBy.isEmpty {
                out += "    \(when) the start of the record\n"
            } else {
                out += "    \(when): " + i.openedBy.map(\.description).joined(separator: "; ") + "\n"
            }
        }
        return out
    }
}
