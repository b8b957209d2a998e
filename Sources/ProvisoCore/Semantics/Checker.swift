/// A rulebook that does not check: every diagnostic, errors and warnings, with the files they
/// point into so that they can be rendered with their source lines.
public struct RulebookError: Error, Sendable {
    /// The diagnostics, in no particular order (render sorts them).
    public var diagnostics: [Diagnostic]
    /// The files read.
    public var sources: [SourceFile]
}

/// Turns the syntax trees of a rulebook's files into a checked `Rulebook`: names resolved, types
/// checked, versions and fiscal years consistent, every fact sourced. It reports every problem it
/// can find in one run rather than stopping at the first.
final class Checker {
    var diagnostics: [Diagnostic] = []
    let trees: [SyntaxTree]

    // Declarations collected in the first pass.
    var kindDecls: [Clause] = []
    var countryDecls: [Clause] = []
    var purposeDecls: [Clause] = []
    var programDecls: [Clause] = []
    var listDecls: [Clause] = []
    var provisionDecls: [Clause] = []
    var exemptionDecls: [Clause] = []
    var fiscalYearDecls: [Clause] = []
    var factDecls: [Clause] = []
    var rulebookDecl: Clause?

    // What has been built so far.
    var kinds: [FactKind] = Builtin.kinds()
    var kindLookup: [String: Int] = [:]
    var countries: [Country] = []
    var countryLookup: [String: Int] = [:]
    var purposes: [Purpose] = []
    var purposeLookup: [String: Int] = [:]
    var programs: [Program] = []
    var programLookup: [String: Int] = [:]
    var lists: [ListDefinition] = []
    var listLookup: [String: Int] = [:]
    var provisionLookup: [String: Int] = [:]
    var provisions: [Provision] = []
    var exemptions: [Exemption] = []
    var exemptionLookup: [String: Int] = [:]
    var fiscalYears: [FiscalYearRecord] = []
    var facts: [Fact] = []
    var factLookup: [String: Int] = [:]
    /// Waivers and certifications name provisions; used to warn about remedies that cannot apply.
    var usedNames: Set<String> = []

    /// Declaration heads that are not fact kinds.
    static let declarationHeads: Set<String> = [
        "rulebook", "kind", "country", "purpose", "program", "list", "provision", "exemption", "fiscal-year", "case",
    ]

    init(trees: [SyntaxTree]) {
        self.trees = trees
        for (i, k) in kinds.enumerated() { kindLookup[k.name] = i }
    }

    /// At most `Diagnostic.maximumPerFile` findings a file are kept (`finishReports` says where
    /// more were left out).
    private var limit = DiagnosticLimit()

    func report(_ d: Diagnostic) { if limit.admit(d) { diagnostics.append(d) } }
    func report(_ ds: [Diagnostic]) { for d in ds { report(d) } }

    /// Whether a finding at `location` would still be shown (its file is not yet at the limit).
    func hasRoom(at location: SourceLocation) -> Bool { limit.hasRoom(location) }

    /// Adds, for each file that had findings left out, one that says so (an error if any was).
    func finishReports() { diagnostics += limit.summaries }

    /// Runs every pass; returns the rulebook when there are no errors.
    func run(name: String, sources: [SourceFile]) -> Rulebook? {
        for tree in trees {
            report(tree.diagnostics)
            collect(tree.clauses)
        }
        checkKinds()
        checkCountries()
        checkPurposes()
        checkPrograms()
        checkLists()
        declareProvisionNames()
        checkFiscalYears()
        checkFacts()
        checkProvisions()
        checkExemptions()
        checkConsistency()
        if !diagnostics.hasErrors { checkConditionCost() }
        if countries.isEmpty { report(.noCountries()) }
        finishReports()
        guard !diagnostics.hasErrors else { return nil }
        var bookName = name
        var edition: String?
        if let decl = rulebookDecl {
            var reader = ArgumentReader(decl)
            if let n = reader.string("the rulebook's name") { bookName = n }
            for c in decl.body ?? [] where c.head.text == "edition" {
                var r = ArgumentReader(c)
                edition = r.string("an edition such as \"2026-11-25\"")
            }
        }
        return Rulebook(
            name: bookName, edition: edition, contentHash: Checker.hash(sources), countries: countries,
            programs: programs, purposes: purposes, kinds: kinds, facts: facts, provisions: provisions,
            exemptions: exemptions, lists: lists, fiscalYears: fiscalYears.sorted { $0.year < $1.year },
            sources: sources, warnings: diagnostics)
    }

    /// First pass: sort top-level clauses by what they declare.
    private func collect(_ clauses: [Clause]) {
        for clause in clauses {
            switch clause.head.text {
            case "rulebook":
                if let first = rulebookDecl {
                    report(.duplicate("rulebook", "rulebook", at: clause.location, first: first.location))
                } else {
                    rulebookDecl = clause
                }
            case "kind": kindDecls.append(clause)
            case "country": countryDecls.append(clause)
            case "purpose": purposeDecls.append(clause)
            case "program": programDecls.append(clause)
            case "list": listDecls.append(clause)
            case "provision": provisionDecls.append(clause)
            case "exemption": exemptionDecls.append(clause)
            case "fiscal-year": fiscalYearDecls.append(clause)
            case "case": report(.caseInRulebook(at: clause.location))
            default: factDecls.append(clause)
            }
        }
    }

    /// FNV-1a over every file's path and bytes, as 16 hex digits. Paths count from the folder the
    /// files share, so that the same rulebook has the same hash wherever it is checked out (and
    /// whether it is read from `Rules/` or embedded): an answer can be reproduced on another machine.
    static func hash(_ sources: [SourceFile]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        let sorted = sources.sorted(by: { $0.path < $1.path })
        var common = sorted.first.map { Array($0.path.utf8) } ?? []
        for file in sorted.dropFirst() {
            let p = Array(file.path.utf8)
            var n = 0
            while n < common.count, n < p.count, common[n] == p[n] { n += 1 }
            common.removeSubrange(n...)
        }
        // Cut at the last `/` of the shared prefix: a folder, not part of a file name.
        let cut = common.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
        for file in sorted {
            for b in file.path.utf8.dropFirst(cut) { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            for b in file.bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    // MARK: - Name resolution, with "did you mean"

    func resolve(_ token: Token, in lookup: [String: Int], what: String, candidates: @autoclosure () -> [String],
                 caseInsensitive: Bool = false) -> Int? {
        let key = caseInsensitive ? Rulebook.key(token.text) : token.text
        if let i = lookup[key] { return i }
        report(.unknownName(what, token, suggestion: closestName(to: token.text, in: candidates())))
        return nil
    }

    func resolveCountry(_ t: Token) -> Int? {
        resolve(t, in: countryLookup, what: "country", candidates: countries.flatMap { [$0.name, $0.iso3] + $0.aliases },
                caseInsensitive: true)
    }
    func resolveProgram(_ t: Token) -> Int? {
        resolve(t, in: programLookup, what: "program", candidates: programs.flatMap { [$0.id] + $0.aliases }, caseInsensitive: true)
    }
    func resolvePurpose(_ t: Token) -> Int? {
        resolve(t, in: purposeLookup, what: "purpose", candidates: purposes.map(\.id))
    }
    func resolveProvision(_ t: Token) -> Int? {
        usedNames.insert(t.text)
        return resolve(t, in: provisionLookup, what: "provision", candidates: Array(provisionLookup.keys))
    }
    func resolveList(_ t: Token) -> Int? {
        resolve(t, in: listLookup, what: "list", candidates: Array(listLookup.keys))
    }
    func resolveKind(_ t: Token) -> Int? {
        resolve(t, in: kindLookup, what: "fact kind", candidates: Array(kindLookup.keys))
    }

    /// `source "…"` clauses of a block: at least one, none empty.
    func sources(in clause: Clause, required: Bool) -> [String] {
        var out: [String] = []
        for c in clause.clauses("source") {
            var r = ArgumentReader(c)
            if let s = r.string("a source (an address or reference a person can look up)") {
                if s.trimmingSpaces.isEmpty { report(.emptySource(at: c.location)) } else { out.append(s) }
            }
            r.end()
            report(r.diagnostics)
        }
        if required, out.isEmpty { report(.missingSource(clause)) }
        return out
    }

    /// `note "…"` clauses of a block.
    func notes(in clause: Clause, head: String = "note") -> [String] {
        clause.clauses(head).compactMap { c in
            var r = ArgumentReader(c)
            let s = r.string("a note in quotes")
            r.end()
            report(r.diagnostics)
            return s
        }
    }

    /// Reports body clauses whose head is not one of `allowed`.
    func checkHeads(of clause: Clause, allowed: [String]) {
        for c in clause.body ?? [] where !allowed.contains(c.head.text) {
            report(.unknownClause(c.head, in: clause.head.text, suggestion: closestName(to: c.head.text, in: allowed), allowed: allowed))
        }
    }

    /// A citation clause's string, parsed.
    func citation(_ text: String, at location: SourceLocation) -> Citation? {
        if let c = Citation.parse(text) { return c }
        report(.badCitation(text, at: location))
        return nil
    }

    /// The single clause `head` of a block, reporting duplicates.
    func single(_ head: String, in clause: Clause) -> Clause? {
        // Asked for every optional clause of every declaration: scan, without gathering a list.
        guard let body = clause.body, let first = body.firstIndex(where: { $0.head.text == head }) else { return nil }
        for extra in body[(first + 1)...] where extra.head.text == head {
            report(.duplicate(head, "clause", at: extra.location, first: body[first].location))
        }
        return body[first]
    }

    /// A block clause's string argument (`title "…"`), or nil.
    func stringClause(_ head: String, in clause: Clause, what: String) -> String? {
        guard let c = single(head, in: clause) else { return nil }
        var r = ArgumentReader(c)
        let s = r.string(what)
        r.end()
        report(r.diagnostics)
        return s
    }
}

extension Diagnostic {
    static func unknownName(_ what: String, _ token: Token, suggestion: String?) -> Diagnostic {
        Diagnostic(.error, "R201", "unknown \(what) `\(token.text)`", at: token.location,
                   help: suggestion.map { "did you mean `\($0)`?" })
    }
    static func duplicate(_ name: String, _ what: String, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R202", "duplicate \(what) `\(name)`", at: location,
                   notes: [.init("first declared here", at: first)])
    }
    static func unknownClause(_ head: Token, in parent: String, suggestion: String?, allowed: [String]) -> Diagnostic {
        Diagnostic(.error, "R203", "unknown clause `\(head.text)` in `\(parent)`", at: head.location,
                   help: suggestion.map { "did you mean `\($0)`?" } ?? "expected one of: \(allowed.joined(separator: ", "))")
    }
    static func missingSource(_ clause: Clause) -> Diagnostic {
        let name = clause.arguments.first.map { " " + $0.text } ?? ""
        return Diagnostic(.error, "R301", "`\(clause.head.text)\(name)` has no source", at: clause.location,
                          help: "add `source \"…\"` with an address or reference a person can look up")
    }
    static func emptySource(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R302", "the source is empty", at: location,
                   help: "write an address or reference a person can look up")
    }
    static func badCitation(_ text: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R501", "`\(text)` is not a citation Proviso can read", at: location,
                   help: "write `P.L. 112-74, div. I, §7008`, `FAA §620A (22 U.S.C. 2371)`, `10 U.S.C. 333(d)(1)` or `Presidential Determination No. 2022-06`")
    }
    static func noCountries() -> Diagnostic {
        Diagnostic(.error, "R414", "the rulebook declares no countries, so it cannot answer about any", at: nil,
                   help: "declare the countries it answers about: `country MLI \"Mali\"`")
    }
    static func caseInRulebook(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R204", "`case` belongs in a case file, not in a rulebook", at: location,
                   help: "move regression cases to Cases/ and run them with `proviso test`")
    }
}
