/// Builds a `Determination` from outcomes: reasons in words, citations in the act in force,
/// the facts used with their sources, what is missing, warnings and conditions.
struct Explainer {
    let book: Rulebook
    let facts: FactBase
    let query: Query
    let act: ActInForce
    var traced = true

    var program: Program { book.programs[query.program] }

    /// The recipient answered for: the query's, or the program's usual one (the government for
    /// mixed programs, the stricter case).
    var recipient: Recipient {
        query.recipient ?? (program.recipient == .nonGovernment ? .nonGovernment : .government)
    }

    /// Outcomes per component program (one entry for a single-account program).
    func componentOutcomes() -> [(program: Int, outcomes: [Outcome])] {
        let evaluator = Evaluator(facts: facts, act: act, country: query.country, day: query.date, fiscalYear: act.fiscalYear,
                                  recipient: recipient, queryPurposes: query.purposes, traced: traced)
        let parts = program.isComposite ? program.components : [query.program]
        return parts.map { ($0, evaluator.outcomes(program: $0)) }
    }

    /// Whether an outcome's status is one that decides a verdict.
    static func decides(_ status: ProvisionStatus, verdict: Verdict) -> Bool {
        switch verdict {
        case .prohibited: return status == .prohibits
        case .indeterminate: return status == .unknown
        case .allowedWithConditions, .allowed: return status == .exempted || status == .waived
        }
    }

    func determination() -> Determination {
        let parts = componentOutcomes()
        let verdicts = parts.map { Evaluator.verdict($0.outcomes, book: book) }
        // A composite program is only as available as its most restricted component: the
        // answer says which components remain available as a path.
        let order: [Verdict] = [.allowed, .allowedWithConditions, .indeterminate, .prohibited]
        let verdict = verdicts.max { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! } ?? .allowed

        var findings: [ProvisionFinding] = []
        var consulted: [Int] = []
        var missing: [MissingFact] = []
        var conditions: [String] = []
        var caveats = program.caveats
        for p in book.provisions.indices {
            let perComponent = parts.map { $0.outcomes[p] }
            var chosen = perComponent.max { $0.status.severity < $1.status.severity }!
            if let e = chosen.event, chosen.status != .notApplicable, chosen.status != .notTriggered {
                // The executive's characterisations of the deciding event are facts the answer rests
                // on even when the trigger only found them wanting (Egypt 2013: expressly declined).
                for f in facts.referrers(of: e) where !book.kinds[facts.fact(f).kind].isBuiltin && !chosen.consulted.contains(f) {
                    chosen.consulted.append(f)
                }
            }
            var finding = self.finding(chosen)
            if program.isComposite {
                finding.components = zip(parts, perComponent).map { (book.programs[$0.0.program].id, $0.1.status) }
                let distinct = Set(perComponent.map(\.status))
                if distinct.count > 1 {
                    let listing = finding.components.map { "\($0.program): \($0.status.rawValue)" }.joined(separator: ", ")
                    finding.reason += " (by component: \(listing))"
                }
            }
            if chosen.status != .notApplicable {
                for f in chosen.consulted where !consulted.contains(f) { consulted.append(f) }
            }
            if chosen.status == .unknown {
                for open in chosen.open {
                    let m = MissingFact(provision: book.provisions[p].id, fact: open.fact.map { facts.fact($0).id }, description: open.description)
                    if !missing.contains(m) { missing.append(m) }
                }
            }
            conditions += finding.conditions.filter { !conditions.contains($0) }
            if let vi = chosen.version, chosen.status != .notApplicable, chosen.status != .notTriggered {
                let v = book.provisions[p].versions[vi]
                if v.verification != .text {
                    caveats.append("\(book.provisions[p].id) \(v.name): the text of the FY\(act.textFiscalYear) version is \(v.verification == .secondary ? "verified only against secondary sources" : "believed but not verified")")
                }
            }
            findings.append(finding)
        }
        // Deciding provisions first, then the rest by weight, declaration order within a weight.
        let indexed = findings.enumerated().map { ($0.offset, $0.element) }
        findings = indexed.sorted { a, b in
            let da = Explainer.decides(a.1.status, verdict: verdict), db = Explainer.decides(b.1.status, verdict: verdict)
            if da != db { return da }
            if a.1.status.severity != b.1.status.severity { return a.1.status.severity > b.1.status.severity }
            return a.0 < b.0
        }.map(\.1)

        var warnings = act.warnings
        var references: [FactReference] = []
        for f in consulted {
            let fact = facts.fact(f)
            references.append(reference(f))
            if let c = fact.lowestConfidence, c == .low {
                warnings.append("this answer rests on `\(fact.id)`, recorded with \(c.word) confidence in at least one field")
            }
        }
        let holds = self.holds()
        for h in holds where !consulted.contains(h) { references.append(reference(h)) }
        // Oldest first, then by identifier: the order does not depend on the order of evaluation.
        references.sort { a, b in
            let da = a.date?.earliest ?? Day.latest, db = b.date?.earliest ?? Day.latest
            return da != db ? da < db : a.id < b.id
        }
        let components = program.isComposite ? zip(parts, verdicts).map { part, v in
            ComponentDetermination(program: book.programs[part.program].id, verdict: v,
                                   decidedBy: part.outcomes.filter { Explainer.decides($0.status, verdict: v) }.map { book.provisions[$0.provision].id })
        } : []
        if program.isComposite {
            caveats.append("\(program.id) has no account of its own: it is answered through its components (\(components.map(\.program).joined(separator: ", "))), and it is available as a whole only as far as its most restricted component")
        }
        if query.recipient == nil, program.recipient == .mixed {
            caveats.append("\(program.id) is delivered both to governments and through others; this answer is for assistance to the government (ask with --recipient non-government for the rest)")
        }
        var answer = Determination(
            verdict: verdict, summary: "", country: book.countries[query.country], program: program, date: query.date,
            fiscalYear: act.fiscalYear, recipient: recipient, recipientAssumed: query.recipient == nil,
            purposes: (program.purposes + query.purposes).map { book.purposes[$0].id },
            act: act, provisions: findings, facts: references, missing: missing, paths: [], conditions: conditions,
            warnings: warnings, caveats: caveats, notes: holds.map { facts.fact($0).values[Builtin.Hold.says.rawValue].flatMap { if case .text(let t) = $0 { return t } else { return nil } } ?? "" },
            components: components, hypothetical: query.isHypothetical,
            assumptions: query.assumptions.map(\.id) + query.forgotten.map { "forget \($0)" },
            rulebook: (book.name, book.edition, book.contentHash))
        answer.summary = summary(answer)
        // A hypothetical answer says so in the sentence an analyst would paste.
        if answer.hypothetical { answer.summary = "Hypothetical: " + answer.summary }
        return answer
    }

    /// Policy holds in force on the date for this program.
    private func holds() -> [Int] {
        let today = UncertainDate(query.date)
        return facts.facts(ofKind: Builtin.hold, country: query.country).filter { h in
            guard case .date(let from)? = facts.value(h, Builtin.Hold.from.rawValue),
                  UncertainDate.compare(from, .onOrBefore, today) != .false else { return false }
            if case .date(let until)? = facts.value(h, Builtin.Hold.until.rawValue),
               UncertainDate.compare(today, .onOrBefore, until) == .false { return false }
            if let programs = facts.list(h, Builtin.Hold.programs.rawValue), !programs.isEmpty {
                let wanted = program.isComposite ? program.components + [query.program] : [query.program]
                return wanted.contains { programs.contains(.program($0)) }
            }
            return true
        }
    }

    // MARK: - Words

    /// The pin-point citation of a version in the act in force.
    func citation(_ version: ProvisionVersion) -> Citation? {
        if let c = version.citation { return c }
        guard let section = version.section else { return nil }
        let a = act.act.citation
        var c = Citation(kind: .publicLaw, statute: act.act.abbreviation, publicLaw: a.publicLaw, division: a.division, title: a.title,
                         section: section, fiscalYear: act.act.fiscalYear, continuedBy: act.carriedBy?.written)
        if let enclosing = a.section { c.enclosingSection = enclosing }
        return c
    }

    func finding(_ o: Outcome) -> ProvisionFinding {
        let provision = book.provisions[o.provision]
        let version = o.version.map { provision.versions[$0] }
        var finding = ProvisionFinding(id: provision.id, title: provision.title, citation: version.flatMap(citation),
                                       version: version?.name, status: o.status, reason: "", event: o.event.map { facts.fact($0).id },
                                       decidedBy: nil, facts: o.consulted.map { facts.fact($0).id }, conditions: [], components: [])
        finding.reason = reason(o, provision: provision, version: version, finding: &finding)
        return finding
    }

    private func reason(_ o: Outcome, provision: Provision, version: ProvisionVersion?, finding: inout ProvisionFinding) -> String {
        let country = book.countries[query.country].name
        switch o.status {
        case .notApplicable:
            switch o.inapplicability {
            case .noVersion?, nil:
                return "not in the act whose text governs FY\(act.fiscalYear) (FY\(act.textFiscalYear))"
            case .notCovered?:
                return "does not reach \(book.programs[componentProgram(o)].id) (\(fundingPhrase(componentProgram(o)))); it covers \(coveragePhrase(version!))"
            case .recipient?:
                return "reaches only assistance to the government of \(country); this assistance goes to non-government recipients"
            }
        case .notTriggered:
            if let kind = provision.eachKind {
                if o.events.isEmpty { return "no \(book.kinds[kind].name) is recorded for \(country)" }
                let names = o.events.map { facts.fact($0).id }.joined(separator: ", ")
                return "none of the recorded \(book.kinds[kind].name) events (\(names)) meets its trigger on \(query.date)"
            }
            return "its trigger is not met for \(country) on \(query.date)"
        case .prohibits:
            var text = "prohibits \(scopePhrase(version!))"
            if let e = o.event { text += ": \(eventPhrase(e))" }
            if let lifting = version?.lifting {
                text += "; no certification that \(lifting.finding) is recorded by \(query.date.prose)"
            }
            return text
        case .unknown:
            let open = o.open.map(\.description)
            let what = open.isEmpty ? "a fact it needs is not recorded" : open.joined(separator: "; ")
            return "may prohibit \(scopePhrase(version!))\(o.event.map { " (\(eventPhrase($0)))" } ?? ""): \(what)"
        case .lifted:
            guard case .certification(let c)? = o.decider else { return "lifted" }
            finding.decidedBy = facts.fact(c).id
            if let notice = version?.lifting?.notice { finding.conditions.append(notice) }
            let date = dateValue(c, Builtin.Certification.date.rawValue)
            let finding = textValue(c, Builtin.Certification.finding.rawValue) ?? version?.lifting?.finding ?? "the restriction no longer applies"
            let by = textValue(c, Builtin.Certification.by.rawValue).map { " by \($0)" } ?? ""
            return "lifted: certification `\(facts.fact(c).id)`\(by)\(date.map { " of \($0.prose)" } ?? "") that \(finding)\(o.event.map { ", after \(eventPhrase($0))" } ?? "")"
        case .exempted:
            switch o.decider {
            case .purpose(let p)?:
                finding.decidedBy = book.purposes[p].id
                if let notice = version?.exemptNotice { finding.conditions.append(notice) }
                return "exempted: assistance for \(book.purposes[p].id) (\(book.purposes[p].description)) is exempt under this version\(o.event.map { "; the restriction would otherwise apply (\(eventPhrase($0)))" } ?? "")"
            case .exemption(let x)?:
                let e = book.exemptions[x]
                finding.decidedBy = e.id
                if let notice = e.notice { finding.conditions.append(notice) }
                let cite = e.citation.map { " (\($0))" } ?? ""
                return "exempted by \(e.title)\(cite)\(e.notwithstanding ? ", which applies notwithstanding other provisions of law" : "")"
            default:
                return "exempted"
            }
        case .waived:
            guard case .waiver(let w)? = o.decider else { return "waived" }
            finding.decidedBy = facts.fact(w).id
            if let notice = version?.waiver?.notice { finding.conditions.append(notice) }
            let by = textValue(w, Builtin.Waiver.by.rawValue).map { " by \($0)" } ?? ""
            let date = dateValue(w, Builtin.Waiver.date.rawValue)
            return "waived: waiver `\(facts.fact(w).id)`\(by)\(date.map { " of \($0.prose)" } ?? "") is in force for FY\(act.fiscalYear)"
        case .condition:
            let requirement = version?.requirement ?? provision.title
            finding.conditions.append(requirement)
            return "applies as a condition: \(requirement)"
        }
    }

    private func componentProgram(_ o: Outcome) -> Int { o.program >= 0 ? o.program : query.program }

    private func fundingPhrase(_ p: Int) -> String {
        book.programs[p].funding?.description ?? "no account of its own"
    }

    func coveragePhrase(_ v: ProvisionVersion) -> String {
        switch v.funds {
        case .allFunds: return "all funds of the act"
        case .anyAssistance: return "any assistance"
        case .titles(let r):
            return r.lowerBound == r.upperBound ? "funds of title \(RomanNumeral.string(r.lowerBound))"
                : "funds of titles \(RomanNumeral.string(r.lowerBound))–\(RomanNumeral.string(r.upperBound))"
        case .programs(let set): return set.map { book.programs[$0].id }.sorted().joined(separator: ", ")
        }
    }

    private func scopePhrase(_ v: ProvisionVersion) -> String {
        let country = book.countries[query.country].name
        switch v.recipient {
        case .government: return "\(v.directly ? "direct " : "")assistance to the government of \(country)"
        case .country: return "assistance to \(country)"
        }
    }

    func eventPhrase(_ e: Int) -> String {
        let fact = facts.fact(e)
        let kind = book.kinds[fact.kind]
        let date = kind.fieldIndex("date").flatMap { dateValue(e, $0) }
        if let s = fact.summary { return "\(kind.name) `\(fact.id)` — \(s)\(date.map { ", \($0.prose)" } ?? "")" }
        return "\(kind.name) `\(fact.id)`\(date.map { " of \($0.prose)" } ?? "")"
    }

    private func dateValue(_ f: Int, _ field: Int) -> UncertainDate? {
        if case .date(let d)? = facts.value(f, field) { return d }
        return nil
    }

    private func textValue(_ f: Int, _ field: Int) -> String? {
        if case .text(let t)? = facts.value(f, field) { return t }
        return nil
    }

    func reference(_ f: Int) -> FactReference {
        let fact = facts.fact(f)
        let kind = book.kinds[fact.kind]
        let dateField = kind.fieldIndex("date") ?? kind.fieldIndex("from")
        let date = dateField.flatMap { dateValue(f, $0) }
        var summary = fact.summary ?? ""
        if summary.isEmpty {
            if fact.kind == Builtin.hold, let says = textValue(f, Builtin.Hold.says.rawValue) {
                summary = says
            } else {
                // The kind's words, then its short recorded values: "finding determined, by Department of State".
                var parts: [String] = []
                for (i, field) in kind.fields.enumerated() where field.name != "date" {
                    switch facts.value(f, i) {
                    case .enumCase(_, let w)?: parts.append("\(field.name) \(w)")
                    case .truth(_, let w)?: parts.append("\(field.name) \(w)")
                    case .text(let t)? where t.count <= 80: parts.append("\(field.name) \(t)")
                    case .fact(let target)?: parts.append("\(field.name) \(facts.fact(target).id)")
                    case .provision(let p)?: parts.append("\(field.name) \(book.provisions[p].id)")
                    default: break
                    }
                }
                summary = (kind.title.isEmpty ? kind.name : kind.title) + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", "))
            }
        }
        return FactReference(id: fact.id, kind: kind.name, country: fact.country.map { book.countries[$0].name }, date: date,
                             summary: summary, sources: fact.sources, confidence: fact.lowestConfidence, isAssumed: fact.isAssumed)
    }

    /// The sentence an analyst reads aloud.
    func summary(_ d: Determination) -> String {
        let whom = d.recipient == .government ? "the government of \(d.country.name)" : "non-government recipients in \(d.country.name)"
        let what = "\(d.program.id) assistance to \(whom) on \(d.date.prose)"
        let deciding = d.provisions.filter { Explainer.decides($0.status, verdict: d.verdict) }
        let cites = deciding.map { f in f.citation.map { "\(f.id) (\($0))" } ?? f.id }.joined(separator: " and ")
        switch d.verdict {
        case .prohibited:
            return "Prohibited: \(what) is barred by \(cites)."
        case .indeterminate:
            return "Indeterminate: \(what) depends on facts the rulebook does not record (\(deciding.map(\.id).joined(separator: ", ")))."
        case .allowedWithConditions:
            var parts = deciding.map { "\($0.id) \($0.status.rawValue)\($0.decidedBy.map { " (\($0))" } ?? "")" }
            parts += d.provisions.filter { $0.status == .condition || ($0.status == .lifted && !$0.conditions.isEmpty) }.map { "\($0.id): \($0.conditions.first ?? $0.status.rawValue)" }
            return "Allowed with conditions: \(what); \(parts.joined(separator: "; "))."
        case .allowed:
            return "Allowed: no provision in the rulebook restricts \(what)."
        }
    }
}
