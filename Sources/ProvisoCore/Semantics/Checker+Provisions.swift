/// Provisions (with their versions) and exemptions.
extension Checker {
    func checkProvisions() {
        for (index, decl) in provisionDecls.enumerated() {
            provisions.append(provision(decl, index: index))
        }
    }

    private func provision(_ decl: Clause, index: Int) -> Provision {
        var r = ArgumentReader(decl)
        let id = r.word("the provision's identifier")?.text ?? "?"
        let title = r.string("the provision's title in quotes") ?? id
        r.end()
        report(r.diagnostics)
        checkHeads(of: decl, allowed: ["kind", "note", "each", "define", "order", "version", "source", "trigger"])
        var provision = Provision(id: id, title: title, kind: .restriction, notes: notes(in: decl), eachKind: nil, eachVariable: nil,
                                  slotCount: 0, defines: [], defineNames: [], versions: [], order: Provision.Remedy.allCases,
                                  location: decl.location)
        _ = sources(in: decl, required: false)
        provision.triggerText = triggerText(in: decl)
        if let c = single("kind", in: decl) {
            var kr = ArgumentReader(c)
            if let w = kr.word("`restriction` or `condition`") {
                if let k = Provision.Kind(rawValue: w.text) { provision.kind = k } else { report(.badEnum(w, expected: ["restriction", "condition"])) }
            }
            kr.end()
            report(kr.diagnostics)
        }
        var scope = ConditionScope()
        if let c = single("each", in: decl) {
            var er = ArgumentReader(c)
            if let k = er.word("a fact kind"), er.expect("as"), let v = er.word("a variable name") {
                if let kind = resolveKind(k) {
                    provision.eachKind = kind
                    provision.eachVariable = v.text
                    scope.variables[v.text] = (0, kind)
                    scope.slotCount = 1
                    if !kinds[kind].perCountry { report(.eachNeedsCountryKind(k)) }
                }
            }
            er.end()
            report(er.diagnostics)
        }
        (provision.defines, provision.defineNames) = defines(decl.clauses("define"), scope: &scope)
        if let c = single("order", in: decl) {
            var or = ArgumentReader(c)
            var order: [Provision.Remedy] = []
            for t in or.names("remedies in order (`exempt`, `lifted`, `waived`, `notwithstanding`)") {
                guard let remedy = Provision.Remedy(rawValue: t.text) else {
                    report(.badEnum(t, expected: Provision.Remedy.allCases.map(\.rawValue)))
                    continue
                }
                if order.contains(remedy) { report(.duplicate(t.text, "remedy", at: t.location, first: c.location)) } else { order.append(remedy) }
            }
            or.end()
            report(or.diagnostics)
            // Remedies the file leaves out still apply, after those it names.
            provision.order = order + Provision.Remedy.allCases.filter { !order.contains($0) }
        }
        var versionNames: [String: SourceLocation] = [:]
        for c in decl.clauses("version") {
            guard let v = version(c, provision: provision, scope: &scope) else { continue }
            if let first = versionNames[v.name] {
                report(.duplicate(v.name, "version", at: c.arguments[0].location, first: first))
            }
            versionNames[v.name] = versionNames[v.name] ?? c.location
            provision.versions.append(v)
        }
        provision.slotCount = scope.slotCount
        provision.versions.sort { $0.fiscalYears.lowerBound < $1.fiscalYears.lowerBound }
        if provision.versions.isEmpty { report(.missingClause("version", in: decl)) }
        for (a, b) in zip(provision.versions, provision.versions.dropFirst()) {
            if a.fiscalYears.upperBound >= b.fiscalYears.lowerBound {
                report(.overlappingVersions(a.name, b.name, at: b.location, first: a.location))
            } else if a.fiscalYears.upperBound + 1 < b.fiscalYears.lowerBound {
                report(.versionGap(from: a.fiscalYears.upperBound + 1, to: b.fiscalYears.lowerBound - 1, at: b.location))
            }
        }
        return provision
    }

    /// `trigger "…"`: the trigger in words, for explanations.
    private func triggerText(in c: Clause) -> String? {
        guard let s = single("trigger", in: c) else { return nil }
        var r = ArgumentReader(s)
        let text = r.string("the trigger in words, in quotes")
        r.end()
        report(r.diagnostics)
        return text
    }

    private func version(_ c: Clause, provision: Provision, scope: inout ConditionScope) -> ProvisionVersion? {
        var r = ArgumentReader(c)
        guard let name = r.word("the version's name (`V1`, `H2` …)"), let years = r.fiscalYears() else {
            report(r.diagnostics)
            return nil
        }
        r.end()
        report(r.diagnostics)
        checkHeads(of: c, allowed: ["section", "cite", "quote", "covers", "reaches", "to", "prohibits", "requires", "exempt",
                                    "lifted", "waiver", "verified", "source", "note", "trigger"])
        var v = ProvisionVersion(name: name.text, fiscalYears: years, section: nil, heading: nil, citation: nil,
                                 quotes: notes(in: c, head: "quote"), funds: .allFunds, reaches: [], recipient: .government,
                                 directly: false, trigger: nil, exemptPurposes: [], exemptNotice: nil, lifting: nil, waiver: nil,
                                 requirement: nil, verification: .text, sources: sources(in: c, required: true),
                                 notes: notes(in: c), location: c.location)
        v.triggerText = triggerText(in: c)
        if let s = single("section", in: c) {
            var sr = ArgumentReader(s)
            if let t = sr.current, [.number, .word, .string].contains(t.kind) {
                sr.skip()
                if Citation.isSection(t.text) { v.section = t.text } else { report(.badCitation("§" + t.text, at: t.location)) }
            } else {
                sr.fail(.expected("a section number", found: sr.current, at: sr.here, in: s))
            }
            if sr.current?.kind == .string { v.heading = sr.string("the heading") }
            sr.end()
            report(sr.diagnostics)
        }
        if let s = single("cite", in: c) {
            var cr = ArgumentReader(s)
            if let text = cr.string("a citation in quotes") { v.citation = citation(text, at: s.arguments[0].location) }
            cr.end()
            report(cr.diagnostics)
        }
        if v.section == nil, v.citation == nil { report(.versionWithoutCitation(name.text, at: c.location)) }
        if let s = single("covers", in: c) { v.funds = coverage(s) }
        for s in c.clauses("reaches") {
            var rr = ArgumentReader(s)
            if let p = rr.name("a program"), rr.expect("via"), let text = rr.string("the citation that brings it in") {
                if let program = resolveProgram(p), let cite = citation(text, at: s.location) { v.reaches.append(ReachedProgram(program: program, via: cite)) }
            }
            rr.end()
            report(rr.diagnostics)
        }
        if let s = single("to", in: c) {
            var tr = ArgumentReader(s)
            if tr.accept("government") {
                v.recipient = .government
                v.directly = tr.accept("directly")
            } else if tr.accept("country") {
                v.recipient = .country
            } else {
                tr.fail(.expected("`government`, `government directly` or `country`", found: tr.current, at: tr.here, in: s))
            }
            tr.end()
            report(tr.diagnostics)
        }
        if let s = single("prohibits", in: c) {
            var pr = ArgumentReader(s)
            if pr.expect("when") {
                let (e, ds) = ExpressionParser.parse(pr.rest, end: pr.here)
                report(ds)
                if let e, let trigger = condition(e, &scope), checkDepth(trigger, scope, at: e.location) {
                    v.trigger = trigger
                    warnIfConstant(trigger, defines: provision.defines, actYears: years, role: .trigger, at: e.location)
                }
            }
            report(pr.diagnostics)
        } else if provision.kind == .restriction {
            report(.missingClause("prohibits when", in: c))
        }
        if let s = single("requires", in: c) {
            var rr = ArgumentReader(s)
            v.requirement = rr.string("what must be done, in quotes")
            rr.end()
            report(rr.diagnostics)
        } else if provision.kind == .condition {
            report(.missingClause("requires", in: c))
        }
        if let s = single("exempt", in: c) {
            var er = ArgumentReader(s)
            if er.expect("purposes") {
                var names: [Token] = []
                while let t = er.current, t.kind == .word, t.text != "notice" {
                    names.append(t)
                    er.skip()
                    if er.current?.kind == .comma { er.skip() } else { break }
                }
                v.exemptPurposes = names.compactMap(resolvePurpose)
                if er.accept("notice") { v.exemptNotice = er.string("the notice required, in quotes") }
            }
            er.end()
            report(er.diagnostics)
        }
        if let s = single("lifted", in: c) { v.lifting = lifting(s, provision: provision, scope: scope) }
        if let s = single("waiver", in: c) { v.waiver = waiverClause(s) }
        if let s = single("verified", in: c) {
            var vr = ArgumentReader(s)
            if let w = vr.word("`text`, `secondary` or `believed`") {
                if let level = Verification(rawValue: w.text) { v.verification = level } else { report(.badEnum(w, expected: ["text", "secondary", "believed"])) }
            }
            vr.end()
            report(vr.diagnostics)
        }
        return v
    }

    /// `covers all-funds | any-assistance | titles III..VI | programs A, B`.
    private func coverage(_ s: Clause) -> FundsCoverage {
        var r = ArgumentReader(s)
        defer { r.end(); report(r.diagnostics) }
        if r.accept("all-funds") { return .allFunds }
        if r.accept("any-assistance") { return .anyAssistance }
        if r.accept("titles") {
            guard let low = r.word("a title such as `III`") else { return .allFunds }
            var high = low
            if r.current?.kind == .dotDot {
                r.skip()
                guard let h = r.word("a title such as `VI`") else { return .allFunds }
                high = h
            }
            guard let a = RomanNumeral.value(low.text) else { report(.badTitle(low)); return .allFunds }
            guard let b = RomanNumeral.value(high.text) else { report(.badTitle(high)); return .allFunds }
            guard a <= b else { report(.badTitle(high)); return .allFunds }
            return .titles(a...b)
        }
        if r.accept("programs") { return .programs(Set(r.names("programs").compactMap(resolveProgram))) }
        r.fail(.expected("`all-funds`, `any-assistance`, `titles III..VI` or `programs A, B`", found: r.current, at: r.here, in: s))
        return .allFunds
    }

    /// `lifted by certification [after VAR] finding "…" [by "…"] [to "…"] [notice "…"]`.
    private func lifting(_ s: Clause, provision: Provision, scope: ConditionScope) -> Lifting? {
        var r = ArgumentReader(s)
        guard r.expect("by"), r.expect("certification") else { report(r.diagnostics); return nil }
        var after = false
        if r.accept("after") {
            if let v = r.word("the event variable"), v.text != provision.eachVariable {
                report(.unknownName("variable", v, suggestion: provision.eachVariable))
            }
            after = true
        }
        var options = Options(clause: s, reader: r, allowed: ["finding", "by", "to", "notice"])
        defer { report(options.diagnostics) }
        guard let finding = options.string("finding") else {
            report(.missingClause("finding", in: s))
            return nil
        }
        if after, provision.eachKind == nil { report(.liftingNeedsEvent(at: s.location)) }
        return Lifting(finding: finding, actor: options.string("by"), to: options.string("to"), afterEvent: after,
                       notice: options.string("notice"))
    }

    /// `waiver [subsection "(b)"] by "…" [scope "…"] [standard "…"] [notice "…"]`.
    private func waiverClause(_ s: Clause) -> WaiverClause? {
        let r = ArgumentReader(s)
        var options = Options(clause: s, reader: r, allowed: ["subsection", "by", "scope", "standard", "notice"])
        defer { report(options.diagnostics) }
        guard let actor = options.string("by") else {
            report(.missingClause("by", in: s))
            return nil
        }
        return WaiverClause(subsection: options.string("subsection"), actor: actor, scope: options.string("scope"),
                            standard: options.string("standard"), notice: options.string("notice"))
    }

    func checkExemptions() {
        for decl in exemptionDecls {
            var r = ArgumentReader(decl)
            guard let id = r.word("the exemption's identifier") else { report(r.diagnostics); continue }
            let title = r.string("the exemption's title in quotes") ?? id.text
            r.end()
            report(r.diagnostics)
            if let first = provisionLookup[id.text] {
                report(.duplicate(id.text, "provision or exemption", at: id.location, first: provisionDecls[first].location))
                continue
            }
            if let first = exemptionLookup[id.text] {
                report(.duplicate(id.text, "exemption", at: id.location, first: exemptions[first].location))
                continue
            }
            checkHeads(of: decl, allowed: ["cite", "notwithstanding", "fiscal-years", "programs", "purposes", "recipient",
                                           "countries", "when", "overrides", "notice", "note", "source"])
            var x = Exemption(id: id.text, title: title, citation: nil, notwithstanding: single("notwithstanding", in: decl) != nil,
                              fiscalYears: nil, programs: nil, purposes: nil, recipient: nil, countries: nil, condition: nil,
                              slotCount: 0, overrides: .only([]), notice: nil, notes: notes(in: decl),
                              sources: sources(in: decl, required: true), location: decl.location)
            if let c = single("cite", in: decl) {
                var cr = ArgumentReader(c)
                if let s = cr.string("a citation in quotes") { x.citation = citation(s, at: c.arguments[0].location) }
                cr.end()
                report(cr.diagnostics)
            }
            if let c = single("fiscal-years", in: decl) {
                var fr = ArgumentReader(c)
                x.fiscalYears = fr.fiscalYears()
                fr.end()
                report(fr.diagnostics)
            }
            if let c = single("programs", in: decl) {
                var pr = ArgumentReader(c)
                x.programs = Set(pr.names("programs").compactMap(resolveProgram))
                pr.end()
                report(pr.diagnostics)
            }
            if let c = single("purposes", in: decl) {
                var pr = ArgumentReader(c)
                x.purposes = Set(pr.names("purposes").compactMap(resolvePurpose))
                pr.end()
                report(pr.diagnostics)
            }
            if let c = single("recipient", in: decl) {
                var rr = ArgumentReader(c)
                if let w = rr.word("`government` or `non-government`") {
                    if let recipient = Recipient(rawValue: w.text) { x.recipient = recipient } else {
                        report(.badEnum(w, expected: Recipient.allCases.map(\.rawValue)))
                    }
                }
                rr.end()
                report(rr.diagnostics)
            }
            if let c = single("countries", in: decl) {
                var cr = ArgumentReader(c)
                x.countries = Set(cr.names("countries").compactMap(resolveCountry))
                cr.end()
                report(cr.diagnostics)
            }
            if let c = single("when", in: decl) {
                var scope = ConditionScope()
                let (e, ds) = ExpressionParser.parse(c.arguments, end: c.location)
                report(ds)
                if let e, let when = condition(e, &scope), checkDepth(when, scope, at: e.location) {
                    x.condition = when
                    warnIfConstant(when, defines: [], actYears: x.fiscalYears, role: .exemption, at: e.location)
                }
                x.slotCount = scope.slotCount
            }
            if let c = single("overrides", in: decl) {
                var or = ArgumentReader(c)
                if or.accept("all") {
                    var except: Set<Int> = []
                    if or.accept("except") { except = Set(or.names("provisions").compactMap(resolveProvision)) }
                    x.overrides = .all(except: except)
                } else {
                    x.overrides = .only(Set(or.names("provisions").compactMap(resolveProvision)))
                }
                or.end()
                report(or.diagnostics)
            } else {
                report(.missingClause("overrides", in: decl))
            }
            if let c = single("notice", in: decl) {
                var nr = ArgumentReader(c)
                x.notice = nr.string("the notice required, in quotes")
                nr.end()
                report(nr.diagnostics)
            }
            // A `when` that did not check has been reported; saying the exemption has no scope too would be a cascade.
            if x.programs == nil, x.purposes == nil, x.recipient == nil, x.countries == nil, x.condition == nil, decl.clauses("when").isEmpty {
                report(.exemptionWithoutScope(id.text, at: decl.location))
            }
            exemptionLookup[id.text] = exemptions.count
            exemptions.append(x)
        }
    }
}

extension Diagnostic {
    static func eachNeedsCountryKind(_ t: Token) -> Diagnostic {
        Diagnostic(.error, "R226", "`each \(t.text)` needs a kind of fact that belongs to a country", at: t.location)
    }
    static func overlappingVersions(_ a: String, _ b: String, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R410", "versions `\(a)` and `\(b)` overlap", at: location,
                   notes: [.init("`\(a)` is declared here", at: first)])
    }
    static func versionGap(from: Int, to: Int, at location: SourceLocation) -> Diagnostic {
        let years = from == to ? "FY\(from)" : "FY\(from)..FY\(to)"
        return Diagnostic(.error, "R411", "the versions leave `\(years)` uncovered", at: location,
                          help: "extend a version, or add one for `\(years)`")
    }
    static func versionWithoutCitation(_ name: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R502", "version `\(name)` has no citation", at: location,
                   help: "give the section of the annual act (`section 7008`) or the statute (`cite \"FAA §620A (22 U.S.C. 2371)\"`)")
    }
    static func liftingNeedsEvent(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R227", "`after` needs the provision to range over events (`each KIND as VAR`)", at: location)
    }
    static func exemptionWithoutScope(_ id: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R228", "exemption `\(id)` says nothing about what it applies to", at: location,
                   help: "name its programs, purposes, recipient, countries, or a `when` condition")
    }
}
