/// What produced an answer, so that it can be reproduced later: the rulebook (name, edition and
/// content hash), the version of Proviso, and the date asked about. Every determination, matrix
/// and report carries one.
public struct Audit: Sendable, Equatable {
    /// The rulebook's name.
    public var rulebook: String
    /// The edition the rulebook declares, if any.
    public var edition: String?
    /// The hash of the rulebook's files.
    public var rulebookHash: String
    /// Proviso's version.
    public var provisoVersion: String
    /// The date the answer is for.
    public var queryDate: Day

    /// The audit record as JSON (the keys of a determination's `audit`).
    public var json: JSON {
        .object([("rulebook", .string(rulebook)), ("edition", .optional(edition)), ("rulebookHash", .string(rulebookHash)),
                 ("provisoVersion", .string(provisoVersion)), ("queryDate", .string(queryDate.description))])
    }

    /// One line for a footer: "Proviso default rulebook (2026-11-25), hash …, Proviso 0.1.0, as of 2012-06-01".
    public var line: String {
        "\(rulebook)\(edition.map { " (edition \($0))" } ?? ""), hash \(rulebookHash); Proviso \(provisoVersion); as of \(queryDate)"
    }
}

extension Engine {
    /// The audit record of an answer for `date` from this engine.
    public func audit(on date: Day) -> Audit {
        Audit(rulebook: rulebook.name, edition: rulebook.edition, rulebookHash: rulebook.contentHash,
              provisoVersion: Engine.version, queryDate: date)
    }
}

extension Determination {
    /// What produced this answer.
    public var audit: Audit {
        Audit(rulebook: rulebook.name, edition: rulebook.edition, rulebookHash: rulebook.hash, provisoVersion: Engine.version,
              queryDate: date)
    }
}
