/// One provision's outcome as a verdict needs it: its status, the exemption that decided it
/// (when an `exemption` declaration did), and the version that applied.
struct QuickOutcome {
    var status: ProvisionStatus
    var exemption = -1
    var version = -1
}

/// Evaluates a `VerdictPlan` for one question with nothing allocated and no string touched: the
/// same rules as `Evaluator` and `ConditionEvaluator` (sections 3 and 4 of docs/semantics.md),
/// without the explanation. Variable slots and the definitions' memo live in buffers the caller
/// lends.
struct VerdictEvaluator {
    let plan: VerdictPlan
    let country: Int
    let day: Int32
    let fiscalYear: Int
    let actYear: Int
    let actEnacted: Int32
    /// Whether the assistance goes to the government.
    let government: Bool
    /// Purposes of the query, beyond the program's own.
    let queryPurposes: [Int]
    let slots: UnsafeMutableBufferPointer<Int>
    /// `plan.defineCount` entries: a definition's value for the current binding, stored as
    /// `generation << 2 | truth`, so that a new binding forgets every value without a pass.
    let memo: UnsafeMutableBufferPointer<Int>
    /// Which binding of the event the memo's values belong to.
    var generation = 1
    /// The (component) program being evaluated.
    var program = 0

    // MARK: - Verdicts

    /// The verdict for `program` (a composite through its components), calling `visit` with
    /// every provision's outcome for each program evaluated.
    mutating func verdict(program query: Int, _ visit: (Int, QuickOutcome) -> Void) -> Verdict {
        let first = plan.componentStart[query], end = plan.componentStart[query + 1]
        if first == end { return componentVerdict(query, visit) }
        var worst = Verdict.allowed
        for i in first..<end {
            let v = componentVerdict(plan.components[i], visit)
            if v.rank > worst.rank { worst = v }
        }
        return worst
    }

    private mutating func componentVerdict(_ part: Int, _ visit: (Int, QuickOutcome) -> Void) -> Verdict {
        program = part
        var prohibited = false, unknown = false, conditional = false
        for p in plan.provisions.indices {
            let o = outcome(p)
            switch o.status {
            case .prohibits: prohibited = true
            case .unknown: unknown = true
            case .exempted, .waived, .condition: conditional = true
            case .lifted: if plan.versions[o.version].liftingNotice { conditional = true }
            case .notTriggered, .notApplicable: break
            }
            visit(p, o)
        }
        return prohibited ? .prohibited : unknown ? .indeterminate : conditional ? .allowedWithConditions : .allowed
    }

    // MARK: - One provision

    mutating func outcome(_ p: Int) -> QuickOutcome {
        let provision = plan.provisions[p]
        var vi = -1
        for v in provision.versionStart..<provision.versionEnd where plan.versions[v].firstYear <= actYear && actYear <= plan.versions[v].lastYear {
            vi = v
            break
        }
        guard vi >= 0 else { return QuickOutcome(status: .notApplicable) }
        if !plan.covered[vi * plan.programCount + program] || (plan.versions[vi].governmentOnly && !government) {
            return QuickOutcome(status: .notApplicable, version: vi)
        }
        let kind = provision.eachKind
        guard kind >= 0 else { return evaluate(p, provision, version: vi, event: -1) }
        let events = factRange(kind: kind)
        if events.isEmpty, plan.kindComplete[kind] { return QuickOutcome(status: .notTriggered, version: vi) }
        var best = QuickOutcome(status: .notApplicable)
        var first = true
        for i in events {
            let o = evaluate(p, provision, version: vi, event: plan.factList[i])
            // Among events of equal weight the latest (identifiers sort by year) names the status.
            if first || o.status.severity >= best.status.severity { best = o }
            first = false
        }
        // Where the record of the kind is not complete, an event it does not hold may have
        // happened: its trigger is unknown, and only a remedy that names no event can settle it.
        if !plan.kindComplete[kind] {
            let o = evaluate(p, provision, version: vi, event: -1, unrecorded: true)
            if first || o.status.severity > best.status.severity { best = o }
        }
        return best
    }

    /// Trigger, then remedies in the provision's order. `unrecorded`: for an event of the
    /// provision's kind that the record does not hold, whose trigger is unknown.
    private mutating func evaluate(_ p: Int, _ provision: VerdictPlan.ProvisionPlan, version vi: Int, event: Int,
                                   unrecorded: Bool = false) -> QuickOutcome {
        let version = plan.versions[vi]
        bind(provision.slotCount, event: event)
        let trigger: Truth
        if unrecorded, version.trigger >= 0 {
            trigger = .unknown
        } else {
            trigger = version.trigger >= 0 ? eval(version.trigger) : .true
        }
        if trigger == .false { return QuickOutcome(status: .notTriggered, version: vi) }
        if provision.isCondition { return QuickOutcome(status: trigger == .true ? .condition : .unknown, version: vi) }
        var remedyUnknown = false
        var order = provision.order
        for _ in 0..<4 {
            let remedy = order & 0xFF
            order >>= 8
            let (truth, exemption) = self.remedy(remedy, p, provision, version: version, event: event, unrecorded: unrecorded)
            if truth == .true {
                let status: ProvisionStatus = remedy == 1 ? .lifted : remedy == 2 ? .waived : .exempted
                return QuickOutcome(status: status, exemption: exemption, version: vi)
            }
            if truth == .unknown { remedyUnknown = true }
        }
        return QuickOutcome(status: trigger == .unknown || remedyUnknown ? .unknown : .prohibits, version: vi)
    }

    private mutating func remedy(_ remedy: UInt32, _ p: Int, _ provision: VerdictPlan.ProvisionPlan, version: VerdictPlan.VersionPlan,
                                 event: Int, unrecorded: Bool) -> (Truth, Int) {
        switch remedy {
        case 0:
            for i in version.exemptStart..<version.exemptEnd where hasPurpose(plan.exemptPurposes[i]) { return (.true, -1) }
            return (.false, -1)
        case 1:
            return (certification(provision: p, afterEvent: version.liftedAfterEvent, event: event, unrecorded: unrecorded), -1)
        case 2:
            return (waiver(provision: p), -1)
        default:
            var result = Truth.false
            var decider = -1
            for i in provision.overriddenStart..<provision.overriddenEnd {
                let x = plan.overriddenBy[i]
                let t = applies(x)
                if t == .true { return (.true, x) }
                if t == .unknown { result = .unknown; decider = x }
            }
            return (result, decider)
        }
    }

    /// Whether a certification lifts provision `p` for `event`, or (`unrecorded`) for an event
    /// the record does not hold, which no certification naming an event can lift.
    private func certification(provision p: Int, afterEvent: Bool, event: Int, unrecorded: Bool) -> Truth {
        var result = Truth.false
        var eventDate: UncertainDate?
        if event >= 0 {
            let field = plan.kindDateField[plan.factKind[event]]
            if field >= 0 { eventDate = date(value(event, field)) }
        }
        let today = UncertainDate(Day(ordinal: day))
        for i in factRange(kind: Builtin.certification) {
            let c = plan.factList[i]
            let provision = value(c, Builtin.Certification.provision.rawValue)
            guard provision.tag == .provision, provision.a == p else { continue }
            if event >= 0 {
                let target = value(c, Builtin.Certification.event.rawValue)
                guard target.tag == .fact, target.a == event else { continue }
            } else if unrecorded, value(c, Builtin.Certification.event.rawValue).tag != .none {
                continue
            }
            guard let date = date(value(c, Builtin.Certification.date.rawValue)) else {
                result = result || .unknown
                continue
            }
            var t = UncertainDate.compare(date, .onOrBefore, today)
            if afterEvent {
                if let eventDate { t = t && UncertainDate.compare(date, .after, eventDate) } else { t = t && .unknown }
            }
            if t == .true { return .true }
            result = result || t
        }
        return result
    }

    private func waiver(provision p: Int) -> Truth {
        var result = Truth.false
        let today = UncertainDate(Day(ordinal: day))
        for i in factRange(kind: Builtin.waiver) {
            let w = plan.factList[i]
            let provision = value(w, Builtin.Waiver.provision.rawValue)
            guard provision.tag == .provision, provision.a == p else { continue }
            var t = Truth.true
            // Fiscal years, programs and an end left out mean every year, every program, no end;
            // written `unknown`, they leave the waiver's reach unknown.
            let years = value(w, Builtin.Waiver.fiscalYears.rawValue)
            if years.tag == .fiscalYears, !(years.a <= fiscalYear && fiscalYear <= years.b) { continue }
            if years.tag == .unknown { t = .unknown }
            let programs = plan.waiverProgramStart[w]..<plan.waiverProgramEnd[w]
            if !programs.isEmpty {
                if !plan.waiverPrograms[programs].contains(program) { t = .false }
            } else if value(w, Builtin.Waiver.programs.rawValue).tag == .unknown {
                t = t && .unknown
            }
            // `scope unknown` is read as the value *unknown*, written either way.
            let scope = value(w, Builtin.Waiver.scope.rawValue)
            if scope.tag == .unknown || (scope.tag == .enumCase && scope.a == plan.waiverScopeUnknown) { t = t && .unknown }
            guard t != .false else { continue }
            if let d = date(value(w, Builtin.Waiver.date.rawValue)) { t = t && UncertainDate.compare(d, .onOrBefore, today) } else { t = t && .unknown }
            let until = value(w, Builtin.Waiver.until.rawValue)
            if let end = date(until) { t = t && UncertainDate.compare(today, .onOrBefore, end) } else if until.tag == .unknown { t = t && .unknown }
            if t == .true { return .true }
            result = result || t
        }
        return result
    }

    /// Whether exemption `x` applies to the question.
    private mutating func applies(_ x: Int) -> Truth {
        let e = plan.exemptions[x]
        if actYear < e.firstYear || actYear > e.lastYear { return .false }
        if let r = e.programs, !plan.filterItems[r].contains(program) { return .false }
        if let r = e.purposes, !plan.filterItems[r].contains(where: hasPurpose) { return .false }
        if e.recipient >= 0, (e.recipient == 0) != government { return .false }
        if let r = e.countries, !plan.filterItems[r].contains(country) { return .false }
        guard e.condition >= 0 else { return .true }
        bind(plan.slotCount, event: -1)
        return eval(e.condition)
    }

    private func hasPurpose(_ x: Int) -> Bool {
        for i in plan.purposeStart[program]..<plan.purposeStart[program + 1] where plan.purposes[i] == x { return true }
        return queryPurposes.contains(x)
    }

    // MARK: - Conditions

    /// Binds the event (or none) for a new condition; the definitions' values of the last
    /// binding are forgotten.
    private mutating func bind(_ count: Int, event: Int) {
        for i in 0..<min(max(1, count), slots.count) { slots[i] = -1 }
        if event >= 0 { slots[0] = event }
        generation += 1
    }

    private mutating func eval(_ n: Int) -> Truth {
        let node = plan.nodes[n]
        switch node.op {
        case .constant:
            return Truth(rawValue: UInt8(node.a)) ?? .unknown
        case .not:
            return !eval(Int(node.a))
        case .and:
            var result = Truth.true
            for i in 0..<Int(node.c) {
                let t = eval(Int(plan.children[Int(node.b) + i]))
                result = result && t
                if result == .false { return .false }
            }
            return result
        case .or:
            var result = Truth.false
            for i in 0..<Int(node.c) {
                let t = eval(Int(plan.children[Int(node.b) + i]))
                result = result || t
                if result == .true { return .true }
            }
            return result
        case .compare:
            return compare(Int(node.b), Int(node.a), Int(node.c))
        case .member:
            var result = Truth.false
            for i in 0..<Int(node.c) {
                result = result || compare(Int(node.b), 4, Int(node.d) + i)
                if result == .true { return .true }
            }
            return result
        case .known, .unknownWanted:
            let v = operand(Int(node.a))
            let isKnown = !(v.tag == .none || v.tag == .unknown || (v.tag == .truth && v.a == Int(Truth.unknown.rawValue)))
            return Truth(isKnown == (node.op == .known))
        case .truth:
            let v = operand(Int(node.a))
            return v.tag == .truth ? Truth(rawValue: UInt8(v.a)) ?? .unknown : .unknown
        case .any:
            return any(kind: Int(node.a), slot: Int(node.b), ownerSlot: Int(node.c), ownerField: Int(node.d), body: Int(node.e))
        case .listed:
            return listed(Int(node.a))
        case .define:
            // A definition reads only the query and the event, so it has one value per binding.
            let slot = Int(node.b)
            let stored = memo[slot]
            if stored >> 2 == generation { return Truth(rawValue: UInt8(stored & 3)) ?? .unknown }
            let t = eval(Int(node.a))
            memo[slot] = generation << 2 | Int(t.rawValue)
            return t
        }
    }

    private mutating func any(kind: Int, slot: Int, ownerSlot: Int, ownerField: Int, body: Int) -> Truth {
        var result = Truth.false
        let saved = slots[slot]
        defer { slots[slot] = saved }
        for i in factRange(kind: kind) {
            let f = plan.factList[i]
            // A fact whose reference to the owner is not known may be about it.
            var about = Truth.true
            if ownerSlot >= 0 {
                let owner = value(f, ownerField)
                if owner.tag == .unknown {
                    about = .unknown
                } else {
                    guard owner.tag == .fact, owner.a == slots[ownerSlot] else { continue }
                }
            }
            slots[slot] = f
            result = result || (eval(body) && about)
            if result == .true { return .true }
        }
        if result == .false, !plan.kindComplete[kind] { return .unknown }
        return result
    }

    /// `listed LIST`, as `ConditionEvaluator.listed` reads the record.
    private func listed(_ list: Int) -> Truth {
        let cell = country * plan.listCount + list
        let listings = plan.listingStart[cell]..<plan.listingStart[cell + 1]
        let today = UncertainDate(Day(ordinal: day))
        let offset = plan.listOffset[list]
        if offset < 0 {
            var result = Truth.false
            for i in listings {
                let f = plan.listings[i]
                let member = listedMembership(f)
                if member == .false { continue }  // a recorded absence adds nothing to an interval list
                guard let from = date(value(f, Builtin.Listing.from.rawValue)) else { result = result || .unknown; continue }
                var inForce = UncertainDate.compare(from, .onOrBefore, today) && member
                let until = value(f, Builtin.Listing.until.rawValue)
                if let end = date(until) { inForce = inForce && UncertainDate.compare(today, .before, end) } else if until.tag == .unknown { inForce = inForce && .unknown }
                result = result || inForce
                if result == .true { return .true }
            }
            if result == .false, !plan.listCompleteSpans[list].contains(where: { $0.from <= day && day < $0.until }) { return .unknown }
            return result
        }
        let year = fiscalYear - offset
        // A listing of that year decides it: on the list, recorded as absent, or as unknown.
        var recorded: Truth?
        for i in listings {
            let f = plan.listings[i]
            let y = value(f, Builtin.Listing.year.rawValue)
            var member: Truth
            if y.tag == .number {
                guard y.a == year else { continue }
                member = listedMembership(f)
            } else {
                // A listing whose year is not known may be of this year; a recorded absence of an
                // unknown year settles nothing.
                member = listedMembership(f)
                if member == .false { continue }
                member = member && .unknown
            }
            if member == .true { return .true }
            recorded = (recorded ?? .false) || member
        }
        if let recorded { return recorded }
        for i in factRange(kind: Builtin.edition) {
            let e = plan.factList[i]
            let l = value(e, Builtin.Edition.list.rawValue), y = value(e, Builtin.Edition.year.rawValue)
            guard l.tag == .list, l.a == list, y.tag == .number, y.a == year else { continue }
            if let published = date(value(e, Builtin.Edition.published.rawValue)),
               UncertainDate.compare(today, .before, published) == .true {
                return .false  // not yet published on the query date: nobody is on it yet
            }
            let coverage = value(e, Builtin.Edition.coverage.rawValue)
            return coverage.tag == .enumCase && coverage.a == plan.coverageComplete ? .false : .unknown
        }
        return .unknown
    }

    /// Membership by a listing of this list's cell: a listing whose list is not recorded may be
    /// on this list, so its membership is at most unknown.
    private func listedMembership(_ f: Int) -> Truth {
        let m = membership(f)
        return value(f, Builtin.Listing.list.rawValue).tag == .unknown ? m && .unknown : m
    }

    /// Whether a listing records membership (`member` left out means yes).
    private func membership(_ f: Int) -> Truth {
        let v = value(f, Builtin.Listing.member.rawValue)
        switch v.tag {
        case .none: return .true
        case .truth: return Truth(rawValue: UInt8(v.a)) ?? .unknown
        default: return .unknown
        }
    }

    private func compare(_ l: Int, _ op: Int, _ r: Int) -> Truth {
        let a = operand(l), b = operand(r)
        if a.tag == .none || b.tag == .none { return .unknown }
        switch (a.tag, b.tag) {
        case (.date, .date):
            return UncertainDate.compare(date(a)!, VerdictPlan.comparison(op), date(b)!)
        case (.fiscalYear, .fiscalYear), (.number, .number):
            switch op {
            case 0: return Truth(a.a < b.a)
            case 1: return Truth(a.a <= b.a)
            case 2: return Truth(a.a > b.a)
            case 3: return Truth(a.a >= b.a)
            case 4: return Truth(a.a == b.a)
            default: return Truth(a.a != b.a)
            }
        case (.truth, .truth):
            let unknown = Int(Truth.unknown.rawValue)
            if a.a == unknown || b.a == unknown { return .unknown }
            return Truth((a.a == b.a) == (op == 4))
        case (.unknown, _), (_, .unknown):
            return .unknown
        default:
            return Truth((a == b) == (op == 4))
        }
    }

    private func operand(_ i: Int) -> PlanValue {
        let o = plan.operands[i]
        switch o.kind {
        case .queryDate: return PlanValue(tag: .date, a: Int(day), b: Int(day))
        case .queryFiscalYear: return PlanValue(tag: .fiscalYear, a: fiscalYear)
        case .queryProgram: return PlanValue(tag: .program, a: program)
        case .queryRecipient: return PlanValue(tag: .enumCase, a: government ? plan.governmentWord : plan.nonGovernmentWord)
        case .queryCountry: return PlanValue(tag: .country, a: country)
        case .actEnacted: return PlanValue(tag: .date, a: Int(actEnacted), b: Int(actEnacted))
        case .actFiscalYear: return PlanValue(tag: .fiscalYear, a: actYear)
        case .literal: return o.literal
        case .field: return value(slots[Int(o.slot)], Int(o.field))
        case .fact: return PlanValue(tag: .fact, a: slots[Int(o.slot)])
        }
    }

    // MARK: - Facts

    /// Where the facts of `kind` for the country are in `plan.factList`.
    @inline(__always)
    private func factRange(kind: Int) -> Range<Int> {
        let cell = plan.kindPerCountry[kind] ? country * plan.kindCount + kind : plan.countryCount * plan.kindCount + kind
        return plan.factStart[cell]..<plan.factStart[cell + 1]
    }

    /// A field of a fact; `.none` when not recorded.
    @inline(__always)
    private func value(_ f: Int, _ field: Int) -> PlanValue {
        let start = plan.valueStart[f]
        return field < plan.valueStart[f + 1] - start ? plan.values[start + field] : .none
    }

    private func date(_ v: PlanValue) -> UncertainDate? {
        guard v.tag == .date else { return nil }
        return UncertainDate(earliest: Day(ordinal: Int32(v.a)), latest: Day(ordinal: Int32(v.b)), precision: .span)
    }
}

extension Verdict {
    /// Restrictiveness: allowed < allowed with conditions < indeterminate < prohibited.
    var rank: Int {
        switch self {
        case .allowed: return 0
        case .allowedWithConditions: return 1
        case .indeterminate: return 2
        case .prohibited: return 3
        }
    }
}
