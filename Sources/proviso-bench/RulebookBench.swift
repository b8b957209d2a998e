// Workload 2: the default rulebook (`Rules/`): loading and checking it, one full `can-fund`
// answer, the matrix of every country × program on one date, timelines over every recorded year,
// and a cross-check of the fast verdict against the full determination.
import Proviso
import ProvisoRules

struct RulebookResult {
    var countries = 0
    var programs = 0
    var provisions = 0
    var facts = 0
    var fiscalYears = ""
    /// An engine over the folder: `Rulebook.load(directory:)` and `Engine(rulebook:)`, µs.
    var loadFolder = Sample()
    /// An engine over the embedded text, checked now (what `proviso check` does), µs.
    var loadEmbedded = Sample()
    /// An engine over the embedded snapshot, checked at build time (what `Engine.standard` does
    /// once per process): decoding the base64, reading the snapshot, `Engine(rulebook:)`, µs.
    var loadSnapshot = Sample()
    /// The snapshot's size in bytes.
    var snapshotBytes = 0
    /// `Engine.canFund` for the README's question, with explanation and paths, µs.
    var canFund = Sample()
    /// `Engine.verdict` on sampled country × program × date questions, µs.
    var query = Sample()
    var matrixDate = ""
    var matrix = Sample()
    var matrixQueries = 0
    /// Questions on which `verdict` and the full `determine` disagree.
    var disagreements = 0
    var checked = 0
    var examples: [String] = []
    var timelineQuestion = ""
    var timeline = Sample()
    var timelineIntervals = 0
    var timelineAll = Sample()
    var timelineAllCount = 0
    /// `RulebookDiff` (what `proviso diff` computes) of the rulebook against itself, and against
    /// the rulebook without one country's record, µs.
    var diffSame = Sample()
    var diffChanged = Sample()
    var diffQuestions = 0
    var diffChanges = 0
    var diffWithout = ""
    var peakRSSMB = 0.0

    var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("loadMillis", .number(loadFolder.median / 1000)),
            ("queryMedianMicros", .number(query.median)),
            ("queryP90Micros", .number(query.p90)),
            ("matrixMillis", .number(matrix.median / 1000)),
            ("queries", .number(Double(matrixQueries))),
            ("disagreements", .number(Double(disagreements))),
            ("embeddedLoadMillis", .number(loadEmbedded.median / 1000)),
            ("snapshotLoadMillis", .number(loadSnapshot.median / 1000)),
            ("snapshotBytes", .number(Double(snapshotBytes))),
            ("canFundMicros", .number(canFund.median)),
            ("timelineMillis", .number(timeline.median / 1000)),
            ("timelineQuestion", .string(timelineQuestion)),
            ("timelineIntervals", .number(Double(timelineIntervals))),
            ("timelineEveryCountryAndProgramMillis", .number(timelineAll.median / 1000)),
            ("timelines", .number(Double(timelineAllCount))),
            ("diffMillis", .number(diffSame.median / 1000)),
            ("diffChangedMillis", .number(diffChanged.median / 1000)),
            ("diffQuestions", .number(Double(diffQuestions))),
            ("diffChanges", .number(Double(diffChanges))),
            ("diffNote", .string("RulebookDiff (proviso diff): the rulebook against itself, then against it without \(diffWithout); each asks every country x program on the first day of every fiscal year of both")),
            ("matrixDate", .string(matrixDate)),
            ("crossChecked", .number(Double(checked))),
            ("countries", .number(Double(countries))),
            ("programs", .number(Double(programs))),
            ("provisions", .number(Double(provisions))),
            ("facts", .number(Double(facts))),
            ("fiscalYears", .string(fiscalYears)),
            ("loadSpreadMillis", loadFolder.spread(divisor: 1000)),
            ("embeddedLoadSpreadMillis", loadEmbedded.spread(divisor: 1000)),
            ("snapshotLoadSpreadMillis", loadSnapshot.spread(divisor: 1000)),
            ("canFundSpreadMicros", canFund.spread(divisor: 1)),
            ("querySpreadMicros", query.spread(divisor: 1)),
            ("matrixSpreadMillis", matrix.spread(divisor: 1000)),
            ("timelineSpreadMillis", timeline.spread(divisor: 1000)),
            ("peakRSSMB", .number(peakRSSMB)),
        ]
        if !examples.isEmpty { pairs.append(("disagreementExamples", .array(examples.map { .string($0) }))) }
        return .object(pairs)
    }
}

struct RulebookBench {
    let directory: String
    var loadRuns = 21
    var canFundRuns = 51
    var sampleSize = 2000
    var matrixRuns = 11
    var timelineRuns = 11
    /// The README's example question.
    let question = (country: "Mali", program: "IMET", date: "2012-06-01")
    /// The matrix's date: the day FY2022 began, with the 2020 and 2021 coups in force.
    let matrixDay = "2021-10-01"

    func run() throws -> RulebookResult {
        var result = RulebookResult()
        result.loadFolder = try repeatTimed(warmups: 1, runs: loadRuns) { consume(Engine(rulebook: try load())) }
        let embeddedFiles = DefaultRulebook.files
        result.loadEmbedded = try repeatTimed(warmups: 1, runs: loadRuns) {
            let files = embeddedFiles.map { SourceFile(path: "Rules/" + $0.path, text: $0.text) }
            guard case .success(let book) = Rulebook.check(files, name: "Proviso default rulebook") else {
                throw BenchError("the embedded rulebook does not check (run `swift run proviso check`)")
            }
            consume(Engine(rulebook: book))
        }
        guard let snapshot = Base64.decode(DefaultRulebook.snapshot), !snapshot.isEmpty else {
            throw BenchError("the library was built without a snapshot of its rulebook (run `swift run proviso check`)")
        }
        result.snapshotBytes = snapshot.count
        result.loadSnapshot = try repeatTimed(warmups: 1, runs: loadRuns) {
            let bytes = Base64.decode(DefaultRulebook.snapshot) ?? []
            consume(Engine(rulebook: try Rulebook(snapshot: bytes, sources: [])))
        }
        let book = try load()
        let engine = Engine(rulebook: book)
        result.countries = book.countries.count
        result.programs = book.programs.count
        result.provisions = book.provisions.count
        result.facts = book.facts.count
        guard let first = book.fiscalYears.first?.year, let last = book.fiscalYears.last?.year else {
            throw BenchError("the rulebook records no fiscal years")
        }
        result.fiscalYears = "FY\(first)–FY\(last)"

        let day = Day(parsing: question.date)!
        result.canFund = try repeatTimed(warmups: 3, runs: canFundRuns) {
            consume(try engine.canFund(country: question.country, program: question.program, on: day))
        }

        // Single verdicts on questions drawn across every recorded year.
        let start = FiscalYear(first).start.ordinal, end = FiscalYear(last).end.ordinal
        var rng = SplitMix64(state: 7)
        let sample = (0..<(sampleSize + 300)).map { _ in
            Query(country: rng.below(book.countries.count), program: rng.below(book.programs.count),
                  date: Day(ordinal: start + Int32(rng.below(Int(end - start) + 1))))
        }
        let clock = ContinuousClock()
        for q in sample.prefix(300) { consume(try engine.verdict(q)) }
        for q in sample.dropFirst(300) {
            let t0 = clock.now
            let answer = try engine.verdict(q)
            let t1 = clock.now
            consume(answer)
            result.query.add(t1 - t0)
        }

        // The matrix: every country × program on one date.
        result.matrixDate = matrixDay
        let matrixQueries = book.countries.indices.flatMap { c in
            book.programs.indices.map { p in Query(country: c, program: p, date: Day(parsing: matrixDay)!) }
        }
        result.matrixQueries = matrixQueries.count
        var answers = [(verdict: Verdict, decidedBy: [String])](repeating: (.allowed, []), count: matrixQueries.count)
        result.matrix = try repeatTimed(warmups: 1, runs: matrixRuns) {
            for i in matrixQueries.indices { answers[i] = try engine.verdict(matrixQueries[i]) }
        }

        // The fast verdict must say what the full determination says.
        for q in matrixQueries + sample {
            let fast = try engine.verdict(q).verdict
            let full = try engine.determine(q, paths: false).verdict
            result.checked += 1
            if fast != full {
                result.disagreements += 1
                if result.examples.count < 5 {
                    result.examples.append("\(book.countries[q.country].name) \(book.programs[q.program].id) \(q.date): verdict \(fast.rawValue), determine \(full.rawValue)")
                }
            }
        }

        // Timelines over every recorded year: the README's question, then every country and program.
        let from = FiscalYear(first).start, to = FiscalYear(last).end
        result.timelineQuestion = "\(question.country) \(question.program) \(from)..\(to)"
        result.timeline = try repeatTimed(warmups: 1, runs: timelineRuns) {
            let t = try engine.timeline(country: question.country, program: question.program, from: from, to: to)
            result.timelineIntervals = t.intervals.count
        }
        result.timelineAll = try repeatTimed(warmups: 0, runs: 3) {
            var count = 0
            for c in book.countries.indices {
                for p in book.programs.indices {
                    consume(try engine.timeline(Query(country: c, program: p, date: from), from: from, to: to))
                    count += 1
                }
            }
            result.timelineAllCount = count
        }

        // proviso diff: every country x program on the first day of every fiscal year, asked of
        // two rulebooks; against itself nothing changes, without Mali's record some answers do.
        result.diffSame = repeatTimed(warmups: 0, runs: 3) {
            let d = RulebookDiff(old: book, new: book)
            result.diffQuestions = d.questions
        }
        let removed = "facts/mali.proviso"
        result.diffWithout = "Rules/" + removed
        let older = try checkWithout(removed)
        result.diffChanged = repeatTimed(warmups: 0, runs: 3) {
            result.diffChanges = RulebookDiff(old: older, new: book).changes.count
        }
        result.peakRSSMB = peakRSSMB()
        return result
    }

    /// The rulebook of `directory` without one of its files.
    private func checkWithout(_ relative: String) throws -> Rulebook {
        let root = directory.hasSuffix("/") ? directory : directory + "/"
        let files = FileSystem.files(under: directory, extension: "proviso").filter { $0 != root + relative }.compactMap { path in
            FileSystem.read(path).map { SourceFile(path: path, bytes: $0) }
        }
        guard case .success(let book) = Rulebook.check(files) else { throw BenchError("the rulebook without \(relative) does not check") }
        return book
    }

    private func load() throws -> Rulebook { try loadRulebook(directory) }
}
