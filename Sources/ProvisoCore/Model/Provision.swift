/// A provision of law that can restrict assistance: the coup restriction, the terrorism list
/// restrictions, the Leahy vetting condition … with its versions by fiscal year.
public struct Provision: Sendable {
    /// Whether the provision can prohibit, or only attaches a condition (Leahy vetting).
    public enum Kind: String, Sendable {
        case restriction, condition
    }

    /// What can lift a prohibition, in the order the file states (first that holds names the status).
    public enum Remedy: String, Sendable, CaseIterable {
        /// An exempt purpose of the version.
        case exempt
        /// A certification after the event (resumption).
        case lifted
        /// A waiver in force.
        case waived
        /// A "notwithstanding" authority or other `exemption` declaration that overrides this provision.
        case notwithstanding
    }

    /// Stable identifier (`sfops-7008`).
    public var id: String
    /// Title (`Coups d'État`).
    public var title: String
    /// Restriction or condition.
    public var kind: Kind
    /// Notes such as its lineage across renumbering.
    public var notes: [String]
    /// The fact kind the provision is evaluated once per fact of (`each coup as e`), if any.
    public var eachKind: Int?
    /// Name of the variable bound by `each`.
    public var eachVariable: String?
    /// Number of variable slots conditions use.
    public var slotCount: Int
    /// Named conditions (`define`), by index.
    public var defines: [Condition]
    /// Names of the defines.
    public var defineNames: [String]
    /// Versions by fiscal year of the governing act, sorted, without overlaps.
    public var versions: [ProvisionVersion]
    /// Remedy order.
    public var order: [Remedy]
    /// Where it is declared.
    public var location: SourceLocation
    /// The trigger in words, for explanations (`trigger "…"`), unless a version states its own.
    public var triggerText: String? = nil

    /// The version in force for the act of fiscal year `year`.
    public func version(forActOf year: Int) -> ProvisionVersion? {
        versions.first { $0.fiscalYears.contains(year) }
    }
}

/// Which funds a version of a provision reaches.
public enum FundsCoverage: Sendable, Hashable {
    /// Every fund the act appropriates ("pursuant to this Act").
    case allFunds
    /// Funds of these SFOPS titles (3...6 for titles III–VI).
    case titles(ClosedRange<Int>)
    /// These programs, whatever their account (CSPA: IMET, FMF, PKO …).
    case programs(Set<Int>)
    /// Any assistance, however funded (permanent statutes).
    case anyAssistance
}

/// To whom a version's prohibition applies.
public enum RecipientScope: String, Sendable, Hashable {
    /// "to the government of" the country (directly, when the text says so).
    case government
    /// "to any country": any assistance to the country, whoever receives it.
    case country
}

/// One textual variant of a provision, in force for a span of fiscal years.
public struct ProvisionVersion: Sendable {
    /// The variant's name (`V2`, `H1`).
    public var name: String
    /// Fiscal years of the acts that contain it; an open end is `Int.max`.
    public var fiscalYears: ClosedRange<Int>
    /// Section number in the annual act (`7008`), for appropriations provisions.
    public var section: String?
    /// The section's heading in the act.
    public var heading: String?
    /// For permanent law: the citation itself (`FAA §620A (22 U.S.C. 2371)`).
    public var citation: Citation?
    /// Words of the statute quoted in the file.
    public var quotes: [String]
    /// Funds reached.
    public var funds: FundsCoverage
    /// Programs outside those funds that the provision reaches through another statute
    /// (10 U.S.C. 333(d)(1) for DoD train-and-equip), with that statute's citation.
    public var reaches: [ReachedProgram]
    /// Recipients reached.
    public var recipient: RecipientScope
    /// Whether the text says "directly" ("to finance directly any assistance").
    public var directly: Bool
    /// The trigger; `nil` for a condition that applies whenever the provision covers the program.
    public var trigger: Condition?
    /// Exempt purposes.
    public var exemptPurposes: [Int]
    /// A notice required when the exemption is used.
    public var exemptNotice: String?
    /// How a prohibition is lifted after the event, if it can be.
    public var lifting: Lifting?
    /// The waiver the version provides, if any.
    public var waiver: WaiverClause?
    /// For a condition: what must be done (`vetting of the units to be assisted`).
    public var requirement: String?
    /// How the text was verified, from the reference's tags.
    public var verification: Verification
    /// Where the text was read.
    public var sources: [String]
    /// Notes.
    public var notes: [String]
    /// Where the version is declared.
    public var location: SourceLocation
    /// The trigger in words, completing "bars assistance to the government of …" (`trigger "a
    /// country whose duly elected head of government is deposed by military coup or decree"`).
    public var triggerText: String? = nil

    /// `FY2012`, `FY2012..FY2014` or `FY2024..`.
    public var fiscalYearsDescription: String {
        if fiscalYears.upperBound == Int.max { return "FY\(fiscalYears.lowerBound).." }
        if fiscalYears.lowerBound == fiscalYears.upperBound { return "FY\(fiscalYears.lowerBound)" }
        return "FY\(fiscalYears.lowerBound)..FY\(fiscalYears.upperBound)"
    }
}

/// A program outside a version's funds that another statute brings within it
/// (`reaches DoD-333 via "10 U.S.C. 333(d)(1)"`).
public struct ReachedProgram: Sendable, Hashable {
    /// The program reached.
    public var program: Int
    /// The statute that brings it in.
    public var via: Citation
}

/// "assistance may be resumed … if [actor] [certifies] … that [finding]".
public struct Lifting: Sendable {
    /// The finding the certification must make.
    public var finding: String
    /// Who certifies.
    public var actor: String?
    /// To whom.
    public var to: String?
    /// Whether the certification must come after the event (`after e`).
    public var afterEvent: Bool
    /// A notice required for funds made available after the lifting.
    public var notice: String?
}

/// A waiver a version provides: who may waive, how, on what standard.
public struct WaiverClause: Sendable {
    /// Subsection (`(b)`).
    public var subsection: String?
    /// Who may waive.
    public var actor: String
    /// `program-by-program`, `whole`, …
    public var scope: String?
    /// The standard (`national security interest of the United States`).
    public var standard: String?
    /// A notice required for funds under the waiver.
    public var notice: String?
}

/// How a rule's text was verified (the reference's `[V-text]`, `[V-sec]`, `[B]`).
public enum Verification: String, Sendable, Hashable {
    /// Read in the enacted text.
    case text
    /// Checked against a reliable secondary source only.
    case secondary
    /// Believed, not verified: answers that rest on it carry a caveat.
    case believed
}

/// An authority that overrides restrictions: "notwithstanding any other provision of law"
/// clauses, construction rules such as §7027 for NGOs, statutory exemptions for one country, or
/// purpose-based exemptions of several provisions at once.
public struct Exemption: Sendable {
    /// Which provisions it overrides.
    public enum Overrides: Sendable {
        /// Every restriction except these.
        case all(except: Set<Int>)
        /// Only these.
        case only(Set<Int>)

        /// Whether it overrides the provision at `index`.
        public func contains(_ index: Int) -> Bool {
            switch self {
            case .all(let except): return !except.contains(index)
            case .only(let set): return set.contains(index)
            }
        }
    }

    /// Identifier (`faa-491b`).
    public var id: String
    /// Title.
    public var title: String
    /// Citation.
    public var citation: Citation?
    /// Whether it is a "notwithstanding any other provision of law" authority.
    public var notwithstanding: Bool
    /// Fiscal years of the governing act it is in force for; `nil` for permanent law.
    public var fiscalYears: ClosedRange<Int>?
    /// Programs it applies to; `nil` for any.
    public var programs: Set<Int>?
    /// Purposes that bring assistance within it; `nil` when not purpose-based.
    public var purposes: Set<Int>?
    /// Recipient it applies to; `nil` for any.
    public var recipient: Recipient?
    /// Countries it applies to; `nil` for any.
    public var countries: Set<Int>?
    /// A further condition; `nil` for none.
    public var condition: Condition?
    /// Number of variable slots the condition uses.
    public var slotCount: Int
    /// What it overrides.
    public var overrides: Overrides
    /// A notice required when it is used.
    public var notice: String?
    /// Notes.
    public var notes: [String]
    /// Sources.
    public var sources: [String]
    /// Where it is declared.
    public var location: SourceLocation
}

/// A list that restrictions run off: the state sponsors of terrorism, the TIP Tier 3 list, the
/// Child Soldiers Prevention Act list …
public struct ListDefinition: Sendable {
    /// How membership is dated.
    public enum Cadence: Sendable, Hashable {
        /// From a designation to its rescission (`listing … from D until D`).
        case interval
        /// A report each year whose listing governs the fiscal year `offset` years later.
        case annual(offset: Int)
    }

    /// Identifier (`sst`).
    public var id: String
    /// Title.
    public var title: String
    /// Citation of the statute that makes the list.
    public var citation: Citation?
    /// Interval or annual.
    public var cadence: Cadence
    /// For interval lists: the spans of days over which the record of listings is complete (closed
    /// world), in order. A span without an end runs on; outside every span absence is unknown.
    public var completeSpans: [CompleteSpan]
    /// Notes.
    public var notes: [String]
    /// Sources.
    public var sources: [String]
    /// Where it is declared.
    public var location: SourceLocation

    /// A span of days over which an interval list's record is complete: from `from` (inclusive)
    /// until `until` (exclusive), or on without end.
    public struct CompleteSpan: Sendable, Hashable {
        public var from: Day
        public var until: Day?
        public init(from: Day, until: Day?) { self.from = from; self.until = until }
        /// Whether `day` falls in the span.
        public func contains(_ day: Day) -> Bool { from <= day && (until.map { day < $0 } ?? true) }
    }

    /// The first day from which the record is complete, if it ever is.
    public var completeFrom: Day? { completeSpans.first?.from }

    /// Whether the record of listings is complete on `day` (absence from the list then means
    /// not listed).
    public func isComplete(on day: Day) -> Bool { completeSpans.contains { $0.contains(day) } }
}
