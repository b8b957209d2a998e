/// Checks that span declarations: every version of an act-based provision has an act for each of
/// its years, remedies name provisions that provide them, list facts fit their list.
extension Checker {
    func checkConsistency() {
        let recorded = Set(fiscalYears.map(\.year))
        let lastYear = recorded.max() ?? 0
        for provision in provisions {
            for v in provision.versions where v.section != nil {
                let upper = min(v.fiscalYears.upperBound, lastYear)
                guard v.fiscalYears.lowerBound <= upper else {
                    report(.versionWithoutActs(v.name, v.fiscalYearsDescription, at: v.location))
                    continue
                }
                let missing = (v.fiscalYears.lowerBound...upper).filter { !recorded.contains($0) }
                if let first = missing.first { report(.versionYearWithoutAct(v.name, first, at: v.location)) }
            }
            for v in provision.versions {
                if let trigger = v.trigger, case .constant(let t) = Checker.fold(trigger, provision.defines) {
                    report(.constantCondition(t, at: v.location))
                }
            }
        }
        for fact in facts {
            switch fact.kind {
            case Builtin.certification:
                guard case .provision(let p)? = fact.value(Builtin.Certification.provision.rawValue), p < provisions.count else { continue }
                if !provisions[p].versions.contains(where: { $0.lifting != nil }) {
                    report(.remedyNeverApplies("certification", fact.id, provisions[p].id, at: fact.location))
                }
            case Builtin.waiver:
                guard case .provision(let p)? = fact.value(Builtin.Waiver.provision.rawValue), p < provisions.count else { continue }
                if !provisions[p].versions.contains(where: { $0.waiver != nil }), fact.value(Builtin.Waiver.under.rawValue) == nil {
                    report(.waiverWithoutAuthority(fact.id, provisions[p].id, at: fact.location))
                }
            case Builtin.listing:
                guard case .list(let l)? = fact.value(Builtin.Listing.list.rawValue), l < lists.count else { continue }
                switch lists[l].cadence {
                case .interval:
                    if fact.value(Builtin.Listing.from.rawValue) == nil { report(.listingShape(fact.id, "from", lists[l].id, at: fact.location)) }
                case .annual:
                    if fact.value(Builtin.Listing.year.rawValue) == nil { report(.listingShape(fact.id, "year", lists[l].id, at: fact.location)) }
                }
            case Builtin.edition:
                guard case .list(let l)? = fact.value(Builtin.Edition.list.rawValue), l < lists.count else { continue }
                if case .interval = lists[l].cadence { report(.editionOfIntervalList(fact.id, lists[l].id, at: fact.location)) }
            default:
                break
            }
        }
        for x in exemptions {
            if let years = x.fiscalYears, !recorded.contains(where: { years.contains($0) }), !recorded.isEmpty {
                report(.exemptionNeverApplies(x.id, at: x.location))
            }
        }
    }

    /// Constant folding, enough to see a condition that is always true or always false.
    static func fold(_ c: Condition, _ defines: [Condition], depth: Int = 0) -> Condition {
        guard depth < 64 else { return c }
        switch c {
        case .not(let x):
            if case .constant(let t) = fold(x, defines, depth: depth + 1) { return .constant(!t) }
            return c
        case .and(let xs):
            let folded = xs.map { fold($0, defines, depth: depth + 1) }
            if folded.contains(where: { if case .constant(.false) = $0 { return true }; return false }) { return .constant(.false) }
            if folded.allSatisfy({ if case .constant(.true) = $0 { return true }; return false }) { return .constant(.true) }
            return c
        case .or(let xs):
            let folded = xs.map { fold($0, defines, depth: depth + 1) }
            if folded.contains(where: { if case .constant(.true) = $0 { return true }; return false }) { return .constant(.true) }
            if folded.allSatisfy({ if case .constant(.false) = $0 { return true }; return false }) { return .constant(.false) }
            return c
        case .define(let i) where i < defines.count:
            return fold(defines[i], defines, depth: depth + 1)
        default:
            return c
        }
    }
}

extension Diagnostic {
    static func versionYearWithoutAct(_ name: String, _ year: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R412", "version `\(name)` covers FY\(year), for which no act is recorded", at: location,
                   help: "add `fiscal-year FY\(year) { … }` to the act table")
    }
    static func versionWithoutActs(_ name: String, _ years: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "W402", "version `\(name)` (\(years)) starts after the last recorded fiscal year", at: location)
    }
    static func constantCondition(_ t: Truth, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "W201", "the condition is always \(t)", at: location,
                   help: "a trigger that is always \(t) makes the provision \(t == .true ? "prohibit everything it covers" : "never apply")")
    }
    static func remedyNeverApplies(_ what: String, _ fact: String, _ provision: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R303", "\(what) `\(fact)` can never apply: no version of `\(provision)` can be lifted by \(what)", at: location)
    }
    static func waiverWithoutAuthority(_ fact: String, _ provision: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "W301", "waiver `\(fact)` of `\(provision)`, which provides no waiver", at: location,
                   help: "name the authority that allows it: `under \"P.L. 107-57, §1(b)\"`")
    }
    static func listingShape(_ fact: String, _ field: String, _ list: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R304", "listing `\(fact)` on `\(list)` needs `\(field)`", at: location)
    }
    static func editionOfIntervalList(_ fact: String, _ list: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R305", "edition `\(fact)`: `\(list)` is not an annual list", at: location)
    }
    static func exemptionNeverApplies(_ id: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "W302", "exemption `\(id)` can never apply: no recorded fiscal year falls in its `fiscal-years`", at: location)
    }
}
