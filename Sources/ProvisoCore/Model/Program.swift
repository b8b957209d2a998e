/// Where a program's money comes from: a title of the annual State/Foreign Operations act, or
/// outside it (the Department of Defense's Title 10 authorities).
public enum Funding: Sendable, Hashable, CustomStringConvertible {
    /// A title of the SFOPS act: 3 for title III, 4 for IV …
    case sfopsTitle(Int)
    /// Funded outside the SFOPS act (for example DoD operation and maintenance funds).
    case outsideSFOPS

    public var description: String {
        switch self {
        case .sfopsTitle(let n): return "title \(RomanNumeral.string(n))"
        case .outsideSFOPS: return "outside the SFOPS act"
        }
    }
}

/// A program of assistance: `IMET`, `FMF`, or a composite such as `TSCTP` drawn from other accounts.
public struct Program: Sendable, Hashable {
    /// Identifier (`IMET`).
    public var id: String
    /// Full name.
    public var name: String
    /// Other names it is asked for by.
    public var aliases: [String]
    /// Appropriation account, as named in the act.
    public var account: String?
    /// Title of the SFOPS act, or outside it.
    public var funding: Funding?
    /// The statute that authorises it.
    public var authority: Citation?
    /// Whom it usually serves.
    public var recipient: UsualRecipient
    /// Purposes every activity of the program serves (indices into `Rulebook.purposes`).
    public var purposes: [Int]
    /// For a composite program with no account of its own, the programs it draws on.
    public var components: [Int]
    /// Doubts about the program's definition, shown with every answer about it.
    public var caveats: [String]
    /// Notes shown with the program.
    public var notes: [String]
    /// Where it is declared.
    public var location: SourceLocation

    /// Whether the program has no account of its own and is answered through its components.
    public var isComposite: Bool { !components.isEmpty }
}

/// Roman numerals for appropriation titles (I–XX).
enum RomanNumeral {
    static let numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
                           "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"]
    static func string(_ n: Int) -> String { n >= 1 && n <= numerals.count ? numerals[n - 1] : String(n) }
    static func value(_ text: String) -> Int? { numerals.firstIndex(of: text).map { $0 + 1 } }
}
