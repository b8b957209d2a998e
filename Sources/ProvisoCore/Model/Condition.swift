/// A checked condition: an `Expression` with every name resolved and every type checked, in the
/// form the evaluator walks. Evaluation is three-valued and always terminates: there are no
/// loops, and `any` ranges over the finite recorded facts of one country.
public indirect enum Condition: Sendable {
    /// A constant.
    case constant(Truth)
    /// The literal `unknown "question"`.
    case unknown(String)
    case not(Condition)
    case and([Condition])
    case or([Condition])
    /// Compares two operands of the same type.
    case compare(Operand, Expression.Comparison, Operand, SourceLocation)
    /// `x in [a, b]`.
    case member(Operand, [Operand], SourceLocation)
    /// `x is known` / `x is unknown` (two-valued).
    case known(Operand, Bool)
    /// A truth-valued field used as a condition (`e.duly-elected`).
    case truth(Operand, SourceLocation)
    /// `any KIND v [of owner] where …`: `slot` holds the candidate fact; `ownerSlot` and
    /// `ownerField` restrict candidates to facts whose field refers to the owner's fact.
    case any(kind: Int, slot: Int, ownerSlot: Int?, ownerField: Int?, Condition)
    /// `listed LIST`.
    case listed(Int)
    /// A `define` of the provision, by index.
    case define(Int)
}

/// A value a condition reads.
public enum Operand: Sendable {
    /// The date asked about.
    case queryDate
    /// The fiscal year of the funds (the query date's, unless the caller names one).
    case queryFiscalYear
    /// The program asked about (a component, when the program is composite).
    case queryProgram
    /// The recipient asked about.
    case queryRecipient
    /// The country asked about (for statutes that name countries, such as SFOPS §7007).
    case queryCountry
    /// Enactment date of the act whose text governs.
    case actEnacted
    /// Fiscal year of the act whose text governs.
    case actFiscalYear
    /// A field of the fact bound to a variable slot.
    case field(slot: Int, field: Int, name: String)
    /// The fact bound to a variable slot itself (`c.event == e`).
    case fact(slot: Int)
    /// A constant value.
    case literal(FieldValue)
}

extension FieldValue {
    /// Compares two values of the same type in three-valued logic: dates by `UncertainDate`'s
    /// rules, fiscal years and numbers in order, `unknown` and unknown truths as unknown, other
    /// values by equality. The one comparison the evaluator and the checker's folding share.
    public static func compare(_ a: FieldValue, _ op: Expression.Comparison, _ b: FieldValue) -> Truth {
        switch (a, b) {
        case (.date(let x), .date(let y)):
            return UncertainDate.compare(x, op, y)
        case (.fiscalYear(let x), .fiscalYear(let y)), (.number(let x), .number(let y)):
            return Truth(ordered(x, op, y))
        case (.truth(let x, _), .truth(let y, _)):
            if x == .unknown || y == .unknown { return .unknown }
            return Truth((x == y) == (op == .equal))
        case (.unknown, _), (_, .unknown):
            return .unknown
        default:
            return Truth((a == b) == (op == .equal))
        }
    }

    /// `x OP y` on integers (`before`/`after` read as `<`/`>`).
    static func ordered(_ x: Int, _ op: Expression.Comparison, _ y: Int) -> Bool {
        switch op.ordering {
        case .less: return x < y
        case .lessEqual: return x <= y
        case .greater: return x > y
        case .greaterEqual: return x >= y
        case .equal: return x == y
        case .notEqual: return x != y
        default: return false
        }
    }
}
