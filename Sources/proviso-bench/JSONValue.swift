// The benchmark's report as JSON: keys in a fixed order, printed on one line. The library's `JSON`
// holds whole numbers only; timings need fractions.
import Proviso

/// A JSON value whose objects keep their keys in the order written.
enum JSONValue {
    case number(Double)
    case string(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// One line, no spaces; numbers with at most three decimals.
    func serialized() -> String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .number(let n):
            if n.isNaN || n.isInfinite { out += "null"; return }
            if n == n.rounded(), abs(n) < 1e15 { out += String(Int(n)); return }
            let scaled = (n * 1000).rounded() / 1000
            out += scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
        case .string(let s):
            out += JSON.string(s).serialized(pretty: false)  // the library's escaping
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let xs):
            out += "["
            for (i, x) in xs.enumerated() {
                if i > 0 { out += "," }
                x.write(into: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, (k, v)) in pairs.enumerated() {
                if i > 0 { out += "," }
                JSONValue.string(k).write(into: &out)
                out += ":"
                v.write(into: &out)
            }
            out += "}"
        }
    }
}
