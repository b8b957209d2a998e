#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// A calendar day (proleptic Gregorian, U.S. calendar date), stored as a day number so that
/// comparisons and arithmetic are integer operations.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int32

    /// The earliest and latest days Proviso accepts (years 1000 through 9999).
    public static let earliest = Day(unchecked: 1000, 1, 1)
    /// The latest day Proviso accepts.
    public static let latest = Day(unchecked: 9999, 12, 31)

    /// Wraps a day number.
    public init(ordinal: Int32) { self.ordinal = ordinal }

    /// The day with these components, or `nil` if it does not exist (`2012-02-30`) or is outside
    /// years 1000–9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1000...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= Day.daysIn(month: month, year: year) else { return nil }
        self.init(unchecked: year, month, day)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = Int32(era * 146_097 + doe - 719_468)
    }

    /// Parses `YYYY-MM-DD`; `nil` for anything else or a day that does not exist.
    public init?(parsing text: some StringProtocol) {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
              let y = Day.digits(u[0..<4]), let m = Day.digits(u[5..<7]), let d = Day.digits(u[8..<10]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for b in bytes {
            guard b >= 48, b <= 57 else { return nil }
            value = value * 10 + Int(b - 48)
        }
        return value
    }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    /// Days in a month.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Year, month and day.
    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = Int(ordinal) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The next day.
    public var next: Day { Day(ordinal: ordinal + 1) }
    /// The day before.
    public var previous: Day { Day(ordinal: ordinal - 1) }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    /// "22 March 2012", for sentences.
    public var prose: String {
        let (y, m, d) = components
        return "\(d) \(Day.monthNames[m - 1]) \(y)"
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    /// Today in UTC, from the system clock. Only the command line asks for it; the library always
    /// takes the date as an input.
    public static func today() -> Day {
        let seconds = Int(time(nil))
        return Day(ordinal: Int32(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400))
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
}

/// A U.S. federal fiscal year: FY N runs from 1 October of N-1 through 30 September of N.
public struct FiscalYear: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year that names it (FY2012 → 2012).
    public let year: Int

    /// FY `year`.
    public init(_ year: Int) { self.year = year }

    /// The fiscal year that contains `day`.
    public init(containing day: Day) {
        let (y, m, _) = day.components
        year = m >= 10 ? y + 1 : y
    }

    /// 1 October of the year before.
    public var start: Day { Day(year: year - 1, month: 10, day: 1) ?? .earliest }
    /// 30 September.
    public var end: Day { Day(year: year, month: 9, day: 30) ?? .latest }

    /// `FY2012`.
    public var description: String { "FY\(year)" }

    /// Parses `FY2012`.
    public init?(parsing text: some StringProtocol) {
        let u = Array(text.utf8)
        guard u.count == 6, u[0] == UInt8(ascii: "F"), u[1] == UInt8(ascii: "Y"), let y = Day.digits(u[2..<6]), y >= 1001
        else { return nil }
        year = y
    }

    public static func < (a: FiscalYear, b: FiscalYear) -> Bool { a.year < b.year }
}
