/// How serious a diagnostic is: errors stop a rulebook from being used, warnings do not.
public enum Severity: String, Sendable, Hashable, Comparable {
    case error, warning, note

    private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A finding about the user's input: a plain value with a stable code, a message written for the
/// person who must fix the input, a location, and where possible a `help` line.
///
/// Messages follow the house style: lower-case, no final period, the user's own text in backticks.
/// Each stage declares its messages as named constructors next to the code that raises them.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Error, warning or note.
    public var severity: Severity
    /// A stable code such as `S101` (syntax), `R210` (rules) or `C401` (cases); see docs/authoring.md.
    public var code: String
    /// What is wrong, in one line.
    public var message: String
    /// Where it is; `nil` only for problems with no file (an unreadable folder, say).
    public var location: SourceLocation?
    /// A suggestion: "did you mean …", or the names that would have been valid.
    public var help: String?
    /// Further locations that explain the finding (the first declaration of a duplicate, say).
    public var notes: [Note]

    /// A secondary location with a message.
    public struct Note: Sendable, Hashable {
        /// What the note says.
        public var message: String
        /// Where it points.
        public var location: SourceLocation?
        /// Creates a note.
        public init(_ message: String, at location: SourceLocation?) {
            self.message = message
            self.location = location
        }
    }

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, _ code: String, _ message: String, at location: SourceLocation?,
        help: String? = nil, notes: [Note] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.help = help
        self.notes = notes
    }

    /// `file:line:column: error[CODE]: message`, without the source excerpt.
    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(severity.rawValue)[\(code)]: \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line and column, errors before warnings at the same place; stable otherwise.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            switch (la, lb) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default:
                if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
                return a.offset < b.offset
            }
        }.map(\.element)
    }
}

/// "did you mean …" for a misspelled name: the closest candidate (ignoring case) within a small
/// edit distance, counting a swap of two neighbouring letters as one edit; `nil` when none is close.
public func closestName(to name: String, in candidates: some Sequence<String>) -> String? {
    let target = Array(name.lowercased().unicodeScalars)
    guard !target.isEmpty, target.count <= 200 else { return nil }
    var best: (String, Int)?
    for candidate in candidates {
        let c = Array(candidate.lowercased().unicodeScalars)
        let limit = max(1, min(3, max(target.count, c.count) / 3))
        guard abs(c.count - target.count) <= limit, c.count <= 200 else { continue }
        let d = editDistance(target, c)
        // Ties go to the alphabetically first candidate, whatever order the candidates come in.
        if d <= limit, best.map({ d < $0.1 || (d == $0.1 && (candidate.lowercased(), candidate) < ($0.0.lowercased(), $0.0)) }) ?? true {
            best = (candidate, d)
        }
    }
    return best?.0
}

/// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbouring characters each cost one.
public func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var twoBack = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var d = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = Swift.min(d, twoBack[j - 2] + 1) }
            current[j] = d
        }
        (twoBack, previous, current) = (previous, current, twoBack)
    }
    return previous[b.count]
}
