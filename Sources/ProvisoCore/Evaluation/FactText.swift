/// Writes a fact back as rules-language text on one line (clauses separated by `;`), so that a
/// hypothetical Proviso verified can be asked again with `--assume`.
enum FactText {
    /// `certification what-if { provision sfops-7008; event mali-2012; date 2012-06-01; source "hypothetical" }`.
    static func write(_ fact: Fact, book: Rulebook, facts: FactBase) -> String {
        let kind = book.kinds[fact.kind]
        var clauses: [String] = []
        if let c = fact.country, kind.perCountry, !derivesCountry(fact, facts: facts) { clauses.append("country \(book.countries[c].iso3)") }
        for (i, field) in kind.fields.enumerated() {
            if let list = fact.lists[i] {
                clauses.append("\(field.name) " + (list.isEmpty ? "all" : list.map { word($0, book: book, facts: facts) }.joined(separator: ", ")))
            } else if let v = fact.value(i) {
                clauses.append("\(field.name) \(word(v, book: book, facts: facts))")
            }
        }
        clauses.append("source \(quoted("hypothetical"))")
        return "\(kind.name) \(fact.id) { \(clauses.joined(separator: "; ")) }"
    }

    /// Whether the checker derives the fact's country from a fact it refers to.
    private static func derivesCountry(_ fact: Fact, facts: FactBase) -> Bool {
        fact.values.contains { v in
            if case .fact(let t)? = v { return facts.fact(t).country == fact.country }
            return false
        }
    }

    private static func word(_ v: FieldValue, book: Rulebook, facts: FactBase) -> String {
        switch v {
        case .text(let t): return quoted(t)
        case .citation(let c): return quoted(c.written)
        case .program(let p): return book.programs[p].id
        case .provision(let p): return book.provisions[p].id
        case .country(let c): return book.countries[c].iso3
        case .fact(let f): return facts.fact(f).id
        case .list(let l): return book.lists[l].id
        default: return v.written
        }
    }

    /// A string literal of the rules language.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(c)
            }
        }
        return out + "\""
    }

    /// A word quoted for a POSIX shell.
    static func shellQuoted(_ s: String) -> String {
        "'" + s.replacingAll("'", with: "'\\''") + "'"
    }
}

extension String {
    /// Every occurrence of `target` replaced (the library does without Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
