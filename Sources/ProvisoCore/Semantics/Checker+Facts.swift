/// Facts: every record checked against its kind's declared shape, every reference resolved, every
/// fact sourced.
extension Checker {
    func checkFacts() {
        // Pass A: identifiers, so that facts can refer to facts recorded anywhere.
        var pending: [(Clause, Int, Int)] = []  // clause, kind, fact index
        let names = Array(Checker.declarationHeads) + kindLookup.keys
        for decl in factDecls {
            guard let kind = kindLookup[decl.head.text] else {
                // Past the limit of findings for the file, the suggestion would not be shown.
                let suggestion = hasRoom(at: decl.location) ? closestName(to: decl.head.text, in: names) : nil
                report(.unknownDeclaration(decl.head, suggestion: suggestion))
                continue
            }
            var r = ArgumentReader(decl)
            guard let id = r.word("the fact's identifier") else { report(r.diagnostics); continue }
            if r.current?.kind == .string { r.skip() }
            r.end()
            report(r.diagnostics)
            if let first = factLookup[id.text] {
                report(.duplicate(id.text, "fact", at: id.location, first: facts[first].location))
                continue
            }
            factLookup[id.text] = facts.count
            pending.append((decl, kind, facts.count))
            facts.append(Fact(id: id.text, kind: kind, country: nil, values: Array(repeating: nil, count: kinds[kind].fields.count),
                              lists: [:], sources: [], confidence: nil, fieldConfidence: [:], notes: [], summary: nil,
                              location: decl.location))
        }
        // Pass B: values. Facts that name a country, resolved or not (a misspelt one is reported
        // once, as an unknown name).
        var namesCountry: Set<Int> = []
        for (decl, kind, index) in pending where fillFact(decl, kind: kind, index: index) { namesCountry.insert(index) }
        // Pass C: countries derived through references (a certification of an event is about the
        // event's country), then the per-country requirement.
        for (decl, kind, index) in pending {
            guard facts[index].country == nil, kinds[kind].perCountry, !namesCountry.contains(index) else { continue }
            var referencesUnresolved = false
            for value in facts[index].values {
                guard case .fact(let target)? = value else { continue }
                if let c = facts[target].country { facts[index].country = c; break }
                if namesCountry.contains(target) { referencesUnresolved = true }
            }
            if facts[index].country == nil, !referencesUnresolved { report(.missingCountry(facts[index].id, at: decl.location)) }
        }
    }

    /// Reads a fact's clauses into its values; whether it has a `country` clause.
    private func fillFact(_ decl: Clause, kind: Int, index: Int) -> Bool {
        let k = kinds[kind]
        // Taken out of the list while it is filled, so that its values are changed in place rather
        // than copied from the list's version.
        var fact = Fact(id: "", kind: kind, country: nil, values: [], lists: [:], sources: [], confidence: nil, fieldConfidence: [:],
                        notes: [], summary: nil, location: decl.location)
        swap(&fact, &facts[index])
        // Where each field, then each clause every fact may have, was first written: kept by
        // position, not in a dictionary, since this runs for every clause of every fact.
        let common = ["country", "source", "confidence", "note", "summary"]
        var seen = [SourceLocation?](repeating: nil, count: k.fields.count + common.count)
        func slot(_ name: String) -> Int? { k.fieldIndex(name) ?? common.firstIndex(of: name).map { k.fields.count + $0 } }
        for c in decl.body ?? [] {
            let head = c.head.text
            guard let at = slot(head) else {
                let allowed = k.fields.map(\.name) + common
                report(.unknownField(c.head, kind: k.name, suggestion: closestName(to: head, in: allowed)))
                continue
            }
            if head != "source", head != "note", let first = seen[at], !(at < k.fields.count && k.fields[at].isRepeated) {
                report(.duplicate(head, "field", at: c.location, first: first))
                continue
            }
            seen[at] = c.location
            switch head {
            case "country":
                if !k.perCountry { report(.countryNotAllowed(k.name, at: c.location)); continue }
                var r = ArgumentReader(c)
                if let t = r.name("a country") { fact.country = resolveCountry(t) }
                r.end()
                report(r.diagnostics)
            case "source":
                var r = ArgumentReader(c)
                if let s = r.string("a source (an address or reference a person can look up)") {
                    if s.trimmingSpaces.isEmpty { report(.emptySource(at: c.location)) } else { fact.sources.append(s) }
                }
                r.end()
                report(r.diagnostics)
            case "note":
                var r = ArgumentReader(c)
                if let s = r.string("a note in quotes") { fact.notes.append(s) }
                r.end()
                report(r.diagnostics)
            case "summary":
                var r = ArgumentReader(c)
                fact.summary = r.string("one line in quotes saying what the fact records")
                r.end()
                report(r.diagnostics)
            case "confidence":
                confidence(c, kind: k, into: &fact)
            default:
                let f = k.fieldIndex(head)!
                let field = k.fields[f]
                var r = ArgumentReader(c)
                if field.isRepeated {
                    if r.accept("all") {
                        fact.lists[f] = []
                    } else {
                        var values = fact.lists[f] ?? []
                        for t in r.names(field.type.description) {
                            if let v = value(of: t, type: field.type, kindName: k.name) { values.append(v) }
                        }
                        fact.lists[f] = values
                        fact.values[f] = values.first
                    }
                } else if r.accept("unknown") {
                    fact.values[f] = .unknown
                } else {
                    fact.values[f] = scalar(&r, type: field.type, kindName: k.name)
                }
                r.end()
                report(r.diagnostics)
            }
        }
        // An interval (`from` or `date` … `until`) must not end before it starts.
        if let end = k.fieldIndex("until"), case .date(let until)? = fact.values[end],
            let start = k.fieldIndex("from") ?? k.fieldIndex("date"), case .date(let from)? = fact.values[start],
            UncertainDate.compare(until, .before, from) == .true
        {
            report(.intervalEndsBeforeStart(from: "\(k.fields[start].name) \(from)", until: "\(until)", at: seen[end] ?? decl.location))
        }
        // A field written with a bad value has been reported already.
        for (f, field) in k.fields.enumerated() where field.isRequired && fact.values[f] == nil && fact.lists[f] == nil && seen[f] == nil {
            report(.missingField(field.name, fact: fact.id, kind: k.name, at: decl.location))
        }
        if fact.sources.isEmpty { report(.missingSource(decl)) }
        facts[index] = fact
        return seen[k.fields.count] != nil  // `country`
    }

    /// One value of a non-repeated field.
    private func scalar(_ r: inout ArgumentReader, type: FieldType, kindName: String) -> FieldValue? {
        switch type {
        case .date:
            return r.date().map(FieldValue.date)
        case .text:
            return r.string("text in quotes").map(FieldValue.text)
        case .citation:
            guard let s = r.string("a citation in quotes") else { return nil }
            return citation(s, at: r.tokens[r.index - 1].location).map(FieldValue.citation)
        case .number:
            guard let t = r.current, t.kind == .number, let n = Int(t.text) else {
                r.fail(.expected("a number", found: r.current, at: r.here, in: r.clause))
                return nil
            }
            r.skip()
            return .number(n)
        case .fiscalYear:
            return r.fiscalYear().map(FieldValue.fiscalYear)
        case .fiscalYears:
            return r.fiscalYears().map(FieldValue.fiscalYears)
        default:
            guard let t = r.name(type.description) else { return nil }
            return value(of: t, type: type, kindName: kindName)
        }
    }

    /// A single name-like value: truth, enumeration, program, provision, country, list, reference.
    func value(of t: Token, type: FieldType, kindName: String) -> FieldValue? {
        switch type {
        case .truth:
            switch t.text {
            case "yes": return .truth(.true, written: "yes")
            case "no": return .truth(.false, written: "no")
            case "disputed", "unknown": return .truth(.unknown, written: t.text)
            default:
                report(.badEnum(t, expected: ["yes", "no", "disputed", "unknown"]))
                return nil
            }
        case .enumeration(let cases):
            guard let i = cases.firstIndex(of: t.text) else { report(.badEnum(t, expected: cases)); return nil }
            return .enumCase(i, t.text)
        case .program:
            return resolveProgram(t).map(FieldValue.program)
        case .provision:
            return resolveProvision(t).map(FieldValue.provision)
        case .country:
            return resolveCountry(t).map(FieldValue.country)
        case .list:
            return resolveList(t).map(FieldValue.list)
        case .reference(let kind):
            guard let f = resolve(t, in: factLookup, what: "fact", candidates: Array(factLookup.keys)) else { return nil }
            if kinds[facts[f].kind].name != kind {
                let sameKind = facts.filter { kinds[$0.kind].name == kind }.map(\.id)
                report(.wrongFactKind(t, expected: kind, found: kinds[facts[f].kind].name, suggestion: closestName(to: t.text, in: sameKind)))
                return nil
            }
            return .fact(f)
        case .anyFact:
            return resolve(t, in: factLookup, what: "fact", candidates: Array(factLookup.keys)).map(FieldValue.fact)
        default:
            report(.expected(type.description, found: t, at: t.location, in: Clause(head: Token(.word, kindName, at: t.location))))
            return nil
        }
    }

    /// `confidence H` or `confidence date=H duly-elected=M`.
    private func confidence(_ c: Clause, kind: FactKind, into fact: inout Fact) {
        var r = ArgumentReader(c)
        defer { report(r.diagnostics) }
        while let t = r.current {
            guard t.kind == .word else { r.fail(.expected("a confidence such as `H` or `date=H`", found: t, at: t.location, in: c)); return }
            r.skip()
            if r.current?.kind == .equals {
                r.skip()
                guard let level = r.word("a confidence level (`H`, `M`, `L` or `U`)") else { return }
                guard let conf = Confidence(rawValue: level.text) else { report(.badEnum(level, expected: ["H", "M", "L", "U"])); continue }
                guard let f = kind.fieldIndex(t.text) else {
                    report(.unknownField(t, kind: kind.name, suggestion: closestName(to: t.text, in: kind.fields.map(\.name))))
                    continue
                }
                fact.fieldConfidence[f] = conf
            } else if let conf = Confidence(rawValue: t.text) {
                fact.confidence = conf
            } else {
                report(.badEnum(t, expected: ["H", "M", "L", "U"]))
            }
        }
    }
}

extension Diagnostic {
    static func unknownDeclaration(_ head: Token, suggestion: String?) -> Diagnostic {
        Diagnostic(.error, "R214", "unknown declaration or fact kind `\(head.text)`", at: head.location,
                   help: suggestion.map { "did you mean `\($0)`?" } ?? "declare the kind first: `kind \(head.text) { field … }`")
    }
    static func unknownField(_ t: Token, kind: String, suggestion: String?) -> Diagnostic {
        Diagnostic(.error, "R215", "`\(kind)` has no field `\(t.text)`", at: t.location, help: suggestion.map { "did you mean `\($0)`?" })
    }
    static func missingField(_ field: String, fact: String, kind: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R216", "fact `\(fact)` (a `\(kind)`) does not record `\(field)`", at: location,
                   help: "record it, or write `\(field) unknown` if it could not be established")
    }
    static func missingCountry(_ fact: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R217", "fact `\(fact)` does not say which country it is about", at: location, help: "add `country NAME`")
    }
    static func countryNotAllowed(_ kind: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R218", "a fact of kind `\(kind)` belongs to no country", at: location)
    }
    static func wrongFactKind(_ t: Token, expected: String, found: String, suggestion: String?) -> Diagnostic {
        Diagnostic(.error, "R219", "`\(t.text)` is a `\(found)`, not a `\(expected)`", at: t.location,
                   help: suggestion.map { "did you mean `\($0)`?" })
    }
}
