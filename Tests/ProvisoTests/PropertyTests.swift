import Proviso
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The promises of docs/semantics.md, tested over generated rulebooks and questions
/// (Support/RulebookGenerator.swift). The seed is fixed, so a failure is reproducible; the number
/// of rulebooks is small by default so that `swift test` stays fast, and `.ci/run` sets
/// PROVISO_PROPERTY_COUNT higher. A failure names the seed, the question and the change, and its
/// rulebook can be printed with `PropertyTests.Sample.text(seed:)`.
@Suite("Properties") struct PropertyTests {
    /// How many rulebooks each property is tried on, and the first seed.
    static let count = Environment.integer("PROVISO_PROPERTY_COUNT") ?? 20
    static let firstSeed = UInt64(Environment.integer("PROVISO_PROPERTY_SEED") ?? 8)
    /// Questions asked of each rulebook.
    static let questions = 8

    /// A generated rulebook, checked, with its questions.
    struct Sample {
        let seed: UInt64
        let generated: GeneratedRulebook
        let engine: Engine
        let queries: [GeneratedQuery]

        init(seed: UInt64) throws {
            var generator = RulebookGenerator(SeededChoices(seed: seed))
            generated = generator.rulebook()
            engine = Engine(rulebook: try Sample.check(generated.files(), seed: seed))
            var queries: [GeneratedQuery] = []
            for _ in 0..<PropertyTests.questions { queries.append(generator.query(for: generated)) }
            self.queries = queries
            self.seed = seed
        }

        /// Whether a condition tests the record itself (`is known`, `is unknown`): two-valued by
        /// design, and so outside the fail-closed promise (docs/semantics.md §1).
        var testsTheRecord: Bool {
            generated.declarations.contains { $0.contains(" is known") || $0.contains(" is unknown") }
        }

        static func check(_ files: [SourceFile], seed: UInt64) throws -> Rulebook {
            switch Rulebook.check(files, name: "generated") {
            case .success(let book): return book
            case .failure(let error):
                throw GeneratedRulebookError(seed: seed, rendered: DiagnosticRenderer(sources: error.sources).render(error.diagnostics))
            }
        }

        /// The text of the rulebook a seed generates, for reading a failure.
        static func text(seed: UInt64) -> String {
            var generator = RulebookGenerator(SeededChoices(seed: seed))
            return generator.rulebook().files().map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
        }
    }

    struct GeneratedRulebookError: Error, CustomStringConvertible {
        let seed: UInt64
        let rendered: String
        var description: String { "the rulebook of seed \(seed) does not check:\n\(rendered)" }
    }

    static func samples() throws -> [Sample] {
        try (0..<UInt64(count)).map { try Sample(seed: firstSeed &+ $0) }
    }

    /// How restrictive a verdict is: the permissive verdicts count alike.
    static func weight(_ v: Verdict) -> Int {
        switch v {
        case .allowed, .allowedWithConditions: return 0
        case .indeterminate: return 1
        case .prohibited: return 2
        }
    }

    // MARK: - The generator

    @Test("every generated rulebook checks, and its questions can be asked")
    func generatedRulebooksCheck() throws {
        var asked = 0
        var verdicts: Set<String> = []
        for sample in try Self.samples() {
            for q in sample.queries {
                guard let query = q.resolved(in: sample.engine) else {
                    Issue.record("seed \(sample.seed): \(q) does not resolve")
                    continue
                }
                if let answer = try? sample.engine.determine(query, paths: false) {
                    asked += 1
                    verdicts.insert(answer.verdict.rawValue)
                }
            }
        }
        #expect(asked > Self.count * Self.questions / 2)
        // The generator reaches every verdict, or the properties below would prove little.
        if Self.count >= 20 { #expect(verdicts.count == 4, "verdicts reached: \(verdicts.sorted())") }
    }

    // MARK: - Fail closed

    @Test("fail closed: forgetting a fact whose absence is unknown never allows what was prohibited")
    func failClosedForgettingFacts() throws {
        var tried = 0
        for sample in try Self.samples() where !sample.testsTheRecord {
            let book = sample.engine.rulebook
            for q in sample.queries {
                guard let query = q.resolved(in: sample.engine), let before = try? sample.engine.verdict(query),
                      before.verdict == .prohibited else { continue }
                for fact in sample.generated.facts {
                    // A fact of a complete kind, a listing and an edition are read closed-world:
                    // leaving one out says it did not happen, which may rightly allow.
                    let kind = book.kinds[book.kind(named: fact.kind)!]
                    guard fact.kind == "certification" || fact.kind == "waiver" || (!kind.isComplete && fact.kind != "listing") else { continue }
                    let after = try sample.engine.verdict(q.resolved(in: sample.engine, forgetting: [fact.id])!)
                    tried += 1
                    #expect(!after.verdict.permits, "seed \(sample.seed), \(q): forgetting `\(fact.id)` turns prohibited into \(after.verdict)")
                }
            }
        }
        #expect(tried > 0)
    }

    @Test("fail closed: forgetting any field of any fact never allows what was prohibited")
    func failClosedForgettingFields() throws {
        var tried = 0
        for sample in try Self.samples() where !sample.testsTheRecord {
            for q in sample.queries {
                guard let query = q.resolved(in: sample.engine), let before = try? sample.engine.verdict(query),
                      before.verdict == .prohibited else { continue }
                for fact in sample.generated.facts {
                    for field in fact.fields {
                        let after = try sample.engine.verdict(q.resolved(in: sample.engine, forgetting: ["\(fact.id).\(field.name)"])!)
                        tried += 1
                        #expect(!after.verdict.permits,
                                "seed \(sample.seed), \(q): forgetting `\(fact.id).\(field.name)` turns prohibited into \(after.verdict)")
                    }
                }
            }
        }
        #expect(tried > 0)
    }

    @Test("fail closed: recording any field as `unknown` never allows what was prohibited")
    func failClosedUnknownFields() throws {
        var tried = 0
        for sample in try Self.samples() where !sample.testsTheRecord {
            let prohibited = sample.queries.filter { q in
                q.resolved(in: sample.engine).flatMap { try? sample.engine.verdict($0).verdict } == .prohibited
            }
            guard !prohibited.isEmpty else { continue }
            for (f, fact) in sample.generated.facts.enumerated() {
                for (i, field) in fact.fields.enumerated() where field.value != "unknown" {
                    let changed = sample.generated.rewriting(fact: f, field: i, to: "unknown")
                    // Some fields cannot be unknown (a certification must name its event): the
                    // checker says so, and there is nothing to compare.
                    guard case .success(let book) = Rulebook.check(changed.files(), name: "generated") else { continue }
                    let engine = Engine(rulebook: book)
                    for q in prohibited {
                        let after = try engine.verdict(q.resolved(in: engine)!)
                        tried += 1
                        #expect(!after.verdict.permits,
                                "seed \(sample.seed), \(q): `\(fact.id)` with `\(field.name) unknown` (was `\(field.value)`) turns prohibited into \(after.verdict)")
                    }
                }
            }
        }
        #expect(tried > 0)
    }

    // MARK: - Determinism

    @Test("determinism: the same files in any order give byte-identical JSON")
    func filesInAnyOrder() throws {
        for sample in try Self.samples() {
            var generator = RulebookGenerator(SeededChoices(seed: sample.seed ^ 0xF11E))
            let files = sample.generated.files(count: 3)
            let orders = [files, files.reversed(), generator.permutation(files.count).map { files[$0] }]
            let engines = try orders.map { Engine(rulebook: try Sample.check($0, seed: sample.seed)) }
            for q in sample.queries {
                let answers = engines.map { e in q.resolved(in: e).flatMap { try? e.determine($0).json.serialized() } }
                for other in answers.dropFirst() {
                    #expect(Self.difference(answers[0], other) == nil, "seed \(sample.seed), \(q): the order of the files changes the answer")
                }
            }
        }
    }

    @Test("determinism: facts in any order, split into any files, give the same JSON but for the files' hash")
    func factsInAnyOrder() throws {
        for sample in try Self.samples() {
            var generator = RulebookGenerator(SeededChoices(seed: sample.seed ^ 0xFAC7))
            let shuffled = sample.generated.files(count: 1 + generator.next(4), factOrder: generator.permutation(sample.generated.facts.count))
            let other = Engine(rulebook: try Sample.check(shuffled, seed: sample.seed))
            for q in sample.queries {
                let a = q.resolved(in: sample.engine).flatMap { try? sample.engine.determine($0).json.serialized() }
                let b = q.resolved(in: other).flatMap { try? other.determine($0).json.serialized() }
                #expect(Self.difference(a.map(Self.withoutHash), b.map(Self.withoutHash)) == nil,
                        "seed \(sample.seed), \(q): the order of the facts changes the answer")
            }
        }
    }

    @Test("determinism: declarations in any order give the same verdict, deciding provisions and statuses")
    func declarationsInAnyOrder() throws {
        for sample in try Self.samples() {
            var generator = RulebookGenerator(SeededChoices(seed: sample.seed ^ 0xDEC1))
            let blocks = sample.generated.declarations.count + sample.generated.facts.count
            let other = Engine(rulebook: try Sample.check([sample.generated.file(order: generator.permutation(blocks))], seed: sample.seed))
            for q in sample.queries {
                guard let a = q.resolved(in: sample.engine).flatMap({ try? sample.engine.determine($0, paths: false) }),
                      let b = q.resolved(in: other).flatMap({ try? other.determine($0, paths: false) }) else { continue }
                // Provisions are listed in declaration order within a weight, so compare them by identifier.
                let statuses = { (d: Determination) in d.provisions.map { "\($0.id) \($0.status)" }.sorted() }
                #expect(a.verdict == b.verdict && statuses(a) == statuses(b) && a.missing.count == b.missing.count,
                        "seed \(sample.seed), \(q): the order of the declarations changes the answer")
                #expect(try sample.engine.verdict(q.resolved(in: sample.engine)!).decidedBy == other.verdict(q.resolved(in: other)!).decidedBy)
            }
        }
    }

    /// The first line where two answers differ, or nil when they are the same.
    static func difference(_ a: String?, _ b: String?) -> String? {
        guard let a, let b else { return a == b ? nil : "one question has no answer" }
        let x = a.split(separator: "\n"), y = b.split(separator: "\n")
        for (i, (l, r)) in zip(x, y).enumerated() where l != r { return "line \(i + 1): \(l) ≠ \(r)" }
        return x.count == y.count ? nil : "\(x.count) lines ≠ \(y.count) lines"
    }

    /// JSON without the content hash, which identifies the files' bytes and so changes when they do.
    static func withoutHash(_ json: String) -> String {
        json.split(separator: "\n").filter { !$0.contains("\"rulebookHash\"") }.joined(separator: "\n")
    }

    // MARK: - Monotone exemptions

    @Test("monotone exemptions: a purpose added to the question never makes the answer more restrictive")
    func purposeAddedToQuery() throws {
        for sample in try Self.samples() {
            for q in sample.queries {
                guard let before = q.resolved(in: sample.engine).flatMap({ try? sample.engine.verdict($0).verdict }) else { continue }
                for purpose in sample.generated.purposes where !q.purposes.contains(purpose) {
                    var more = q
                    more.purposes.append(purpose)
                    let after = try sample.engine.verdict(more.resolved(in: sample.engine)!).verdict
                    #expect(Self.weight(after) <= Self.weight(before),
                            "seed \(sample.seed), \(q): adding purpose `\(purpose)` turns \(before) into \(after)")
                }
            }
        }
    }

    @Test("monotone exemptions: a purpose added to a version's exempt purposes never makes an answer more restrictive")
    func purposeAddedToVersion() throws {
        for sample in try Self.samples() {
            for (d, declaration) in sample.generated.declarations.enumerated() where declaration.hasPrefix("provision ") {
                for purpose in sample.generated.purposes {
                    var changed = sample.generated
                    changed.declarations[d] = Self.exempting(purpose, in: declaration)
                    guard changed.declarations[d] != declaration else { continue }
                    let engine = Engine(rulebook: try Sample.check(changed.files(), seed: sample.seed))
                    for q in sample.queries {
                        guard let before = q.resolved(in: sample.engine).flatMap({ try? sample.engine.verdict($0).verdict }),
                              let after = q.resolved(in: engine).flatMap({ try? engine.verdict($0).verdict }) else { continue }
                        #expect(Self.weight(after) <= Self.weight(before),
                                "seed \(sample.seed), \(q): exempting `\(purpose)` in every version of the provision turns \(before) into \(after)")
                    }
                }
            }
        }
    }

    /// The provision with `purpose` among every version's exempt purposes.
    static func exempting(_ purpose: String, in declaration: String) -> String {
        var lines = declaration.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        while i < lines.count {
            if lines[i].hasPrefix("  version ") {
                let end = lines[i...].firstIndex { $0 == "  }" } ?? lines.count - 1
                if let e = lines[i..<end].firstIndex(where: { $0.hasPrefix("    exempt purposes ") }) {
                    var rest = String(lines[e].dropFirst("    exempt purposes ".count))
                    var notice = ""
                    if let n = rest.range(of: " notice ") { notice = String(rest[n.lowerBound...]); rest = String(rest[..<n.lowerBound]) }
                    let names = rest.split(separator: ",").map { $0.trimmingCharacters() }
                    if !names.contains(purpose) { lines[e] = "    exempt purposes " + (names + [purpose]).joined(separator: ", ") + notice }
                } else {
                    lines.insert("    exempt purposes \(purpose)", at: end)
                }
                i = (lines[i...].firstIndex { $0 == "  }" } ?? lines.count) + 1
            } else {
                i += 1
            }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Timelines

    @Test("timeline agreement: every interval agrees with point queries on its first, middle and last day")
    func timelineAgreesWithPointQueries() throws {
        for sample in try Self.samples() {
            let years = sample.generated.years
            let from = FiscalYear(years.lowerBound).start, to = Day(ordinal: FiscalYear(years.upperBound).end.ordinal + 60)
            for q in sample.queries.prefix(4) {
                guard let query = q.resolved(in: sample.engine) else { continue }
                let timeline = try sample.engine.timeline(query, from: from, to: to)
                #expect(timeline.intervals.first?.from == from && timeline.intervals.last?.until == to)
                for (a, b) in zip(timeline.intervals, timeline.intervals.dropFirst()) { #expect(a.until.next == b.from) }
                for interval in timeline.intervals {
                    let middle = Day(ordinal: (interval.from.ordinal + interval.until.ordinal) / 2)
                    for day in [interval.from, middle, interval.until] {
                        var point = query
                        point.date = day
                        let v = try sample.engine.verdict(point)
                        #expect(v.verdict == interval.verdict && v.decidedBy == interval.decidedBy,
                                "seed \(sample.seed), \(q): the timeline says \(interval.verdict) \(interval.decidedBy) from \(interval.from) to \(interval.until); \(day) is \(v.verdict) \(v.decidedBy)")
                    }
                }
            }
        }
    }

    // MARK: - Round trip

    @Test("round trip: a formatted rulebook reads back as equal clauses and answers every question the same")
    func formatRoundTrip() throws {
        for sample in try Self.samples() {
            var messy = sample.generated
            var generator = RulebookGenerator(SeededChoices(seed: sample.seed ^ 0x1A70))
            messy.layout = Layout(messy: true, crlf: generator.next(2) == 0, byteOrderMark: generator.next(2) == 0,
                                  spaces: (0..<8).map { _ in generator.next(11) })
            for layout in [sample.generated.layout, messy.layout] {
                var written = sample.generated
                written.layout = layout
                let files = written.files(count: 2)
                let formatted = try files.map { SourceFile(path: $0.path, text: try Formatter.format($0)) }
                for (a, b) in zip(files, formatted) {
                    #expect(Parser.parse(a).clauses == Parser.parse(b).clauses, "seed \(sample.seed): formatting \(a.path) changes its clauses")
                    #expect(try Formatter.format(b) == String(decoding: b.bytes, as: UTF8.self), "seed \(sample.seed): formatting is not idempotent")
                }
                let original = Engine(rulebook: try Sample.check(files, seed: sample.seed))
                let again = Engine(rulebook: try Sample.check(formatted, seed: sample.seed))
                for q in sample.queries {
                    let a = q.resolved(in: original).flatMap { try? original.determine($0).json.serialized() }
                    let b = q.resolved(in: again).flatMap { try? again.determine($0).json.serialized() }
                    #expect(Self.difference(a.map(Self.withoutHash), b.map(Self.withoutHash)) == nil,
                            "seed \(sample.seed), \(q): formatting changes the answer")
                }
            }
        }
    }
}

extension RulebookGenerator {
    /// A choice for the tests' own shuffles.
    mutating func next(_ bound: Int) -> Int { source.next(bound) }
}

extension Substring {
    /// Without spaces at either end.
    fileprivate func trimmingCharacters() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

/// Reading the environment that `.ci/run` sets for the longer runs.
enum Environment {
    /// The integer value of a variable, if it is set to one.
    static func integer(_ name: String) -> Int? {
        guard let value = getenv(name) else { return nil }
        return Int(String(cString: value))
    }

    /// Whether a variable is set to `1`.
    static func flag(_ name: String) -> Bool { integer(name) == 1 }
}
