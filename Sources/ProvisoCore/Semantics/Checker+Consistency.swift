/// Checks that span declarations: every version of an act-based provision has an act for each of
/// its years, remedies name provisions that provide them and can apply, list facts fit their list,
/// and the latest recorded year has what it needs.
extension Checker {
    func checkConsistency() {
        let recorded = Set(fiscalYears.map(\.year))
        let lastYear = recorded.max() ?? 0
        for provision in provisions {
            for v in provision.versions where v.section != nil {
                let upper = min(v.fiscalYears.upperBound, lastYear)
                guard v.fiscalYears.lowerBound <= upper else {
                    report(.versionWithoutActs(v.name, v.fiscalYearsDescription, last: lastYear, at: v.location))
                    continue
                }
                let missing = (v.fiscalYears.lowerBound...upper).filter { !recorded.contains($0) }
                if let first = missing.first { report(.versionYearWithoutAct(v.name, first, at: v.location)) }
            }
        }
        for fact in facts {
            switch fact.kind {
            case Builtin.certification: checkCertification(fact)
            case Builtin.waiver:
                guard case .provision(let p)? = fact.value(Builtin.Waiver.provision.rawValue), p < provisions.count else { continue }
                if !provisions[p].versions.contains(where: { $0.waiver != nil }), fact.value(Builtin.Waiver.under.rawValue) == nil {
                    report(.waiverWithoutAuthority(fact.id, provisions[p].id, at: fact.location))
                }
                if case .fiscalYears(let years)? = fact.value(Builtin.Waiver.fiscalYears.rawValue), !recorded.isEmpty,
                    !recorded.contains(where: { years.contains($0) })
                {
                    report(.outsideRecordedYears("waiver", fact.id, at: fact.location))
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
                report(.outsideRecordedYears("exemption", x.id, at: x.location))
            }
            if case .only(let targets) = x.overrides, !targets.isEmpty,
                targets.allSatisfy({ $0 < provisions.count && provisions[$0].kind == .condition })
            {
                report(.exemptionOverridesNoRestriction(x.id, at: x.location))
            }
        }
        checkLatestYear()
    }

    /// A certification lifts one provision, for one event when the provision ranges over events:
    /// one that can never match is a mistake, not a fact.
    private func checkCertification(_ fact: Fact) {
        guard case .provision(let p)? = fact.value(Builtin.Certification.provision.rawValue), p < provisions.count else { return }
        let provision = provisions[p]
        let liftable = provision.versions.filter { $0.lifting != nil }
        guard !liftable.isEmpty else {
            report(.remedyNeverApplies("certification", fact.id, provision.id, at: fact.location))
            return
        }
        guard let each = provision.eachKind else { return }
        guard case .fact(let event)? = fact.value(Builtin.Certification.event.rawValue) else {
            report(.certificationEventMismatch(fact.id, provision.id, "it names no `event`, and `\(provision.id)` is lifted only for the `\(kinds[each].name)` a certification follows", at: fact.location))
            return
        }
        let target = facts[event]
        guard target.kind == each else {
            report(.certificationEventMismatch(fact.id, provision.id, "its event `\(target.id)` is a `\(kinds[target.kind].name)`, and `\(provision.id)` ranges over `\(kinds[each].name)` facts", at: fact.location))
            return
        }
        if let mine = fact.country, let theirs = target.country, mine != theirs {
            report(.certificationEventMismatch(fact.id, provision.id, "it is recorded for `\(countries[mine].name)`, its event `\(target.id)` for `\(countries[theirs].name)`", at: fact.location))
            return
        }
        // Only where every version requires the certification to follow the event: the evaluator
        // consults certifications under a version without `after` too.
        guard provision.versions.allSatisfy({ $0.lifting?.afterEvent == true }),
            case .date(let certified)? = fact.value(Builtin.Certification.date.rawValue),
            let dateField = kinds[each].fieldIndex("date"), case .date(let happened)? = target.value(dateField),
            UncertainDate.compare(certified, .after, happened) == .false
        else { return }
        report(.certificationBeforeEvent(fact.id, certified.description, target.id, happened.description, at: fact.location))
    }

    /// What the latest fiscal year with an act needs beyond its act: provisions carried into it and
    /// the editions of annual lists that govern it. Warnings, since only the maintainer knows
    /// whether a provision lapsed.
    private func checkLatestYear() {
        guard let latest = fiscalYears.filter({ $0.unknown == nil && ($0.act != nil || !$0.continuingResolutions.isEmpty) })
            .map(\.year).max()
        else { return }
        for provision in provisions {
            guard let last = provision.versions.map(\.fiscalYears.upperBound).max(), last == latest - 1 else { continue }
            report(.provisionEndsBeforeLatestYear(provision.id, last: last, latest: latest, at: provision.location))
        }
        for list in lists {
            guard case .annual(let offset) = list.cadence else { continue }
            let year = latest - offset
            let recorded = facts.contains { f in
                guard f.kind == Builtin.edition, case .list(let l)? = f.value(Builtin.Edition.list.rawValue), lists[l].id == list.id,
                    case .number(let y)? = f.value(Builtin.Edition.year.rawValue)
                else { return false }
                return y == year
            }
            if !recorded { report(.editionMissing(list.id, year: year, fiscalYear: latest, at: list.location)) }
        }
    }
}

extension Diagnostic {
    static func versionYearWithoutAct(_ name: String, _ year: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R412", "version `\(name)` covers `FY\(year)`, for which no act is recorded", at: location,
                   help: "add `fiscal-year FY\(year) { … }` to the act table")
    }
    static func versionWithoutActs(_ name: String, _ years: String, last: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "W402", "version `\(name)` (`\(years)`) starts after `FY\(last)`, the last recorded fiscal year", at: location,
                   help: "record the year's act with `proviso new-fiscal-year`")
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
    static func outsideRecordedYears(_ what: String, _ id: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "W302", "\(what) `\(id)` can never apply: no recorded fiscal year falls in its `fiscal-years`", at: location,
                   help: "check the years; a year not yet in the act table is added with `proviso new-fiscal-year`")
    }
    static func certificationEventMismatch(_ fact: String, _ provision: String, _ why: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R306", "certification `\(fact)` can never lift `\(provision)`: \(why)", at: location,
                   help: "name the event the certification follows: `event ID`")
    }
    static func certificationBeforeEvent(_ fact: String, _ date: String, _ event: String, _ happened: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R307", "certification `\(fact)` (`\(date)`) is not after its event `\(event)` (`\(happened)`), so it can never lift it", at: location,
                   help: "a certification lifts a restriction only when it comes after the event; check both dates")
    }
    static func exemptionOverridesNoRestriction(_ id: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "W303", "exemption `\(id)` can never apply: it overrides only provisions of kind `condition`, which never prohibit", at: location)
    }
    static func provisionEndsBeforeLatestYear(_ id: String, last: Int, latest: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "W403", "the versions of `\(id)` end at `FY\(last)`, but the act of `FY\(latest)` is recorded", at: location,
                   help: "extend the last version (`FY\(last)..` when the text carries on), or add a version for `FY\(latest)`; if the provision lapsed, this warning ends when a later year is recorded")
    }
    static func editionMissing(_ list: String, year: Int, fiscalYear: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "W404", "no edition of `\(list)` for \(year) is recorded, and it governs `FY\(fiscalYear)`", at: location,
                   help: "record `edition ID { list \(list) year \(year) coverage complete|partial|none }`; until then answers for `FY\(fiscalYear)` under it are indeterminate")
    }
}
