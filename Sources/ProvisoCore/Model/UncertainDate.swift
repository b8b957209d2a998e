/// A date as the record knows it: a day, or only a month or a year, or a span the day lies in.
///
/// A month-only or year-only date is a first-class value: comparing it with a day inside its
/// span is *unknown*, before or after its span is decided.
public struct UncertainDate: Sendable, Hashable, CustomStringConvertible {
    /// How precisely the date is known.
    public enum Precision: String, Sendable, Hashable {
        case day, month, year, span
    }

    /// The earliest day it can be.
    public let earliest: Day
    /// The latest day it can be.
    public let latest: Day
    /// How it was written.
    public let precision: Precision

    /// An exact day.
    public init(_ day: Day) {
        earliest = day
        latest = day
        precision = .day
    }

    /// A span of possible days.
    public init(earliest: Day, latest: Day, precision: Precision) {
        self.earliest = earliest
        self.latest = latest
        self.precision = precision
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `nil` if it does not name a real date.
    public init?(parsing text: String) {
        let u = Array(text.utf8)
        switch u.count {
        case 10:
            guard let day = Day(parsing: text) else { return nil }
            self.init(day)
        case 7:
            guard u[4] == UInt8(ascii: "-"), let y = Day.digits(u[0..<4]), let m = Day.digits(u[5..<7]),
                  let first = Day(year: y, month: m, day: 1),
                  let last = Day(year: y, month: m, day: Day.daysIn(month: m, year: y)) else { return nil }
            self.init(earliest: first, latest: last, precision: .month)
        case 4:
            guard let y = Day.digits(u[0..<4]), let first = Day(year: y, month: 1, day: 1),
                  let last = Day(year: y, month: 12, day: 31) else { return nil }
            self.init(earliest: first, latest: last, precision: .year)
        default:
            return nil
        }
    }

    /// Whether the exact day is known.
    public var isExact: Bool { earliest == latest }

    /// As written: `2012-03-22`, `2019-07`, `1989`, or `2004-10-01..2005-09-30`.
    public var description: String {
        switch precision {
        case .day: return earliest.description
        case .month: return String(earliest.description.prefix(7))
        case .year: return String(earliest.description.prefix(4))
        case .span: return "\(earliest)..\(latest)"
        }
    }

    /// For sentences: "22 March 2012", "July 2019", "1989".
    public var prose: String {
        switch precision {
        case .day: return earliest.prose
        case .month: return "\(Day.monthNames[earliest.components.month - 1]) \(earliest.components.year)"
        case .year: return "\(earliest.components.year)"
        case .span: return "between \(earliest.prose) and \(latest.prose)"
        }
    }

    /// Kleene comparison of two uncertain dates.
    public static func compare(_ a: UncertainDate, _ op: Expression.Comparison, _ b: UncertainDate) -> Truth {
        switch op.ordering {
        case .less:
            if a.latest < b.earliest { return .true }
            if a.earliest >= b.latest { return .false }
        case .lessEqual:
            if a.latest <= b.earliest { return .true }
            if a.earliest > b.latest { return .false }
        case .greater:
            return compare(b, .less, a)
        case .greaterEqual:
            return compare(b, .lessEqual, a)
        case .equal:
            if a.isExact, b.isExact { return Truth(a.earliest == b.earliest) }
            if a.latest < b.earliest || b.latest < a.earliest { return .false }
        case .notEqual:
            return !compare(a, .equal, b)
        default:
            break
        }
        return .unknown
    }
}
