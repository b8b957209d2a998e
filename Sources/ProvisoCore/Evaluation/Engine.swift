/// Answers "may the United States fund this country, under this program, on this date?" from a
/// checked rulebook. Prepare it once, ask it many times; it is immutable and safe to share.
///
/// ```swift
/// let answer = try Engine.standard.canFund(country: "Mali", program: "IMET", on: Day(parsing: "2012-06-01")!)
/// print(answer.verdict)   // prohibited
/// ```
public struct Engine: Sendable {
    /// The rulebook it answers from.
    public let rulebook: Rulebook
    /// The rulebook compiled for answers without explanations (`verdict`, timelines).
    let plan: VerdictPlan

    /// Proviso's version, recorded in every answer.
    public static let version = "0.1.0"

    /// An engine over a checked rulebook.
    public init(rulebook: Rulebook) {
        self.rulebook = rulebook
        plan = VerdictPlan(rulebook)
    }

    /// An engine over the rulebook in `directory` (every `.proviso` file below it).
    public init(directory: String) throws(RulebookError) { self.init(rulebook: try Rulebook.load(directory: directory)) }

    /// Resolves names (any case, ISO codes and aliases) into a query.
    public func query(country: String, program: String, on date: Day, purposes: [String] = [],
                      recipient: Recipient? = nil, fiscalYear: Int? = nil) throws(QueryError) -> Query {
        guard let c = rulebook.country(named: country) else {
            throw .unknownCountry(country, suggestion: closestName(to: country, in: rulebook.countryNames).map(canonicalCountry))
        }
        guard let p = rulebook.program(named: program) else {
            throw .unknownProgram(program, suggestion: closestName(to: program, in: rulebook.programNames).map(canonicalProgram))
        }
        var ps: [Int] = []
        for name in purposes {
            guard let i = rulebook.purpose(named: name) else {
                throw .unknownPurpose(name, suggestion: closestName(to: name, in: rulebook.purposes.map(\.id)))
            }
            ps.append(i)
        }
        return Query(country: c, program: p, date: date, purposes: ps, recipient: recipient, fundsFiscalYear: fiscalYear)
    }

    private func canonicalCountry(_ name: String) -> String { rulebook.country(named: name).map { rulebook.countries[$0].name } ?? name }
    private func canonicalProgram(_ name: String) -> String { rulebook.program(named: name).map { rulebook.programs[$0].id } ?? name }

    /// The full determination for a question given by names.
    public func canFund(country: String, program: String, on date: Day, purposes: [String] = [],
                        recipient: Recipient? = nil, fiscalYear: Int? = nil) throws(QueryError) -> Determination {
        try determine(query(country: country, program: program, on: date, purposes: purposes, recipient: recipient,
                            fiscalYear: fiscalYear))
    }

    /// The full determination for a query: verdict, provisions, facts, missing facts, the
    /// explanation and (unless `paths` is false) the verified paths that would change it.
    /// `explained: false` leaves `explanation` empty (it costs a few re-evaluations when an answer
    /// is indeterminate).
    public func determine(_ query: Query, paths: Bool = true, explained: Bool = true) throws(QueryError) -> Determination {
        let facts = try FactBase(book: rulebook, assumptions: query.assumptions, forgotten: query.forgotten)
        let act = try rulebook.actInForce(on: query.date, fundsFiscalYear: query.fundsFiscalYear)
        var answer = Explainer(book: rulebook, facts: facts, query: query, act: act).determination()
        if paths { answer.paths = PathFinder(engine: self, query: query, answer: answer).paths() }
        if explained {
            answer.explanation = ExplanationBuilder(engine: self, query: query, answer: answer, facts: facts, act: act).explanation()
        }
        return answer
    }

    /// Only the verdict and the identifiers of the deciding provisions (exemptions, for an
    /// answer allowed by one): no explanation is built. For matrices and benchmarks.
    public func verdict(_ query: Query) throws(QueryError) -> (verdict: Verdict, decidedBy: [String]) {
        let s = try standing(query, statuses: false)
        return (s.verdict, s.decidedBy)
    }

    /// The verdict, its deciding provisions, and (unless `statuses` is false) the weightiest
    /// status of every provision that neither is inapplicable nor left untriggered: what
    /// `verdict` says, plus what a timeline compares from one day to the next. No explanation is
    /// built; unless the query assumes or forgets facts, the compiled plan answers it without
    /// allocating anything beyond the result.
    func standing(_ query: Query, statuses: Bool = true) throws(QueryError) -> Standing {
        if query.isHypothetical { return try explainedStanding(query) }
        let act: (fiscalYear: Int, textYear: Int, enacted: Int32)
        if query.fundsFiscalYear == nil, let a = plan.act(on: query.date) {
            act = a
        } else {
            let a = try rulebook.actInForce(on: query.date, fundsFiscalYear: query.fundsFiscalYear)
            act = (a.fiscalYear, a.textFiscalYear, a.act.enacted.ordinal)
        }
        let plan = self.plan
        let government = query.recipient.map { $0 == .government } ?? plan.usualRecipientIsGovernment[query.program]
        var prohibiting: [String] = [], open: [String] = [], permitting: [String] = []
        var weightiest = statuses ? [Int](repeating: ProvisionStatus.notTriggered.severity, count: plan.provisions.count) : []
        let verdict = withUnsafeTemporaryAllocation(of: Int.self, capacity: plan.slotCount + plan.defineCount) { buffer in
            for i in buffer.indices { buffer[i] = 0 }
            let slots = UnsafeMutableBufferPointer(rebasing: buffer[..<plan.slotCount])
            let memo = UnsafeMutableBufferPointer(rebasing: buffer[plan.slotCount...])
            var evaluator = VerdictEvaluator(plan: plan, country: query.country, day: query.date.ordinal, fiscalYear: act.fiscalYear,
                                             actYear: act.textYear, actEnacted: act.enacted, government: government,
                                             queryPurposes: query.purposes, slots: slots, memo: memo)
            return evaluator.verdict(program: query.program) { p, o in
                switch o.status {
                case .prohibits:
                    if !prohibiting.contains(plan.provisionIDs[p]) { prohibiting.append(plan.provisionIDs[p]) }
                case .unknown:
                    if !open.contains(plan.provisionIDs[p]) { open.append(plan.provisionIDs[p]) }
                case .exempted, .waived:
                    let id = o.exemption >= 0 ? plan.exemptionIDs[o.exemption] : plan.provisionIDs[p]
                    if !permitting.contains(id) { permitting.append(id) }
                default:
                    break
                }
                if statuses, o.status.severity > weightiest[p] { weightiest[p] = o.status.severity }
            }
        }
        var deciding = verdict == .prohibited ? prohibiting : verdict == .indeterminate ? open : permitting
        deciding.sort()
        var list: [(provision: String, status: ProvisionStatus)] = []
        for (p, severity) in weightiest.enumerated() where severity > ProvisionStatus.notTriggered.severity {
            list.append((plan.provisionIDs[p], ProvisionStatus.allCases.first { $0.severity == severity }!))
        }
        return Standing(verdict: verdict, decidedBy: deciding, statuses: list)
    }

    /// `standing` through the explaining evaluator, which reads the record with the query's
    /// assumed and forgotten facts (and against which the tests hold the compiled plan).
    func explainedStanding(_ query: Query) throws(QueryError) -> Standing {
        let facts = try FactBase(book: rulebook, assumptions: query.assumptions, forgotten: query.forgotten)
        let act = try rulebook.actInForce(on: query.date, fundsFiscalYear: query.fundsFiscalYear)
        let outcomes = Explainer(book: rulebook, facts: facts, query: query, act: act, traced: false).componentOutcomes()
        var worst = Verdict.allowed
        var deciding: [String] = []
        for (_, list) in outcomes {
            let v = Evaluator.verdict(list, book: rulebook)
            if v.rank > worst.rank { worst = v }
        }
        var weightiest: [Int: ProvisionStatus] = [:]
        for (_, list) in outcomes {
            for o in list {
                if Explainer.decides(o.status, verdict: worst) {
                    let id: String
                    if worst.permits, case .exemption(let x)? = o.decider { id = rulebook.exemptions[x].id } else { id = rulebook.provisions[o.provision].id }
                    if !deciding.contains(id) { deciding.append(id) }
                }
                if o.status.severity > (weightiest[o.provision]?.severity ?? ProvisionStatus.notTriggered.severity) {
                    weightiest[o.provision] = o.status
                }
            }
        }
        let statuses = weightiest.keys.sorted().map { (rulebook.provisions[$0].id, weightiest[$0]!) }
        return Standing(verdict: worst, decidedBy: deciding.sorted(), statuses: statuses)
    }

    /// Parses facts written in the rules language (`--assume`), against this rulebook's names.
    public func assumptions(_ texts: [String]) throws(RulebookError) -> [Fact] {
        let files = texts.enumerated().map { SourceFile(path: "--assume #\($0.offset + 1)", text: $0.element) }
        return try rulebook.parseFacts(files)
    }
}
