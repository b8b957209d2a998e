/// A question put to the rulebook, with names resolved: may the United States fund `country`
/// under `program` on `date`?
public struct Query: Sendable {
    /// Index of the country in `Rulebook.countries`.
    public var country: Int
    /// Index of the program in `Rulebook.programs`.
    public var program: Int
    /// The date the answer is for.
    public var date: Day
    /// Purposes the assistance serves, beyond the program's own (indices into `Rulebook.purposes`).
    public var purposes: [Int]
    /// The recipient; `nil` means the program's usual recipient.
    public var recipient: Recipient?
    /// The fiscal year of the funds, when the caller names it; otherwise the query date's.
    public var fundsFiscalYear: Int?
    /// Hypothetical facts added for this query only (`--assume`).
    public var assumptions: [Fact]
    /// Facts (or single fields, as `id.field`) treated as not recorded for this query.
    public var forgotten: [String]

    /// Creates a query.
    public init(country: Int, program: Int, date: Day, purposes: [Int] = [], recipient: Recipient? = nil,
                fundsFiscalYear: Int? = nil, assumptions: [Fact] = [], forgotten: [String] = []) {
        self.country = country
        self.program = program
        self.date = date
        self.purposes = purposes
        self.recipient = recipient
        self.fundsFiscalYear = fundsFiscalYear
        self.assumptions = assumptions
        self.forgotten = forgotten
    }

    /// Whether the query changes the record (assumed or forgotten facts).
    public var isHypothetical: Bool { !assumptions.isEmpty || !forgotten.isEmpty }
}

/// A question that cannot be answered as asked: an unknown name, or a date outside the rulebook.
public enum QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No country by that name; with the closest name, if any.
    case unknownCountry(String, suggestion: String?)
    /// No program by that name.
    case unknownProgram(String, suggestion: String?)
    /// No purpose by that name.
    case unknownPurpose(String, suggestion: String?)
    /// No fact by that name (for `forget`).
    case unknownFact(String, suggestion: String?)
    /// The date falls before the first fiscal year the rulebook records.
    case beforeFirstFiscalYear(Day, first: Int)
    /// The rulebook records no fiscal years at all.
    case noFiscalYears
    /// The named fiscal year of funds is outside the table.
    case unknownFiscalYear(Int)

    /// The message, in the house style.
    public var description: String {
        switch self {
        case .unknownCountry(let n, let s): return "unknown country `\(n)`" + (s.map { "; did you mean `\($0)`?" } ?? "")
        case .unknownProgram(let n, let s): return "unknown program `\(n)`" + (s.map { "; did you mean `\($0)`?" } ?? "")
        case .unknownPurpose(let n, let s): return "unknown purpose `\(n)`" + (s.map { "; did you mean `\($0)`?" } ?? "")
        case .unknownFact(let n, let s): return "unknown fact `\(n)`" + (s.map { "; did you mean `\($0)`?" } ?? "")
        case .beforeFirstFiscalYear(let d, let first):
            return "\(d) is before FY\(first), the first fiscal year the rulebook records"
        case .noFiscalYears: return "the rulebook records no fiscal years"
        case .unknownFiscalYear(let y): return "FY\(y) is not in the rulebook's table of acts"
        }
    }
}
