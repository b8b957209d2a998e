/// The appropriations act that governs a query: the act of the funds' fiscal year as enacted, or
/// an earlier act whose text a continuing resolution carries forward.
public struct ActInForce: Sendable {
    /// How the act came to govern the date.
    public enum Basis: String, Sendable {
        /// The year's own act, enacted on or before the date.
        case enacted
        /// A full-year continuing resolution carrying an earlier act's text.
        case fullYearContinuingResolution = "full-year-continuing-resolution"
        /// An interim continuing resolution in force on the date.
        case continuingResolution = "continuing-resolution"
        /// A recorded lapse in appropriations: the prior act's conditions govern prior funds.
        case lapse
        /// Nothing recorded for the date; the prior act's text is assumed to carry forward (warned).
        case notRecorded = "not-recorded"
        /// The date is past the last fiscal year recorded; the latest act answers (warned).
        case stale
        /// The year's appropriations could not be established; an earlier act answers (warned).
        case unknownYear = "unknown-year"
        /// The caller named the fiscal year of the funds.
        case namedFiscalYear = "named-fiscal-year"
    }

    /// The fiscal year of the funds (the query date's unless the caller named one).
    public var fiscalYear: Int
    /// The act whose text governs.
    public var act: AppropriationAct
    /// How.
    public var basis: Basis
    /// The continuing resolution or full-year act that carries `act`'s text, if any.
    public var carriedBy: Citation?
    /// Its title, if recorded.
    public var carriedByTitle: String?
    /// Warnings an analyst must see (stale rulebook, unrecorded continuing resolution …).
    public var warnings: [String]

    /// Fiscal year of the act whose text governs.
    public var textFiscalYear: Int { act.fiscalYear }
}

extension Rulebook {
    /// The act in force for funds of `fundsFiscalYear` (or the date's fiscal year) on `day`.
    public func actInForce(on day: Day, fundsFiscalYear: Int? = nil) throws(QueryError) -> ActInForce {
        guard let first = fiscalYears.first, let last = fiscalYears.last else { throw .noFiscalYears }
        let year = fundsFiscalYear ?? FiscalYear(containing: day).year
        if let named = fundsFiscalYear, fiscalYear(named) == nil, named < first.year || named > last.year {
            throw .unknownFiscalYear(named)
        }
        guard year >= first.year else { throw .beforeFirstFiscalYear(day, first: first.year) }
        if year > last.year {
            var answer = finalAct(of: last.year, fiscalYear: year)
            answer.basis = .stale
            answer.warnings.insert(
                "the rulebook records appropriations through FY\(last.year); FY\(year) is answered from the act that governed FY\(last.year), and the rulebook may be stale", at: 0)
            return answer
        }
        guard let record = fiscalYear(year) else { return finalAct(of: year - 1, fiscalYear: year) }
        if let why = record.unknown {
            var answer = finalAct(of: year - 1, fiscalYear: year)
            answer.basis = .unknownYear
            answer.warnings.insert("FY\(year) appropriations are not recorded (\(why)); answered from the act that governed FY\(year - 1)", at: 0)
            return answer
        }
        if fundsFiscalYear != nil {
            var answer = finalAct(of: year, fiscalYear: year)
            answer.basis = .namedFiscalYear
            if let act = record.act, day < act.enacted {
                answer.warnings.append("FY\(year) funds were not yet appropriated on \(day) (the act was enacted on \(act.enacted))")
            }
            return answer
        }
        if let act = record.act, act.enacted <= day {
            return finalAct(of: year, fiscalYear: year)
        }
        if let cr = record.continuingResolutions.first(where: { $0.from <= day && day <= $0.until }) {
            var answer = finalAct(of: cr.carries, fiscalYear: year)
            answer.basis = .continuingResolution
            answer.carriedBy = cr.citation
            answer.carriedByTitle = cr.title
            return answer
        }
        var answer = finalAct(of: year - 1, fiscalYear: year)
        if let lapse = record.lapses.first(where: { $0.from <= day && day <= $0.until }) {
            answer.basis = .lapse
            answer.warnings.append("appropriations lapsed from \(lapse.from) to \(lapse.until): no FY\(year) funds could be obligated; prior-year funds remain governed by the FY\(answer.textFiscalYear) act's conditions")
        } else {
            answer.basis = .notRecorded
            answer.warnings.append("no act or continuing resolution is recorded for \(day); the conditions of the act that governed FY\(year - 1) are assumed to carry forward")
        }
        return answer
    }

    /// The act whose text governs fiscal year `year` once its appropriations are final, following
    /// full-year continuing resolutions back to the text they carry.
    private func finalAct(of year: Int, fiscalYear: Int) -> ActInForce {
        var warnings: [String] = []
        var carriedBy: Citation?
        var carriedTitle: String?
        var basis = ActInForce.Basis.enacted
        var y = year
        // Every step moves to an earlier year (`carries` must name an earlier year), so this ends.
        while let record = self.fiscalYear(y) ?? fiscalYears.last(where: { $0.year < y }) {
            if let why = record.unknown {
                warnings.append("FY\(record.year) appropriations are not recorded (\(why)); an earlier act's text is used")
                y = record.year - 1
                continue
            }
            if let act = record.act {
                guard let carried = act.carries else {
                    return ActInForce(fiscalYear: fiscalYear, act: act, basis: basis, carriedBy: carriedBy,
                                      carriedByTitle: carriedTitle, warnings: warnings)
                }
                if carriedBy == nil {
                    carriedBy = act.citation
                    carriedTitle = act.title
                    basis = .fullYearContinuingResolution
                }
                y = carried
                continue
            }
            if let cr = record.continuingResolutions.last {
                // A year run wholly on interim resolutions: the last one carries the text.
                if carriedBy == nil {
                    carriedBy = cr.citation
                    carriedTitle = cr.title
                    basis = .continuingResolution
                }
                y = min(cr.carries, record.year - 1)
                continue
            }
            y = record.year - 1
        }
        let record = fiscalYears[0]
        return ActInForce(fiscalYear: fiscalYear, act: placeholderAct(for: record), basis: basis, carriedBy: carriedBy,
                          carriedByTitle: carriedTitle, warnings: warnings + ["no act is recorded whose text could govern FY\(fiscalYear)"])
    }

    private func placeholderAct(for record: FiscalYearRecord) -> AppropriationAct {
        AppropriationAct(fiscalYear: record.year, title: "unrecorded act for FY\(record.year)", vehicle: nil, abbreviation: "SFOPS",
                         citation: Citation(kind: .publicLaw, publicLaw: "?"), enacted: FiscalYear(record.year).start,
                         carries: nil, verification: .believed, sources: [], notes: [], location: record.location)
    }
}
