/// Finds the smallest changes that would turn a verdict — a certification, a waiver, an exempt
/// purpose, another recipient, another program — and keeps only those that do, by asking the
/// question again with each change applied. Nothing here is guessed.
struct PathFinder {
    let engine: Engine
    let query: Query
    let answer: Determination

    var book: Rulebook { engine.rulebook }

    /// One change to the question, not yet verified.
    private struct Change {
        var kind: Path.Kind
        var description: String
        var arguments: [String]
        var purposes: [Int] = []
        var assumptions: [Fact] = []
        var recipient: Recipient?
        var program: Int?

        func apply(to query: inout Query) {
            for p in purposes where !query.purposes.contains(p) { query.purposes.append(p) }
            query.assumptions += assumptions
            if let recipient { query.recipient = recipient }
            if let program { query.program = program }
        }
    }

    /// At most this many provisions are remedied together, so that the search stays small.
    static let maxCombined = 3

    func paths() -> [Path] {
        guard answer.verdict == .prohibited || answer.verdict == .indeterminate else { return [] }
        var out: [Path] = []
        func add(_ change: Change, _ verdict: Verdict, _ q: Query) {
            let option = change.arguments.map(PathFinder.shellWord).joined(separator: " ")
            guard !out.contains(where: { $0.option == option }) else { return }
            out.append(Path(kind: change.kind, description: change.description, verdict: verdict, option: option,
                            arguments: change.arguments, query: q))
        }
        func attempt(_ change: Change) -> Bool {
            var q = query
            change.apply(to: &q)
            guard let v = verdict(q) else { return false }
            add(change, v, q)
            return true
        }
        // Remedies for each provision that blocks the answer, tried one at a time …
        var remedies: [[Change]] = []
        for finding in answer.provisions where finding.status == .prohibits || finding.status == .unknown {
            let changes = self.remedies(for: finding)
            if !changes.isEmpty { remedies.append(changes) }
        }
        var anySingle = false
        for change in remedies.joined() where attempt(change) { anySingle = true }
        // … and, when no single one turns the verdict, one for each blocking provision together.
        if !anySingle, remedies.count > 1, remedies.count <= PathFinder.maxCombined {
            var combos: [[Change]] = [[]]
            for options in remedies { combos = combos.flatMap { c in options.map { c + [$0] } } }
            for combo in combos {
                let merged = Change(kind: .combined, description: combo.map(\.description).joined(separator: "; and "),
                                    arguments: combo.flatMap(\.arguments), purposes: combo.flatMap(\.purposes),
                                    assumptions: combo.flatMap(\.assumptions), recipient: combo.compactMap(\.recipient).first,
                                    program: combo.compactMap(\.program).first)
                _ = attempt(merged)
            }
        }
        if answer.recipient == .government {
            _ = attempt(Change(kind: .recipient, description: "assistance through non-government recipients (NGOs, international organisations) rather than the government",
                               arguments: ["--recipient", "non-government"], recipient: .nonGovernment))
        }
        for other in book.programs.indices where other != query.program {
            var q = query
            q.program = other
            guard let v = verdict(q) else { continue }
            add(Change(kind: .program, description: "\(book.programs[other].id) (\(book.programs[other].name)) is \(v.phrase) on this date",
                       arguments: ["--program", book.programs[other].id], program: other), v, q)
        }
        return out
    }

    /// The changes that would remedy one blocking provision: its exempt purposes, a certification
    /// lifting it, a waiver it provides, and the purposes of exemptions that override it.
    private func remedies(for finding: ProvisionFinding) -> [Change] {
        guard let p = book.provision(named: finding.id),
              let version = book.provisions[p].versions.first(where: { $0.name == finding.version }) else { return [] }
        var out: [Change] = []
        for purpose in version.exemptPurposes where !query.purposes.contains(purpose) {
            let id = book.purposes[purpose].id
            out.append(Change(kind: .purpose, description: "assistance for \(id) (\(book.purposes[purpose].description)) is exempt from \(finding.id)",
                              arguments: ["--purpose", id], purposes: [purpose]))
        }
        let event = finding.event.flatMap { book.fact(named: $0) }
        if let lifting = version.lifting, event != nil || !lifting.afterEvent {
            var values: [Int: FieldValue] = [
                Builtin.Certification.provision.rawValue: .provision(p),
                Builtin.Certification.date.rawValue: .date(UncertainDate(query.date)),
                Builtin.Certification.finding.rawValue: .text(lifting.finding),
            ]
            if let event { values[Builtin.Certification.event.rawValue] = .fact(event) }
            // Named for the provision, so that changes to several provisions combine without clashing.
            let fact = assumed(kind: Builtin.certification, id: "what-if-certification-\(finding.id)", values: values)
            let who = lifting.actor.map { " by the \($0)" } ?? ""
            let to = lifting.to.map { " to the \($0)" } ?? ""
            out.append(Change(kind: .certification,
                              description: "a certification\(who)\(to) that \(lifting.finding)\(finding.event.map { ", after \($0)" } ?? "")",
                              arguments: ["--assume", write(fact)], assumptions: [fact]))
        }
        if let waiver = version.waiver {
            let program = book.programs[query.program]
            let programs = program.isComposite ? program.components : [query.program]
            let fact = assumed(kind: Builtin.waiver, id: "what-if-waiver-\(finding.id)", values: [
                Builtin.Waiver.provision.rawValue: .provision(p),
                Builtin.Waiver.date.rawValue: .date(UncertainDate(query.date)),
                Builtin.Waiver.fiscalYears.rawValue: .fiscalYears(answer.fiscalYear...answer.fiscalYear),
            ], programs: programs)
            let sub = waiver.subsection.map { " under subsection \($0)" } ?? ""
            let standard = waiver.standard.map { ", on a finding that it is in the \($0)" } ?? ""
            let scope = waiver.scope.map { " (\($0))" } ?? ""
            out.append(Change(kind: .waiver, description: "a waiver of \(finding.id) by the \(waiver.actor)\(sub)\(standard)\(scope)",
                              arguments: ["--assume", write(fact)], assumptions: [fact]))
        }
        for x in book.exemptionsByProvision[p] {
            let e = book.exemptions[x]
            for purpose in (e.purposes ?? []).sorted() where !query.purposes.contains(purpose) {
                let id = book.purposes[purpose].id
                let cite = e.citation.map { ", \($0)" } ?? ""
                out.append(Change(kind: .purpose, description: "assistance for \(id) falls under \(e.id) (\(e.title)\(cite)), which overrides \(finding.id)",
                                  arguments: ["--purpose", id], purposes: [purpose]))
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

    /// An assumed fact as `--assume` text.
    private func write(_ fact: Fact) -> String {
        guard let facts = try? FactBase(book: book, assumptions: query.assumptions + [fact]) else { return fact.id }
        return FactText.write(fact, book: book, facts: facts)
    }

    /// A command-line word, quoted for a POSIX shell when it needs to be.
    static func shellWord(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { c in
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || "-_./=:,@%+".unicodeScalars.contains(c)
        }
        return plain ? word : FactText.shellQuoted(word)
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
        // A fact with the identifier of a recorded fact of the same kind replaces it for the query:
        // it is not a duplicate, and references to the identifier keep pointing at the recorded one.
        var replacedIDs: Set<String> = []
        for clause in checker.factDecls {
            guard let id = clause.arguments.first?.text, let f = factLookup[id], kinds[facts[f].kind].name == clause.head.text else { continue }
            checker.factLookup[id] = nil
            replacedIDs.insert(id)
        }
        checker.checkFacts()
        checker.finishReports()
        guard !checker.diagnostics.hasErrors else { throw RulebookError(diagnostics: checker.diagnostics, sources: files) }
        var moved: [Int: Int] = [:]
        for (i, fact) in checker.facts.enumerated().dropFirst(facts.count) where replacedIDs.contains(fact.id) {
            moved[i] = factLookup[fact.id]
        }
        func remap(_ v: FieldValue) -> FieldValue {
            if case .fact(let i) = v, let old = moved[i] { return .fact(old) }
            return v
        }
        return checker.facts[facts.count...].map { fact in
            var f = fact
            f.isAssumed = true
            if !moved.isEmpty {
                f.values = f.values.map { $0.map(remap) }
                f.lists = f.lists.mapValues { $0.map(remap) }
            }
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
