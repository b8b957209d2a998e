/// Evaluates checked conditions in three-valued logic for one query. Conditions have no loops;
/// `any` ranges over the recorded facts of one country, so evaluation always ends.
struct ConditionEvaluator {
    let facts: FactBase
    let country: Int
    let program: Int
    let day: Day
    let fiscalYear: Int
    let recipient: Recipient
    let actYear: Int
    let actEnacted: Day
    var defines: [Condition] = []
    /// The fact bound to each variable slot.
    var slots: [Int]
    let trace: Trace?
    /// Each definition's value once evaluated: a definition reads only the query and the event
    /// (`each`), so it has one value per evaluator, and a chain of definitions that each use
    /// the one before twice costs linear time, not exponential.
    var evaluated: [Truth?] = []

    var book: Rulebook { facts.book }

    mutating func evaluate(_ c: Condition) -> Truth {
        switch c {
        case .constant(let t):
            return t
        case .unknown(let question):
            trace?.leaveOpen(slots.first.flatMap { $0 >= 0 ? $0 : nil }, question)
            return .unknown
        case .not(let x):
            return !evaluate(x)
        case .and(let xs):
            var result = Truth.true
            for x in xs {
                result = result && evaluate(x)
                if result == .false { return .false }
            }
            return result
        case .or(let xs):
            var result = Truth.false
            for x in xs {
                result = result || evaluate(x)
                if result == .true { return .true }
            }
            return result
        case .compare(let l, let op, let r, _):
            return compare(l, op, r)
        case .member(let x, let members, _):
            var result = Truth.false
            for m in members {
                result = result || compare(x, .equal, m)
                if result == .true { return .true }
            }
            return result
        case .known(let x, let wanted):
            let v = value(x, traceMissing: false)
            let isKnown: Bool
            switch v {
            case nil, .unknown?: isKnown = false
            case .truth(.unknown, _)?: isKnown = false
            default: isKnown = true
            }
            return Truth(isKnown == wanted)
        case .truth(let x, _):
            switch value(x, traceMissing: true) {
            case .truth(let t, let written)?:
                if t == .unknown { noteOpen(x, "recorded as \(written)") }
                return t
            default:
                return .unknown
            }
        case .any(let kind, let slot, let ownerSlot, let ownerField, let body):
            return any(kind: kind, slot: slot, ownerSlot: ownerSlot, ownerField: ownerField, body)
        case .listed(let list):
            return listed(list)
        case .define(let i):
            if evaluated.count != defines.count { evaluated = Array(repeating: nil, count: defines.count) }
            if let t = evaluated[i] { return t }
            let t = evaluate(defines[i])
            evaluated[i] = t
            return t
        }
    }

    private mutating func any(kind: Int, slot: Int, ownerSlot: Int?, ownerField: Int?, _ body: Condition) -> Truth {
        var result = Truth.false
        let saved = slots[slot]
        defer { slots[slot] = saved }
        for f in facts.facts(ofKind: kind, country: country) {
            // A fact whose reference to the owner is not known may be about it.
            var about = Truth.true
            if let ownerSlot, let ownerField {
                switch facts.value(f, ownerField) {
                case .fact(let target)?: guard target == slots[ownerSlot] else { continue }
                case .unknown?: about = .unknown
                default: continue
                }
            }
            slots[slot] = f
            let t = evaluate(body) && about
            if t != .false { trace?.consult(f) }
            result = result || t
            if result == .true { return .true }
        }
        if result == .false, !book.kinds[kind].isComplete {
            trace?.leaveOpen(nil, "no `\(book.kinds[kind].name)` is recorded for \(book.countries[country].name), and the record of them is not complete")
            return .unknown
        }
        return result
    }

    /// Whether the query's country is on `list` for the query's date (interval lists) or fiscal
    /// year (annual lists), honouring what the record says about its own completeness.
    private mutating func listed(_ list: Int) -> Truth {
        let definition = book.lists[list]
        // A listing whose list is not known may be on this one: it counts, as unknown.
        var unknownList: Set<Int> = []
        let listings = facts.facts(ofKind: Builtin.listing, country: country).filter {
            switch facts.value($0, Builtin.Listing.list.rawValue) {
            case .list(let l)?: return l == list
            case .unknown?:
                unknownList.insert($0)
                return true
            default: return false
            }
        }
        func membership(_ f: Int) -> Truth { unknownList.contains(f) ? self.membership(f) && .unknown : self.membership(f) }
        func unknownListNote(_ f: Int) -> String? {
            unknownList.contains(f) ? "listing `\(facts.fact(f).id)`: which list it is on is not recorded" : nil
        }
        switch definition.cadence {
        case .interval:
            var result = Truth.false
            let today = UncertainDate(day)
            for f in listings {
                let member = membership(f)
                if member == .false { continue }  // a recorded absence adds nothing to an interval list
                guard case .date(let from)? = facts.value(f, Builtin.Listing.from.rawValue) else { result = result || .unknown; continue }
                var inForce = UncertainDate.compare(from, .onOrBefore, today) && member
                switch facts.value(f, Builtin.Listing.until.rawValue) {
                case .date(let until)?: inForce = inForce && UncertainDate.compare(today, .before, until)
                case .unknown?: inForce = inForce && .unknown
                default: break
                }
                if inForce != .false { trace?.consult(f) }
                if inForce == .unknown { trace?.leaveOpen(f, unknownListNote(f) ?? "whether \(book.countries[country].name) was on the \(definition.title) on \(day): the listing's dates are known only as \(describe(f))") }
                result = result || inForce
                if result == .true { return .true }
            }
            if result == .false, !definition.isComplete(on: day) {
                trace?.leaveOpen(nil, "the record of the \(definition.title) is not complete for \(day)")
                return .unknown
            }
            return result
        case .annual(let offset):
            let year = fiscalYear - offset
            // A listing of that year decides it: on the list, recorded as absent (`member no`, which
            // settles it even in a partly recorded edition), or recorded as unknown.
            var recorded: Truth?
            for f in listings {
                let member: Truth
                switch facts.value(f, Builtin.Listing.year.rawValue) {
                case .number(let y)?:
                    guard y == year else { continue }
                    member = membership(f)
                default:
                    // A listing whose year is not known may be of this year; a recorded absence of
                    // an unknown year settles nothing.
                    let m = membership(f)
                    if m == .false { continue }
                    member = m && .unknown
                }
                trace?.consult(f)
                if member == .true { return .true }
                if member == .unknown {
                    trace?.leaveOpen(f, unknownListNote(f) ?? "whether \(book.countries[country].name) is on the \(year) \(definition.title): the record holds it as unknown (`\(facts.fact(f).id)`)")
                }
                recorded = (recorded ?? .false) || member
            }
            if let recorded { return recorded }
            // Not listed: is that edition recorded completely?
            let editions = facts.facts(ofKind: Builtin.edition, country: country).filter {
                guard case .list(let l)? = facts.value($0, Builtin.Edition.list.rawValue), l == list,
                      case .number(let y)? = facts.value($0, Builtin.Edition.year.rawValue) else { return false }
                return y == year
            }
            guard let edition = editions.first else {
                trace?.leaveOpen(nil, "the \(year) \(definition.title), which governs FY\(fiscalYear), is not recorded")
                return .unknown
            }
            trace?.consult(edition)
            if case .date(let published)? = facts.value(edition, Builtin.Edition.published.rawValue),
               UncertainDate.compare(UncertainDate(day), .before, published) == .true {
                return .false  // not yet published on the query date: nobody is on it yet
            }
            guard case .enumCase(let coverage, _)? = facts.value(edition, Builtin.Edition.coverage.rawValue) else { return .unknown }
            switch Builtin.coverages[coverage] {
            case "complete": return .false
            case "partial":
                trace?.leaveOpen(edition, "the \(year) \(definition.title) is recorded only in part, and \(book.countries[country].name) is not among the entries recorded")
                return .unknown
            default:
                trace?.leaveOpen(edition, "the \(year) \(definition.title), which governs FY\(fiscalYear), is not recorded")
                return .unknown
            }
        }
    }

    /// Whether a listing records membership (`member` left out means yes).
    private func membership(_ f: Int) -> Truth {
        switch facts.value(f, Builtin.Listing.member.rawValue) {
        case nil: return .true
        case .truth(let t, _)?: return t
        default: return .unknown
        }
    }

    private func describe(_ f: Int) -> String {
        let from = facts.value(f, Builtin.Listing.from.rawValue)?.written ?? "unknown"
        let until = facts.value(f, Builtin.Listing.until.rawValue)?.written
        return until.map { "\(from) to \($0)" } ?? "from \(from)"
    }

    /// The value of an operand, `nil` when not recorded.
    func value(_ o: Operand, traceMissing: Bool) -> FieldValue? {
        switch o {
        case .queryDate: return .date(UncertainDate(day))
        case .queryFiscalYear: return .fiscalYear(fiscalYear)
        case .queryProgram: return .program(program)
        case .queryRecipient: return .enumCase(recipient == .government ? 0 : 1, recipient.rawValue)
        case .queryCountry: return .country(country)
        case .actEnacted: return .date(UncertainDate(actEnacted))
        case .actFiscalYear: return .fiscalYear(actYear)
        case .literal(let v): return v
        case .fact(let slot): return .fact(slots[slot])
        case .field(let slot, let field, _):
            let f = slots[slot]
            trace?.consult(f)
            let v = facts.value(f, field)
            if traceMissing, v == nil || v == .unknown { noteOpen(o, "not recorded") }
            return v
        }
    }

    /// Records that an operand's value left a question open.
    func noteOpen(_ o: Operand, _ how: String) {
        guard let trace, case .field(let slot, let field, let name) = o else { return }
        let f = slots[slot]
        let fact = facts.fact(f)
        let kind = book.kinds[fact.kind]
        let question = kind.fields[field].question ?? "`\(name)`"
        trace.leaveOpen(f, "\(kind.name) `\(fact.id)`: \(question) — \(how)")
    }

    private func compare(_ l: Operand, _ op: Expression.Comparison, _ r: Operand) -> Truth {
        guard let a = value(l, traceMissing: true), let b = value(r, traceMissing: true) else { return .unknown }
        let t = FieldValue.compare(a, op, b)
        guard t == .unknown else { return t }
        switch (a, b) {
        case (.date(let x), .date(let y)):
            if !x.isExact { noteOpen(l, "known only as \(x)") }
            if !y.isExact { noteOpen(r, "known only as \(y)") }
        case (.truth(.unknown, let written), .truth):
            noteOpen(l, "recorded as \(written)")
        default:
            break
        }
        return t
    }
}
