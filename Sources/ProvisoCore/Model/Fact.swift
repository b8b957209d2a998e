/// The declared shape of a family of facts: a coup, a coup determination, a certification …
public struct FactKind: Sendable {
    /// The kind's name, which is also the clause that records one (`coup mali-2012 { … }`).
    public var name: String
    /// What it records.
    public var title: String
    /// Its fields, in declaration order.
    public var fields: [Field]
    /// Whether the rulebook records every fact of this kind (closed world), so that the absence of
    /// one is *false*; otherwise absence is *unknown*.
    public var isComplete: Bool
    /// Why the record may be taken as complete.
    public var completeness: String?
    /// Whether every fact of the kind belongs to a country.
    public var perCountry: Bool
    /// Whether the kind is built into Proviso (certification, waiver, listing, edition, hold).
    public var isBuiltin: Bool
    /// Where it is declared (the first line of the prelude for built-in kinds).
    public var location: SourceLocation?

    /// A field of a fact kind.
    public struct Field: Sendable {
        /// Name (`duly-elected`).
        public var name: String
        /// Type.
        public var type: FieldType
        /// Whether a fact must record it.
        public var isRequired: Bool
        /// Whether it may be given more than once (a list).
        public var isRepeated: Bool
        /// What it means, used when a missing value must be named ("whether the deposed head …").
        public var question: String?
    }

    /// Index of a field by name.
    public func fieldIndex(_ name: String) -> Int? { fields.firstIndex { $0.name == name } }
}

/// The type of a fact field or of a value in a condition.
public indirect enum FieldType: Sendable, Hashable, CustomStringConvertible {
    case date, text, truth, number, fiscalYear, program, provision, country, citation, list
    /// One of a closed set of words.
    case enumeration([String])
    /// A reference to another fact of the named kind.
    case reference(String)
    /// A reference to any fact (`certification.event`).
    case anyFact
    /// A fiscal-year span (`FY2003..FY2008`).
    case fiscalYears

    public var description: String {
        switch self {
        case .date: return "date"
        case .text: return "text"
        case .truth: return "truth (yes, no, disputed, unknown)"
        case .number: return "number"
        case .fiscalYear: return "fiscal year"
        case .program: return "program"
        case .provision: return "provision"
        case .country: return "country"
        case .citation: return "citation"
        case .list: return "list"
        case .enumeration(let cases): return cases.joined(separator: " | ")
        case .reference(let kind): return "a `\(kind)` fact"
        case .anyFact: return "a fact"
        case .fiscalYears: return "fiscal years"
        }
    }
}

/// A recorded value of a fact field.
public enum FieldValue: Sendable, Hashable {
    case date(UncertainDate)
    case text(String)
    case truth(Truth, written: String)
    case number(Int)
    case fiscalYear(Int)
    case fiscalYears(ClosedRange<Int>)
    case enumCase(Int, String)
    case program(Int)
    case provision(Int)
    case country(Int)
    case fact(Int)
    case citation(Citation)
    case list(Int)
    /// Written `unknown` in the record: the field is explicitly not known.
    case unknown

    /// The value as written in a fact file.
    public var written: String {
        switch self {
        case .date(let d): return d.description
        case .text(let t): return "\"\(t)\""
        case .truth(_, let w): return w
        case .number(let n): return String(n)
        case .fiscalYear(let y): return "FY\(y)"
        case .fiscalYears(let r): return r.lowerBound == r.upperBound ? "FY\(r.lowerBound)" : "FY\(r.lowerBound)..FY\(r.upperBound)"
        case .enumCase(_, let w): return w
        case .program(let p): return "#program\(p)"
        case .provision(let p): return "#provision\(p)"
        case .country(let c): return "#country\(c)"
        case .fact(let f): return "#fact\(f)"
        case .citation(let c): return "\"\(c)\""
        case .list(let l): return "#list\(l)"
        case .unknown: return "unknown"
        }
    }
}

/// How sure the record is of a value: the research's H/M/L/U codes.
public enum Confidence: String, Sendable, Hashable, Comparable {
    case high = "H", medium = "M", low = "L", unknown = "U"

    private var rank: Int { self == .high ? 0 : self == .medium ? 1 : self == .low ? 2 : 3 }
    public static func < (a: Confidence, b: Confidence) -> Bool { a.rank < b.rank }

    /// "high", "medium" …
    public var word: String {
        switch self {
        case .high: return "high"
        case .medium: return "medium"
        case .low: return "low"
        case .unknown: return "unknown"
        }
    }
}

/// One recorded fact: a coup, a determination, a certification, a listing …
public struct Fact: Sendable {
    /// Its identifier (`mali-2012`).
    public var id: String
    /// Index of its kind in `Rulebook.kinds`.
    public var kind: Int
    /// Index of its country, when it belongs to one.
    public var country: Int?
    /// Field values, by the kind's field index; `nil` where not recorded.
    public var values: [FieldValue?]
    /// Further values of repeated fields (programs of a waiver, say), by field index.
    public var lists: [Int: [FieldValue]]
    /// Where a person can check it: addresses or references, at least one.
    public var sources: [String]
    /// Confidence of the fact as a whole, when given.
    public var confidence: Confidence?
    /// Confidence of single fields, by field index.
    public var fieldConfidence: [Int: Confidence]
    /// Free notes.
    public var notes: [String]
    /// One line saying what it records (`summary "…"`), for answers.
    public var summary: String?
    /// Where it is recorded.
    public var location: SourceLocation
    /// Whether it was assumed for a hypothetical rather than recorded.
    public var isAssumed = false

    /// The value of a field, `nil` when not recorded.
    @inline(__always) public func value(_ field: Int) -> FieldValue? { field < values.count ? values[field] : nil }

    /// The lowest confidence recorded for the fact or any of its fields (`U`, which marks a
    /// field as not known at all, does not count: the field's value says so).
    public var lowestConfidence: Confidence? {
        var lowest = confidence == .unknown ? nil : confidence
        for c in fieldConfidence.values where c != .unknown && (lowest.map { c > $0 } ?? true) { lowest = c }
        return lowest
    }
}
