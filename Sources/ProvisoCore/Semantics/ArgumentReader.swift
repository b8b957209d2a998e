/// Reads a clause's arguments one by one, with a diagnostic for each thing that is not what the
/// clause expects. The checker's way of interpreting `head arg arg key value …`.
struct ArgumentReader {
    let clause: Clause
    private(set) var index = 0
    private(set) var diagnostics: [Diagnostic] = []

    init(_ clause: Clause) { self.clause = clause }

    var tokens: [Token] { clause.arguments }
    var current: Token? { index < tokens.count ? tokens[index] : nil }
    var atEnd: Bool { index >= tokens.count }
    var rest: ArraySlice<Token> { tokens[min(index, tokens.count)...] }
    /// Where "expected … here" points when the clause ran out.
    var here: SourceLocation {
        if let current { return current.location }
        var end = tokens.last?.location ?? clause.head.location
        end.column += end.length
        end.length = 1
        return end
    }

    mutating func fail(_ d: Diagnostic) {
        diagnostics.append(d)
        index = tokens.count
    }

    mutating func skip() { index += 1 }

    /// Consumes the word `keyword` if it is next.
    mutating func accept(_ keyword: String) -> Bool {
        if current?.isWord(keyword) == true { index += 1; return true }
        return false
    }

    /// Requires the word `keyword` next.
    mutating func expect(_ keyword: String) -> Bool {
        if accept(keyword) { return true }
        fail(.expected("`\(keyword)`", found: current, at: here, in: clause))
        return false
    }

    mutating func string(_ what: @autoclosure () -> String) -> String? {
        guard let t = current, t.kind == .string else {
            fail(.expected(what(), found: current, at: here, in: clause))
            return nil
        }
        index += 1
        return t.text
    }

    mutating func word(_ what: @autoclosure () -> String) -> Token? {
        guard let t = current, t.kind == .word else {
            fail(.expected(what(), found: current, at: here, in: clause))
            return nil
        }
        index += 1
        return t
    }

    /// A word or a string: names that may contain spaces (`"Burkina Faso"`).
    mutating func name(_ what: @autoclosure () -> String) -> Token? {
        guard let t = current, t.kind == .word || t.kind == .string || t.kind == .fiscalYear else {
            fail(.expected(what(), found: current, at: here, in: clause))
            return nil
        }
        index += 1
        return t
    }

    /// A comma-separated list of names (words or strings).
    mutating func names(_ what: @autoclosure () -> String) -> [Token] {
        var out: [Token] = []
        guard let first = name(what()) else { return out }
        out.append(first)
        while current?.kind == .comma {
            index += 1
            guard let next = name(what()) else { return out }
            out.append(next)
        }
        return out
    }

    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or `DATE..DATE`; reports a date that does not exist.
    mutating func date(_ what: @autoclosure () -> String = "a date") -> UncertainDate? {
        guard let t = current, t.kind == .date || t.kind == .number else {
            fail(.expected(what(), found: current, at: here, in: clause))
            return nil
        }
        index += 1
        guard let first = UncertainDate(parsing: t.text) else {
            fail(.impossibleDate(t))
            return nil
        }
        if current?.kind == .dotDot {
            index += 1
            guard let u = current, u.kind == .date || u.kind == .number, let second = UncertainDate(parsing: u.text) else {
                fail(.expected("a date after `..`", found: current, at: here, in: clause))
                return nil
            }
            index += 1
            guard first.earliest <= second.latest else {
                fail(.intervalBackwards(from: t, to: u))
                return nil
            }
            return UncertainDate(earliest: first.earliest, latest: second.latest, precision: .span)
        }
        return first
    }

    /// An exact day (`YYYY-MM-DD`).
    mutating func day(_ what: @autoclosure () -> String = "a date (YYYY-MM-DD)") -> Day? {
        guard let t = current, t.kind == .date || t.kind == .number else {
            fail(.expected(what(), found: current, at: here, in: clause))
            return nil
        }
        guard let d = UncertainDate(parsing: t.text) else {
            fail(.impossibleDate(t))
            return nil
        }
        guard d.isExact else {
            fail(.needsExactDay(t))
            return nil
        }
        index += 1
        return d.earliest
    }

    /// `FY2012`.
    mutating func fiscalYear() -> Int? {
        guard let t = current, t.kind == .fiscalYear, let fy = FiscalYear(parsing: t.text) else {
            fail(.expected("a fiscal year such as `FY2012`", found: current, at: here, in: clause))
            return nil
        }
        index += 1
        return fy.year
    }

    /// `FY2012`, `FY2012..FY2014` or `FY2024..` (open: `Int.max`).
    mutating func fiscalYears() -> ClosedRange<Int>? {
        let start = current
        guard let low = fiscalYear() else { return nil }
        guard current?.kind == .dotDot else { return low...low }
        index += 1
        guard let t = current, t.kind == .fiscalYear else { return low...Int.max }
        guard let high = fiscalYear() else { return nil }
        guard low <= high else {
            fail(.fiscalYearsBackwards(at: start?.location ?? here, text: "FY\(low)..FY\(high)"))
            return nil
        }
        return low...high
    }

    /// Reports anything left over.
    mutating func end() {
        if let t = current {
            fail(.unexpectedArgument(t, in: clause))
        }
    }
}

extension Diagnostic {
    static func expected(_ what: String, found token: Token?, at location: SourceLocation, in clause: Clause) -> Diagnostic {
        Diagnostic(.error, "R101", "expected \(what) in `\(clause.head.text)`, found \(token.map { "`\($0.spelling)`" } ?? "the end of the line")",
                   at: location)
    }
    static func unexpectedArgument(_ token: Token, in clause: Clause) -> Diagnostic {
        Diagnostic(.error, "R102", "unexpected `\(token.spelling)` in `\(clause.head.text)`", at: token.location)
    }
    static func impossibleDate(_ token: Token) -> Diagnostic {
        Diagnostic(.error, "R103", "`\(token.text)` is not a date that exists", at: token.location,
                   help: "dates are YYYY-MM-DD, YYYY-MM or YYYY, years 1000 through 9999")
    }
    static func needsExactDay(_ token: Token) -> Diagnostic {
        Diagnostic(.error, "R104", "`\(token.text)` must be an exact day (YYYY-MM-DD) here", at: token.location)
    }
    static func intervalBackwards(from: Token, to: Token) -> Diagnostic {
        Diagnostic(.error, "R105", "the interval ends (`\(to.text)`) before it starts (`\(from.text)`)", at: to.location)
    }
    static func fiscalYearsBackwards(at location: SourceLocation, text: String) -> Diagnostic {
        Diagnostic(.error, "R106", "the fiscal years `\(text)` end before they start", at: location)
    }
}
