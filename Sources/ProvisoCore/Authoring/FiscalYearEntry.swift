/// A new fiscal year's act, as `proviso new-fiscal-year` records it in the act table: the one
/// short edit a maintainer makes when Congress passes the year's act or a full-year resolution.
///
/// The entry is written as a `fiscal-year` block in the canonical layout. A year the table already
/// holds without an act (`unknown "…"`, or only interim continuing resolutions) gets the act in
/// its block, and its `unknown` clause goes; a year that already records an act is refused.
/// Nothing is filled in that the maintainer did not give: a source, in particular, is never
/// invented — `proviso check` says what is still missing.
public struct FiscalYearEntry: Sendable {
    /// The fiscal year (`2027` for FY2027).
    public var year: Int
    /// The act's short title, as enacted.
    public var title: String
    /// Its citation (`P.L. 119-99, div. A, §1101`).
    public var citation: String
    /// Its date of enactment.
    public var enacted: Day
    /// For a full-year continuing resolution: the fiscal year whose act's text it carries.
    public var carries: Int?
    /// The act series' short name in citations (`SFOPS`, `NSRP`), if given.
    public var short: String?
    /// The law that carries the act (`Consolidated Appropriations Act, 2027`), if any.
    public var vehicle: String?
    /// Where the act can be read.
    public var sources: [String]
    /// Remarks.
    public var notes: [String]

    /// An entry for FY `year`.
    public init(year: Int, title: String, citation: String, enacted: Day, carries: Int?, short: String? = nil,
                vehicle: String? = nil, sources: [String] = [], notes: [String] = []) {
        self.year = year
        self.title = title
        self.citation = citation
        self.enacted = enacted
        self.carries = carries
        self.short = short
        self.vehicle = vehicle
        self.sources = sources
        self.notes = notes
    }

    /// `file`'s text in the canonical layout with the entry recorded.
    public func recorded(in file: SourceFile) throws(FiscalYearEntryError) -> String {
        var tree = Parser.parse(file)
        guard !tree.diagnostics.hasErrors else { throw .syntax(tree.diagnostics) }
        let place = SourceLocation(file: file.path, line: 0, column: 0)
        if let i = tree.clauses.firstIndex(where: { $0.head.text == "fiscal-year" && $0.arguments.first?.text == "FY\(year)" }) {
            var block = tree.clauses[i]
            guard !(block.body ?? []).contains(where: { $0.head.text == "act" }) else { throw .alreadyRecorded(year) }
            var body = (block.body ?? []).filter { $0.head.text != "unknown" }
            body.insert(actClause(at: place), at: 0)
            block.body = body
            tree.clauses[i] = block
        } else {
            var block = Clause(head: Token(.word, "fiscal-year", at: place), arguments: [Token(.fiscalYear, "FY\(year)", at: place)],
                               body: [actClause(at: place)])
            block.blankLineBefore = true
            tree.clauses.append(block)
        }
        return Formatter.format(tree)
    }

    /// `act "Title" { cite … enacted … carries … short … vehicle … note … source … }`.
    private func actClause(at place: SourceLocation) -> Clause {
        func line(_ head: String, _ argument: Token) -> Clause {
            Clause(head: Token(.word, head, at: place), arguments: [argument])
        }
        func text(_ s: String) -> Token { Token(.string, s, at: place) }
        var body = [line("cite", text(citation)), line("enacted", Token(.date, enacted.description, at: place))]
        if let carries { body.append(line("carries", Token(.fiscalYear, "FY\(carries)", at: place))) }
        if let short { body.append(line("short", text(short))) }
        if let vehicle { body.append(line("vehicle", text(vehicle))) }
        body += notes.map { line("note", text($0)) }
        body += sources.map { line("source", text($0)) }
        return Clause(head: Token(.word, "act", at: place), arguments: [text(title)], body: body)
    }
}

/// Why a fiscal year cannot be recorded in a file.
public enum FiscalYearEntryError: Error, Sendable, CustomStringConvertible {
    /// The file does not parse.
    case syntax([Diagnostic])
    /// The year already records an act.
    case alreadyRecorded(Int)

    /// The reason, in one line.
    public var description: String {
        switch self {
        case .syntax(let ds): return ds.first(where: { $0.severity == .error })?.description ?? "the file does not parse"
        case .alreadyRecorded(let year): return "`FY\(year)` already records an act; edit its `fiscal-year` block by hand"
        }
    }
}
