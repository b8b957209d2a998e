/// The answer to "may the United States fund …": the verdict.
public enum Verdict: String, Sendable, Hashable, CaseIterable {
    /// A provision prohibits it.
    case prohibited
    /// Nothing restricts it.
    case allowed
    /// Allowed because of an exemption, a waiver in force or a lifting, or subject to a
    /// requirement such as a notice or Leahy vetting.
    case allowedWithConditions = "allowed-with-conditions"
    /// A fact that is not recorded could make it prohibited.
    case indeterminate

    /// Whether assistance may go ahead (with or without conditions).
    public var permits: Bool { self == .allowed || self == .allowedWithConditions }

    /// The verdict in words, for the first line of an answer.
    public var phrase: String {
        switch self {
        case .prohibited: return "prohibited"
        case .allowed: return "allowed"
        case .allowedWithConditions: return "allowed, with conditions"
        case .indeterminate: return "indeterminate"
        }
    }
}

/// What one provision says about a query.
public enum ProvisionStatus: String, Sendable, Hashable, CaseIterable {
    /// It prohibits the assistance.
    case prohibits
    /// It would prohibit, but an exemption applies (an exempt purpose, a "notwithstanding" authority).
    case exempted
    /// It prohibited, but a certification after the event lifted it.
    case lifted
    /// It prohibits, but a waiver is in force.
    case waived
    /// It covers the assistance but its trigger is not met.
    case notTriggered = "not-triggered"
    /// A fact it needs is not recorded; it might prohibit.
    case unknown
    /// It does not reach this program, recipient or act.
    case notApplicable = "not-applicable"
    /// It attaches a requirement (Leahy vetting) without deciding the verdict.
    case condition

    /// How much the status weighs when several events or components are combined.
    var severity: Int {
        switch self {
        case .prohibits: return 7
        case .unknown: return 6
        case .waived: return 5
        case .exempted: return 4
        case .condition: return 3
        case .lifted: return 2
        case .notTriggered: return 1
        case .notApplicable: return 0
        }
    }
}

/// One provision's part in a determination.
public struct ProvisionFinding: Sendable {
    /// The provision's identifier (`sfops-7008`).
    public var id: String
    /// Its title.
    public var title: String
    /// The pin-point citation of the version in force, in the act in force.
    public var citation: Citation?
    /// The version's name (`V2`).
    public var version: String?
    /// Its status.
    public var status: ProvisionStatus
    /// Why, in one sentence.
    public var reason: String
    /// The event it turned on (`mali-2012`), if any.
    public var event: String?
    /// The certification, waiver or exemption that lifted it, if any.
    public var decidedBy: String?
    /// Identifiers of the facts it rested on.
    public var facts: [String]
    /// Requirements that attach (notices, vetting).
    public var conditions: [String]
    /// For a composite program: the status for each component.
    public var components: [(program: String, status: ProvisionStatus)]
}

/// A fact an answer rests on, with its date and source.
public struct FactReference: Sendable {
    /// Identifier (`mali-2012`).
    public var id: String
    /// Kind (`coup`).
    public var kind: String
    /// The country's name.
    public var country: String?
    /// The date it is recorded for, if it has one.
    public var date: UncertainDate?
    /// One line saying what it records.
    public var summary: String
    /// Where to check it.
    public var sources: [String]
    /// The lowest confidence recorded for it.
    public var confidence: Confidence?
    /// Whether it was assumed for this answer only.
    public var isAssumed: Bool
}

/// A change that would turn the verdict, verified by answering the question again with it.
public struct Path: Sendable {
    /// What kind of change.
    public enum Kind: String, Sendable {
        case certification, waiver, purpose, recipient, program, fact
        /// Several changes together, one for each provision that decides the verdict.
        case combined
    }

    /// The kind.
    public var kind: Kind
    /// What would change, in words (naming who may grant a waiver, under which subsection).
    public var description: String
    /// The verdict with the change.
    public var verdict: Verdict
    /// How to ask it: the command-line option that applies the change.
    public var option: String
    /// The same as separate command-line arguments (`["--purpose", "democratic-elections"]`).
    public var arguments: [String] = []
    /// The question with the change applied, as it was verified (`Engine.determine(path.query)`).
    public var query: Query? = nil
}

/// A component of a composite program and its verdict.
public struct ComponentDetermination: Sendable {
    /// The component program's identifier.
    public var program: String
    /// Its verdict.
    public var verdict: Verdict
    /// Identifiers of the provisions that decided it.
    public var decidedBy: [String]
}

/// A complete answer: verdict, the query as understood, the act in force, every provision
/// considered, the facts used, what is missing, and what would change the answer.
public struct Determination: Sendable {
    /// The verdict.
    public var verdict: Verdict
    /// One sentence an analyst can read aloud.
    public var summary: String
    /// The country's canonical name and ISO code.
    public var country: Country
    /// The program.
    public var program: Program
    /// The date asked about.
    public var date: Day
    /// The fiscal year of the funds.
    public var fiscalYear: Int
    /// The recipient answered for, and whether it was assumed from the program.
    public var recipient: Recipient
    /// Whether the recipient came from the program's usual recipient rather than the query.
    public var recipientAssumed: Bool
    /// Purposes considered (the program's and the query's).
    public var purposes: [String]
    /// The act in force.
    public var act: ActInForce
    /// Every provision considered, deciding ones first.
    public var provisions: [ProvisionFinding]
    /// Facts the answer rests on.
    public var facts: [FactReference]
    /// For `indeterminate`: what would settle it.
    public var missing: [MissingFact]
    /// Changes that would turn the verdict.
    public var paths: [Path]
    /// Requirements attached to an allowed answer.
    public var conditions: [String]
    /// Warnings: stale rulebook, unrecorded acts, low-confidence facts.
    public var warnings: [String]
    /// Doubts about the program or rules that the answer carries.
    public var caveats: [String]
    /// Policy holds in force on the date (not legal restrictions).
    public var notes: [String]
    /// For a composite program: each component's verdict.
    public var components: [ComponentDetermination]
    /// Whether the answer rests on assumed or forgotten facts.
    public var hypothetical: Bool
    /// The assumptions, as written.
    public var assumptions: [String]
    /// The rulebook's name, edition and content hash, so the answer can be reproduced.
    public var rulebook: (name: String, edition: String?, hash: String)
    /// The reasoning as an argument: each provision, the facts it rests on, what is absent or
    /// missing and what each missing value would give.
    public var explanation: Explanation = .empty

    /// Identifiers of the provisions that decided the verdict.
    public var decidingProvisions: [String] {
        let wanted: Set<ProvisionStatus>
        switch verdict {
        case .prohibited: wanted = [.prohibits]
        case .indeterminate: wanted = [.unknown]
        case .allowedWithConditions: wanted = [.exempted, .waived, .lifted, .condition]
        case .allowed: wanted = []
        }
        return provisions.filter { wanted.contains($0.status) }.map(\.id)
    }
}
