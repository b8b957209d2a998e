/// Finds the smallest changes that would turn a verdict — a certification, a waiver, an exempt
/// purpose, another recipient, another program — and keeps only those that do, by asking the
/// question again with each change applied. Nothing here is guessed.
struct PathFinder {
    let engine: Engine
    let query: Query
    let answer: Determination

    var book: Rulebook { engine.rulebook }

    func paths() -> [Path] {
        guard answer.verdict == .prohibited || answer.verdict == .indeterminate else { return [] }
        var out: [Path] = []
        func add(_ path: Path) {
            if !out.contains(where: { $0.option == path.option }) { out.append(path) }
        }
        for finding in answer.provisions where finding.status == .prohibits || finding.status == .unknown {
            guard let p = book.provision(named: finding.id),
                  let version = book.provisions[p].versions.first(where: { $0.name == finding.version }) else { continue }
            for purpose in version.exemptPurposes where !query.purposes.contains(purpose) {
                var q = query
                q.purposes.append(purpose)
                if let v = verdict(q) {
                    let id = book.purposes[purpose].id
                    add(Path(kind: .purpose, description: "assistance for \(id) (\(book.purposes[purpose].description)) is exempt from \(finding.id)",
                             verdict: v, option: "--purpose \(id)"))
                }
            }
            if let lifting = version.lifting, let eventID = finding.event, let event = book.fact(named: eventID) {
                let fact = assumed(kind: Builtin.certification, id: "what-if-certification", values: [
                    Builtin.Certification.provision.rawValue: .provision(p),
                    Builtin.Certification.event.rawValue: .fact(event),
                    Builtin.Certification.date.rawValue: .date(UncertainDate(query.date)),
                    Builtin.Certification.finding.rawValue: .text(lifting.finding),
                ])
                var q = query
                q.assumptions.append(fact)
                if let v = verdict(q) {
                    let who = lifting.actor.map { " by the \($0)" } ?? ""
                    let to = lifting.to.map { " to the \($0)" } ?? ""
                    add(Path(kind: .certification,
                             description: "a certification\(who)\(to) that \(lifting.finding), after \(eventID)",
                             verdict: v,
                             option: "--assume 'certification what-if { provision \(finding.id); event \(eventID); date \(query.date); finding \"\(lifting.finding)\"; source \"hypothetical\" }'"))
                }
            }
            if let waiver = version.waiver {
                let fact = assumed(kind: Builtin.waiver, id: "what-if-waiver", values: [
                    Builtin.Waiver.provision.rawValue: .provision(p),
                    Builtin.Waiver.date.rawValue: .date(UncertainDate(query.date)),
                    Builtin.Waiver.fiscalYears.rawValue: .fiscalYears(answer.fiscalYear...answer.fiscalYear),
                ], programs: [query.program])
                var q = query
                q.assumptions.append(fact)
                if let v = verdict(q) {
                    let sub = waiver.subsection.map { " under subsection \($0)" } ?? ""
                    let standard = waiver.standard.map { ", on a finding that it is in the \($0)" } ?? ""
                    let scope = waiver.scope.map { " (\($0))" } ?? ""
                    add(Path(kind: .waiver, description: "a waiver of \(finding.id) by the \(waiver.actor)\(sub)\(standard)\(scope)",
                             verdict: v,
                             option: "--assume 'waiver what-if { provision \(finding.id); country \(book.countries[query.country].iso3); programs \(book.programs[query.program].id); fiscal-years FY\(answer.fiscalYear); date \(query.date); source \"hypothetical\" }'"))
                }
            }
        }
        if answer.recipient == .government {
            var q = query
            q.recipient = .nonGovernment
            if let v = verdict(q) {
                add(Path(kind: .recipient, description: "assistance through non-government recipients (NGOs, international organisations) rather than the government",
                         verdict: v, option: "--recipient non-government"))
            }
        }
        for other in book.programs.indices where other != query.program {
            var q = query
            q.program = other
            if let v = verdict(q) {
                add(Path(kind: .program, description: "\(book.programs[other].id) (\(book.programs[other].name)) is \(v.phrase) on this date",
                         verdict: v, option: "--program \(book.programs[other].id)"))
            }
        }
        return out
    }

    /// The verdict with the change, if it differs and permits (or, from prohibited, is at least
    /// no longer prohibited).
    private func verdict(_ q: Query) -> Verdict? {
        guard let v = try? engine.verdict(q).verdict, v != answer.verdict else { return nil }
        if v.permits { return v }
        return answer.verdict == .prohibited && v == .indeterminate ? v : nil
    }

    private func assumed(kind: Int, id: String, values: [Int: FieldValue], programs: [Int] = []) -> Fact {
        var row = [FieldValue?](repeating: nil, count: book.kinds[kind].fields.count)
        for (field, value) in values { row[field] = value }
        var lists: [Int: [FieldValue]] = [:]
        if !programs.isEmpty {
            lists[Builtin.Waiver.programs.rawValue] = programs.map(FieldValue.program)
            row[Builtin.Waiver.programs.rawValue] = .program(programs[0])
        }
        var fact = Fact(id: id, kind: kind, country: query.country, values: row, lists: lists, sources: ["hypothetical"],
                        confidence: nil, fieldConfidence: [:], notes: [], summary: nil,
                        location: SourceLocation(file: "(what-if)", line: 1, column: 1))
        fact.isAssumed = true
        return fact
    }
}

extension Rulebook {
    /// Checks fact records written in the rules language against this rulebook's names; the
    /// facts get indices after the rulebook's own, as assumptions expect.
    public func parseFacts(_ files: [SourceFile]) throws(RulebookError) -> [Fact] {
        try parseFacts(trees: files.map(Parser.parse))
    }

    /// Checks fact records already parsed.
    public func parseFacts(trees: [SyntaxTree]) throws(RulebookError) -> [Fact] {
        let result = LargeStack.run { () -> Result<[Fact], RulebookError> in
            do throws(RulebookError) { return .success(try checkFacts(trees: trees)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    private func checkFacts(trees: [SyntaxTree]) throws(RulebookError) -> [Fact] {
        let files = trees.map(\.file)
        let checker = Checker(seededFrom: self, trees: trees)
        for tree in trees {
            checker.report(tree.diagnostics)
            for clause in tree.clauses {
                if Checker.declarationHeads.contains(clause.head.text) {
                    checker.report(.onlyFactsAssumed(clause.head))
                } else {
                    checker.factDecls.append(clause)
                }
            }
        }
        checker.checkFacts()
        checker.finishReports()
        guard !checker.diagnostics.hasErrors else { throw RulebookError(diagnostics: checker.diagnostics, sources: files) }
        return checker.facts[facts.count...].map { fact in
            var f = fact
            f.isAssumed = true
            return f
        }
    }
}

extension Checker {
    /// A checker that knows a rulebook's names, for reading facts against it.
    convenience init(seededFrom book: Rulebook, trees: [SyntaxTree]) {
        self.init(trees: trees)
        kinds = book.kinds
        kindLookup = book.kindLookup
        countries = book.countries
        countryLookup = book.countryLookup
        purposes = book.purposes
        purposeLookup = book.purposeLookup
        programs = book.programs
        programLookup = book.programLookup
        lists = book.lists
        listLookup = book.listLookup
        provisionLookup = book.provisionLookup
        provisions = book.provisions
        facts = book.facts
        factLookup = book.factLookup
    }
}

extension Diagnostic {
    static func onlyFactsAssumed(_ head: Token) -> Diagnostic {
        Diagnostic(.error, "R229", "only facts can be assumed, not a `\(head.text)`", at: head.location)
    }
}
