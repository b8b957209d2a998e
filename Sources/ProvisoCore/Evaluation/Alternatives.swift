/// For a provision whose status is unknown: the values a missing fact could take and the verdict
/// each would give, each found by asking the question again with that value assumed (never
/// guessed). Values are tried for the fields the record leaves unknown (a truth recorded as
/// `unknown` or `disputed`, a field not recorded, a date known only to a span that contains the
/// query date), and for the facts an `any KIND … of EVENT where FIELD == VALUE` condition looks for
/// (a determination that is not recorded), and for the lists a `listed LIST` condition reads (the
/// country on the list; the governing edition recorded in full without it). Only values that
/// settle the question are listed.
struct Alternatives {
    let engine: Engine
    let query: Query
    let answer: Determination
    let facts: FactBase

    var book: Rulebook { engine.rulebook }

    /// At most this many re-evaluations per provision, so that an odd record cannot make an
    /// explanation slow.
    static let budget = 24

    func find(for finding: ProvisionFinding, provision p: Int) -> [ExplanationStep] {
        var out: [ExplanationStep] = []
        var tried = 0
        var ids: [String] = []
        for id in answer.missing.filter({ $0.provision == finding.id }).compactMap(\.fact) + finding.facts where !ids.contains(id) {
            ids.append(id)
        }
        for id in ids {
            guard let f = index(of: id) else { continue }
            let fact = facts.fact(f)
            let kind = book.kinds[fact.kind]
            for (i, field) in kind.fields.enumerated() where !field.isRepeated {
                let candidates = values(for: field, current: facts.value(f, i))
                guard !candidates.isEmpty, tried + candidates.count <= Alternatives.budget else { continue }
                var results: [(FieldValue, String, Verdict, Fact)] = []
                for (value, words) in candidates {
                    var copy = fact
                    copy.values[i] = value
                    copy.fieldConfidence[i] = nil
                    copy.sources = ["hypothetical"]
                    copy.isAssumed = true
                    tried += 1
                    guard let v = verdict(with: copy) else { continue }
                    results.append((value, words, v, copy))
                }
                // A field matters only if some value settles the question.
                guard results.contains(where: { $0.2 != .indeterminate }) else { continue }
                for (_, words, v, copy) in results {
                    var s = step(text: "if \(kind.name) `\(fact.id)` recorded \(field.name) \(words): \(v.phrase)",
                                 fact: fact.id, provision: finding.id, verdict: v, assumed: copy)
                    s.field = field.name
                    s.question = field.question
                    out.append(s)
                }
            }
        }
        for (kind, owner, ownerField, field, value) in soughtFacts(p, finding: finding) where tried < Alternatives.budget {
            guard let e = index(of: owner) else { continue }
            let k = book.kinds[kind]
            var row = [FieldValue?](repeating: nil, count: k.fields.count)
            row[ownerField] = .fact(e)
            row[field] = value
            var fact = Fact(id: "what-if-\(k.name)", kind: kind, country: facts.fact(e).country, values: row, lists: [:],
                            sources: ["hypothetical"], confidence: nil, fieldConfidence: [:], notes: [], summary: nil,
                            location: SourceLocation(file: "(what-if)", line: 1, column: 1))
            fact.isAssumed = true
            tried += 1
            guard let v = verdict(with: fact), v != answer.verdict else { continue }
            out.append(step(text: "if a \(k.name) of `\(owner)` were recorded with \(k.fields[field].name) \(value.written): \(v.phrase)",
                            fact: owner, provision: finding.id, verdict: v, assumed: fact))
        }
        for l in soughtLists(p, finding: finding) where tried < Alternatives.budget {
            for (fact, text) in listFacts(l) {
                tried += 1
                guard let v = verdict(with: fact), v != answer.verdict else { continue }
                out.append(step(text: "\(text): \(v.phrase)", fact: nil, provision: finding.id, verdict: v, assumed: fact))
            }
        }
        return out
    }

    /// The lists the provision's conditions ask about (`listed LIST`).
    private func soughtLists(_ p: Int, finding: ProvisionFinding) -> [Int] {
        let provision = book.provisions[p]
        guard let version = provision.versions.first(where: { $0.name == finding.version }), let trigger = version.trigger else { return [] }
        var out: [Int] = []
        var seen = Set<Int>()
        func walk(_ c: Condition) {
            switch c {
            case .not(let x): walk(x)
            case .and(let xs), .or(let xs): xs.forEach(walk)
            case .define(let i): if seen.insert(i).inserted { walk(provision.defines[i]) }
            case .any(_, _, _, _, let body): walk(body)
            case .listed(let l): if !out.contains(l) { out.append(l) }
            default: break
            }
        }
        walk(trigger)
        return out
    }

    /// For a list: the country on it, and (for an annual list) the governing edition recorded in
    /// full without it, as assumed facts with what they would mean.
    private func listFacts(_ l: Int) -> [(Fact, String)] {
        let list = book.lists[l]
        let country = book.countries[query.country].name
        func fact(_ kind: Int, _ id: String, _ values: [Int: FieldValue], country c: Int?) -> Fact {
            var row = [FieldValue?](repeating: nil, count: book.kinds[kind].fields.count)
            for (k, v) in values { row[k] = v }
            var f = Fact(id: id, kind: kind, country: c, values: row, lists: [:], sources: ["hypothetical"], confidence: nil,
                         fieldConfidence: [:], notes: [], summary: nil, location: SourceLocation(file: "(what-if)", line: 1, column: 1))
            f.isAssumed = true
            return f
        }
        switch list.cadence {
        case .interval:
            return [(fact(Builtin.listing, "what-if-listing", [Builtin.Listing.list.rawValue: .list(l),
                                                                Builtin.Listing.from.rawValue: .date(UncertainDate(query.date))],
                          country: query.country), "if \(country) were on the \(list.title) on \(query.date.prose)")]
        case .annual(let offset):
            let year = answer.fiscalYear - offset
            let complete = Builtin.coverages.firstIndex(of: "complete") ?? 0
            return [
                (fact(Builtin.listing, "what-if-listing", [Builtin.Listing.list.rawValue: .list(l), Builtin.Listing.year.rawValue: .number(year)],
                      country: query.country), "if \(country) were on the \(year) \(list.title)"),
                (fact(Builtin.edition, "what-if-edition", [Builtin.Edition.list.rawValue: .list(l), Builtin.Edition.year.rawValue: .number(year),
                                                           Builtin.Edition.coverage.rawValue: .enumCase(complete, "complete")], country: nil),
                 "if the \(year) \(list.title) were recorded in full, without \(country)"),
            ]
        }
    }

    private func index(of id: String) -> Int? {
        if let f = book.fact(named: id) { return f }
        return nil
    }

    /// Values to try for a field in the state the record leaves it.
    private func values(for field: FactKind.Field, current: FieldValue?) -> [(FieldValue, String)] {
        switch (field.type, current) {
        case (.truth, nil), (.truth, .unknown?), (.truth, .truth(.unknown, _)?):
            return [(.truth(.true, written: "yes"), "yes"), (.truth(.false, written: "no"), "no")]
        case (.enumeration(let cases), nil), (.enumeration(let cases), .unknown?):
            return cases.enumerated().map { (.enumCase($0.offset, $0.element), $0.element) }
        case (.date, .date(let d)?) where !d.isExact && d.earliest <= query.date && query.date <= d.latest:
            var out: [(FieldValue, String)] = [(.date(UncertainDate(query.date)), "on or before \(query.date.prose) (\(query.date))")]
            if query.date < d.latest {
                out.append((.date(UncertainDate(query.date.next)), "after \(query.date.prose) (\(query.date.next))"))
            }
            return out
        default:
            return []
        }
    }

    private func verdict(with fact: Fact) -> Verdict? {
        var q = query
        q.assumptions.append(fact)
        return try? engine.verdict(q).verdict
    }

    private func step(text: String, fact: String?, provision: String, verdict: Verdict, assumed: Fact) -> ExplanationStep {
        let written = FactText.write(assumed, book: book, facts: facts)
        let base = query.assumptions.flatMap { ["--assume", FactText.write($0, book: book, facts: facts)] }
            + query.forgotten.flatMap { ["--forget", $0] }
        return ExplanationStep(kind: .alternative, text: text, provision: provision, fact: fact, verdict: verdict,
                               arguments: base + ["--assume", written])
    }

    /// The facts the provision's conditions look for about its event and does not find:
    /// `any KIND v of e where v.FIELD == VALUE`, as (kind, event id, owner field, field, value).
    private func soughtFacts(_ p: Int, finding: ProvisionFinding) -> [(Int, String, Int, Int, FieldValue)] {
        guard let event = finding.event else { return [] }
        let provision = book.provisions[p]
        guard let version = provision.versions.first(where: { $0.name == finding.version }), let trigger = version.trigger else { return [] }
        var out: [(Int, String, Int, Int, FieldValue)] = []
        var seen = Set<Int>()
        func walk(_ c: Condition) {
            switch c {
            case .not(let x): walk(x)
            case .and(let xs), .or(let xs): xs.forEach(walk)
            case .define(let i):
                if seen.insert(i).inserted { walk(provision.defines[i]) }
            case .any(let kind, let slot, let ownerSlot, let ownerField, let body):
                guard ownerSlot == 0, let ownerField,
                      case .compare(.field(let s, let field, _), .equal, .literal(let value), _) = body, s == slot else { return }
                if !out.contains(where: { $0.0 == kind && $0.3 == field && $0.4 == value }) { out.append((kind, event, ownerField, field, value)) }
            default: break
            }
        }
        walk(trigger)
        return out
    }
}
