/// What lifted, waived or exempted a provision.
enum Decider: Sendable, Equatable {
    case purpose(Int)
    case certification(Int)
    case waiver(Int)
    case exemption(Int)
}

/// Why a provision does not reach a query.
enum Inapplicability: Sendable, Equatable {
    /// No version in the act whose text governs.
    case noVersion
    /// The program's funds are outside what the version covers.
    case notCovered
    /// The version reaches the government only; the assistance goes to others.
    case recipient
}

/// One provision's outcome for one program, in indices (no text): what the matrix and the
/// benchmark need. `Explainer` turns it into words.
struct Outcome: Sendable {
    var provision: Int
    /// The (component) program it is for.
    var program: Int = -1
    var status: ProvisionStatus
    var version: Int?
    var event: Int?
    var events: [Int] = []
    var decider: Decider?
    var inapplicability: Inapplicability?
    var open: [(fact: Int?, description: String)] = []
    var consulted: [Int] = []
}

/// Evaluates every provision of a rulebook for one country, date, recipient and set of purposes.
struct Evaluator {
    let facts: FactBase
    let act: ActInForce
    let country: Int
    let day: Day
    let fiscalYear: Int
    let recipient: Recipient
    /// Purposes of the query, without the program's own.
    let queryPurposes: [Int]
    let traced: Bool

    var book: Rulebook { facts.book }

    /// Outcomes of every provision for `program` (a single account, never a composite).
    func outcomes(program: Int) -> [Outcome] {
        var purposes = Set(queryPurposes)
        purposes.formUnion(book.programs[program].purposes)
        return book.provisions.indices.map {
            var o = outcome(provision: $0, program: program, purposes: purposes)
            o.program = program
            return o
        }
    }

    func outcome(provision p: Int, program: Int, purposes: Set<Int>) -> Outcome {
        let provision = book.provisions[p]
        guard let vi = provision.versions.firstIndex(where: { $0.fiscalYears.contains(act.textFiscalYear) }) else {
            return Outcome(provision: p, status: .notApplicable, inapplicability: .noVersion)
        }
        let version = provision.versions[vi]
        if let why = inapplicability(version, program: program) {
            return Outcome(provision: p, status: .notApplicable, version: vi, inapplicability: why)
        }
        guard let kind = provision.eachKind else {
            return evaluate(p, version: vi, program: program, purposes: purposes, event: nil)
        }
        let events = facts.facts(ofKind: kind, country: country)
        if events.isEmpty, book.kinds[kind].isComplete { return Outcome(provision: p, status: .notTriggered, version: vi) }
        var best: Outcome?
        for e in events {
            let o = evaluate(p, version: vi, program: program, purposes: purposes, event: e)
            // Among events of equal weight the latest (identifiers sort by year) names the status.
            if best == nil || o.status.severity >= best!.status.severity { best = o }
        }
        // Where the record of the kind is not complete, an event it does not hold may have
        // happened: its trigger is unknown, and only a remedy that names no event can settle it.
        if !book.kinds[kind].isComplete {
            let question = "no \(events.isEmpty ? "" : "other ")`\(book.kinds[kind].name)` is recorded for \(book.countries[country].name), and the record of them is not complete"
            let o = evaluate(p, version: vi, program: program, purposes: purposes, event: nil, unrecordedEvent: question)
            if best == nil || o.status.severity > best!.status.severity { best = o }
        }
        var result = best!
        result.events = events
        return result
    }

    private func inapplicability(_ version: ProvisionVersion, program: Int) -> Inapplicability? {
        guard version.covers(program: program, in: book) else { return .notCovered }
        if version.recipient == .government, recipient == .nonGovernment { return .recipient }
        return nil
    }

    private func conditionEvaluator(slots: Int, event: Int?, program: Int, defines: [Condition], trace: Trace?) -> ConditionEvaluator {
        var s = [Int](repeating: -1, count: max(1, slots))
        if let event { s[0] = event }
        return ConditionEvaluator(facts: facts, country: country, program: program, day: day, fiscalYear: fiscalYear,
                                  recipient: recipient, actYear: act.textFiscalYear, actEnacted: act.act.enacted,
                                  defines: defines, slots: s, trace: trace)
    }

    /// Trigger, then remedies in the provision's order. With `unrecordedEvent` (the question it
    /// leaves open), for an event the record does not hold: its trigger is unknown.
    private func evaluate(_ p: Int, version vi: Int, program: Int, purposes: Set<Int>, event: Int?,
                          unrecordedEvent: String? = nil) -> Outcome {
        let provision = book.provisions[p]
        let version = provision.versions[vi]
        let trace = traced ? Trace() : nil
        var ce = conditionEvaluator(slots: provision.slotCount, event: event, program: program, defines: provision.defines, trace: trace)
        if let event { trace?.consult(event) }
        let trigger: Truth
        if let unrecordedEvent, version.trigger != nil {
            trigger = .unknown
            trace?.leaveOpen(nil, unrecordedEvent)
        } else {
            trigger = version.trigger.map { ce.evaluate($0) } ?? .true
        }
        var outcome = Outcome(provision: p, status: .notTriggered, version: vi, event: event)
        if trigger == .false {
            outcome.consulted = trace?.consulted ?? []
            return outcome
        }
        if provision.kind == .condition {
            outcome.status = trigger == .true ? .condition : .unknown
            outcome.open = trace?.open ?? []
            outcome.consulted = trace?.consulted ?? []
            return outcome
        }
        let openBeforeRemedies = trace?.open.count ?? 0
        var remedyUnknown = false
        for remedy in provision.order {
            let (truth, decider) = self.remedy(remedy, provision: p, version: version, program: program, purposes: purposes,
                                               event: event, unrecorded: unrecordedEvent != nil, trace: trace)
            if truth == .true {
                outcome.status = remedy.status
                outcome.decider = decider
                // Questions the trigger left open no longer matter once a remedy holds.
                outcome.consulted = trace?.consulted ?? []
                if let f = decider?.fact, !outcome.consulted.contains(f) { outcome.consulted.append(f) }
                return outcome
            }
            if truth == .unknown { remedyUnknown = true }
        }
        outcome.status = (trigger == .unknown || remedyUnknown) ? .unknown : .prohibits
        if let trace {
            outcome.open = outcome.status == .unknown ? trace.open : Array(trace.open.prefix(openBeforeRemedies))
            outcome.consulted = trace.consulted
        }
        return outcome
    }

    private func remedy(_ remedy: Provision.Remedy, provision p: Int, version: ProvisionVersion, program: Int, purposes: Set<Int>,
                        event: Int?, unrecorded: Bool, trace: Trace?) -> (Truth, Decider?) {
        switch remedy {
        case .exempt:
            if let hit = version.exemptPurposes.first(where: purposes.contains) { return (.true, .purpose(hit)) }
            return (.false, nil)
        case .lifted:
            return certification(provision: p, afterEvent: version.lifting?.afterEvent ?? false, event: event, unrecorded: unrecorded,
                                 trace: trace)
        case .waived:
            return waiver(provision: p, program: program, trace: trace)
        case .notwithstanding:
            var result = Truth.false
            var decider: Decider?
            for x in book.exemptionsByProvision[p] {
                let t = applies(x, program: program, purposes: purposes, trace: trace)
                if t == .true { return (.true, .exemption(x)) }
                if t == .unknown { result = .unknown; decider = .exemption(x) }
            }
            return (result, decider)
        }
    }

    /// Whether a certification of provision `p` lifts it: for `event`, or (`unrecorded`) for an
    /// event the record does not hold, which no certification naming an event can lift.
    private func certification(provision p: Int, afterEvent: Bool, event: Int?, unrecorded: Bool, trace: Trace?) -> (Truth, Decider?) {
        var result = Truth.false
        var found: Decider?
        let today = UncertainDate(day)
        var eventDate: UncertainDate?
        if let event, let dateField = book.kinds[facts.fact(event).kind].fieldIndex("date"),
           case .date(let d)? = facts.value(event, dateField) { eventDate = d }
        for c in facts.facts(ofKind: Builtin.certification, country: country) {
            guard case .provision(let cp)? = facts.value(c, Builtin.Certification.provision.rawValue), cp == p else { continue }
            if let event {
                guard case .fact(let target)? = facts.value(c, Builtin.Certification.event.rawValue), target == event else { continue }
            } else if unrecorded, facts.value(c, Builtin.Certification.event.rawValue) != nil {
                continue
            }
            guard case .date(let date)? = facts.value(c, Builtin.Certification.date.rawValue) else {
                result = result || .unknown
                trace?.leaveOpen(c, "certification `\(facts.fact(c).id)`: its date is not recorded")
                continue
            }
            var t = UncertainDate.compare(date, .onOrBefore, today)
            if afterEvent {
                if let eventDate { t = t && UncertainDate.compare(date, .after, eventDate) } else { t = t && .unknown }
            }
            if t == .unknown {
                trace?.leaveOpen(c, "whether certification `\(facts.fact(c).id)` (dated \(date)) was in force on \(day)")
            }
            if t != .false { trace?.consult(c) }
            if t == .true { return (.true, .certification(c)) }
            if t == .unknown { found = .certification(c) }
            result = result || t
        }
        return (result, found)
    }

    private func waiver(provision p: Int, program: Int, trace: Trace?) -> (Truth, Decider?) {
        var result = Truth.false
        var found: Decider?
        let today = UncertainDate(day)
        for w in facts.facts(ofKind: Builtin.waiver, country: country) {
            guard case .provision(let wp)? = facts.value(w, Builtin.Waiver.provision.rawValue), wp == p else { continue }
            var t = Truth.true
            // Fiscal years, programs and an end left out mean every year, every program, no end;
            // written `unknown` (or forgotten), they leave the waiver's reach unknown.
            switch facts.value(w, Builtin.Waiver.fiscalYears.rawValue) {
            case .fiscalYears(let years)?: if !years.contains(fiscalYear) { continue }
            case .unknown?:
                t = .unknown
                trace?.leaveOpen(w, "waiver `\(facts.fact(w).id)`: which fiscal years it covers is not recorded")
            default: break
            }
            switch (facts.value(w, Builtin.Waiver.programs.rawValue), facts.list(w, Builtin.Waiver.programs.rawValue)) {
            case (.unknown?, nil):
                t = t && .unknown
            case (_, let programs?) where !programs.isEmpty && !programs.contains(.program(program)):
                t = .false
            default: break
            }
            if t == .unknown, facts.value(w, Builtin.Waiver.programs.rawValue) == .unknown {
                trace?.leaveOpen(w, "waiver `\(facts.fact(w).id)`: which programs it covers is not recorded")
            }
            // `scope unknown` is read as the value *unknown* (the way every field can be written).
            let scope = facts.value(w, Builtin.Waiver.scope.rawValue)
            if scope == .unknown || scope == .enumCase(Builtin.waiverScopes.firstIndex(of: "unknown")!, "unknown") {
                t = t && .unknown
                if t == .unknown {
                    let what = facts.fact(w).summary ?? "which programs it covers is not recorded"
                    trace?.leaveOpen(w, "waiver `\(facts.fact(w).id)`: \(what)")
                }
            }
            guard t != .false else { continue }
            switch facts.value(w, Builtin.Waiver.date.rawValue) {
            case .date(let d)?:
                let inForce = UncertainDate.compare(d, .onOrBefore, today)
                if inForce == .unknown, t == .true { trace?.leaveOpen(w, "whether waiver `\(facts.fact(w).id)` (dated \(d)) was in force on \(day)") }
                t = t && inForce
            default:
                if t == .true { trace?.leaveOpen(w, "waiver `\(facts.fact(w).id)`: its date is not recorded") }
                t = t && .unknown
            }
            switch facts.value(w, Builtin.Waiver.until.rawValue) {
            case .date(let until)?: t = t && UncertainDate.compare(today, .onOrBefore, until)
            case .unknown?:
                if t != .false { trace?.leaveOpen(w, "waiver `\(facts.fact(w).id)`: when it ends is not recorded") }
                t = t && .unknown
            default: break
            }
            if t != .false { trace?.consult(w) }
            if t == .true { return (.true, .waiver(w)) }
            if t == .unknown { found = .waiver(w) }
            result = result || t
        }
        return (result, found)
    }

    /// Whether an exemption applies to the query.
    func applies(_ x: Int, program: Int, purposes: Set<Int>, trace: Trace?) -> Truth {
        let e = book.exemptions[x]
        if let years = e.fiscalYears, !years.contains(act.textFiscalYear) { return .false }
        if let programs = e.programs, !programs.contains(program) { return .false }
        if let wanted = e.purposes, wanted.isDisjoint(with: purposes) { return .false }
        if let r = e.recipient, r != recipient { return .false }
        if let countries = e.countries, !countries.contains(country) { return .false }
        guard let condition = e.condition else { return .true }
        var ce = conditionEvaluator(slots: e.slotCount, event: nil, program: program, defines: [], trace: trace)
        return ce.evaluate(condition)
    }

    /// The verdict that a set of outcomes gives, and whether any outcome carries a notice.
    static func verdict(_ outcomes: [Outcome], book: Rulebook) -> Verdict {
        var sawUnknown = false
        var conditional = false
        for o in outcomes {
            switch o.status {
            case .prohibits: return .prohibited
            case .unknown: sawUnknown = true
            case .exempted, .waived, .condition: conditional = true
            case .lifted:
                if let v = o.version, book.provisions[o.provision].versions[v].lifting?.notice != nil { conditional = true }
            default: break
            }
        }
        if sawUnknown { return .indeterminate }
        return conditional ? .allowedWithConditions : .allowed
    }
}

extension ProvisionVersion {
    /// Whether the version's funds (or a statute it names in `reaches`) take in `program`.
    func covers(program: Int, in book: Rulebook) -> Bool {
        let funding = book.programs[program].funding
        let covered: Bool
        switch funds {
        case .allFunds:
            if case .sfopsTitle = funding { covered = true } else { covered = false }
        case .titles(let range):
            if case .sfopsTitle(let n)? = funding { covered = range.contains(n) } else { covered = false }
        case .programs(let set):
            covered = set.contains(program)
        case .anyAssistance:
            covered = true
        }
        return covered || reaches.contains { $0.program == program }
    }
}

extension Provision.Remedy {
    /// The status a provision takes when this remedy holds.
    var status: ProvisionStatus {
        switch self {
        case .exempt, .notwithstanding: return .exempted
        case .lifted: return .lifted
        case .waived: return .waived
        }
    }
}

extension Decider {
    /// The fact behind the decider, if it is one.
    var fact: Int? {
        switch self {
        case .certification(let f), .waiver(let f): return f
        default: return nil
        }
    }
}
