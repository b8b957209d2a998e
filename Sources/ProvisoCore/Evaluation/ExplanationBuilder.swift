/// Builds the `Explanation` of a determination: for each provision, what it bars and why it does
/// or does not decide the question, resting on the dated facts with their sources; for an
/// indeterminate answer, each missing fact and what its values would give (`Alternatives`).
struct ExplanationBuilder {
    let engine: Engine
    let query: Query
    let answer: Determination
    let facts: FactBase
    let act: ActInForce

    var book: Rulebook { engine.rulebook }
    private var explainer: Explainer { Explainer(book: book, facts: facts, query: query, act: act) }

    func explanation() -> Explanation {
        var steps: [ExplanationStep] = []
        if answer.hypothetical {
            let assumed = answer.facts.filter(\.isAssumed).map { "\($0.kind) `\($0.id)`" }
            let forgotten = query.forgotten.map { "`\($0)`" }
            var parts: [String] = []
            if !assumed.isEmpty { parts.append("assumes \(assumed.joined(separator: ", "))") }
            if !forgotten.isEmpty { parts.append("leaves out \(forgotten.joined(separator: ", "))") }
            if parts.isEmpty { parts.append("assumes facts that are not recorded") }
            steps.append(ExplanationStep(kind: .hypothesis, text: "This answer is hypothetical: it \(parts.joined(separator: " and ")), which the rulebook does not record."))
        }
        let deciding = Set(answer.decidingProvisions)
        for finding in answer.provisions {
            steps.append(step(finding, decides: deciding.contains(finding.id)))
        }
        return Explanation(conclusion: conclusion(steps), steps: steps)
    }

    /// The argument in one sentence.
    private func conclusion(_ steps: [ExplanationStep]) -> String {
        let deciding = steps.filter(\.decides)
        let verdict = answer.verdict
        let head: String
        switch verdict {
        case .prohibited: head = "Prohibited, because "
        case .indeterminate: head = "Indeterminate, because "
        case .allowedWithConditions: head = "Allowed with conditions, because "
        case .allowed: head = "Allowed, because no provision in the rulebook bars it"
        }
        if deciding.isEmpty {
            let others = steps.filter { $0.kind == .provision && $0.status != .notApplicable }
            if others.isEmpty { return head + "." }
            return head + ": " + others.map(\.text).joined(separator: "; ") + "."
        }
        // The provision, the dated facts it rests on (each with a source) and the first remedy it
        // lacks or the facts it is missing: the sentence of the issue's example.
        let parts = deciding.map { s -> String in
            var words = [s.text]
            for f in s.steps where f.kind == .fact { words.append(f.text + (f.sources.first.map { " [\($0)]" } ?? "")) }
            if let absent = s.steps.first(where: { $0.kind == .absence }) { words.append(absent.text) }
            for m in s.steps where m.kind == .missing { words.append(m.text) }
            for r in s.steps where r.kind == .condition { words.append(r.text) }
            return words.joined(separator: "; ")
        }
        return head + parts.joined(separator: "; and ") + "."
    }

    // MARK: - One provision

    private func step(_ finding: ProvisionFinding, decides: Bool) -> ExplanationStep {
        let p = book.provision(named: finding.id)
        let provision = p.map { book.provisions[$0] }
        let version = provision?.versions.first { $0.name == finding.version }
        let cite = version.map { citePhrase($0, finding: finding) } ?? finding.citation?.description
        var s = ExplanationStep(kind: .provision, text: "", provision: finding.id, status: finding.status, decides: decides,
                                citation: finding.citation?.description)
        guard let provision, let p, let version else {
            s.text = "\(finding.id) (\(finding.title)) does not apply: \(finding.reason)"
            s.steps = [ExplanationStep(kind: .scope, text: finding.reason, provision: finding.id)]
            return s
        }
        let bars = "\(cite ?? finding.id) \(barsPhrase(provision, version))"
        switch finding.status {
        case .notApplicable:
            s.text = "\(cite ?? finding.id) (\(finding.title)) does not reach this assistance: \(finding.reason)"
            s.steps = [ExplanationStep(kind: .scope, text: finding.reason, provision: finding.id, citation: s.citation)]
        case .prohibits:
            s.text = bars
            s.steps = factSteps(finding) + absences(p, version, finding: finding)
        case .unknown:
            s.text = "\(cite ?? finding.id) may bar it: it \(barsPhrase(provision, version, verb: "bars")), and the rulebook does not record whether it applies here"
            s.steps = factSteps(finding) + missingSteps(finding, provision: p)
        case .lifted, .waived, .exempted:
            s.text = "\(bars); it does not bar this assistance: \(finding.reason)"
            s.steps = factSteps(finding)
            for c in finding.conditions { s.steps.append(ExplanationStep(kind: .condition, text: "required: \(c)", provision: finding.id)) }
        case .condition:
            s.text = "\(cite ?? finding.id) applies as a condition: \(finding.conditions.first ?? version.requirement ?? finding.title)"
            s.steps = factSteps(finding)
        case .notTriggered:
            s.text = "\(bars); it does not bar this assistance: its trigger is not met"
            s.steps = elementSteps(p, version, finding: finding)
            // The facts that settle it beyond the events (a complete edition of a list, say).
            let named = Set(s.steps.compactMap(\.fact))
            s.steps += factSteps(finding).filter { !named.contains($0.fact ?? "") }
        }
        return s
    }

    /// "§7008 of the FY2012 act (P.L. 112-74, div. I)", or the citation of permanent law.
    private func citePhrase(_ v: ProvisionVersion, finding: ProvisionFinding) -> String? {
        guard v.citation == nil, let section = v.section else { return finding.citation?.description }
        var text = "§\(section) of the FY\(act.act.fiscalYear) act (\(act.act.citation.written)"
        if let by = act.carriedBy { text += ", continued for FY\(act.fiscalYear) by \(by.written)" }
        return text + ")"
    }

    /// "bars direct assistance from titles III–VI to the government of a country whose …".
    private func barsPhrase(_ provision: Provision, _ v: ProvisionVersion, verb: String = "bars") -> String {
        let funds: String
        switch v.funds {
        case .allFunds: funds = "assistance from any funds of the act"
        case .anyAssistance: funds = "any assistance"
        case .titles(let r):
            funds = r.lowerBound == r.upperBound ? "assistance from title \(RomanNumeral.string(r.lowerBound))"
                : "assistance from titles \(RomanNumeral.string(r.lowerBound))–\(RomanNumeral.string(r.upperBound))"
        case .programs(let set): funds = "assistance under \(set.map { book.programs[$0].id }.sorted().joined(separator: ", "))"
        }
        let direct = v.directly ? "direct " : ""
        let country = book.countries[query.country].name
        let whom: String
        switch v.recipient {
        case .government: whom = "to the government of " + (v.triggerText ?? provision.triggerText ?? "\(country) when its trigger is met")
        case .country: whom = "to " + (v.triggerText ?? provision.triggerText ?? "\(country) when its trigger is met")
        }
        var text = "\(verb) \(direct)\(funds) \(whom)"
        let program = answer.program
        let reached = v.reaches.filter { r in r.program == query.program || program.components.contains(r.program) }
        if !reached.isEmpty {
            text += " (and \(reached.map { "\(book.programs[$0.program].id) through \($0.via)" }.joined(separator: ", ")))"
        }
        return text
    }

    /// The facts a finding rests on, its event first.
    private func factSteps(_ finding: ProvisionFinding) -> [ExplanationStep] {
        var ids = finding.facts
        if let e = finding.event, let i = ids.firstIndex(of: e) { ids.remove(at: i); ids.insert(e, at: 0) }
        if let d = finding.decidedBy, !ids.contains(d) { ids.append(d) }
        return ids.compactMap { id in answer.facts.first { $0.id == id } }.map { factStep($0, provision: finding.id) }
    }

    func factStep(_ f: FactReference, provision: String?) -> ExplanationStep {
        var summary = f.summary
        // A sentence after a date continues it: "22 March 2012: the …", but names keep their capitals.
        for article in ["The ", "A ", "An "] where f.date != nil && summary.hasPrefix(article) {
            summary = article.lowercased() + summary.dropFirst(article.count)
        }
        let when = f.date.map { "\($0.prose): " } ?? ""
        var text = "\(when)\(summary) (\(f.kind) `\(f.id)`)"
        if let c = f.confidence, c == .low { text += " [low confidence]" }
        return ExplanationStep(kind: .fact, text: text, provision: provision, fact: f.id, date: f.date, sources: f.sources,
                               assumed: f.isAssumed)
    }

    /// The remedies a prohibition lacks: certification, waiver, exempt purposes, exemptions.
    private func absences(_ p: Int, _ v: ProvisionVersion, finding: ProvisionFinding) -> [ExplanationStep] {
        var out: [ExplanationStep] = []
        func add(_ text: String) { out.append(ExplanationStep(kind: .absence, text: text, provision: finding.id)) }
        if let l = v.lifting {
            let who = l.actor.map { " (the \($0) may certify it\(l.to.map { " to the \($0)" } ?? ""))" } ?? ""
            add("no certification that \(l.finding) is recorded by \(query.date.prose)\(who)")
        }
        if let w = v.waiver {
            let sub = w.subsection.map { " under subsection \($0)" } ?? ""
            let standard = w.standard.map { ", in the \($0)" } ?? ""
            add("no waiver of it is recorded in force (the \(w.actor) may waive it\(sub)\(standard)\(w.scope.map { ", \($0)" } ?? ""))")
        } else {
            add("the FY\(act.textFiscalYear) text provides no waiver of it, and no waiver of it is recorded in force")
        }
        if !v.exemptPurposes.isEmpty {
            add("the assistance serves none of its exempt purposes (\(v.exemptPurposes.map { book.purposes[$0].id }.joined(separator: ", ")))")
        }
        for x in book.exemptionsByProvision[p] {
            add("\(book.exemptions[x].id) (\(book.exemptions[x].title)) does not apply: \(whyNot(x))")
        }
        return out
    }

    /// Why an exemption that overrides a provision does not apply to the query.
    private func whyNot(_ x: Int) -> String {
        let e = book.exemptions[x]
        let program = answer.program.isComposite ? answer.program.components.first ?? query.program : query.program
        if let years = e.fiscalYears, !years.contains(act.textFiscalYear) {
            return "it is in the acts of FY\(years.lowerBound)–FY\(years.upperBound == Int.max ? "" : String(years.upperBound)), not FY\(act.textFiscalYear)'s"
        }
        if let programs = e.programs, !programs.contains(program) {
            return "it covers only \(programs.map { book.programs[$0].id }.sorted().joined(separator: ", "))"
        }
        var purposes = Set(query.purposes)
        purposes.formUnion(book.programs[program].purposes)
        if let wanted = e.purposes, wanted.isDisjoint(with: purposes) {
            return "it covers only assistance for \(wanted.map { book.purposes[$0].id }.sorted().joined(separator: ", "))"
        }
        if let r = e.recipient, r != answer.recipient { return "it covers only \(r.rawValue) recipients" }
        if let countries = e.countries, !countries.contains(query.country) {
            return "it applies only to \(countries.map { book.countries[$0].name }.sorted().joined(separator: ", "))"
        }
        if let c = e.condition {
            var blame = TriggerBlame(facts: facts, act: act, country: query.country, program: program, day: query.date,
                                     recipient: answer.recipient, defines: [], defineNames: [], slotCount: e.slotCount, event: nil)
            let why = blame.failing(c)
            if !why.isEmpty { return why.joined(separator: "; ") }
            if blame.truth(c) == .unknown { return "whether its condition holds is not recorded" }
        }
        return "it does not reach this assistance"
    }

    /// Why a provision's trigger is not met: for each recorded event, the element that fails.
    private func elementSteps(_ p: Int, _ v: ProvisionVersion, finding: ProvisionFinding) -> [ExplanationStep] {
        let provision = book.provisions[p]
        let country = book.countries[query.country].name
        guard let kind = provision.eachKind else {
            guard let trigger = v.trigger else { return [] }
            var blame = blamer(provision, event: nil)
            return blame.failing(trigger).map { ExplanationStep(kind: .element, text: $0, provision: provision.id) }
        }
        let events = facts.facts(ofKind: kind, country: query.country)
        if events.isEmpty {
            let closed = book.kinds[kind].isComplete ? ", and the rulebook's record of them is complete" : ""
            return [ExplanationStep(kind: .absence, text: "no \(book.kinds[kind].name) is recorded for \(country)\(closed)", provision: provision.id)]
        }
        var out: [ExplanationStep] = []
        for e in events {
            var step = factStep(explainer.reference(e), provision: provision.id)
            if let trigger = v.trigger {
                var blame = blamer(provision, event: e)
                step.steps = blame.failing(trigger).map { ExplanationStep(kind: .element, text: $0, provision: provision.id, fact: facts.fact(e).id) }
            }
            out.append(step)
        }
        return out
    }

    private func blamer(_ provision: Provision, event: Int?) -> TriggerBlame {
        let program = answer.program.isComposite ? answer.program.components.first ?? query.program : query.program
        return TriggerBlame(facts: facts, act: act, country: query.country, program: program, day: query.date,
                            recipient: answer.recipient, defines: provision.defines, defineNames: provision.defineNames,
                            slotCount: provision.slotCount, event: event)
    }

    /// What an unknown provision is missing, each with what its values would give.
    private func missingSteps(_ finding: ProvisionFinding, provision p: Int) -> [ExplanationStep] {
        let missing = answer.missing.filter { $0.provision == finding.id }
        let alternatives = Alternatives(engine: engine, query: query, answer: answer, facts: facts).find(for: finding, provision: p)
        var out: [ExplanationStep] = []
        var used = Set<Int>()
        // Each alternative goes under the missing fact it settles: the one that names its field's
        // question (or field), else the first about the same fact.
        func mentions(_ m: MissingFact, _ a: ExplanationStep) -> Bool {
            guard a.fact == m.fact || m.fact == nil else { return false }
            if let q = a.question, m.description.contains(q) { return true }
            if let f = a.field, m.description.contains("`\(f)`") { return true }
            return false
        }
        var steps = missing.map { ExplanationStep(kind: .missing, text: "not recorded: \($0.description)", provision: finding.id, fact: $0.fact) }
        for (i, a) in alternatives.enumerated() {
            guard let m = missing.firstIndex(where: { mentions($0, a) }) ?? missing.firstIndex(where: { $0.fact == a.fact || $0.fact == nil })
            else { continue }
            steps[m].steps.append(a)
            used.insert(i)
        }
        out += steps
        let rest = alternatives.enumerated().filter { !used.contains($0.offset) }.map(\.element)
        if !rest.isEmpty {
            if out.isEmpty {
                out.append(ExplanationStep(kind: .missing, text: "not recorded: a fact this provision needs", provision: finding.id, steps: rest))
            } else {
                out[out.count - 1].steps += rest
            }
        }
        return out
    }
}
