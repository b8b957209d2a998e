/// What a condition is whatever the query and the record: the checker's way of seeing a trigger
/// that is always true (the provision prohibits everything it covers) or always false (it never
/// applies).
///
/// Folding is sound, never clever: a condition folds only when three-valued evaluation would give
/// the same answer for every query and every record. It reads literals (`1989 < 2012`, `true`),
/// `unknown "…"`, `x in []`, `is known` of values that are always recorded (`query.date`), and
/// `act.fiscal-year` against the fiscal years of the version being checked — the evaluator only
/// reaches a version for an act inside its span.
enum ConstantFolding {
    /// The value `condition` always has, or `nil` when it depends on the query or the record.
    /// `actYears` is the span of the version whose trigger is folded (`nil` outside a version).
    static func truth(of condition: Condition, defines: [Condition], actYears: ClosedRange<Int>? = nil) -> Truth? {
        var visiting: Set<Int> = []
        var folded: [Int: Truth?] = [:]
        return fold(condition, defines, actYears, &visiting, &folded)
    }

    /// `folded` remembers each definition's value: a definition used twice by each of a chain of
    /// definitions is folded once, not 2^32 times.
    private static func fold(_ c: Condition, _ defines: [Condition], _ years: ClosedRange<Int>?, _ visiting: inout Set<Int>,
                             _ folded: inout [Int: Truth?]) -> Truth? {
        switch c {
        case .constant(let t):
            return t
        case .unknown:
            return .unknown
        case .not(let x):
            return fold(x, defines, years, &visiting, &folded).map { !$0 }
        case .and(let xs):
            var all: Truth? = .true
            for x in xs {
                let t = fold(x, defines, years, &visiting, &folded)
                if t == .false { return .false }
                all = t.flatMap { t in all.map { $0 && t } }
            }
            return all
        case .or(let xs):
            var all: Truth? = .false
            for x in xs {
                let t = fold(x, defines, years, &visiting, &folded)
                if t == .true { return .true }
                all = t.flatMap { t in all.map { $0 || t } }
            }
            return all
        case .define(let i):
            // A cycle is reported on its own (R225), and so is a chain too long to follow (R230):
            // here either is simply not constant, and the recursion stays shallow.
            if let known = folded[i] { return known }
            guard i < defines.count, visiting.count < Checker.maximumDefinitionDepth, visiting.insert(i).inserted else { return nil }
            defer { visiting.remove(i) }
            let t = fold(defines[i], defines, years, &visiting, &folded)
            folded[i] = t
            return t
        case .compare(let l, let op, let r, _):
            return compare(l, op, r, years)
        case .member(let x, let members, _):
            var all: Truth? = .false
            for m in members {
                let t = compare(x, .equal, m, years)
                if t == .true { return .true }
                all = t.flatMap { t in all.map { $0 || t } }
            }
            return all
        case .known(let x, let wanted):
            switch x {
            case .queryDate, .queryFiscalYear, .queryProgram, .queryRecipient, .queryCountry, .actEnacted, .actFiscalYear, .fact:
                return Truth(wanted)
            case .literal(let v):
                if case .truth(.unknown, _) = v { return Truth(!wanted) }
                if case .unknown = v { return Truth(!wanted) }
                return Truth(wanted)
            case .field:
                return nil
            }
        case .truth(let x, _):
            if case .literal(.truth(let t, _)) = x { return t }
            return nil
        case .any, .listed:
            return nil
        }
    }

    private static func compare(_ l: Operand, _ op: Expression.Comparison, _ r: Operand, _ years: ClosedRange<Int>?) -> Truth? {
        switch (l, r) {
        case (.literal(let a), .literal(let b)):
            return FieldValue.compare(a, op, b)
        case (.actFiscalYear, .literal(.fiscalYear(let y))):
            return years.flatMap { span($0, op, y) }
        case (.literal(.fiscalYear(let y)), .actFiscalYear):
            return years.flatMap { span($0, flipped(op), y) }
        default:
            return nil
        }
    }

    /// `x OP y` for every `x` in `years`: true if it holds for all, false if for none.
    private static func span(_ years: ClosedRange<Int>, _ op: Expression.Comparison, _ y: Int) -> Truth? {
        let low = FieldValue.ordered(years.lowerBound, op, y), high = FieldValue.ordered(years.upperBound, op, y)
        switch op.ordering {
        case .equal:
            if years.lowerBound == y, years.upperBound == y { return .true }
            return years.contains(y) ? nil : .false
        case .notEqual:
            if years.lowerBound == y, years.upperBound == y { return .false }
            return years.contains(y) ? nil : .true
        default:
            // The orderings are monotonic in x: the ends decide.
            if low, high { return .true }
            if !low, !high { return .false }
            return nil
        }
    }

    private static func flipped(_ op: Expression.Comparison) -> Expression.Comparison {
        switch op.ordering {
        case .less: return .greater
        case .lessEqual: return .greaterEqual
        case .greater: return .less
        case .greaterEqual: return .lessEqual
        default: return op
        }
    }
}
