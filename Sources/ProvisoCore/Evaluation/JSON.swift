/// A JSON value with ordered object keys, written deterministically: the same determination
/// always gives byte-identical JSON.
public indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Int)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool { a.serialized() == b.serialized() }

    /// A string or `null`.
    public static func optional(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }

    /// Compact text on one line (`pretty: false`) or indented by two spaces.
    public func serialized(pretty: Bool = true) -> String {
        var out = ""
        write(into: &out, indent: pretty ? 0 : -1)
        return out
    }

    private func write(into out: inout String, indent: Int) {
        let pretty = indent >= 0
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let closePad = pretty ? String(repeating: "  ", count: indent) : ""
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += String(n)
        case .string(let s): JSON.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                out += i == 0 ? (pretty ? "\n" : "") : (pretty ? ",\n" : ",")
                out += pad
                item.write(into: &out, indent: pretty ? indent + 1 : -1)
            }
            out += pretty ? "\n\(closePad)]" : "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                out += i == 0 ? (pretty ? "\n" : "") : (pretty ? ",\n" : ",")
                out += pad
                JSON.escape(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(into: &out, indent: pretty ? indent + 1 : -1)
            }
            out += pretty ? "\n\(closePad)}" : "}"
        }
    }

    static func escape(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

extension Citation {
    /// The citation's parts, for tools.
    public var json: JSON {
        var pairs: [(String, JSON)] = [("text", .string(description)), ("kind", .string(kind.rawValue))]
        if let statute { pairs.append(("statute", .string(statute))) }
        if let publicLaw { pairs.append(("publicLaw", .string(publicLaw))) }
        if let division { pairs.append(("division", .string(division))) }
        if let title { pairs.append(("title", .string(title))) }
        if let section { pairs.append(("section", .string(section))) }
        if let enclosingSection { pairs.append(("enclosingSection", .string(enclosingSection))) }
        if let usCode { pairs.append(("usCode", .string(usCode))) }
        if let number { pairs.append(("number", .string(number))) }
        if let fiscalYear { pairs.append(("fiscalYear", .number(fiscalYear))) }
        if let continuedBy { pairs.append(("continuedBy", .string(continuedBy))) }
        return .object(pairs)
    }
}

extension Determination {
    /// The determination as JSON, with the design's field names.
    public var json: JSON {
        .object([
            ("verdict", .string(verdict.rawValue)),
            ("summary", .string(summary)),
            ("country", .object([("name", .string(country.name)), ("iso3", .string(country.iso3))])),
            ("program", .object([("id", .string(program.id)), ("name", .string(program.name))])),
            ("date", .string(date.description)),
            ("fiscalYear", .number(fiscalYear)),
            ("recipient", .string(recipient.rawValue)),
            ("recipientAssumed", .bool(recipientAssumed)),
            ("purposes", .array(purposes.map(JSON.string))),
            ("act", actJSON),
            ("provisions", .array(provisions.map(\.json))),
            ("facts", .array(facts.map(\.json))),
            ("missing", .array(missing.map { m in
                .object([("provision", .string(m.provision)), ("fact", .optional(m.fact)), ("description", .string(m.description))])
            })),
            ("paths", .array(paths.map { p in
                .object([("kind", .string(p.kind.rawValue)), ("description", .string(p.description)),
                         ("verdict", .string(p.verdict.rawValue)), ("option", .string(p.option)),
                         ("arguments", .array(p.arguments.map(JSON.string)))])
            })),
            ("conditions", .array(conditions.map(JSON.string))),
            ("components", .array(components.map { c in
                .object([("program", .string(c.program)), ("verdict", .string(c.verdict.rawValue)),
                         ("decidedBy", .array(c.decidedBy.map(JSON.string)))])
            })),
            ("warnings", .array(warnings.map(JSON.string))),
            ("caveats", .array(caveats.map(JSON.string))),
            ("notes", .array(notes.map(JSON.string))),
            ("hypothetical", .bool(hypothetical)),
            ("assumptions", .array(assumptions.map(JSON.string))),
            ("audit", audit.json),
            ("explanation", explanation.json),
        ])
    }

    private var actJSON: JSON {
        .object([
            ("fiscalYear", .number(act.fiscalYear)),
            ("title", .string(act.act.title)),
            ("citation", .string(act.act.citation.written)),
            ("enacted", .string(act.act.enacted.description)),
            ("textFiscalYear", .number(act.textFiscalYear)),
            ("inForceBy", .string(act.basis.rawValue)),
            ("carriedBy", act.carriedBy.map { c in .object([("citation", .string(c.written)), ("title", .optional(act.carriedByTitle))]) } ?? .null),
            ("warnings", .array(act.warnings.map(JSON.string))),
        ])
    }
}

extension ProvisionFinding {
    /// The finding as JSON.
    public var json: JSON {
        var pairs: [(String, JSON)] = [
            ("id", .string(id)),
            ("title", .string(title)),
            ("citation", .optional(citation?.description)),
            ("citationParts", citation?.json ?? .null),
            ("version", .optional(version)),
            ("status", .string(status.rawValue)),
            ("reason", .string(reason)),
            ("event", .optional(event)),
            ("decidedBy", .optional(decidedBy)),
            ("facts", .array(facts.map(JSON.string))),
            ("conditions", .array(conditions.map(JSON.string))),
        ]
        if !components.isEmpty {
            pairs.append(("components", .array(components.map { .object([("program", .string($0.program)), ("status", .string($0.status.rawValue))]) })))
        }
        return .object(pairs)
    }
}

extension FactReference {
    /// The fact as JSON.
    public var json: JSON {
        .object([
            ("id", .string(id)),
            ("kind", .string(kind)),
            ("country", .optional(country)),
            ("date", .optional(date?.description)),
            ("summary", .string(summary)),
            ("sources", .array(sources.map(JSON.string))),
            ("confidence", .optional(confidence?.word)),
            ("assumed", .bool(isAssumed)),
        ])
    }
}
