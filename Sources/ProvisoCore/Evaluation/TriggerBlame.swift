/// Says in words which elements of a condition fail (or hold), by evaluating its parts for one
/// query and event: "coup `mali-2021`: whether the deposed head of government was duly elected —
/// recorded as no". Used to explain why a provision was not triggered and why an exemption did
/// not apply; it evaluates exactly what the evaluator does, and guesses nothing.
struct TriggerBlame {
    private var evaluator: ConditionEvaluator
    private let defineNames: [String]
    /// What `failing` and `holding` said of each definition: a definition has one value for the
    /// event, so a chain of definitions that each use the one before is described once, not once
    /// for every way of reaching it.
    private var failingDefine: [Int: [String]] = [:], holdingDefine: [Int: [String]] = [:]

    var facts: FactBase { evaluator.facts }
    var book: Rulebook { evaluator.facts.book }

    /// Blame for conditions of `provision` (its defines in scope), with `event` in the first slot.
    init(facts: FactBase, act: ActInForce, country: Int, program: Int, day: Day, recipient: Recipient,
         defines: [Condition], defineNames: [String], slotCount: Int, event: Int?) {
        var slots = [Int](repeating: -1, count: max(1, slotCount))
        if let event { slots[0] = event }
        evaluator = ConditionEvaluator(facts: facts, country: country, program: program, day: day, fiscalYear: act.fiscalYear,
                                       recipient: recipient, actYear: act.textFiscalYear, actEnacted: act.act.enacted,
                                       defines: defines, slots: slots, trace: nil)
        self.defineNames = defineNames
    }

    /// `items` without repeats, in the order they first appear.
    private static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    /// The value of a condition.
    mutating func truth(_ c: Condition) -> Truth { evaluator.evaluate(c) }

    /// Why `c` is false: the smallest failing elements (for `and`, the first that fails; for
    /// `or`, every alternative). Empty when `c` is not false.
    mutating func failing(_ c: Condition) -> [String] {
        guard truth(c) == .false else { return [] }
        switch c {
        case .and(let xs):
            for x in xs where truth(x) == .false { return failing(x) }
            return []
        case .or(let xs):
            return Self.unique(xs.flatMap { failing($0) })
        case .not(let x):
            return holding(x).map { "\($0), which rules it out" }
        case .define(let i):
            if let said = failingDefine[i] { return said }
            let inner = failing(defines[i])
            let said = inner.isEmpty ? ["`\(defineNames[i])` is not met"] : inner
            failingDefine[i] = said
            return said
        default:
            return [leaf(c, holds: false)]
        }
    }

    /// Why `c` is true: the elements that make it so. Empty when `c` is not true.
    mutating func holding(_ c: Condition) -> [String] {
        guard truth(c) == .true else { return [] }
        switch c {
        case .and(let xs):
            return Self.unique(xs.flatMap { holding($0) })
        case .or(let xs):
            for x in xs where truth(x) == .true { return holding(x) }
            return []
        case .not(let x):
            return failing(x)
        case .define(let i):
            if let said = holdingDefine[i] { return said }
            let inner = holding(defines[i])
            let said = inner.isEmpty ? ["`\(defineNames[i])` is met"] : inner
            holdingDefine[i] = said
            return said
        default:
            return [leaf(c, holds: true)]
        }
    }

    private var defines: [Condition] { evaluator.defines }

    /// One element in words.
    private mutating func leaf(_ c: Condition, holds: Bool) -> String {
        switch c {
        case .constant(let t): return "the condition is always \(t == .true ? "true" : "false")"
        case .unknown(let q): return q
        case .truth(let o, _):
            return "\(subject(o)) — \(valueWords(o))"
        case .compare(let l, let op, let r, _):
            if case .field = l, case .literal = r, op == .equal || op == .notEqual {
                return "\(subject(l)) is \(valueWords(l))\(holds == (op == .equal) ? "" : ", not \(operandWords(r))")"
            }
            return "\(operandWords(l)) is \(holds ? "" : "not ")\(comparison(op)) \(operandWords(r))"
        case .member(let x, let ms, _):
            return "\(operandWords(x)) is \(holds ? "" : "not ")one of \(ms.map(operandWords).joined(separator: ", "))"
        case .known(let x, let wanted):
            return "\(operandWords(x)) is \(holds == wanted ? "" : "not ")recorded"
        case .listed(let l):
            return "\(book.countries[evaluator.country].name) is \(holds ? "" : "not ")on the \(book.lists[l].title)"
        case .any(let kind, let slot, let ownerSlot, _, let body):
            let owner = ownerSlot.flatMap { evaluator.slots[$0] >= 0 ? " of `\(facts.fact(evaluator.slots[$0]).id)`" : nil } ?? ""
            let what = describe(body, slot: slot)
            if holds {
                return "a \(book.kinds[kind].name)\(owner) is recorded with \(what)"
            }
            return "no \(book.kinds[kind].name)\(owner) is recorded with \(what)"
        default:
            return "the condition is \(holds ? "met" : "not met")"
        }
    }

    /// A condition over a bound variable, briefly: "finding determined", "date on or before the
    /// date asked about (1 June 2012)".
    private func describe(_ c: Condition, slot: Int) -> String {
        switch c {
        case .compare(let l, let op, let r, _):
            return "\(term(l, slot: slot)) \(op == .equal ? "" : comparison(op) + " ")\(term(r, slot: slot))"
        case .member(let x, let ms, _):
            return "\(term(x, slot: slot)) one of \(ms.map { term($0, slot: slot) }.joined(separator: ", "))"
        case .and(let xs): return xs.map { describe($0, slot: slot) }.joined(separator: " and ")
        case .or(let xs): return "(" + xs.map { describe($0, slot: slot) }.joined(separator: " or ") + ")"
        case .not(let x): return "not " + describe(x, slot: slot)
        case .truth(.field(let s, _, let name), _) where s == slot: return name
        case .known(let x, let wanted): return "\(term(x, slot: slot)) \(wanted ? "recorded" : "not recorded")"
        default: return "the condition it states"
        }
    }

    /// An operand inside `describe`: the bound fact's fields by name, anything else in words.
    private func term(_ o: Operand, slot: Int) -> String {
        switch o {
        case .field(let s, _, let name) where s == slot: return name
        case .literal(let v): return words(v)
        default: return operandWords(o)
        }
    }

    /// "coup `mali-2021`: whether the deposed head of government was duly elected".
    private func subject(_ o: Operand) -> String {
        guard case .field(let slot, let field, let name) = o, evaluator.slots[slot] >= 0 else { return operandWords(o) }
        let fact = facts.fact(evaluator.slots[slot])
        let kind = book.kinds[fact.kind]
        return "\(kind.name) `\(fact.id)`: \(kind.fields[field].question ?? name)"
    }

    private func valueWords(_ o: Operand) -> String {
        guard let v = evaluator.value(o, traceMissing: false) else { return "not recorded" }
        return words(v)
    }

    private func operandWords(_ o: Operand) -> String {
        switch o {
        case .queryDate: return "the date asked about (\(evaluator.day.prose))"
        case .queryFiscalYear: return "the fiscal year of the funds (FY\(evaluator.fiscalYear))"
        case .queryProgram: return "the program (\(book.programs[evaluator.program].id))"
        case .queryRecipient: return "the recipient (\(evaluator.recipient.rawValue))"
        case .queryCountry: return "the country (\(book.countries[evaluator.country].name))"
        case .actEnacted: return "the enactment of the act (\(evaluator.actEnacted.prose))"
        case .actFiscalYear: return "the act's fiscal year (FY\(evaluator.actYear))"
        case .literal(let v): return words(v)
        case .fact(let slot): return evaluator.slots[slot] >= 0 ? "`\(facts.fact(evaluator.slots[slot]).id)`" : "the fact"
        case .field(let slot, let field, let name):
            guard evaluator.slots[slot] >= 0 else { return name }
            let fact = facts.fact(evaluator.slots[slot])
            let kind = book.kinds[fact.kind]
            let value = evaluator.value(o, traceMissing: false).map(words) ?? "not recorded"
            return "the \(kind.fields[field].name) of \(kind.name) `\(fact.id)` (\(value))"
        }
    }

    private func words(_ v: FieldValue) -> String {
        switch v {
        case .date(let d): return d.prose
        case .text(let t): return t
        case .program(let p): return book.programs[p].id
        case .provision(let p): return book.provisions[p].id
        case .country(let c): return book.countries[c].name
        case .fact(let f): return "`\(facts.fact(f).id)`"
        case .list(let l): return book.lists[l].title
        default: return v.written
        }
    }

    private func comparison(_ op: Expression.Comparison) -> String {
        switch op.ordering {
        case .less: return "before"
        case .lessEqual: return "on or before"
        case .greater: return "after"
        case .greaterEqual: return "on or after"
        case .equal: return "equal to"
        case .notEqual: return "different from"
        default: return "compared with"
        }
    }
}
