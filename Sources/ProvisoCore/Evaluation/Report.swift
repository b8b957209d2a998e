/// The whole checklist for one country on one date, the document an analyst attaches to a memo:
/// every program's determination, the facts on record with their sources, the timeline of each
/// program since the earliest recorded event, and the citations.
public struct CountryReport: Sendable {
    /// The country.
    public var country: Country
    /// The date asked about.
    public var date: Day
    /// The act in force on the date.
    public var act: ActInForce
    /// Every program's determination (with explanations and paths), in the rulebook's order.
    public var determinations: [Determination]
    /// Every fact the rulebook records for the country, oldest first, with sources.
    public var facts: [FactReference]
    /// Each program's timeline from `since` through `date`, in the order of `determinations`.
    public var timelines: [Timeline]
    /// The first day of the timelines: the start of the fiscal year of the earliest recorded event
    /// (or of the date's fiscal year when nothing is recorded).
    public var since: Day
    /// Every provision the determinations cite (not those that do not reach any program).
    public var citations: [ReportCitation]
    /// What produced it.
    public var audit: Audit
}

/// A provision cited in a report, with the programs it reaches and its status for each.
public struct ReportCitation: Sendable {
    /// The provision's identifier.
    public var id: String
    /// Its title.
    public var title: String
    /// The pin-point citation in the act in force.
    public var citation: String
    /// Each program it reaches, with the provision's status for it.
    public var programs: [(program: String, status: ProvisionStatus)]
}

extension Engine {
    /// The report for a country on `date`: every program, the record, timelines and citations.
    public func report(country name: String, on date: Day) throws(QueryError) -> CountryReport {
        guard let c = rulebook.country(named: name) else {
            throw .unknownCountry(name, suggestion: closestName(to: name, in: rulebook.countryNames).map(canonicalCountryName))
        }
        let act = try rulebook.actInForce(on: date)
        var determinations: [Determination] = []
        for p in rulebook.programs.indices {
            determinations.append(try determine(Query(country: c, program: p, date: date)))
        }
        // The record: every fact of the country, described as answers describe them.
        let base = try FactBase(book: rulebook)
        let explainer = Explainer(book: rulebook, facts: base, query: Query(country: c, program: 0, date: date), act: act)
        var facts: [FactReference] = []
        for (i, f) in rulebook.facts.enumerated() where f.country == c { facts.append(explainer.reference(i)) }
        facts.sort { a, b in
            let da = a.date?.earliest ?? Day.latest, db = b.date?.earliest ?? Day.latest
            return da != db ? da < db : a.id < b.id
        }
        // Timelines since the earliest recorded event, within the recorded fiscal years.
        let first = rulebook.fiscalYears.first.map { FiscalYear($0.year).start } ?? date
        // From the start of the fiscal year of the earliest recorded event, so that the day
        // assistance was first cut shows against the days before it.
        var since = facts.compactMap { $0.date?.earliest }.min().map { FiscalYear(containing: $0).start } ?? FiscalYear(containing: date).start
        since = min(max(since, first), date)
        var timelines: [Timeline] = []
        for p in rulebook.programs.indices {
            timelines.append(try timeline(Query(country: c, program: p, date: since), from: since, to: date))
        }
        var citations: [ReportCitation] = []
        for d in determinations {
            for f in d.provisions where f.status != .notApplicable {
                guard let cite = f.citation?.description else { continue }
                if let i = citations.firstIndex(where: { $0.id == f.id && $0.citation == cite }) {
                    citations[i].programs.append((d.program.id, f.status))
                } else {
                    citations.append(ReportCitation(id: f.id, title: f.title, citation: cite, programs: [(d.program.id, f.status)]))
                }
            }
        }
        return CountryReport(country: rulebook.countries[c], date: date, act: act, determinations: determinations, facts: facts,
                             timelines: timelines, since: since, citations: citations, audit: audit(on: date))
    }
}
