import Proviso

// A small generator of rulebooks and queries for the property tests (PropertyTests.swift) and
// the structure-aware fuzz target (Fuzz/Targets/generated.swift, which compiles this file too:
// it uses only the library's public API and no test framework).
//
// Every rulebook it writes is meant to check without errors: countries, purposes, programs (one
// of them composite), two declared kinds (an event and a finding about it, each complete or
// not), an interval list and an annual list, an act table with continuing resolutions, lapses
// and full-year resolutions, provisions with versions, definitions, remedies in any order, and
// exemptions; facts of every kind with exact, month, year and span dates and unknown values. A
// generated rulebook that does not check is a bug in the generator or the checker, and the tests
// say so.

/// Where the generator's choices come from.
protocol ChoiceSource {
    /// A number in `0..<bound` (`bound` is at least 1).
    mutating func next(_ bound: Int) -> Int
}

/// SplitMix64: a fixed seed gives the same sequence on every machine and every run.
struct SeededChoices: ChoiceSource {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func nextWord() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(_ bound: Int) -> Int { Int(nextWord() % UInt64(max(1, bound))) }
}

/// Choices read from a fuzzer's bytes, one byte a choice; when they run out, every choice is 0
/// (the smallest rulebook), so a short input still makes a rulebook.
struct ByteChoices: ChoiceSource {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func next(_ bound: Int) -> Int {
        guard bound > 1, index < bytes.count else { return 0 }
        defer { index += 1 }
        return Int(bytes[index]) % bound
    }
}

/// One recorded fact as the generator wrote it: its kind, identifier, country and fields in order,
/// so that a test can rewrite a field (as `unknown`) or leave the fact out.
struct GeneratedFact {
    var kind: String
    var id: String
    /// The country clause's value (`AAA`), if the fact has one.
    var country: String?
    /// `(field, value as written)`, in order.
    var fields: [(name: String, value: String)]

    /// The fact as a clause of the rules language.
    func text(_ layout: Layout) -> String {
        var lines = ["\(kind) \(id) {"]
        if let country { lines.append("  country \(country)") }
        for f in fields { lines.append("  \(f.name) \(f.value)") }
        lines.append("  source \"generated\"")
        lines.append("}")
        return layout.render(lines)
    }
}

/// How text is laid out: canonical, or with the liberties the language allows (extra spaces,
/// comments, blank lines, CRLF endings, a byte-order mark), which `fmt` must remove.
struct Layout {
    var messy = false
    var crlf = false
    var byteOrderMark = false
    var spaces: [Int] = []

    /// Lines of one declaration, with extra spaces and comments when messy.
    func render(_ lines: [String]) -> String {
        guard messy else { return lines.joined(separator: "\n") + "\n" }
        var out: [String] = []
        for (i, line) in lines.enumerated() {
            let pick = spaces.isEmpty ? 0 : spaces[i % spaces.count]
            var l = line
            if pick % 3 == 1 { l = "   " + l.drop { $0 == " " } }  // indentation is not significant
            if pick % 4 == 2, !l.hasSuffix("{"), !l.contains("\"") { l = l.replacingFirstSpace(with: "    ") }
            if pick % 5 == 3 { l += "   # a comment " }
            out.append(l)
            if pick % 7 == 4 { out.append("") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A whole file's text with the layout's line endings and mark.
    func file(_ text: String) -> String {
        var t = crlf ? text.replacingNewlinesWithCRLF() : text
        if byteOrderMark { t = "\u{FEFF}" + t }
        return t
    }
}

/// A generated rulebook: its declarations (each a block of text) and its facts, which the tests
/// rearrange, and the questions to ask of it.
struct GeneratedRulebook {
    /// Declarations other than facts, in the order written.
    var declarations: [String]
    /// The facts.
    var facts: [GeneratedFact]
    /// Countries (ISO codes), programs, purposes and provisions declared.
    var countries: [String]
    var programs: [String]
    var purposes: [String]
    var provisions: [String]
    /// Fiscal years recorded.
    var years: ClosedRange<Int>
    /// Every purpose some version exempts, with the provision that exempts it (for tests that add one).
    var versionExemptLines: [String]
    var layout = Layout()

    /// The rulebook as files named `gen-N.proviso`: the declarations, in order, in the first; the
    /// facts dealt into all `count` of them in `factOrder` (a permutation of `facts`' indices).
    func files(count: Int = 1, factOrder: [Int]? = nil) -> [SourceFile] {
        var texts = [String](repeating: "", count: max(1, count))
        for (i, d) in declarations.enumerated() {
            texts[0] += layout.render(d.split(separator: "\n").map(String.init)) + (layout.messy && i % 3 == 0 ? "\n" : "")
        }
        for (position, f) in (factOrder ?? Array(facts.indices)).enumerated() {
            texts[(position + 1) % texts.count] += facts[f].text(layout)
        }
        return texts.enumerated().map { SourceFile(path: "gen-\($0.offset).proviso", text: layout.file($0.element)) }
    }

    /// The rulebook as one file whose declarations and facts come in `order` (a permutation of
    /// the declarations' indices followed by the facts').
    func file(order: [Int]) -> SourceFile {
        let blocks = declarations + facts.map { $0.text(Layout()) }
        return SourceFile(path: "gen-0.proviso", text: order.map { blocks[$0] }.joined())
    }

    /// The same rulebook with one fact's field rewritten (`unknown`, say).
    func rewriting(fact index: Int, field: Int, to value: String) -> GeneratedRulebook {
        var copy = self
        copy.facts[index].fields[field].value = value
        return copy
    }

    /// The same rulebook without one fact.
    func removing(fact index: Int) -> GeneratedRulebook {
        var copy = self
        copy.facts.remove(at: index)
        return copy
    }
}

/// A question to ask a generated rulebook, by names.
struct GeneratedQuery: CustomStringConvertible {
    var country: String
    var program: String
    var date: Day
    var purposes: [String]
    var recipient: Recipient?
    var fiscalYear: Int?

    /// The query resolved against a rulebook (nil if a name does not resolve).
    func resolved(in engine: Engine, forgetting forgotten: [String] = []) -> Query? {
        guard var q = try? engine.query(country: country, program: program, on: date, purposes: purposes, recipient: recipient,
                                        fiscalYear: fiscalYear) else { return nil }
        q.forgotten = forgotten
        return q
    }

    var description: String {
        "\(country) \(program) \(date)" + (purposes.isEmpty ? "" : " purposes \(purposes)")
            + (recipient.map { " recipient \($0.rawValue)" } ?? "") + (fiscalYear.map { " FY\($0)" } ?? "")
    }
}

/// Writes rulebooks and queries from a source of choices.
struct RulebookGenerator<Source: ChoiceSource> {
    var source: Source

    init(_ source: Source) { self.source = source }

    // MARK: - Choices

    private mutating func chance(_ percent: Int) -> Bool { source.next(100) < percent }
    private mutating func pick<T>(_ items: [T]) -> T { items[source.next(items.count)] }
    private mutating func count(_ range: ClosedRange<Int>) -> Int { range.lowerBound + source.next(range.count) }

    /// A random order of `n` items.
    mutating func permutation(_ n: Int) -> [Int] {
        var items = Array(0..<n)
        if n < 2 { return items }
        for i in stride(from: n - 1, to: 0, by: -1) { items.swapAt(i, source.next(i + 1)) }
        return items
    }

    // MARK: - Dates

    private mutating func day(in first: Day, _ last: Day) -> Day {
        let span = Int(last.ordinal - first.ordinal)
        return Day(ordinal: first.ordinal + Int32(source.next(max(1, span + 1))))
    }

    /// A recorded date near `center`: exact, a month, a year or a span; returns the text and the
    /// latest day it may be.
    private mutating func recordedDate(in first: Day, _ last: Day) -> (text: String, latest: Day) {
        let d = day(in: first, last)
        let (y, m, _) = d.components
        switch source.next(10) {
        case 0:
            let month = "\(y)-\(m < 10 ? "0" : "")\(m)"
            return (month, UncertainDate(parsing: month)!.latest)
        case 1:
            return ("\(y)", Day(year: y, month: 12, day: 31)!)
        case 2:
            let end = Day(ordinal: d.ordinal + Int32(1 + source.next(60)))
            return ("\(d)..\(end)", end)
        default:
            return (d.description, d)
        }
    }

    // MARK: - The rulebook

    mutating func rulebook() -> GeneratedRulebook {
        let firstYear = 2010 + source.next(3)
        let years = firstYear...(firstYear + count(1...3))
        let start = FiscalYear(years.lowerBound).start, end = FiscalYear(years.upperBound).end
        var decls: [String] = []

        decls.append("rulebook \"Generated rulebook\" {\n  edition \"2024-01-01\"\n}\n")
        let countryNames = [("AAA", "Alpha"), ("BBB", "Beta"), ("CCC", "Gamma")]
        let countries = Array(countryNames.prefix(count(1...3)))
        for (iso, name) in countries { decls.append("country \(iso) \"\(name)\"\n") }
        let purposes = Array(["pa", "pb", "pc"].prefix(count(2...3)))
        for p in purposes { decls.append("purpose \(p) \"purpose \(p)\"\n") }

        var programs: [String] = []
        let titles = ["III", "IV", "V", "VI", "outside-sfops"]
        let recipients = ["government", "non-government", "mixed"]
        for i in 1...count(2...3) {
            var lines = ["program P\(i) \"Program \(i)\" {", "  title \(pick(titles))", "  recipient \(pick(recipients))"]
            if chance(25) { lines.insert("  purposes \(pick(purposes))", at: 2) }
            lines.append("}")
            decls.append(layoutless(lines))
            programs.append("P\(i)")
        }
        if chance(30) {
            decls.append(layoutless(["program PC \"Composite\" {", "  components \(programs[0]), \(programs[1])",
                                     "  recipient \(pick(["government", "mixed"]))", "}"]))
            programs.append("PC")
        }

        let eventComplete = chance(60), findingComplete = chance(50)
        decls.append(layoutless([
            "kind ev \"An event\" {", "  field date date required \"the date of the event\"",
            "  field flag truth \"whether the flag holds\"", "  field level one-of high, low \"how high\"",
        ] + (eventComplete ? ["  complete \"every event\""] : []) + ["}"]))
        decls.append(layoutless([
            "kind ev-finding \"A finding about an event\" {", "  field event ev required",
            "  field finding one-of determined, declined required \"what was found\"",
        ] + (findingComplete ? ["  complete \"every finding\""] : []) + ["}"]))
        let intervalComplete = chance(60)
        decls.append(layoutless(["list il \"Interval list\" {", "  cite \"FAA §620A (22 U.S.C. 2371)\"", "  membership interval"]
            + (intervalComplete ? ["  complete from \(Day(ordinal: start.ordinal - Int32(source.next(400))))"] : [])
            + ["  source \"generated\"", "}"]))
        decls.append(layoutless(["list al \"Annual list\" {", "  cite \"TVPA §110 (22 U.S.C. 7107)\"",
                                 "  membership annual applies next-fiscal-year", "  source \"generated\"", "}"]))

        // The act table: every year an act; some with an interim resolution and a lapse before it,
        // some a full-year resolution carrying the year before.
        for year in years {
            let fyStart = FiscalYear(year).start
            var lines = ["fiscal-year FY\(year) {"]
            let enacted: Day
            if year == years.lowerBound || chance(30) {
                enacted = year == years.lowerBound ? Day(ordinal: fyStart.ordinal - 10) : fyStart
            } else {
                enacted = Day(ordinal: fyStart.ordinal + Int32(1 + source.next(150)))
            }
            let carries = year > years.lowerBound && chance(30) ? " carries FY\(year - 1)" : ""
            lines.append("  act \"Act, \(year)\" cite \"P.L. \(year - 1899)-\(10 + year % 50), div. F\" enacted \(enacted)\(carries) source \"generated\"")
            if enacted > fyStart {
                let crEnd = Day(ordinal: enacted.ordinal - 1 - Int32(chance(40) ? source.next(Int(enacted.ordinal - fyStart.ordinal)) : 0))
                if crEnd >= fyStart, chance(80) {
                    lines.append("  continuing-resolution \"P.L. \(year - 1900)-\(100 + year % 50)\" from \(fyStart) until \(crEnd) carries FY\(year - 1)")
                    if crEnd.next < enacted, chance(60) { lines.append("  lapse from \(crEnd.next) until \(enacted.previous)") }
                }
            }
            lines += ["  source \"generated\"", "}"]
            decls.append(layoutless(lines))
        }

        // Provisions.
        var provisionIDs: [String] = []
        var liftable: [(id: String, each: Bool, after: Bool)] = []
        var exemptLines: [String] = []
        for i in 1...count(1...3) {
            let id = "pr\(i)"
            provisionIDs.append(id)
            let isCondition = chance(10)
            let each = chance(70)
            var lines = ["provision \(id) \"Provision \(i)\" {"]
            if isCondition { lines.append("  kind condition") }
            if each { lines.append("  each ev as e") }
            var defines: [String] = []
            for d in 0..<count(0...2) {
                let name = "d\(d)"
                lines.append("  define \(name) = \(condition(each: each, defines: defines, depth: 0))")
                defines.append(name)
            }
            if chance(30) {
                let order = ["exempt", "lifted", "waived", "notwithstanding"]
                lines.append("  order " + permutation(4).prefix(count(1...4)).map { order[$0] }.joined(separator: ", "))
            }
            // Versions: one or two spans from some year to the last (or open-ended).
            let from = years.lowerBound + source.next(min(2, years.count))
            var spans: [(Int, Int?)] = [(from, nil)]
            if from < years.upperBound, chance(50) {
                let split = from + 1 + source.next(years.upperBound - from)
                spans = [(from, split - 1), (split, nil)]
            }
            var lifts = false, after = false
            for (v, span) in spans.enumerated() {
                let upper = span.1.map { "..FY\($0)" } ?? (chance(50) ? ".." : years.upperBound == span.0 ? "" : "..FY\(years.upperBound)")
                lines.append("  version V\(v + 1) FY\(span.0)\(upper) {")
                lines.append(chance(60) ? "    section 70\(10 + i) \"Heading \(i)\"" : "    cite \"FAA §620A (22 U.S.C. 2371)\"")
                switch source.next(4) {
                case 0: lines.append("    covers all-funds")
                case 1: lines.append("    covers titles \(pick(["III", "IV"]))..\(pick(["V", "VI"]))")
                case 2: lines.append("    covers programs " + Array(Set((0..<count(1...2)).map { _ in pick(programs.filter { $0 != "PC" }) })).sorted().joined(separator: ", "))
                default: lines.append("    covers any-assistance")
                }
                lines.append("    to " + pick(["government", "government directly", "country"]))
                if isCondition {
                    if chance(50) { lines.append("    prohibits when \(condition(each: each, defines: defines, depth: 0))") }
                    lines.append("    requires \"vetting\"")
                } else {
                    lines.append("    prohibits when \(condition(each: each, defines: defines, depth: 0))")
                }
                if chance(50) {
                    let exempt = Array(Set((0..<count(1...2)).map { _ in pick(purposes) })).sorted().joined(separator: ", ")
                    lines.append("    exempt purposes \(exempt)" + (chance(30) ? " notice \"notify\"" : ""))
                    exemptLines.append(exempt)
                }
                if chance(60) {
                    let afterEvent = each && chance(70)
                    after = after || afterEvent
                    lifts = true
                    lines.append("    lifted by certification\(afterEvent ? " after e" : "") finding \"restored\"" + (chance(30) ? " notice \"notify\"" : ""))
                }
                if chance(40) { lines.append("    waiver by \"President\"" + (chance(30) ? " notice \"notify\"" : "")) }
                lines.append("    source \"generated\"")
                lines.append("  }")
            }
            lines.append("}")
            decls.append(layoutless(lines))
            if lifts, !isCondition { liftable.append((id, each, after)) }
        }

        // Exemptions that override provisions.
        for i in 0..<count(0...2) {
            var lines = ["exemption x\(i) \"Exemption \(i)\" {", "  cite \"FAA §491(b) (22 U.S.C. 2292(b))\""]
            if chance(50) { lines.append("  notwithstanding") }
            if chance(30) { lines.append("  fiscal-years FY\(years.lowerBound)..FY\(years.lowerBound + source.next(years.count))") }
            var scoped = false
            if chance(40) { lines.append("  programs \(pick(programs.filter { $0 != "PC" }))"); scoped = true }
            if chance(40) { lines.append("  purposes \(pick(purposes))"); scoped = true }
            if chance(30) { lines.append("  recipient \(pick(["government", "non-government"]))"); scoped = true }
            if chance(30) { lines.append("  countries \(pick(countries).1)"); scoped = true }
            if !scoped || chance(30) { lines.append("  when \(queryCondition(depth: 0))") }
            if chance(50) {
                lines.append("  overrides all" + (chance(50) ? " except \(pick(provisionIDs))" : ""))
            } else {
                lines.append("  overrides " + Array(Set((0..<count(1...2)).map { _ in pick(provisionIDs) })).sorted().joined(separator: ", "))
            }
            lines += ["  source \"generated\"", "}"]
            decls.append(layoutless(lines))
        }

        // Facts.
        var facts: [GeneratedFact] = []
        var events: [(id: String, country: String, latest: Day)] = []
        for (iso, _) in countries {
            for n in 0..<count(0...2) {
                let date = recordedDate(in: Day(ordinal: start.ordinal - 200), end)
                var fields: [(String, String)] = [("date", date.text)]
                if chance(70) { fields.append(("flag", pick(["yes", "yes", "no", "unknown", "disputed"]))) }
                if chance(60) { fields.append(("level", pick(["high", "low", "unknown"]))) }
                let id = "\(iso.lowercased())-ev\(n)"
                facts.append(GeneratedFact(kind: "ev", id: id, country: iso, fields: fields))
                events.append((id, iso, date.latest))
                if chance(50) {
                    facts.append(GeneratedFact(kind: "ev-finding", id: "\(id)-f", country: nil,
                                               fields: [("event", id), ("finding", pick(["determined", "declined", "unknown"]))]))
                }
            }
        }
        var serial = 0
        func nextID(_ prefix: String) -> String { serial += 1; return "\(prefix)\(serial)" }
        for lift in liftable where chance(70) {
            if lift.each {
                guard !events.isEmpty else { continue }
                let e = pick(events)
                let certified = recordedDate(in: Day(ordinal: e.latest.ordinal + 1), Day(ordinal: e.latest.ordinal + 500))
                let dated = certified.text.contains("..") || certified.text.count == 4 ? certified.latest.description : certified.text
                facts.append(GeneratedFact(kind: "certification", id: nextID("cert"), country: nil,
                                           fields: [("provision", lift.id), ("event", e.id), ("date", dated)]))
            } else {
                let (iso, _) = pick(countries)
                facts.append(GeneratedFact(kind: "certification", id: nextID("cert"), country: iso,
                                           fields: [("provision", lift.id), ("date", recordedDate(in: start, end).text)]))
            }
        }
        for _ in 0..<count(0...2) {
            let (iso, _) = pick(countries)
            var fields: [(String, String)] = [("provision", pick(provisionIDs))]
            if chance(40) { fields.append(("fiscal-years", "FY\(pick(Array(years)))")) }
            if chance(40) { fields.append(("programs", pick(programs.filter { $0 != "PC" }))) }
            if chance(30) { fields.append(("scope", pick(["full", "partial", "unknown"]))) }
            let from = day(in: start, end)
            fields.append(("date", from.description))
            if chance(40) { fields.append(("until", Day(ordinal: from.ordinal + Int32(1 + source.next(400))).description)) }
            fields.append(("under", "\"P.L. 107-57, §1(b)\""))
            facts.append(GeneratedFact(kind: "waiver", id: nextID("waiver"), country: iso, fields: fields))
        }
        for _ in 0..<count(0...2) {
            let (iso, _) = pick(countries)
            let from = recordedDate(in: Day(ordinal: start.ordinal - 300), end)
            var fields: [(String, String)] = [("list", "il"), ("from", from.text)]
            if chance(50) { fields.append(("until", Day(ordinal: from.latest.ordinal + Int32(1 + source.next(500))).description)) }
            if chance(20) { fields.append(("member", pick(["yes", "no", "unknown"]))) }
            facts.append(GeneratedFact(kind: "listing", id: nextID("il-"), country: iso, fields: fields))
        }
        var editions: Set<Int> = []
        for _ in 0..<count(0...3) {
            let year = years.lowerBound - 1 + source.next(years.count + 1)
            if chance(60), editions.insert(year).inserted {
                var fields: [(String, String)] = [("list", "al"), ("year", "\(year)")]
                if chance(30) { fields.append(("published", day(in: Day(year: year, month: 6, day: 1)!, Day(year: year + 1, month: 3, day: 1)!).description)) }
                fields.append(("coverage", pick(["complete", "complete", "partial", "none"])))
                facts.append(GeneratedFact(kind: "edition", id: nextID("al-ed-"), country: nil, fields: fields))
            }
            if chance(50) {
                let (iso, _) = pick(countries)
                var fields: [(String, String)] = [("list", "al"), ("year", "\(year)")]
                if chance(30) { fields.append(("member", pick(["yes", "no", "unknown"]))) }
                facts.append(GeneratedFact(kind: "listing", id: nextID("al-"), country: iso, fields: fields))
            }
        }
        if chance(30) {
            let (iso, _) = pick(countries)
            let from = day(in: start, end)
            facts.append(GeneratedFact(kind: "hold", id: nextID("hold"), country: iso,
                                       fields: [("from", from.description), ("until", Day(ordinal: from.ordinal + 90).description),
                                                ("says", "\"paused for review\"")]))
        }

        var book = GeneratedRulebook(declarations: decls, facts: facts, countries: countries.map(\.0), programs: programs,
                                     purposes: purposes, provisions: provisionIDs, years: years, versionExemptLines: exemptLines)
        if chance(30) {
            book.layout = Layout(messy: true, crlf: chance(40), byteOrderMark: chance(30), spaces: (0..<8).map { _ in source.next(11) })
        }
        return book
    }

    /// Lines of a declaration in canonical layout (the rulebook's `layout` is applied when files are written).
    private func layoutless(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

    // MARK: - Conditions

    /// A condition a provision's trigger or definition may use: facts of the event (`e`) when the
    /// provision ranges over events, other facts through `any`, lists, the query and the act.
    private mutating func condition(each: Bool, defines: [String], depth: Int) -> String {
        if depth < 2, chance(35) {
            let parts = (0..<count(2...3)).map { _ in condition(each: each, defines: defines, depth: depth + 1) }
            return "(" + parts.joined(separator: chance(50) ? " and " : " or ") + ")"
        }
        if depth < 3, chance(10) { return "not " + condition(each: each, defines: defines, depth: depth + 1) }
        if !defines.isEmpty, chance(20) { return pick(defines) }
        var atoms = [
            "listed il", "listed al", "unknown \"whether it is so\"", "query.recipient == government",
            "query.program in [\(pick(["P1", "P2"])), P2]", "query.date on-or-after \(2009 + source.next(6))-10-01",
            "act.fiscal-year >= FY\(2010 + source.next(5))", "query.fiscal-year < FY\(2010 + source.next(5))",
            "(any ev x where x.date on-or-before query.date)", "(any ev x where x.flag and x.date before query.date)",
            "query.country in [AAA, \"Alpha\"]", "true", "false",
        ]
        if each {
            atoms += [
                "e.date on-or-before query.date", "e.date on-or-before query.date", "e.date before query.date",
                "e.flag", "e.flag", "e.level == high", "e.level in [high, low]", "e.flag is known", "e.level is unknown",
                "(any ev-finding f of e where f.finding == determined)", "e.date after act.enacted",
            ]
        }
        return pick(atoms)
    }

    /// A condition on the query and the act only, for an exemption's `when`.
    private mutating func queryCondition(depth: Int) -> String {
        if depth < 2, chance(30) {
            return "(" + queryCondition(depth: depth + 1) + pick([" and ", " or "]) + queryCondition(depth: depth + 1) + ")"
        }
        return pick([
            "query.recipient == non-government", "query.program == \(pick(["P1", "P2"]))",
            "query.fiscal-year <= FY\(2010 + source.next(5))", "act.fiscal-year == FY\(2010 + source.next(5))",
            "query.date before \(2010 + source.next(5))-0\(1 + source.next(9))-15", "query.country == AAA",
        ])
    }

    // MARK: - Queries

    /// A question about the rulebook: any country and program, a day in or just past the act
    /// table, and sometimes purposes, a recipient or the fiscal year of the funds.
    mutating func query(for book: GeneratedRulebook) -> GeneratedQuery {
        let start = FiscalYear(book.years.lowerBound).start, end = FiscalYear(book.years.upperBound).end
        var purposes: [String] = []
        if chance(30) { purposes.append(pick(book.purposes)) }
        return GeneratedQuery(
            country: pick(book.countries), program: pick(book.programs), date: day(in: start, Day(ordinal: end.ordinal + 60)),
            purposes: purposes, recipient: chance(25) ? pick([.government, .nonGovernment]) : nil,
            fiscalYear: chance(15) ? pick(Array(book.years)) : nil)
    }
}

extension String {
    /// The text with its first run of one space widened (an argument separator; layout only).
    fileprivate func replacingFirstSpace(with spaces: String) -> String {
        let trimmed = drop { $0 == " " }
        let indent = String(repeating: " ", count: count - trimmed.count)
        guard let i = trimmed.firstIndex(of: " ") else { return self }
        return indent + trimmed[..<i] + spaces + trimmed[trimmed.index(after: i)...]
    }

    /// LF line endings written as CRLF.
    fileprivate func replacingNewlinesWithCRLF() -> String {
        var out = ""
        for scalar in unicodeScalars {
            if scalar == "\n" { out += "\r\n" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
