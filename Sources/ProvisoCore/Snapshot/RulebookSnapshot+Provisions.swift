/// Snapshot coding of conditions, provisions, exemptions, lists and the act table.

// MARK: - Conditions

extension Operand {
    func write(_ w: inout SnapshotWriter) {
        switch self {
        case .queryDate: w.int(0)
        case .queryFiscalYear: w.int(1)
        case .queryProgram: w.int(2)
        case .queryRecipient: w.int(3)
        case .queryCountry: w.int(4)
        case .actEnacted: w.int(5)
        case .actFiscalYear: w.int(6)
        case .field(let slot, let field, let name): w.int(7); w.int(slot); w.int(field); w.string(name)
        case .fact(let slot): w.int(8); w.int(slot)
        case .literal(let v): w.int(9); v.write(&w)
        }
    }

    init(_ r: inout SnapshotReader) throws(SnapshotError) {
        switch try r.tag(10) {
        case 0: self = .queryDate
        case 1: self = .queryFiscalYear
        case 2: self = .queryProgram
        case 3: self = .queryRecipient
        case 4: self = .queryCountry
        case 5: self = .actEnacted
        case 6: self = .actFiscalYear
        case 7: self = .field(slot: try r.int(), field: try r.int(), name: try r.string())
        case 8: self = .fact(slot: try r.int())
        default: self = .literal(try FieldValue(&r))
        }
    }
}

extension Condition {
    /// Conditions nest no deeper than the parser allows (and definitions are referred to by
    /// index), so this recursion is bounded.
    func write(_ w: inout SnapshotWriter) {
        switch self {
        case .constant(let t): w.int(0); w.int(Int(t.rawValue))
        case .unknown(let q): w.int(1); w.string(q)
        case .not(let x): w.int(2); x.write(&w)
        case .and(let xs): w.int(3); w.array(xs) { $1.write(&$0) }
        case .or(let xs): w.int(4); w.array(xs) { $1.write(&$0) }
        case .compare(let l, let op, let r, let loc): w.int(5); l.write(&w); w.raw(op); r.write(&w); loc.write(&w)
        case .member(let x, let ms, let loc): w.int(6); x.write(&w); w.array(ms) { $1.write(&$0) }; loc.write(&w)
        case .known(let x, let wanted): w.int(7); x.write(&w); w.bool(wanted)
        case .truth(let x, let loc): w.int(8); x.write(&w); loc.write(&w)
        case .any(let kind, let slot, let ownerSlot, let ownerField, let body):
            w.int(9); w.int(kind); w.int(slot); w.optional(ownerSlot) { $0.int($1) }; w.optional(ownerField) { $0.int($1) }
            body.write(&w)
        case .listed(let l): w.int(10); w.int(l)
        case .define(let i): w.int(11); w.int(i)
        }
    }

    init(_ r: inout SnapshotReader, depth: Int = 0) throws(SnapshotError) {
        guard depth < 1_000 else { throw SnapshotError("condition nested too deeply") }
        func sub(_ r: inout SnapshotReader) throws(SnapshotError) -> Condition { try Condition(&r, depth: depth + 1) }
        switch try r.tag(12) {
        case 0:
            guard let t = Truth(rawValue: UInt8(try r.tag(3))) else { throw SnapshotError("bad truth") }
            self = .constant(t)
        case 1: self = .unknown(try r.string())
        case 2: self = .not(try sub(&r))
        case 3: self = .and(try r.array(sub))
        case 4: self = .or(try r.array(sub))
        case 5: self = .compare(try Operand(&r), try r.raw(Expression.Comparison.self), try Operand(&r), try SourceLocation(&r))
        case 6:
            let x = try Operand(&r)
            let ms = try r.array { (r: inout SnapshotReader) throws(SnapshotError) in try Operand(&r) }
            self = .member(x, ms, try SourceLocation(&r))
        case 7: self = .known(try Operand(&r), try r.bool())
        case 8: self = .truth(try Operand(&r), try SourceLocation(&r))
        case 9:
            self = .any(kind: try r.int(), slot: try r.int(), ownerSlot: try r.optionalInt(), ownerField: try r.optionalInt(),
                        try sub(&r))
        case 10: self = .listed(try r.int())
        default: self = .define(try r.int())
        }
    }
}

// MARK: - Provisions

extension ProvisionVersion {
    func write(_ w: inout SnapshotWriter) {
        w.string(name)
        fiscalYears.write(&w)
        w.optional(section) { $0.string($1) }
        w.optional(heading) { $0.string($1) }
        w.optional(citation) { $1.write(&$0) }
        w.strings(quotes)
        switch funds {
        case .allFunds: w.int(0)
        case .titles(let range): w.int(1); range.write(&w)
        case .programs(let set): w.int(2); w.intSet(set)
        case .anyAssistance: w.int(3)
        }
        w.array(reaches) { w, reach in
            w.int(reach.program)
            reach.via.write(&w)
        }
        w.raw(recipient)
        w.bool(directly)
        w.optional(trigger) { $1.write(&$0) }
        w.ints(exemptPurposes)
        w.optional(exemptNotice) { $0.string($1) }
        w.optional(lifting) { w, l in
            w.string(l.finding)
            w.optional(l.actor) { $0.string($1) }
            w.optional(l.to) { $0.string($1) }
            w.bool(l.afterEvent)
            w.optional(l.notice) { $0.string($1) }
        }
        w.optional(waiver) { w, x in
            w.optional(x.subsection) { $0.string($1) }
            w.string(x.actor)
            w.optional(x.scope) { $0.string($1) }
            w.optional(x.standard) { $0.string($1) }
            w.optional(x.notice) { $0.string($1) }
        }
        w.optional(requirement) { $0.string($1) }
        w.raw(verification)
        w.strings(sources)
        w.strings(notes)
        location.write(&w)
        w.optional(triggerText) { $0.string($1) }
    }

    init(_ r: inout SnapshotReader) throws(SnapshotError) {
        let name = try r.string(), years = try ClosedRange<Int>(&r)
        let section = try r.optionalString(), heading = try r.optionalString(), citation = try r.optionalCitation()
        let quotes = try r.strings()
        let funds: FundsCoverage
        switch try r.tag(4) {
        case 0: funds = .allFunds
        case 1: funds = .titles(try ClosedRange(&r))
        case 2: funds = .programs(try r.intSet())
        default: funds = .anyAssistance
        }
        let reaches = try r.array { (r: inout SnapshotReader) throws(SnapshotError) in
            ReachedProgram(program: try r.int(), via: try Citation(&r))
        }
        let recipient = try r.raw(RecipientScope.self), directly = try r.bool()
        let trigger = try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try Condition(&r) }
        let exemptPurposes = try r.ints(), exemptNotice = try r.optionalString()
        let lifting = try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in
            Lifting(finding: try r.string(), actor: try r.optionalString(), to: try r.optionalString(), afterEvent: try r.bool(),
                    notice: try r.optionalString())
        }
        let waiver = try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in
            WaiverClause(subsection: try r.optionalString(), actor: try r.string(), scope: try r.optionalString(),
                         standard: try r.optionalString(), notice: try r.optionalString())
        }
        self.init(name: name, fiscalYears: years, section: section, heading: heading, citation: citation, quotes: quotes,
                  funds: funds, reaches: reaches, recipient: recipient, directly: directly, trigger: trigger,
                  exemptPurposes: exemptPurposes, exemptNotice: exemptNotice, lifting: lifting, waiver: waiver,
                  requirement: try r.optionalString(), verification: try r.raw(Verification.self), sources: try r.strings(),
                  notes: try r.strings(), location: try SourceLocation(&r), triggerText: try r.optionalString())
    }
}

extension Provision {
    func write(_ w: inout SnapshotWriter) {
        w.string(id)
        w.string(title)
        w.raw(kind)
        w.strings(notes)
        w.optional(eachKind) { $0.int($1) }
        w.optional(eachVariable) { $0.string($1) }
        w.int(slotCount)
        w.array(defines) { $1.write(&$0) }
        w.strings(defineNames)
        w.array(versions) { $1.write(&$0) }
        w.array(order) { $0.raw($1) }
        location.write(&w)
        w.optional(triggerText) { $0.string($1) }
    }

    init(_ r: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try r.string(), title: try r.string(), kind: try r.raw(Kind.self), notes: try r.strings(),
                  eachKind: try r.optionalInt(), eachVariable: try r.optionalString(), slotCount: try r.int(),
                  defines: try r.array { (r: inout SnapshotReader) throws(SnapshotError) in try Condition(&r) },
                  defineNames: try r.strings(),
                  versions: try r.array { (r: inout SnapshotReader) throws(SnapshotError) in try ProvisionVersion(&r) },
                  order: try r.array { (r: inout SnapshotReader) throws(SnapshotError) in try r.raw(Remedy.self) },
                  location: try SourceLocation(&r), triggerText: try r.optionalString())
    }
}

extension Exemption {
    func write(_ w: inout SnapshotWriter) {
        w.string(id)
        w.string(title)
        w.optional(citation) { $1.write(&$0) }
        w.bool(notwithstanding)
        w.optional(fiscalYears) { $1.write(&$0) }
        w.optional(programs) { $0.intSet($1) }
        w.optional(purposes) { $0.intSet($1) }
        w.optional(recipient) { $0.raw($1) }
        w.optional(countries) { $0.intSet($1) }
        w.optional(condition) { $1.write(&$0) }
        w.int(slotCount)
        switch overrides {
        case .all(let except): w.int(0); w.intSet(except)
        case .only(let set): w.int(1); w.intSet(set)
        }
        w.optional(notice) { $0.string($1) }
        w.strings(notes)
        w.strings(sources)
        location.write(&w)
    }

    init(_ r: inout SnapshotReader) throws(SnapshotError) {
        let id = try r.string(), title = try r.string(), citation = try r.optionalCitation(), notwithstanding = try r.bool()
        let years = try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try ClosedRange<Int>(&r) }
        let programs = try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try r.intSet() }
        let purposes = try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try r.intSet() }
        let recipient = try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try r.raw(Recipient.self) }
        let countries = try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try r.intSet() }
        let condition = try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try Condition(&r) }
        let slotCount = try r.int()
        let overrides: Overrides = try r.tag(2) == 0 ? .all(except: try r.intSet()) : .only(try r.intSet())
        self.init(id: id, title: title, citation: citation, notwithstanding: notwithstanding, fiscalYears: years,
                  programs: programs, purposes: purposes, recipient: recipient, countries: countries, condition: condition,
                  slotCount: slotCount, overrides: overrides, notice: try r.optionalString(), notes: try r.strings(),
                  sources: try r.strings(), location: try SourceLocation(&r))
    }
}

extension ListDefinition {
    func write(_ w: inout SnapshotWriter) {
        w.string(id)
        w.string(title)
        w.optional(citation) { $1.write(&$0) }
        switch cadence {
        case .interval: w.int(0)
        case .annual(let offset): w.int(1); w.int(offset)
        }
        w.array(completeSpans) { w, s in
            s.from.write(&w)
            w.optional(s.until) { $1.write(&$0) }
        }
        w.strings(notes)
        w.strings(sources)
        location.write(&w)
    }

    init(_ r: inout SnapshotReader) throws(SnapshotError) {
        let id = try r.string(), title = try r.string(), citation = try r.optionalCitation()
        let cadence: Cadence = try r.tag(2) == 0 ? .interval : .annual(offset: try r.int())
        let spans = try r.array { (r: inout SnapshotReader) throws(SnapshotError) in
            CompleteSpan(from: try Day(&r), until: try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try Day(&r) })
        }
        self.init(id: id, title: title, citation: citation, cadence: cadence, completeSpans: spans, notes: try r.strings(),
                  sources: try r.strings(), location: try SourceLocation(&r))
    }
}

// MARK: - The act table

extension AppropriationAct {
    func write(_ w: inout SnapshotWriter) {
        w.int(fiscalYear)
        w.string(title)
        w.optional(vehicle) { $0.string($1) }
        w.string(abbreviation)
        citation.write(&w)
        enacted.write(&w)
        w.optional(carries) { $0.int($1) }
        w.raw(verification)
        w.strings(sources)
        w.strings(notes)
        location.write(&w)
    }

    init(_ r: inout SnapshotReader) throws(SnapshotError) {
        self.init(fiscalYear: try r.int(), title: try r.string(), vehicle: try r.optionalString(), abbreviation: try r.string(),
                  citation: try Citation(&r), enacted: try Day(&r), carries: try r.optionalInt(),
                  verification: try r.raw(Verification.self), sources: try r.strings(), notes: try r.strings(),
                  location: try SourceLocation(&r))
    }
}

extension FiscalYearRecord {
    func write(_ w: inout SnapshotWriter) {
        w.int(year)
        w.optional(act) { $1.write(&$0) }
        w.array(continuingResolutions) { w, cr in
            cr.citation.write(&w)
            w.optional(cr.title) { $0.string($1) }
            cr.from.write(&w)
            cr.until.write(&w)
            w.int(cr.carries)
            w.strings(cr.sources)
            cr.location.write(&w)
        }
        w.array(lapses) { w, l in
            l.from.write(&w)
            l.until.write(&w)
            w.strings(l.notes)
            w.strings(l.sources)
            l.location.write(&w)
        }
        w.optional(unknown) { $0.string($1) }
        w.strings(notes)
        w.strings(sources)
        location.write(&w)
    }

    init(_ r: inout SnapshotReader) throws(SnapshotError) {
        let year = try r.int()
        let act = try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try AppropriationAct(&r) }
        let crs = try r.array { (r: inout SnapshotReader) throws(SnapshotError) in
            ContinuingResolution(citation: try Citation(&r), title: try r.optionalString(), from: try Day(&r), until: try Day(&r),
                                 carries: try r.int(), sources: try r.strings(), location: try SourceLocation(&r))
        }
        let lapses = try r.array { (r: inout SnapshotReader) throws(SnapshotError) in
            FundingLapse(from: try Day(&r), until: try Day(&r), notes: try r.strings(), sources: try r.strings(),
                         location: try SourceLocation(&r))
        }
        self.init(year: year, act: act, continuingResolutions: crs, lapses: lapses, unknown: try r.optionalString(),
                  notes: try r.strings(), sources: try r.strings(), location: try SourceLocation(&r))
    }
}
