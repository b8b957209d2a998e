/// A regression case from the historical record: a question, the answer the record says is right,
/// the provisions that must decide it with their statuses, and the source that justifies it.
///
/// ```
/// case mali-imet-2012-06 "IMET during the 2012 restriction" {
///   query Mali program IMET date 2012-06-01
///   expect prohibited
///   expect sfops-7008 prohibits
///   source "https://af.reuters.com/article/maliNews/idAFL2E8EQ8QK20120326"
/// }
/// ```
public struct RegressionCase: Sendable {
    /// Identifier.
    public var id: String
    /// What the case checks, in words.
    public var title: String
    /// Country, as written.
    public var country: String
    /// Program, as written.
    public var program: String
    /// The date asked about.
    public var date: Day
    /// Purposes given.
    public var purposes: [String]
    /// Recipient given.
    public var recipient: Recipient?
    /// Fiscal year of funds given.
    public var fiscalYear: Int?
    /// The verdict expected.
    public var verdict: Verdict?
    /// Provisions and the status each must have.
    public var statuses: [(provision: String, status: ProvisionStatus, location: SourceLocation)]
    /// Facts to treat as not recorded (`forget mali-2012.duly-elected`).
    public var forget: [String]
    /// Hypothetical facts, as clauses.
    public var assume: [Clause]
    /// Sources that justify the expectation.
    public var sources: [String]
    /// Where the case is.
    public var location: SourceLocation
    /// The file the case is in.
    public var file: SourceFile
}

/// Reads case files (`*.case`): the same clause syntax as rules.
public enum CaseFile {
    /// The cases in a file, and the problems with them; with a rulebook, the names a case uses
    /// (country, program, purposes, provisions, forgotten facts) are checked against it too.
    public static func parse(_ file: SourceFile, against rulebook: Rulebook? = nil) -> (cases: [RegressionCase], diagnostics: [Diagnostic]) {
        let tree = Parser.parse(file)
        var diagnostics = tree.diagnostics
        var cases: [RegressionCase] = []
        var seen: [String: SourceLocation] = [:]
        for clause in tree.clauses {
            guard clause.head.text == "case" else {
                diagnostics.append(.notACase(clause.head))
                continue
            }
            let (c, ds) = read(clause, file: file, rulebook: rulebook)
            diagnostics += ds
            guard let c else { continue }
            if let first = seen[c.id] {
                diagnostics.append(.duplicate(c.id, "case", at: c.location, first: first))
                continue
            }
            seen[c.id] = c.location
            cases.append(c)
        }
        return (cases, diagnostics.count > Diagnostic.maximumPerFile ? diagnostics.limitedPerFile() : diagnostics)
    }

    private static func read(_ clause: Clause, file: SourceFile, rulebook: Rulebook?) -> (RegressionCase?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let names = CaseNames(rulebook: rulebook)
        var r = ArgumentReader(clause)
        guard let id = r.word("the case's identifier") else { return (nil, r.diagnostics) }
        let title = r.current?.kind == .string ? (r.string("a title") ?? "") : ""
        r.end()
        diagnostics += r.diagnostics
        let allowed = ["query", "expect", "forget", "assume", "source", "note"]
        for c in clause.body ?? [] where !allowed.contains(c.head.text) {
            diagnostics.append(.unknownClause(c.head, in: "case", suggestion: closestName(to: c.head.text, in: allowed), allowed: allowed))
        }
        var result = RegressionCase(id: id.text, title: title, country: "", program: "", date: Day.earliest, purposes: [],
                                    recipient: nil, fiscalYear: nil, verdict: nil, statuses: [], forget: [], assume: [],
                                    sources: [], location: clause.location, file: file)
        let queries = clause.clauses("query")
        guard let query = queries.first else {
            return (nil, diagnostics + [.missingClause("query", in: clause)])
        }
        for extra in queries.dropFirst() { diagnostics.append(.duplicate("query", "clause", at: extra.location, first: query.location)) }
        var qr = ArgumentReader(query)
        guard let country = qr.name("a country") else { return (nil, diagnostics + qr.diagnostics) }
        result.country = country.text
        diagnostics += names.country(country)
        var sawDate = false
        while let t = qr.current {
            if qr.accept("program") {
                if let p = qr.name("a program") {
                    result.program = p.text
                    diagnostics += names.program(p)
                }
            } else if qr.accept("date") {
                if let d = qr.day() { result.date = d; sawDate = true }
            } else if qr.accept("purpose") {
                let purposes = qr.names("a purpose")
                result.purposes += purposes.map(\.text)
                diagnostics += purposes.flatMap(names.purpose)
            } else if qr.accept("recipient") {
                if let w = qr.word("`government` or `non-government`") {
                    if let rec = Recipient(rawValue: w.text) { result.recipient = rec } else {
                        diagnostics.append(.badEnum(w, expected: Recipient.allCases.map(\.rawValue)))
                    }
                }
            } else if qr.accept("fiscal-year") {
                result.fiscalYear = qr.fiscalYear()
            } else {
                qr.fail(.unexpectedArgument(t, in: query))
            }
        }
        diagnostics += qr.diagnostics
        if result.program.isEmpty { diagnostics.append(.missingClause("program", in: query)) }
        if !sawDate { diagnostics.append(.missingClause("date", in: query)) }
        for c in clause.clauses("expect") {
            var er = ArgumentReader(c)
            guard let first = er.word("a verdict, or a provision and its status") else { diagnostics += er.diagnostics; continue }
            if let v = Verdict(rawValue: first.text), er.atEnd {
                if result.verdict != nil { diagnostics.append(.duplicate("expect VERDICT", "clause", at: c.location, first: clause.location)) }
                result.verdict = v
            } else if let status = er.word("a status (`prohibits`, `exempted`, `lifted`, `waived`, `not-triggered`, `unknown`, `not-applicable`, `condition`)") {
                if let s = ProvisionStatus(rawValue: status.text) {
                    result.statuses.append((first.text, s, first.location))
                    diagnostics += names.provision(first)
                } else {
                    diagnostics.append(.badEnum(status, expected: ProvisionStatus.allCases.map(\.rawValue)))
                }
            }
            er.end()
            diagnostics += er.diagnostics
        }
        for c in clause.clauses("forget") {
            var fr = ArgumentReader(c)
            var parts: [String] = []
            while let t = fr.current, t.kind == .word || t.kind == .dot {
                parts.append(t.text)
                fr.skip()
            }
            if parts.isEmpty { fr.fail(.expected("a fact, or `fact.field`", found: fr.current, at: fr.here, in: c)) }
            if let first = c.arguments.first, !parts.isEmpty { diagnostics += names.fact(parts.joined(), at: first.location) }
            result.forget.append(parts.joined())
            fr.end()
            diagnostics += fr.diagnostics
        }
        for c in clause.clauses("assume") { result.assume += c.body ?? [] }
        for c in clause.clauses("source") {
            var sr = ArgumentReader(c)
            if let s = sr.string("a source"), !s.trimmingSpaces.isEmpty { result.sources.append(s) }
            sr.end()
            diagnostics += sr.diagnostics
        }
        if result.verdict == nil { diagnostics.append(.missingClause("expect VERDICT", in: clause)) }
        if result.statuses.isEmpty { diagnostics.append(.caseWithoutProvision(clause)) }
        if result.sources.isEmpty { diagnostics.append(.missingSource(clause)) }
        return (diagnostics.hasErrors ? nil : result, diagnostics)
    }
}

/// The outcome of running one case.
public struct CaseResult: Sendable {
    /// The case.
    public var regressionCase: RegressionCase
    /// What went wrong; empty when the case passed.
    public var failures: [String]
    /// The answer given, when the question could be asked.
    public var determination: Determination?
    /// Whether it passed.
    public var passed: Bool { failures.isEmpty }
}

/// Runs regression cases against an engine.
public struct CaseRunner: Sendable {
    /// The engine asked.
    public let engine: Engine

    /// A runner over `engine`.
    public init(engine: Engine) { self.engine = engine }

    /// Asks the case's question and compares the answer with the expectation.
    public func run(_ c: RegressionCase) -> CaseResult {
        var failures: [String] = []
        do {
            var query = try engine.query(country: c.country, program: c.program, on: c.date, purposes: c.purposes,
                                         recipient: c.recipient, fiscalYear: c.fiscalYear)
            query.forgotten = c.forget
            if !c.assume.isEmpty {
                let tree = SyntaxTree(file: c.file, clauses: c.assume, trailingComments: [], diagnostics: [])
                query.assumptions = try engine.rulebook.parseFacts(trees: [tree])
            }
            let answer = try engine.determine(query, paths: false)
            if let v = c.verdict, answer.verdict != v {
                failures.append("expected \(v.rawValue), got \(answer.verdict.rawValue)")
            }
            for (provision, status, _) in c.statuses {
                guard let finding = answer.provisions.first(where: { $0.id == provision }) else {
                    failures.append("no provision `\(provision)` in the answer")
                    continue
                }
                if finding.status != status {
                    failures.append("expected \(provision) \(status.rawValue), got \(finding.status.rawValue): \(finding.reason)")
                }
            }
            return CaseResult(regressionCase: c, failures: failures, determination: answer)
        } catch let error as QueryError {
            return CaseResult(regressionCase: c, failures: ["the question cannot be asked: \(error)"], determination: nil)
        } catch let error as RulebookError {
            return CaseResult(regressionCase: c, failures: error.diagnostics.map(\.description), determination: nil)
        } catch {
            return CaseResult(regressionCase: c, failures: ["\(error)"], determination: nil)
        }
    }
}

/// The names a case uses, checked against the rulebook it runs on (when there is one), so that a
/// misspelt provision is a diagnostic with a "did you mean" rather than a failure at run time.
private struct CaseNames {
    let rulebook: Rulebook?

    func country(_ t: Token) -> [Diagnostic] {
        guard let book = rulebook, book.country(named: t.text) == nil else { return [] }
        return [.unknownInCase("country", t.text, suggestion: closestName(to: t.text, in: book.countryNames), at: t.location)]
    }
    func program(_ t: Token) -> [Diagnostic] {
        guard let book = rulebook, book.program(named: t.text) == nil else { return [] }
        return [.unknownInCase("program", t.text, suggestion: closestName(to: t.text, in: book.programNames), at: t.location)]
    }
    func purpose(_ t: Token) -> [Diagnostic] {
        guard let book = rulebook, book.purpose(named: t.text) == nil else { return [] }
        return [.unknownInCase("purpose", t.text, suggestion: closestName(to: t.text, in: book.purposes.map(\.id)), at: t.location)]
    }
    func provision(_ t: Token) -> [Diagnostic] {
        guard let book = rulebook, book.provision(named: t.text) == nil else { return [] }
        return [.unknownInCase("provision", t.text, suggestion: closestName(to: t.text, in: book.provisions.map(\.id)), at: t.location)]
    }
    /// `fact` or `fact.field`.
    func fact(_ name: String, at location: SourceLocation) -> [Diagnostic] {
        guard let book = rulebook else { return [] }
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard let f = book.fact(named: parts[0]) else {
            return [.unknownInCase("fact", parts[0], suggestion: closestName(to: parts[0], in: book.facts.map(\.id)), at: location)]
        }
        let kind = book.kinds[book.facts[f].kind]
        guard parts.count == 2, kind.fieldIndex(parts[1]) == nil else { return [] }
        return [.unknownInCase("field of `\(kind.name)`", parts[1], suggestion: closestName(to: parts[1], in: kind.fields.map(\.name)), at: location)]
    }
}

extension Diagnostic {
    static func unknownInCase(_ what: String, _ name: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "C403", "unknown \(what) `\(name)` in the case", at: location,
                   help: suggestion.map { "did you mean `\($0)`?" })
    }
    static func notACase(_ head: Token) -> Diagnostic {
        Diagnostic(.error, "C401", "expected `case`, found `\(head.text)`", at: head.location,
                   help: "a case file holds only `case ID { … }` blocks")
    }
    static func caseWithoutProvision(_ clause: Clause) -> Diagnostic {
        Diagnostic(.error, "C402", "the case names no provision that must decide it", at: clause.location,
                   help: "add `expect PROVISION STATUS`, such as `expect sfops-7008 prohibits`")
    }
}
