/// The fiscal-year table: which act governs each year, and the continuing resolutions that carry
/// an earlier act's text forward.
extension Checker {
    func checkFiscalYears() {
        var seen: [Int: SourceLocation] = [:]
        for decl in fiscalYearDecls {
            var r = ArgumentReader(decl)
            guard let year = r.fiscalYear() else { report(r.diagnostics); continue }
            r.end()
            report(r.diagnostics)
            if let first = seen[year] {
                report(.duplicate("FY\(year)", "fiscal year", at: decl.location, first: first))
                continue
            }
            seen[year] = decl.location
            checkHeads(of: decl, allowed: ["act", "continuing-resolution", "lapse", "unknown", "note", "source"])
            var record = FiscalYearRecord(year: year, act: nil, continuingResolutions: [], lapses: [], unknown: nil,
                                          notes: notes(in: decl), sources: sources(in: decl, required: false), location: decl.location)
            if let c = single("act", in: decl) { record.act = act(c, year: year, yearSources: record.sources) }
            for c in decl.clauses("continuing-resolution") {
                if let cr = continuingResolution(c, year: year, yearSources: record.sources) { record.continuingResolutions.append(cr) }
            }
            for c in decl.clauses("lapse") {
                var lr = ArgumentReader(c)
                guard lr.expect("from"), let from = lr.day(), lr.expect("until"), let until = lr.day() else { report(lr.diagnostics); continue }
                lr.end()
                report(lr.diagnostics)
                if until < from { report(.intervalEndsBeforeStart(from: "from \(from)", until: "\(until)", at: c.location)); continue }
                record.lapses.append(FundingLapse(from: from, until: until, notes: notes(in: c), sources: sources(in: c, required: false),
                                                  location: c.location))
            }
            if let c = single("unknown", in: decl) {
                var ur = ArgumentReader(c)
                record.unknown = ur.string("why the year's appropriations are unknown")
                ur.end()
                report(ur.diagnostics)
                if record.act != nil { report(.unknownYearWithAct(year, at: c.location)) }
            } else if record.act == nil && record.continuingResolutions.isEmpty {
                report(.yearWithoutAct(year, at: decl.location))
            }
            record.continuingResolutions.sort { $0.from < $1.from }
            checkChain(record)
            if record.sources.isEmpty, record.act?.sources.isEmpty ?? true,
               record.continuingResolutions.allSatisfy({ $0.sources.isEmpty }) {
                report(.missingSource(decl))
            }
            fiscalYears.append(record)
        }
        // Every `carries` must name a recorded year, and carried text must not loop.
        let years = Dictionary(fiscalYears.map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })
        for record in fiscalYears {
            var carried: [(Int, SourceLocation)] = record.continuingResolutions.map { ($0.carries, $0.location) }
            if let a = record.act, let c = a.carries { carried.append((c, a.location)) }
            for (year, location) in carried {
                guard let target = years[year] else { report(.carriesUnknownYear(year, at: location)); continue }
                if year >= record.year { report(.carriesLaterYear(record.year, year, at: location)); continue }
                if target.act == nil { report(.carriesYearWithoutAct(year, at: location)) }
            }
        }
        if fiscalYears.isEmpty { report(.noFiscalYears()) }
        if let first = fiscalYears.map(\.year).min(), let last = fiscalYears.map(\.year).max() {
            for year in first...last where years[year] == nil {
                // Said where the table resumes: the year after the gap is where the reader looks.
                let resumes = fiscalYears.filter { $0.year > year }.min { $0.year < $1.year }
                report(.fiscalYearGap(year, at: resumes?.location ?? fiscalYears[0].location))
            }
        }
    }

    /// `act "Title" { cite …  enacted …  vehicle …  carries …  verified …  source … }` or with
    /// the options on the same line.
    private func act(_ c: Clause, year: Int, yearSources: [String]) -> AppropriationAct? {
        var r = ArgumentReader(c)
        guard let title = r.string("the act's short title in quotes") else { report(r.diagnostics); return nil }
        var options = Options(clause: c, reader: r, allowed: ["cite", "enacted", "vehicle", "short", "carries", "verified", "source", "note"])
        defer { report(options.diagnostics) }
        guard let citeText = options.string("cite"), let enacted = options.day("enacted") else {
            report(.missingClause("cite` and `enacted", in: c))
            return nil
        }
        guard let cite = citation(citeText, at: options.location("cite") ?? c.location) else { return nil }
        var verification = Verification.text
        if let v = options.word("verified") {
            if let parsed = Verification(rawValue: v.text) { verification = parsed } else { report(.badEnum(v, expected: ["text", "secondary", "believed"])) }
        }
        let fy = FiscalYear(containing: enacted).year
        if fy > year, options.fiscalYear("carries") == nil { report(.actEnactedAfterYear(year, enacted, at: c.location)) }
        var own = options.strings("source")
        if own.isEmpty {
            // The year's sources stand in, but they may be about something else (a year that was
            // `unknown`, say): the act itself should say where it can be read.
            if !yearSources.isEmpty { report(.actWithoutOwnSource(year, at: c.location)) }
            own = yearSources
        }
        return AppropriationAct(fiscalYear: year, title: title, vehicle: options.string("vehicle"),
                                abbreviation: options.string("short") ?? "SFOPS", citation: cite,
                                enacted: enacted, carries: options.fiscalYear("carries"), verification: verification,
                                sources: own, notes: options.strings("note"), location: c.location)
    }

    /// `continuing-resolution "P.L. …" from D until D carries FY [title "…"] [{ source … }]`.
    private func continuingResolution(_ c: Clause, year: Int, yearSources: [String]) -> ContinuingResolution? {
        var r = ArgumentReader(c)
        guard let citeText = r.string("the resolution's Public Law citation in quotes") else { report(r.diagnostics); return nil }
        var options = Options(clause: c, reader: r, allowed: ["from", "until", "carries", "title", "source", "note"])
        defer { report(options.diagnostics) }
        guard let cite = citation(citeText, at: c.arguments[0].location) else { return nil }
        guard let from = options.day("from"), let until = options.day("until"), let carries = options.fiscalYear("carries") else {
            report(.missingClause("from`, `until` and `carries", in: c))
            return nil
        }
        if until < from { report(.intervalEndsBeforeStart(from: "from \(from)", until: "\(until)", at: c.location)); return nil }
        let fy = FiscalYear(year)
        if from < fy.start || until > fy.end {
            report(.continuingResolutionOutsideYear(cite.written, year, fy, at: c.location))
        }
        var own = options.strings("source")
        if own.isEmpty { own = yearSources }
        return ContinuingResolution(citation: cite, title: options.string("title"), from: from, until: until, carries: carries,
                                    sources: own, location: c.location)
    }

    /// Continuing resolutions must not overlap, nor run past the act's enactment.
    private func checkChain(_ record: FiscalYearRecord) {
        var previous: ContinuingResolution?
        for cr in record.continuingResolutions {
            if let p = previous, cr.from <= p.until {
                report(.overlappingResolutions(cr.citation.written, p.citation.written, at: cr.location, first: p.location))
            }
            if let act = record.act, act.carries == nil, cr.from >= act.enacted {
                report(.resolutionAfterAct(cr.citation.written, act.enacted, at: cr.location))
            }
            previous = cr
        }
    }
}

/// Options of a clause written either on its line (`key value key value`) or in its block
/// (`key value` per line): one reader for both.
struct Options {
    private var inline: [String: [Token]] = [:]
    private var block: [String: [Clause]] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    private var locations: [String: SourceLocation] = [:]

    init(clause: Clause, reader: ArgumentReader, allowed: [String]) {
        var r = reader
        var key: Token?
        var values: [Token] = []
        func flush() {
            if let k = key { inline[k.text, default: []] += values.isEmpty ? [k] : values; locations[k.text] = k.location }
        }
        while let t = r.current {
            if t.kind == .word, allowed.contains(t.text), values.count > 0 || key == nil {
                flush()
                key = t
                values = []
            } else if key == nil {
                diagnostics.append(.unexpectedArgument(t, in: clause))
            } else {
                values.append(t)
            }
            r.skip()
        }
        flush()
        for c in clause.body ?? [] {
            if allowed.contains(c.head.text) {
                block[c.head.text, default: []].append(c)
                locations[c.head.text] = locations[c.head.text] ?? c.location
            } else {
                diagnostics.append(.unknownClause(c.head, in: clause.head.text, suggestion: closestName(to: c.head.text, in: allowed), allowed: allowed))
            }
        }
    }

    func location(_ key: String) -> SourceLocation? { locations[key] }

    private mutating func tokens(_ key: String) -> [Token]? {
        if let t = inline[key] { return t }
        if let c = block[key]?.first { return c.arguments }
        return nil
    }

    mutating func string(_ key: String) -> String? {
        guard let t = tokens(key) else { return nil }
        guard t.count == 1, t[0].kind == .string else {
            diagnostics.append(Diagnostic(.error, "R101", "expected text in quotes after `\(key)`", at: t.first?.location ?? locations[key]))
            return nil
        }
        return t[0].text
    }

    mutating func strings(_ key: String) -> [String] {
        var out: [String] = []
        if let t = inline[key] { out += t.filter { $0.kind == .string }.map(\.text) }
        for c in block[key] ?? [] { out += c.arguments.filter { $0.kind == .string }.map(\.text) }
        return out
    }

    mutating func word(_ key: String) -> Token? {
        guard let t = tokens(key) else { return nil }
        guard t.count == 1, t[0].kind == .word else {
            diagnostics.append(Diagnostic(.error, "R101", "expected a word after `\(key)`", at: t.first?.location ?? locations[key]))
            return nil
        }
        return t[0]
    }

    mutating func day(_ key: String) -> Day? {
        guard let t = tokens(key) else { return nil }
        guard t.count == 1, t[0].kind == .date || t[0].kind == .number else {
            diagnostics.append(Diagnostic(.error, "R101", "expected a date after `\(key)`", at: t.first?.location ?? locations[key]))
            return nil
        }
        guard let d = UncertainDate(parsing: t[0].text) else { diagnostics.append(.impossibleDate(t[0])); return nil }
        guard d.isExact else { diagnostics.append(.needsExactDay(t[0])); return nil }
        return d.earliest
    }

    mutating func fiscalYear(_ key: String) -> Int? {
        guard let t = tokens(key) else { return nil }
        guard t.count == 1, t[0].kind == .fiscalYear, let fy = FiscalYear(parsing: t[0].text) else {
            diagnostics.append(Diagnostic(.error, "R101", "expected a fiscal year such as `FY2012` after `\(key)`", at: t.first?.location ?? locations[key]))
            return nil
        }
        return fy.year
    }
}

extension Diagnostic {
    static func intervalEndsBeforeStart(from: String, until: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R105", "the interval ends (`until \(until)`) before it starts (`\(from)`)", at: location)
    }
    static func actWithoutOwnSource(_ year: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "W405", "the `FY\(year)` act records no source of its own", at: location,
                   help: "add `source \"…\"` to the `act` block with the address of the enacted text; the year's sources are used meanwhile")
    }
    static func noFiscalYears() -> Diagnostic {
        Diagnostic(.error, "R413", "the rulebook records no fiscal years, so it cannot say which act governs any date", at: nil,
                   help: "add the act table: `fiscal-year FY2012 { act \"…\" { cite \"P.L. …\" enacted YYYY-MM-DD source \"…\" } }`")
    }
    static func yearWithoutAct(_ year: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R401", "`FY\(year)` records no act and no continuing resolution", at: location,
                   help: "record the act (`proviso new-fiscal-year`), or write `unknown \"why\"` so that answers for the year carry a warning")
    }
    static func unknownYearWithAct(_ year: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R402", "`FY\(year)` records an act and also says it is unknown", at: location,
                   help: "remove the `unknown` clause now that the act is recorded")
    }
    static func carriesUnknownYear(_ year: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R403", "`carries FY\(year)` names a fiscal year with no record", at: location)
    }
    static func carriesLaterYear(_ year: Int, _ carried: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R404", "`FY\(year)` cannot carry the act of `FY\(carried)`, which is not earlier", at: location,
                   help: "a continuing resolution carries an earlier act's text, so that `carries` chains cannot loop")
    }
    static func carriesYearWithoutAct(_ year: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R405", "`carries FY\(year)` names a year whose act is not recorded", at: location)
    }
    static func fiscalYearGap(_ year: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R406", "no record for `FY\(year)` inside the act table", at: location,
                   help: "add `fiscal-year FY\(year) { … }`, with `unknown \"why\"` if it cannot be found")
    }
    static func actEnactedAfterYear(_ year: Int, _ day: Day, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "W401", "the `FY\(year)` act is dated `\(day)`, after the fiscal year ended", at: location,
                   help: "check the date; an act for an earlier year passed late is usually a full-year resolution (`carries`)")
    }
    static func continuingResolutionOutsideYear(_ cite: String, _ year: Int, _ fy: FiscalYear, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R407", "continuing resolution `\(cite)` runs outside `FY\(year)` (`\(fy.start)` to `\(fy.end)`)", at: location)
    }
    static func overlappingResolutions(_ cite: String, _ earlier: String, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R408", "continuing resolution `\(cite)` overlaps `\(earlier)`", at: location,
                   notes: [.init("`\(earlier)` is recorded here", at: first)])
    }
    static func resolutionAfterAct(_ cite: String, _ enacted: Day, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R409", "continuing resolution `\(cite)` starts after the year's act was enacted (`\(enacted)`)", at: location)
    }
}
