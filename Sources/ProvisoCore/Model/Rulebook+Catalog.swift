/// The rulebook as a catalog: which programs each provision reaches, which exemptions override it,
/// which lists it runs off and what the record holds of them. `proviso programs`, `proviso
/// provisions` and `proviso explain` render these; nothing here evaluates a query.

/// How a version of a provision reaches a program.
public enum Reach: Sendable, Equatable {
    /// Through the funds it covers (all funds of the act, titles, named programs, any assistance).
    case funds
    /// Through another statute that brings the program within it (`reaches DoD-333 via …`).
    case via(Citation)
}

/// One program a provision reaches, and the versions that reach it.
public struct ProgramReach: Sendable {
    /// Index of the program in `Rulebook.programs`.
    public var program: Int
    /// Indices of the versions (in `Provision.versions`) that reach it, in order.
    public var versions: [Int]
    /// The statute that brings it in, when it is reached only through another statute.
    public var via: Citation?
    /// For a composite program: the components that are reached.
    public var components: [Int]
}

/// One provision that reaches a program, and the versions that do.
public struct ProvisionReach: Sendable {
    /// Index of the provision in `Rulebook.provisions`.
    public var provision: Int
    /// Indices of the versions that reach the program (or one of its components).
    public var versions: [Int]
    /// The statute that brings the program in, when it is reached only through another statute.
    public var via: Citation?
}

/// What the record holds of one year's edition of an annual list.
public struct EditionRecord: Sendable {
    /// The report year.
    public var year: Int
    /// `complete`, `partial` or `none`.
    public var coverage: String
    /// When the list was published, if recorded.
    public var published: UncertainDate?
    /// Index of the edition fact.
    public var fact: Int
    /// How many listings of that year are recorded (absences included).
    public var listings: Int
}

extension ProvisionVersion {
    /// How this version reaches `program` (a single account, not a composite), or `nil` if it does not.
    public func reach(_ program: Program, index: Int) -> Reach? {
        let covered: Bool
        switch funds {
        case .allFunds:
            if case .sfopsTitle? = program.funding { covered = true } else { covered = false }
        case .titles(let range):
            if case .sfopsTitle(let n)? = program.funding { covered = range.contains(n) } else { covered = false }
        case .programs(let set):
            covered = set.contains(index)
        case .anyAssistance:
            covered = true
        }
        if covered { return .funds }
        return reaches.first { $0.program == index }.map { .via($0.via) }
    }
}

extension Rulebook {
    /// The programs `provision` reaches in any of its versions. A composite program appears when one
    /// of its components is reached, with those components.
    public func programsReached(byProvision p: Int) -> [ProgramReach] {
        let provision = provisions[p]
        var out: [ProgramReach] = []
        for (i, program) in programs.enumerated() {
            if program.isComposite {
                var versions: Set<Int> = []
                var components: [Int] = []
                for c in program.components {
                    let vs = provision.versions.indices.filter { provision.versions[$0].reach(programs[c], index: c) != nil }
                    if !vs.isEmpty { components.append(c); versions.formUnion(vs) }
                }
                if !components.isEmpty {
                    out.append(ProgramReach(program: i, versions: versions.sorted(), via: nil, components: components))
                }
                continue
            }
            var versions: [Int] = []
            var via: Citation?
            var byFunds = false
            for (v, version) in provision.versions.enumerated() {
                switch version.reach(program, index: i) {
                case .funds?: versions.append(v); byFunds = true
                case .via(let c)?: versions.append(v); via = via ?? c
                case nil: break
                }
            }
            if !versions.isEmpty { out.append(ProgramReach(program: i, versions: versions, via: byFunds ? nil : via, components: [])) }
        }
        return out
    }

    /// The provisions that reach `program` (through a component, for a composite program).
    public func provisions(reaching program: Int) -> [ProvisionReach] {
        provisions.indices.compactMap { p in
            guard let r = programsReached(byProvision: p).first(where: { $0.program == program }) else { return nil }
            return ProvisionReach(provision: p, versions: r.versions, via: r.via)
        }
    }

    /// The exemptions that override `provision` (only restrictions can be overridden).
    public func exemptions(overriding provision: Int) -> [Int] {
        exemptionsByProvision[provision]
    }

    /// The exemptions whose program filter admits `program` (or one of its components).
    public func exemptions(applyingTo program: Int) -> [Int] {
        let wanted = Set([program] + programs[program].components)
        return exemptions.indices.filter { exemptions[$0].programs.map { !$0.isDisjoint(with: wanted) } ?? true }
    }

    /// The lists `provision`'s conditions run off (`listed LIST`), in order of first use.
    public func lists(usedBy p: Int) -> [Int] {
        var found: [Int] = []
        func walk(_ c: Condition) {
            switch c {
            case .listed(let l): if !found.contains(l) { found.append(l) }
            case .not(let x): walk(x)
            case .and(let xs), .or(let xs): xs.forEach(walk)
            case .any(_, _, _, _, let x): walk(x)
            default: break
            }
        }
        let provision = provisions[p]
        provision.defines.forEach(walk)
        provision.versions.compactMap(\.trigger).forEach(walk)
        return found
    }

    /// The editions recorded of an annual list, by report year.
    public func editions(of list: Int) -> [EditionRecord] {
        var out: [EditionRecord] = []
        for f in factsByKind[Builtin.edition] {
            let fact = facts[f]
            guard case .list(let l)? = fact.value(Builtin.Edition.list.rawValue), l == list,
                  case .number(let year)? = fact.value(Builtin.Edition.year.rawValue) else { continue }
            var coverage = "none"
            if case .enumCase(_, let w)? = fact.value(Builtin.Edition.coverage.rawValue) { coverage = w }
            var published: UncertainDate?
            if case .date(let d)? = fact.value(Builtin.Edition.published.rawValue) { published = d }
            let listings = factsByKind[Builtin.listing].filter { g in
                guard case .list(let gl)? = facts[g].value(Builtin.Listing.list.rawValue), gl == list,
                      case .number(let gy)? = facts[g].value(Builtin.Listing.year.rawValue) else { return false }
                return gy == year
            }.count
            out.append(EditionRecord(year: year, coverage: coverage, published: published, fact: f, listings: listings))
        }
        return out.sorted { $0.year < $1.year }
    }

    /// The listings recorded on `list`.
    public func listings(on list: Int) -> [Int] {
        factsByKind[Builtin.listing].filter {
            if case .list(let l)? = facts[$0].value(Builtin.Listing.list.rawValue) { return l == list }
            return false
        }
    }

    /// The waivers and certifications recorded for `provision`.
    public func remedies(of provision: Int) -> (waivers: [Int], certifications: [Int]) {
        let waivers = factsByKind[Builtin.waiver].filter {
            if case .provision(let p)? = facts[$0].value(Builtin.Waiver.provision.rawValue) { return p == provision }
            return false
        }
        let certifications = factsByKind[Builtin.certification].filter {
            if case .provision(let p)? = facts[$0].value(Builtin.Certification.provision.rawValue) { return p == provision }
            return false
        }
        return (waivers, certifications)
    }

    /// A version's citation for a catalog: its `cite`, or its section in the first act of its years
    /// whose own text is recorded (`§7008, div. I, P.L. 112-74 (SFOPS FY2012)`).
    public func citation(of version: ProvisionVersion) -> Citation? {
        if let c = version.citation { return c }
        guard let section = version.section else { return nil }
        let act = fiscalYears.lazy
            .filter { version.fiscalYears.contains($0.year) }
            .compactMap(\.act)
            .first { $0.carries == nil }
        guard let act else { return Citation(kind: .statute, statute: "SFOPS", section: section) }
        var c = Citation(kind: .publicLaw, statute: act.abbreviation, publicLaw: act.citation.publicLaw,
                         division: act.citation.division, title: act.citation.title, section: section,
                         fiscalYear: act.fiscalYear)
        if let enclosing = act.citation.section { c.enclosingSection = enclosing }
        return c
    }
}
