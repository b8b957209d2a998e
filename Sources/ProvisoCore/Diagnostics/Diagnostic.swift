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

extension Diagnostic {
    /// How many findings one file reports; past this, one more says how many were left out.
    /// A person fixes the first ones first, and an enormous file of garbage cannot make `check`
    /// print gigabytes.
    public static let maximumPerFile = 100

    /// Findings about the file at `location` that are not shown, some of them errors.
    static func findingsNotShown(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "S110", "more findings in this file are not shown (at most \(maximumPerFile) a file)", at: location,
                   help: "fix the ones shown and run again")
    }

    /// Warnings about the file at `location` that are not shown.
    static func warningsNotShown(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "W001", "more warnings in this file are not shown (at most \(maximumPerFile) a file)", at: location,
                   help: "fix the ones shown and run again")
    }
}

/// Keeps at most `Diagnostic.maximumPerFile` diagnostics a file as they are reported, and counts
/// the rest, so that a file of garbage costs no more than the limit to report.
struct DiagnosticLimit {
    private var counts: [String: Int] = [:]
    private var dropped: [String: (errors: Bool, first: SourceLocation)] = [:]

    /// Whether the file at `location` has room for another finding.
    func hasRoom(_ location: SourceLocation) -> Bool { counts[location.file, default: 0] < Diagnostic.maximumPerFile }

    /// Whether `d` is kept; if not, it is counted.
    mutating func admit(_ d: Diagnostic) -> Bool {
        guard let location = d.location else { return true }
        let n = counts[location.file, default: 0]
        if n < Diagnostic.maximumPerFile {
            counts[location.file] = n + 1
            return true
        }
        var entry = dropped[location.file] ?? (false, location)
        entry.errors = entry.errors || d.severity == .error
        if location < entry.first { entry.first = location }
        dropped[location.file] = entry
        return false
    }

    /// One diagnostic for each file that had some left out, in path order.
    var summaries: [Diagnostic] {
        dropped.keys.sorted().map { file in
            let e = dropped[file]!
            return e.errors ? Diagnostic.findingsNotShown(at: e.first) : Diagnostic.warningsNotShown(at: e.first)
        }
    }
}

extension Array where Element == Diagnostic {
    /// At most `Diagnostic.maximumPerFile` a file, the first by location, and a summary of the rest.
    public func limitedPerFile() -> [Diagnostic] {
        var limit = DiagnosticLimit()
        let kept = sortedByLocation().filter { limit.admit($0) }
        return kept + limit.summaries
    }

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
