/// Writing a checked rulebook to its snapshot and reading it back. Each type writes its stored
/// values in declaration order and reads them in the same order; `SnapshotTests` checks that a
/// rulebook read back writes the same bytes and answers every question the same.
extension Rulebook {
    /// The rulebook in the snapshot's binary form (everything but its source files).
    public func snapshot() -> [UInt8] {
        var w = SnapshotWriter()
        w.string(name)
        w.optional(edition) { $0.string($1) }
        w.string(contentHash)
        w.array(countries) { $1.write(&$0) }
        w.array(programs) { $1.write(&$0) }
        w.array(purposes) { $1.write(&$0) }
        w.array(kinds) { $1.write(&$0) }
        w.array(facts) { $1.write(&$0) }
        w.array(provisions) { $1.write(&$0) }
        w.array(exemptions) { $1.write(&$0) }
        w.array(lists) { $1.write(&$0) }
        w.array(fiscalYears) { $1.write(&$0) }
        w.array(warnings) { $1.write(&$0) }
        return w.finished()
    }

    /// Reads a snapshot written by this build of Proviso; `sources` are the files it was made from
    /// (for rendering diagnostics), which the snapshot does not hold.
    public convenience init(snapshot bytes: [UInt8], sources: [SourceFile]) throws(SnapshotError) {
        var r = try SnapshotReader(bytes)
        let name = try r.string()
        let edition = try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try r.string() }
        let hash = try r.string()
        let countries = try r.array { (r: inout SnapshotReader) throws(SnapshotError) in try Country(&r) }
        let programs = try r.array { (r: inout SnapshotReader) throws(SnapshotError) in try Program(&r) }
        let purposes = try r.array { (r: inout SnapshotReader) throws(SnapshotError) in try Purpose(&r) }
        let kinds = try r.array { (r: inout SnapshotReader) throws(SnapshotError) in try FactKind(&r) }
        let facts = try r.array { (r: inout SnapshotReader) throws(SnapshotError) in try Fact(&r) }
        let provisions = try r.array { (r: inout SnapshotReader) throws(SnapshotError) in try Provision(&r) }
        let exemptions = try r.array { (r: inout SnapshotReader) throws(SnapshotError) in try Exemption(&r) }
        let lists = try r.array { (r: inout SnapshotReader) throws(SnapshotError) in try ListDefinition(&r) }
        let years = try r.array { (r: inout SnapshotReader) throws(SnapshotError) in try FiscalYearRecord(&r) }
        let warnings = try r.array { (r: inout SnapshotReader) throws(SnapshotError) in try Diagnostic(&r) }
        guard r.atEnd else { throw SnapshotError("bytes left over") }
        try Self.validate(countries: countries.count, programs: programs.count, purposes: purposes.count, kinds: kinds,
                          facts: facts, provisions: provisions.count, lists: lists.count)
        self.init(name: name, edition: edition, contentHash: hash, countries: countries, programs: programs, purposes: purposes,
                  kinds: kinds, facts: facts, provisions: provisions, exemptions: exemptions, lists: lists,
                  fiscalYears: years, sources: sources, warnings: warnings)
    }

    /// The indices the rulebook's indexes rely on are in range (a snapshot is trusted only as far
    /// as it is checked).
    private static func validate(countries: Int, programs: Int, purposes: Int, kinds: [FactKind], facts: [Fact],
                                 provisions: Int, lists: Int) throws(SnapshotError) {
        for f in facts {
            guard f.kind >= 0, f.kind < kinds.count, f.values.count == kinds[f.kind].fields.count else {
                throw SnapshotError("fact `\(f.id)` does not fit its kind")
            }
            if let c = f.country, c < 0 || c >= countries { throw SnapshotError("fact `\(f.id)`: bad country") }
            for case .fact(let t)? in f.values where t < 0 || t >= facts.count { throw SnapshotError("fact `\(f.id)`: bad reference") }
        }
        _ = (programs, purposes, provisions, lists)
    }
}

// MARK: - Small values

extension SourceLocation {
    func write(_ w: inout SnapshotWriter) {
        w.string(file)
        w.int(line)
        w.int(column)
        w.int(length)
    }

    init(_ r: inout SnapshotReader) throws(SnapshotError) {
        self.init(file: try r.string(), line: try r.int(), column: try r.int(), length: try r.int())
    }
}

extension Day {
    func write(_ w: inout SnapshotWriter) { w.int(Int(ordinal)) }
    init(_ r: inout SnapshotReader) throws(SnapshotError) {
        let n = try r.int()
        guard let o = Int32(exactly: n) else { throw SnapshotError("bad day") }
        self.init(ordinal: o)
    }
}

extension UncertainDate {
    private static let precisions: [Precision] = [.day, .month, .year, .span]

    func write(_ w: inout SnapshotWriter) {
        earliest.write(&w)
        latest.write(&w)
        w.int(Self.precisions.firstIndex(of: precision)!)
    }

    init(_ r: inout SnapshotReader) throws(SnapshotError) {
        self.init(earliest: try Day(&r), latest: try Day(&r), precision: Self.precisions[try r.tag(4)])
    }
}

extension ClosedRange where Bound == Int {
    func write(_ w: inout SnapshotWriter) {
        w.int(lowerBound)
        w.int(upperBound)
    }

    init(_ r: inout SnapshotReader) throws(SnapshotError) {
        let low = try r.int(), high = try r.int()
        guard low <= high else { throw SnapshotError("bad range") }
        self = low...high
    }
}

extension SnapshotWriter {
    mutating func intSet(_ s: Set<Int>) { ints(s.sorted()) }
    mutating func raw<T: RawRepresentable>(_ v: T) where T.RawValue == String { string(v.rawValue) }
}

extension SnapshotReader {
    mutating func intSet() throws(SnapshotError) -> Set<Int> { Set(try ints()) }
    mutating func raw<T: RawRepresentable>(_: T.Type) throws(SnapshotError) -> T where T.RawValue == String {
        let s = try string()
        guard let v = T(rawValue: s) else { throw SnapshotError("bad \(T.self) `\(s)`") }
        return v
    }
    mutating func optionalString() throws(SnapshotError) -> String? {
        try optional { (r: inout SnapshotReader) throws(SnapshotError) in try r.string() }
    }
    mutating func optionalInt() throws(SnapshotError) -> Int? {
        try optional { (r: inout SnapshotReader) throws(SnapshotError) in try r.int() }
    }
    mutating func optionalLocation() throws(SnapshotError) -> SourceLocation? {
        try optional { (r: inout SnapshotReader) throws(SnapshotError) in try SourceLocation(&r) }
    }
    mutating func optionalCitation() throws(SnapshotError) -> Citation? {
        try optional { (r: inout SnapshotReader) throws(SnapshotError) in try Citation(&r) }
    }
}

extension Citation {
    func write(_ w: inout SnapshotWriter) {
        w.raw(kind)
        for part in [statute, publicLaw, division, title, section, usCode, number] { w.optional(part) { $0.string($1) } }
        w.optional(fiscalYear) { $0.int($1) }
        w.optional(continuedBy) { $0.string($1) }
        w.optional(enclosingSection) { $0.string($1) }
    }

    init(_ r: inout SnapshotReader) throws(SnapshotError) {
        self.init(kind: try r.raw(Kind.self), statute: try r.optionalString(), publicLaw: try r.optionalString(),
                  division: try r.optionalString(), title: try r.optionalString(), section: try r.optionalString(),
                  usCode: try r.optionalString(), number: try r.optionalString(), fiscalYear: try r.optionalInt(),
                  continuedBy: try r.optionalString())
        enclosingSection = try r.optionalString()
    }
}

extension Diagnostic {
    func write(_ w: inout SnapshotWriter) {
        w.raw(severity)
        w.string(code)
        w.string(message)
        w.optional(location) { $1.write(&$0) }
        w.optional(help) { $0.string($1) }
        w.array(notes) { w, n in
            w.string(n.message)
            w.optional(n.location) { $1.write(&$0) }
        }
    }

    init(_ r: inout SnapshotReader) throws(SnapshotError) {
        self.init(try r.raw(Severity.self), try r.string(), try r.string(), at: try r.optionalLocation(), help: try r.optionalString())
        notes = try r.array { (r: inout SnapshotReader) throws(SnapshotError) in Note(try r.string(), at: try r.optionalLocation()) }
    }
}

// MARK: - Fact kinds and facts

extension FieldType {
    func write(_ w: inout SnapshotWriter) {
        switch self {
        case .date: w.int(0)
        case .text: w.int(1)
        case .truth: w.int(2)
        case .number: w.int(3)
        case .fiscalYear: w.int(4)
        case .program: w.int(5)
        case .provision: w.int(6)
        case .country: w.int(7)
        case .citation: w.int(8)
        case .list: w.int(9)
        case .enumeration(let cases): w.int(10); w.strings(cases)
        case .reference(let kind): w.int(11); w.string(kind)
        case .anyFact: w.int(12)
        case .fiscalYears: w.int(13)
        }
    }

    init(_ r: inout SnapshotReader) throws(SnapshotError) {
        switch try r.tag(14) {
        case 0: self = .date
        case 1: self = .text
        case 2: self = .truth
        case 3: self = .number
        case 4: self = .fiscalYear
        case 5: self = .program
        case 6: self = .provision
        case 7: self = .country
        case 8: self = .citation
        case 9: self = .list
        case 10: self = .enumeration(try r.strings())
        case 11: self = .reference(try r.string())
        case 12: self = .anyFact
        default: self = .fiscalYears
        }
    }
}

extension FieldValue {
    func write(_ w: inout SnapshotWriter) {
        switch self {
        case .date(let d): w.int(0); d.write(&w)
        case .text(let t): w.int(1); w.string(t)
        case .truth(let t, let written): w.int(2); w.int(Int(t.rawValue)); w.string(written)
        case .number(let n): w.int(3); w.int(n)
        case .fiscalYear(let y): w.int(4); w.int(y)
        case .fiscalYears(let range): w.int(5); range.write(&w)
        case .enumCase(let i, let s): w.int(6); w.int(i); w.string(s)
        case .program(let i): w.int(7); w.int(i)
        case .provision(let i): w.int(8); w.int(i)
        case .country(let i): w.int(9); w.int(i)
        case .fact(let i): w.int(10); w.int(i)
        case .citation(let c): w.int(11); c.write(&w)
        case .list(let i): w.int(12); w.int(i)
        case .unknown: w.int(13)
        }
    }

    init(_ r: inout SnapshotReader) throws(SnapshotError) {
        switch try r.tag(14) {
        case 0: self = .date(try UncertainDate(&r))
        case 1: self = .text(try r.string())
        case 2:
            guard let t = Truth(rawValue: UInt8(try r.tag(3))) else { throw SnapshotError("bad truth") }
            self = .truth(t, written: try r.string())
        case 3: self = .number(try r.int())
        case 4: self = .fiscalYear(try r.int())
        case 5: self = .fiscalYears(try ClosedRange(&r))
        case 6: self = .enumCase(try r.int(), try r.string())
        case 7: self = .program(try r.int())
        case 8: self = .provision(try r.int())
        case 9: self = .country(try r.int())
        case 10: self = .fact(try r.int())
        case 11: self = .citation(try Citation(&r))
        case 12: self = .list(try r.int())
        default: self = .unknown
        }
    }
}

extension FactKind {
    func write(_ w: inout SnapshotWriter) {
        w.string(name)
        w.string(title)
        w.array(fields) { w, f in
            w.string(f.name)
            f.type.write(&w)
            w.bool(f.isRequired)
            w.bool(f.isRepeated)
            w.optional(f.question) { $0.string($1) }
        }
        w.bool(isComplete)
        w.optional(completeness) { $0.string($1) }
        w.bool(perCountry)
        w.bool(isBuiltin)
        w.optional(location) { $1.write(&$0) }
    }

    init(_ r: inout SnapshotReader) throws(SnapshotError) {
        let name = try r.string(), title = try r.string()
        let fields = try r.array { (r: inout SnapshotReader) throws(SnapshotError) in
            Field(name: try r.string(), type: try FieldType(&r), isRequired: try r.bool(), isRepeated: try r.bool(),
                  question: try r.optionalString())
        }
        self.init(name: name, title: title, fields: fields, isComplete: try r.bool(), completeness: try r.optionalString(),
                  perCountry: try r.bool(), isBuiltin: try r.bool(), location: try r.optionalLocation())
    }
}

extension Fact {
    func write(_ w: inout SnapshotWriter) {
        w.string(id)
        w.int(kind)
        w.optional(country) { $0.int($1) }
        w.array(values) { w, v in w.optional(v) { $1.write(&$0) } }
        w.array(lists.keys.sorted()) { w, k in
            w.int(k)
            w.array(lists[k]!) { $1.write(&$0) }
        }
        w.strings(sources)
        w.optional(confidence) { $0.raw($1) }
        w.array(fieldConfidence.keys.sorted()) { w, k in
            w.int(k)
            w.raw(fieldConfidence[k]!)
        }
        w.strings(notes)
        w.optional(summary) { $0.string($1) }
        location.write(&w)
        w.bool(isAssumed)
    }

    init(_ r: inout SnapshotReader) throws(SnapshotError) {
        let id = try r.string(), kind = try r.int(), country = try r.optionalInt()
        let values = try r.array { (r: inout SnapshotReader) throws(SnapshotError) in
            try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try FieldValue(&r) }
        }
        var lists: [Int: [FieldValue]] = [:]
        for (k, v) in try r.array({ (r: inout SnapshotReader) throws(SnapshotError) in
            (try r.int(), try r.array { (r: inout SnapshotReader) throws(SnapshotError) in try FieldValue(&r) })
        }) { lists[k] = v }
        let sources = try r.strings()
        let confidence = try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try r.raw(Confidence.self) }
        var fieldConfidence: [Int: Confidence] = [:]
        for (k, v) in try r.array({ (r: inout SnapshotReader) throws(SnapshotError) in (try r.int(), try r.raw(Confidence.self)) }) {
            fieldConfidence[k] = v
        }
        self.init(id: id, kind: kind, country: country, values: values, lists: lists, sources: sources, confidence: confidence,
                  fieldConfidence: fieldConfidence, notes: try r.strings(), summary: try r.optionalString(),
                  location: try SourceLocation(&r))
        isAssumed = try r.bool()
    }
}

// MARK: - Catalog

extension Country {
    func write(_ w: inout SnapshotWriter) {
        w.string(iso3)
        w.string(name)
        w.strings(aliases)
        location.write(&w)
    }

    init(_ r: inout SnapshotReader) throws(SnapshotError) {
        self.init(iso3: try r.string(), name: try r.string(), aliases: try r.strings(), location: try SourceLocation(&r))
    }
}

extension Purpose {
    func write(_ w: inout SnapshotWriter) {
        w.string(id)
        w.string(description)
        location.write(&w)
    }

    init(_ r: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try r.string(), description: try r.string(), location: try SourceLocation(&r))
    }
}

extension Program {
    func write(_ w: inout SnapshotWriter) {
        w.string(id)
        w.string(name)
        w.strings(aliases)
        w.optional(account) { $0.string($1) }
        w.optional(funding) { w, f in
            switch f {
            case .sfopsTitle(let n): w.int(n)
            case .outsideSFOPS: w.int(-1)
            }
        }
        w.optional(authority) { $1.write(&$0) }
        w.raw(recipient)
        w.ints(purposes)
        w.ints(components)
        w.strings(caveats)
        w.strings(notes)
        location.write(&w)
    }

    init(_ r: inout SnapshotReader) throws(SnapshotError) {
        let id = try r.string(), name = try r.string(), aliases = try r.strings(), account = try r.optionalString()
        let funding = try r.optional { (r: inout SnapshotReader) throws(SnapshotError) -> Funding in
            let n = try r.int()
            return n < 0 ? .outsideSFOPS : .sfopsTitle(n)
        }
        self.init(id: id, name: name, aliases: aliases, account: account, funding: funding, authority: try r.optionalCitation(),
                  recipient: try r.raw(UsualRecipient.self), purposes: try r.ints(), components: try r.ints(),
                  caveats: try r.strings(), notes: try r.strings(), location: try SourceLocation(&r))
    }
}
