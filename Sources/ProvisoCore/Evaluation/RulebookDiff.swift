import Dispatch

/// Which determinations change between two versions of a rulebook: what a maintainer reads before
/// committing a new act or a changed fact, and what a reviewer reads to approve it.
///
/// Every country and program of either rulebook (matched by ISO code and program identifier) is
/// asked about on the first day of every fiscal year either rulebook records, and on any further
/// dates given; each answer is the verdict and the provisions that decide it (`Engine.verdict`,
/// which builds no explanation). A question one rulebook cannot answer — a country it does not
/// know, a date before its first fiscal year — has that reason as its answer. Only for the few
/// answers that differ is the full determination built, to name the provisions whose status
/// changed.
public struct RulebookDiff: Sendable {
    /// One side of a change: the verdict and what decided it, or why there is no answer.
    public struct Answer: Sendable, Equatable, CustomStringConvertible {
        /// The verdict, when the question could be asked.
        public var verdict: Verdict?
        /// The provisions (or, for an allowed answer, the exemptions) that decide it.
        public var decidedBy: [String]
        /// Why the question cannot be asked of this rulebook.
        public var unanswerable: String?

        /// `prohibited (sfops-7008)`, `allowed`, or `— (unknown country)`.
        public var description: String {
            if let unanswerable { return "— (\(unanswerable))" }
            let v = verdict?.rawValue ?? "—"
            return decidedBy.isEmpty ? v : "\(v) (\(decidedBy.joined(separator: ", ")))"
        }
    }

    /// One question whose answer differs.
    public struct Change: Sendable {
        /// The country's ISO code and name.
        public var iso3: String
        /// The country's name (from the newer rulebook when both know it).
        public var country: String
        /// The program's identifier.
        public var program: String
        /// The date asked about.
        public var date: Day
        /// The answer of the old rulebook.
        public var before: Answer
        /// The answer of the new rulebook.
        public var after: Answer
        /// The provisions responsible for the change: those whose status (or the certification,
        /// waiver or exemption behind it) differs between the two answers; failing that, those
        /// that decide either answer.
        public var responsible: [String]
    }

    /// The changes, by country name, program and date.
    public var changes: [Change]
    /// How many countries, programs and dates were compared.
    public var countries: Int, programs: Int
    /// The dates asked about, in order.
    public var dates: [Day]

    /// How many questions were asked of each rulebook.
    public var questions: Int { countries * programs * dates.count }

    /// Compares the determinations of `old` and `new` on the first day of every fiscal year either
    /// records, and on `dates`.
    public init(old: Rulebook, new: Rulebook, dates extra: [Day] = []) {
        let years = (old.fiscalYears + new.fiscalYears).map(\.year)
        var days = Set(extra)
        if let first = years.min(), let last = years.max() {
            for year in first...last { days.insert(FiscalYear(year).start) }
        }
        dates = days.sorted()

        // Countries by ISO code and programs by identifier, old order first.
        var isoCodes: [String] = []
        for c in old.countries + new.countries where !isoCodes.contains(c.iso3) { isoCodes.append(c.iso3) }
        var programIDs: [String] = []
        for p in old.programs + new.programs where !programIDs.contains(p.id) { programIDs.append(p.id) }
        countries = isoCodes.count
        programs = programIDs.count

        let before = Asker(engine: Engine(rulebook: old), isoCodes: isoCodes, programIDs: programIDs)
        let after = Asker(engine: Engine(rulebook: new), isoCodes: isoCodes, programIDs: programIDs)
        let asked = dates, programs = programIDs, codes = isoCodes
        // Countries are independent questions: spread them over the cores, each writing its own slot.
        var perCountry = [[Change]](repeating: [], count: isoCodes.count)
        perCountry.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: isoCodes.count) { c in
                slots[c] = Self.changes(country: c, iso3: codes[c], programs: programs, dates: asked, before: before, after: after)
            }
        }
        let found = perCountry.flatMap { $0 }
        changes = found.sorted { ($0.country, $0.program, $0.date) < ($1.country, $1.program, $1.date) }
    }

    /// The answers that differ for one country.
    private static func changes(country c: Int, iso3: String, programs: [String], dates: [Day], before: Asker, after: Asker) -> [Change] {
        var found: [Change] = []
        for (p, program) in programs.enumerated() {
            for day in dates {
                let a = before.answer(country: c, program: p, on: day)
                let b = after.answer(country: c, program: p, on: day)
                guard a != b else { continue }
                let name = after.countryName(c) ?? before.countryName(c) ?? iso3
                let was = before.statuses(country: c, program: p, on: day), now = after.statuses(country: c, program: p, on: day)
                var responsible = now.filter { id, status in !was.contains { $0 == (id, status) } }.map(\.0)
                for (id, status) in was where !now.contains(where: { $0 == (id, status) }) && !responsible.contains(id) {
                    responsible.append(id)
                }
                if responsible.isEmpty {
                    responsible = b.decidedBy
                    for id in a.decidedBy where !responsible.contains(id) { responsible.append(id) }
                }
                found.append(Change(iso3: iso3, country: name, program: program, date: day, before: a, after: b, responsible: responsible))
            }
        }
        return found
    }

    /// The comparison for tools: what was compared and every change.
    public var json: JSON {
        func answer(_ a: Answer) -> JSON {
            .object([
                ("verdict", .optional(a.verdict?.rawValue)), ("decidedBy", .array(a.decidedBy.map(JSON.string))),
                ("unanswerable", .optional(a.unanswerable)),
            ])
        }
        return .object([
            ("countries", .number(countries)), ("programs", .number(programs)),
            ("dates", .array(dates.map { .string($0.description) })), ("questions", .number(questions)),
            ("changes", .array(changes.map { c in
                .object([
                    ("country", .string(c.country)), ("iso3", .string(c.iso3)), ("program", .string(c.program)),
                    ("date", .string(c.date.description)), ("fiscalYear", .string(FiscalYear(containing: c.date).description)),
                    ("before", answer(c.before)), ("after", answer(c.after)),
                    ("responsible", .array(c.responsible.map(JSON.string))),
                ])
            })),
        ])
    }
}

/// Asks one rulebook the questions of a comparison, with names resolved once.
private struct Asker: Sendable {
    let engine: Engine
    let countryIndex: [Int?]
    let programIndex: [Int?]

    init(engine: Engine, isoCodes: [String], programIDs: [String]) {
        self.engine = engine
        let book = engine.rulebook
        countryIndex = isoCodes.map { code in book.countries.firstIndex { $0.iso3 == code } }
        programIndex = programIDs.map { id in book.programs.firstIndex { $0.id == id } }
    }

    func countryName(_ c: Int) -> String? { countryIndex[c].map { engine.rulebook.countries[$0].name } }

    /// Each provision's status in the full determination, with what lifted, waived or exempted it.
    func statuses(country c: Int, program p: Int, on day: Day) -> [(String, String)] {
        guard let country = countryIndex[c], let program = programIndex[p],
            let answer = try? engine.determine(Query(country: country, program: program, date: day), paths: false)
        else { return [] }
        return answer.provisions.map { ($0.id, $0.status.rawValue + "/" + ($0.decidedBy ?? "")) }
    }

    func answer(country c: Int, program p: Int, on day: Day) -> RulebookDiff.Answer {
        guard let country = countryIndex[c] else { return .init(verdict: nil, decidedBy: [], unanswerable: "no such country") }
        guard let program = programIndex[p] else { return .init(verdict: nil, decidedBy: [], unanswerable: "no such program") }
        do {
            let (verdict, decidedBy) = try engine.verdict(Query(country: country, program: program, date: day))
            return .init(verdict: verdict, decidedBy: decidedBy, unanswerable: nil)
        } catch {
            return .init(verdict: nil, decidedBy: [], unanswerable: "\(error)")
        }
    }
}
