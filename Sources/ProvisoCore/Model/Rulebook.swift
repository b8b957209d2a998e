/// A checked rulebook: every provision, program, country, list, fiscal year and fact, with names
/// resolved to indices and the indexes the evaluator needs. Immutable once built; share it freely.
public final class Rulebook: Sendable {
    /// The rulebook's name (from its `rulebook` clause, or the folder).
    public let name: String
    /// The edition it declares (`2026-11-25`), if any.
    public let edition: String?
    /// A hash of every source file's bytes, so that an answer can be reproduced later.
    public let contentHash: String
    /// Countries, sorted by name.
    public let countries: [Country]
    /// Programs in declaration order.
    public let programs: [Program]
    /// Purposes.
    public let purposes: [Purpose]
    /// Fact kinds, built-in ones first.
    public let kinds: [FactKind]
    /// Every recorded fact.
    public let facts: [Fact]
    /// Provisions in declaration order.
    public let provisions: [Provision]
    /// Exemptions and overriding authorities.
    public let exemptions: [Exemption]
    /// Lists.
    public let lists: [ListDefinition]
    /// Fiscal-year records, sorted by year.
    public let fiscalYears: [FiscalYearRecord]
    /// The files it was read from.
    public let sources: [SourceFile]
    /// Warnings found while checking (errors stop a rulebook from being built).
    public let warnings: [Diagnostic]

    let countryLookup: [String: Int]
    let programLookup: [String: Int]
    let purposeLookup: [String: Int]
    let provisionLookup: [String: Int]
    let kindLookup: [String: Int]
    let factLookup: [String: Int]
    let listLookup: [String: Int]
    /// Facts by country and kind: `factsByCountryKind[country * kinds.count + kind]`.
    let factsByCountryKind: [[Int]]
    /// Facts of kinds that belong to no country, by kind.
    let factsByKind: [[Int]]
    /// For each fact, the facts whose reference fields point to it.
    let referrers: [[Int]]
    /// Exemptions that override each provision, by provision index.
    let exemptionsByProvision: [[Int]]

    init(name: String, edition: String?, contentHash: String, countries: [Country], programs: [Program],
         purposes: [Purpose], kinds: [FactKind], facts: [Fact], provisions: [Provision], exemptions: [Exemption],
         lists: [ListDefinition], fiscalYears: [FiscalYearRecord], sources: [SourceFile], warnings: [Diagnostic]) {
        self.name = name
        self.edition = edition
        self.contentHash = contentHash
        self.countries = countries
        self.programs = programs
        self.purposes = purposes
        self.kinds = kinds
        self.facts = facts
        self.provisions = provisions
        self.exemptions = exemptions
        self.lists = lists
        self.fiscalYears = fiscalYears
        self.sources = sources
        self.warnings = warnings

        var countryLookup: [String: Int] = [:]
        for (i, c) in countries.enumerated() {
            for name in [c.iso3, c.name] + c.aliases { countryLookup[Rulebook.key(name)] = i }
        }
        self.countryLookup = countryLookup
        var programLookup: [String: Int] = [:]
        for (i, p) in programs.enumerated() {
            for name in [p.id, p.name] + p.aliases { programLookup[Rulebook.key(name)] = i }
        }
        self.programLookup = programLookup
        purposeLookup = Dictionary(purposes.enumerated().map { (Rulebook.key($1.id), $0) }, uniquingKeysWith: { a, _ in a })
        provisionLookup = Dictionary(provisions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        kindLookup = Dictionary(kinds.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        factLookup = Dictionary(facts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        listLookup = Dictionary(lists.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })

        var byCountryKind = [[Int]](repeating: [], count: max(1, countries.count * kinds.count))
        var byKind = [[Int]](repeating: [], count: kinds.count)
        var referrers = [[Int]](repeating: [], count: facts.count)
        for (i, fact) in facts.enumerated() {
            if let c = fact.country { byCountryKind[c * kinds.count + fact.kind].append(i) }
            byKind[fact.kind].append(i)
            for value in fact.values {
                if case .fact(let target)? = value { referrers[target].append(i) }
            }
        }
        // Facts are visited in identifier order, so that answers do not depend on how the record
        // is split into files or ordered within them.
        let byID: (Int, Int) -> Bool = { facts[$0].id < facts[$1].id }
        factsByCountryKind = byCountryKind.map { $0.sorted(by: byID) }
        factsByKind = byKind.map { $0.sorted(by: byID) }
        self.referrers = referrers
        // Exemptions are tried in identifier order, so that when several apply, the one an answer
        // names does not depend on where the rulebook declares them.
        var byProvision = [[Int]](repeating: [], count: provisions.count)
        for (e, exemption) in exemptions.enumerated().sorted(by: { $0.element.id < $1.element.id }) {
            for p in provisions.indices where exemption.overrides.contains(p) && provisions[p].kind == .restriction {
                byProvision[p].append(e)
            }
        }
        exemptionsByProvision = byProvision
    }

    /// Names compare without regard to case, accents kept.
    static func key(_ name: String) -> String { name.lowercased() }

    /// The country named `name` (canonical name, ISO alpha-3 code or alias, any case).
    public func country(named name: String) -> Int? { countryLookup[Rulebook.key(name.trimmingSpaces)] }
    /// The program named `name` (identifier, full name or alias, any case).
    public func program(named name: String) -> Int? { programLookup[Rulebook.key(name.trimmingSpaces)] }
    /// The purpose with identifier `id`.
    public func purpose(named id: String) -> Int? { purposeLookup[Rulebook.key(id)] }
    /// The provision with identifier `id`.
    public func provision(named id: String) -> Int? { provisionLookup[id] }
    /// The fact with identifier `id`.
    public func fact(named id: String) -> Int? { factLookup[id] }
    /// The fact kind named `name`.
    public func kind(named name: String) -> Int? { kindLookup[name] }
    /// The list with identifier `id`.
    public func list(named id: String) -> Int? { listLookup[id] }

    /// Every name a country can be asked by, for "did you mean".
    public var countryNames: [String] { countries.flatMap { [$0.name, $0.iso3] + $0.aliases } }
    /// Every name a program can be asked by.
    public var programNames: [String] { programs.flatMap { [$0.id, $0.name] + $0.aliases } }

    /// The record for fiscal year `year`, if any.
    public func fiscalYear(_ year: Int) -> FiscalYearRecord? {
        var low = 0, high = fiscalYears.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if fiscalYears[mid].year == year { return fiscalYears[mid] }
            if fiscalYears[mid].year < year { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }

    /// Facts of `kind` recorded for `country`.
    @inline(__always) func facts(ofKind kind: Int, country: Int) -> [Int] {
        kinds[kind].perCountry ? factsByCountryKind[country * kinds.count + kind] : factsByKind[kind]
    }
}
