/// An act that appropriates (or carries forward) State/Foreign Operations funds for a fiscal year.
public struct AppropriationAct: Sendable {
    /// The fiscal year it funds.
    public var fiscalYear: Int
    /// Short title (`Department of State, Foreign Operations, and Related Programs Appropriations Act, 2012`).
    public var title: String
    /// The omnibus or other law that carries it (`Consolidated Appropriations Act, 2012`).
    public var vehicle: String?
    /// The act's short name in citations (`SFOPS`, `FOPS`, `NSRP`).
    public var abbreviation: String
    /// `P.L. 112-74, div. I`.
    public var citation: Citation
    /// Date of enactment.
    public var enacted: Day
    /// For a full-year continuing resolution: the fiscal year whose act's text it continues.
    public var carries: Int?
    /// How its text was verified.
    public var verification: Verification
    /// Where it can be read.
    public var sources: [String]
    /// Notes.
    public var notes: [String]
    /// Where it is declared.
    public var location: SourceLocation
}

/// An interim continuing resolution: funds a span of days "under the authority and conditions" of
/// an earlier year's act.
public struct ContinuingResolution: Sendable {
    /// `P.L. 112-175`.
    public var citation: Citation
    /// Short title, when recorded.
    public var title: String?
    /// First day it funds.
    public var from: Day
    /// Last day it funds.
    public var until: Day
    /// The fiscal year whose act's conditions it continues.
    public var carries: Int
    /// Sources.
    public var sources: [String]
    /// Where it is declared.
    public var location: SourceLocation
}

/// Days with no appropriation in force (a shutdown): no new obligations of that year's funds.
public struct FundingLapse: Sendable {
    /// First day without appropriations.
    public var from: Day
    /// Last day without appropriations.
    public var until: Day
    /// Notes.
    public var notes: [String]
    /// Sources.
    public var sources: [String]
    /// Where it is declared.
    public var location: SourceLocation
}

/// What the rulebook records of one fiscal year's appropriations.
public struct FiscalYearRecord: Sendable {
    /// The fiscal year.
    public var year: Int
    /// The regular act, or the full-year continuing resolution; `nil` when not recorded.
    public var act: AppropriationAct?
    /// Interim continuing resolutions before the act.
    public var continuingResolutions: [ContinuingResolution]
    /// Recorded lapses.
    public var lapses: [FundingLapse]
    /// Set when the year's appropriations could not be established: why.
    public var unknown: String?
    /// Notes.
    public var notes: [String]
    /// Sources.
    public var sources: [String]
    /// Where it is declared.
    public var location: SourceLocation
}
