/// A three-valued truth (Kleene's strong logic): a fact that is not recorded is *unknown*, never
/// false, and unknown propagates through `and`, `or` and `not`.
public enum Truth: UInt8, Sendable, Hashable, CustomStringConvertible {
    case `false` = 0, unknown = 1, `true` = 2

    /// `true` or `false`.
    public init(_ value: Bool) { self = value ? .true : .false }

    /// Kleene conjunction: the minimum.
    public static func && (a: Truth, b: @autoclosure () -> Truth) -> Truth {
        if a == .false { return .false }
        let right = b()
        return Truth(rawValue: min(a.rawValue, right.rawValue))!
    }

    /// Kleene disjunction: the maximum.
    public static func || (a: Truth, b: @autoclosure () -> Truth) -> Truth {
        if a == .true { return .true }
        let right = b()
        return Truth(rawValue: max(a.rawValue, right.rawValue))!
    }

    /// Kleene negation.
    public static prefix func ! (a: Truth) -> Truth { Truth(rawValue: 2 - a.rawValue)! }

    /// `true`, `false` or `unknown`.
    public var description: String {
        switch self {
        case .false: return "false"
        case .unknown: return "unknown"
        case .true: return "true"
        }
    }
}
