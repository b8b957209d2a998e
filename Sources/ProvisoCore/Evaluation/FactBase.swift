/// The facts one query sees: the rulebook's record, plus any assumed facts, minus any forgotten
/// facts or fields. An assumed fact with the identifier of a recorded fact of the same kind
/// replaces it for the query (keeping its place, so that facts referring to it still do).
/// Without assumptions it reads the rulebook's indexes directly.
struct FactBase {
    let book: Rulebook
    private let extra: [Fact]
    /// Recorded facts replaced by an assumption: recorded index → index in `extra`.
    private let replaced: [Int: Int]
    /// Indices in `extra` of assumptions that replace a recorded fact.
    private let replacing: Set<Int>
    private let forgottenFacts: Set<Int>
    private let forgottenFields: [Int: Set<Int>]
    /// Whether nothing is assumed or forgotten (the fast path).
    let isPlain: Bool

    init(book: Rulebook, assumptions: [Fact] = [], forgotten: [String] = []) throws(QueryError) {
        self.book = book
        self.extra = assumptions
        var facts: Set<Int> = []
        var fields: [Int: Set<Int>] = [:]
        for name in forgotten {
            let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
            guard let f = book.fact(named: parts[0]) else {
                throw .unknownFact(parts[0], suggestion: closestName(to: parts[0], in: book.facts.map(\.id)))
            }
            if parts.count == 2 {
                guard let field = book.kinds[book.facts[f].kind].fieldIndex(parts[1]) else {
                    throw .unknownFact(name, suggestion: nil)
                }
                fields[f, default: []].insert(field)
            } else {
                facts.insert(f)
            }
        }
        forgottenFacts = facts
        forgottenFields = fields
        var replaced: [Int: Int] = [:]
        for (i, a) in assumptions.enumerated() {
            if let f = book.fact(named: a.id), book.facts[f].kind == a.kind { replaced[f] = i }
        }
        self.replaced = replaced
        replacing = Set(replaced.values)
        isPlain = assumptions.isEmpty && forgotten.isEmpty
    }

    /// The fact at `index` (assumed facts follow the rulebook's).
    @inline(__always) func fact(_ index: Int) -> Fact {
        if index < book.facts.count {
            if !isPlain, let r = replaced[index] { return extra[r] }
            return book.facts[index]
        }
        return extra[index - book.facts.count]
    }

    /// A field's value: `nil` when not recorded, `.unknown` when forgotten — a forgotten field is
    /// one whose value is not known, never one left out (which can mean "every year", "no end").
    @inline(__always) func value(_ index: Int, _ field: Int) -> FieldValue? {
        if isPlain { return book.facts[index].value(field) }
        if let gone = forgottenFields[index], gone.contains(field) { return .unknown }
        return fact(index).value(field)
    }

    /// The values of a repeated field; `nil` when not recorded or forgotten (`value` tells which).
    func list(_ index: Int, _ field: Int) -> [FieldValue]? {
        if !isPlain, let gone = forgottenFields[index], gone.contains(field) { return nil }
        return fact(index).lists[field]
    }

    /// Facts of `kind` for `country`.
    func facts(ofKind kind: Int, country: Int) -> [Int] {
        let base = book.facts(ofKind: kind, country: country)
        if isPlain { return base }
        var out = base.filter { !forgottenFacts.contains($0) }
        let perCountry = book.kinds[kind].perCountry
        for (i, f) in extra.enumerated() where f.kind == kind && (!perCountry || f.country == country) && !replacing.contains(i) {
            out.append(book.facts.count + i)
        }
        return out
    }

    /// Facts whose reference fields point to `target` (the executive's characterisations of a
    /// coup, say), without forgotten facts and with assumed ones.
    func referrers(of target: Int) -> [Int] {
        let recorded = target < book.facts.count ? book.referrers[target] : []
        if isPlain { return recorded }
        var out = recorded.filter { f in
            !forgottenFacts.contains(f) && fact(f).values.indices.contains { value(f, $0) == .fact(target) }
        }
        for (i, f) in extra.enumerated() where f.values.contains(.fact(target)) && !replacing.contains(i) { out.append(book.facts.count + i) }
        return out
    }
}
