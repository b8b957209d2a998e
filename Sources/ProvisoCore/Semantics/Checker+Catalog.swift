/// Kinds, countries, purposes, programs and lists: the names everything else refers to.
extension Checker {
    func checkKinds() {
        // Names first, so that a kind can refer to one declared after it.
        var declared: [(Clause, String)] = []
        for decl in kindDecls {
            var r = ArgumentReader(decl)
            guard let name = r.word("the kind's name") else { report(r.diagnostics); continue }
            if Checker.declarationHeads.contains(name.text) {
                report(.reservedKindName(name))
                continue
            }
            if let first = kindLookup[name.text] {
                report(.duplicate(name.text, "fact kind", at: name.location, first: kinds[first].location ?? decl.location))
                continue
            }
            kindLookup[name.text] = kinds.count
            kinds.append(FactKind(name: name.text, title: "", fields: [], isComplete: false, completeness: nil,
                                  perCountry: true, isBuiltin: false, location: decl.location))
            declared.append((decl, name.text))
        }
        for (decl, name) in declared {
            let index = kindLookup[name]!
            var r = ArgumentReader(decl)
            r.skip()
            if r.current?.kind == .string { kinds[index].title = r.string("a title") ?? "" }
            r.end()
            report(r.diagnostics)
            checkHeads(of: decl, allowed: ["field", "complete", "note"])
            var fields: [FactKind.Field] = []
            for c in decl.clauses("field") {
                guard let field = fieldDeclaration(c) else { continue }
                if ["country", "source", "confidence", "note", "summary"].contains(field.name) || fields.contains(where: { $0.name == field.name }) {
                    report(.reservedField(field.name, at: c.location))
                    continue
                }
                fields.append(field)
            }
            kinds[index].fields = fields
            if let complete = single("complete", in: decl) {
                var cr = ArgumentReader(complete)
                kinds[index].completeness = cr.string("why the record of this kind is complete")
                kinds[index].isComplete = true
                cr.end()
                report(cr.diagnostics)
            }
        }
    }

    /// `field NAME TYPE [required] [repeated] ["question"]`.
    private func fieldDeclaration(_ c: Clause) -> FactKind.Field? {
        var r = ArgumentReader(c)
        defer { report(r.diagnostics) }
        guard let name = r.word("a field name"), let typeWord = r.word("a type") else { return nil }
        let type: FieldType
        switch typeWord.text {
        case "date": type = .date
        case "text": type = .text
        case "truth": type = .truth
        case "number": type = .number
        case "fiscal-year": type = .fiscalYear
        case "fiscal-years": type = .fiscalYears
        case "program": type = .program
        case "provision": type = .provision
        case "country": type = .country
        case "citation": type = .citation
        case "list": type = .list
        case "one-of":
            let cases = r.names("the words it can be").map(\.text)
            guard !cases.isEmpty else { return nil }
            type = .enumeration(cases)
        default:
            guard kindLookup[typeWord.text] != nil else {
                report(.unknownType(typeWord, suggestion: closestName(
                    to: typeWord.text,
                    in: ["date", "text", "truth", "number", "fiscal-year", "fiscal-years", "program", "provision", "country",
                         "citation", "list", "one-of"] + kindLookup.keys)))
                return nil
            }
            type = .reference(typeWord.text)
        }
        var field = FactKind.Field(name: name.text, type: type, isRequired: false, isRepeated: false, question: nil)
        while let t = r.current {
            if r.accept("required") { field.isRequired = true } else if r.accept("repeated") { field.isRepeated = true }
            else if t.kind == .string { field.question = r.string("a question") }
            else { r.end(); break }
        }
        return field
    }

    func checkCountries() {
        for decl in countryDecls {
            var r = ArgumentReader(decl)
            guard let code = r.word("an ISO 3166-1 alpha-3 code"), let name = r.string("the country's name in quotes") else {
                report(r.diagnostics)
                continue
            }
            r.end()
            report(r.diagnostics)
            if code.text.count != 3 || !code.text.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                report(.badISOCode(code))
            }
            checkHeads(of: decl, allowed: ["alias", "aliases", "source", "note"])
            var aliases: [String] = []
            for c in decl.clauses("alias") + decl.clauses("aliases") {
                var ar = ArgumentReader(c)
                aliases += ar.names("an alias").map(\.text)
                ar.end()
                report(ar.diagnostics)
            }
            let index = countries.count
            var clash = false
            for n in [code.text, name] + aliases {
                if let other = countryLookup[Rulebook.key(n)], other != index {
                    report(.duplicate(n, "country name", at: decl.location, first: countries[other].location))
                    clash = true
                }
            }
            if clash { continue }
            for n in [code.text, name] + aliases { countryLookup[Rulebook.key(n)] = index }
            countries.append(Country(iso3: code.text, name: name, aliases: aliases, location: decl.location))
        }
        // Countries are kept sorted by name (the order of lists and matrices).
        countries.sort { $0.name < $1.name }
        countryLookup = [:]
        for (i, c) in countries.enumerated() {
            for n in [c.iso3, c.name] + c.aliases { countryLookup[Rulebook.key(n)] = i }
        }
    }

    func checkPurposes() {
        for decl in purposeDecls {
            var r = ArgumentReader(decl)
            guard let id = r.word("the purpose's name") else { report(r.diagnostics); continue }
            let text = r.string("what the purpose means, in quotes") ?? ""
            r.end()
            report(r.diagnostics)
            checkHeads(of: decl, allowed: ["note"])
            if let first = purposeLookup[id.text] {
                report(.duplicate(id.text, "purpose", at: id.location, first: purposes[first].location))
                continue
            }
            purposeLookup[id.text] = purposes.count
            purposes.append(Purpose(id: id.text, description: text, location: decl.location))
        }
    }

    func checkPrograms() {
        // Names first: a composite names programs declared after it.
        var valid: [(Clause, Int)] = []
        for decl in programDecls {
            var r = ArgumentReader(decl)
            guard let id = r.word("the program's identifier"), let name = r.string("the program's full name in quotes") else {
                report(r.diagnostics)
                continue
            }
            r.end()
            report(r.diagnostics)
            let index = programs.count
            var aliases: [String] = []
            for c in decl.clauses("alias") + decl.clauses("aliases") {
                var ar = ArgumentReader(c)
                aliases += ar.names("an alias").map(\.text)
                ar.end()
                report(ar.diagnostics)
            }
            var clash = false
            for n in Set([id.text, name] + aliases).sorted() {
                if let other = programLookup[Rulebook.key(n)], other != index {
                    report(.duplicate(n, "program name", at: decl.location, first: programs[other].location))
                    clash = true
                }
            }
            if clash { continue }
            for n in [id.text, name] + aliases { programLookup[Rulebook.key(n)] = index }
            programs.append(Program(id: id.text, name: name, aliases: aliases, account: nil, funding: nil, authority: nil,
                                    recipient: .government, purposes: [], components: [], caveats: [], notes: [],
                                    location: decl.location))
            valid.append((decl, index))
        }
        for (decl, index) in valid {
            checkHeads(of: decl, allowed: ["alias", "aliases", "account", "title", "authority", "recipient", "purposes",
                                           "components", "caveat", "note", "source"])
            var p = programs[index]
            p.account = stringClause("account", in: decl, what: "the appropriation account's name in quotes")
            if let c = single("title", in: decl) {
                var r = ArgumentReader(c)
                if r.accept("outside-sfops") {
                    p.funding = .outsideSFOPS
                } else if let t = r.word("a title of the SFOPS act (`III`, `IV` …) or `outside-sfops`") {
                    if let n = RomanNumeral.value(t.text) { p.funding = .sfopsTitle(n) } else { report(.badTitle(t)) }
                }
                r.end()
                report(r.diagnostics)
            }
            if let c = single("authority", in: decl) {
                var r = ArgumentReader(c)
                if let s = r.string("the authorising statute's citation") { p.authority = citation(s, at: c.arguments[0].location) }
                r.end()
                report(r.diagnostics)
            }
            if let c = single("recipient", in: decl) {
                var r = ArgumentReader(c)
                if let w = r.word("`government`, `non-government` or `mixed`") {
                    if let u = UsualRecipient(rawValue: w.text) { p.recipient = u } else {
                        report(.badEnum(w, expected: ["government", "non-government", "mixed"]))
                    }
                }
                r.end()
                report(r.diagnostics)
            }
            if let c = single("purposes", in: decl) {
                var r = ArgumentReader(c)
                p.purposes = r.names("purposes").compactMap(resolvePurpose)
                r.end()
                report(r.diagnostics)
            }
            if let c = single("components", in: decl) {
                var r = ArgumentReader(c)
                p.components = r.names("component programs").compactMap(resolveProgram)
                r.end()
                report(r.diagnostics)
                if p.components.contains(index) { report(.compositeCycle(p.id, at: c.location)) }
            }
            p.caveats = notes(in: decl, head: "caveat")
            p.notes = notes(in: decl)
            _ = sources(in: decl, required: false)
            if p.components.isEmpty, p.funding == nil { report(.programWithoutFunding(p.id, at: decl.location)) }
            programs[index] = p
        }
        // A composite of composites could cycle; Proviso allows one level only.
        // (A composite naming itself was reported at its `components` clause.)
        for p in programs where p.isComposite {
            if p.components.contains(where: { programs[$0].isComposite && programs[$0].id != p.id }) {
                report(.compositeCycle(p.id, at: p.location))
            }
        }
    }

    func checkLists() {
        for decl in listDecls {
            var r = ArgumentReader(decl)
            guard let id = r.word("the list's identifier") else { report(r.diagnostics); continue }
            let title = r.string("the list's title in quotes") ?? id.text
            r.end()
            report(r.diagnostics)
            checkHeads(of: decl, allowed: ["cite", "membership", "complete", "note", "source"])
            if let first = listLookup[id.text] {
                report(.duplicate(id.text, "list", at: id.location, first: lists[first].location))
                continue
            }
            var list = ListDefinition(id: id.text, title: title, citation: nil, cadence: .interval, completeSpans: [],
                                      notes: notes(in: decl), sources: sources(in: decl, required: true), location: decl.location)
            if let c = single("cite", in: decl) {
                var cr = ArgumentReader(c)
                if let s = cr.string("a citation") { list.citation = citation(s, at: c.arguments[0].location) }
                cr.end()
                report(cr.diagnostics)
            }
            if let c = single("membership", in: decl) {
                var mr = ArgumentReader(c)
                if mr.accept("interval") {
                    list.cadence = .interval
                } else if mr.accept("annual") {
                    // `annual applies next-fiscal-year`: the report of year Y governs FY Y+1.
                    _ = mr.expect("applies")
                    if mr.accept("next-fiscal-year") { list.cadence = .annual(offset: 1) }
                    else if mr.accept("same-fiscal-year") { list.cadence = .annual(offset: 0) }
                    else if !mr.atEnd { mr.fail(.expected("`next-fiscal-year` or `same-fiscal-year`", found: mr.current, at: mr.here, in: c)) }
                } else {
                    mr.fail(.expected("`interval` or `annual applies next-fiscal-year`", found: mr.current, at: mr.here, in: c))
                }
                mr.end()
                report(mr.diagnostics)
            } else {
                report(.missingClause("membership", in: decl))
            }
            // `complete from D [until E]`, repeatable: the spans over which the record is complete.
            for c in decl.clauses("complete") {
                var cr = ArgumentReader(c)
                if cr.expect("from"), let from = cr.day() {
                    var until: Day?
                    if cr.accept("until") { until = cr.day() }
                    if let u = until, u <= from {
                        report(.badCompleteSpan(from: from, until: u, at: c.location))
                    } else if let clash = list.completeSpans.first(where: { s in
                        (s.until.map { from < $0 } ?? true) && (until.map { s.from < $0 } ?? true)
                    }) {
                        report(.overlappingCompleteSpan(clash.from, at: c.location))
                    } else {
                        list.completeSpans.append(.init(from: from, until: until))
                    }
                }
                cr.end()
                report(cr.diagnostics)
            }
            list.completeSpans.sort { $0.from < $1.from }
            listLookup[id.text] = lists.count
            lists.append(list)
        }
    }

    /// Provisions and exemptions share one namespace, declared before facts name them. Only the
    /// first declaration of a name is kept, so indices match `provisionDecls`.
    func declareProvisionNames() {
        var kept: [Clause] = []
        var first: [String: SourceLocation] = [:]
        for decl in provisionDecls {
            guard let id = decl.arguments.first, id.kind == .word else {
                kept.append(decl)
                continue
            }
            if let location = first[id.text] {
                report(.duplicate(id.text, "provision", at: id.location, first: location))
                continue
            }
            first[id.text] = decl.location
            kept.append(decl)
        }
        provisionDecls = kept
        provisionLookup = [:]
        for (i, d) in provisionDecls.enumerated() {
            if let id = d.arguments.first, id.kind == .word { provisionLookup[id.text] = i }
        }
    }
}

extension Diagnostic {
    static func reservedKindName(_ t: Token) -> Diagnostic {
        Diagnostic(.error, "R205", "`\(t.text)` is a declaration and cannot name a fact kind", at: t.location)
    }
    static func reservedField(_ name: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R206", "field `\(name)` is declared twice or is built in", at: location,
                   help: "every fact already has `country`, `source`, `confidence` and `note`")
    }
    static func unknownType(_ t: Token, suggestion: String?) -> Diagnostic {
        Diagnostic(.error, "R207", "unknown type `\(t.text)`", at: t.location, help: suggestion.map { "did you mean `\($0)`?" })
    }
    static func badISOCode(_ t: Token) -> Diagnostic {
        Diagnostic(.error, "R208", "`\(t.text)` is not an ISO 3166-1 alpha-3 code", at: t.location,
                   help: "three capital letters, such as `MLI`")
    }
    static func badTitle(_ t: Token) -> Diagnostic {
        Diagnostic(.error, "R209", "`\(t.text)` is not a title of the act", at: t.location,
                   help: "write a Roman numeral such as `III` or `IV`, or `outside-sfops`")
    }
    static func badEnum(_ t: Token, expected: [String]) -> Diagnostic {
        Diagnostic(.error, "R210", "`\(t.text)` is not one of \(expected.map { "`\($0)`" }.joined(separator: ", "))",
                   at: t.location, help: closestName(to: t.text, in: expected).map { "did you mean `\($0)`?" })
    }
    static func compositeCycle(_ id: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R211", "program `\(id)` is composed of itself or of another composite", at: location,
                   help: "list the accounts a composite program draws on directly")
    }
    static func programWithoutFunding(_ id: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R212", "program `\(id)` has neither a `title` nor `components`", at: location,
                   help: "say which title of the act funds it (`title IV`), `title outside-sfops`, or list its components")
    }
    static func missingClause(_ head: String, in clause: Clause) -> Diagnostic {
        Diagnostic(.error, "R213", "`\(clause.head.text)` needs a `\(head)` clause", at: clause.location)
    }
}

extension Diagnostic {
    static func badCompleteSpan(from: Day, until: Day, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R415", "the record cannot be complete until `\(until)`: that is not after `\(from)`", at: location)
    }
    static func overlappingCompleteSpan(_ other: Day, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R416", "this span of completeness overlaps the one from `\(other)`", at: location,
                   help: "give each span `from D until E` so that the spans do not overlap")
    }
}
