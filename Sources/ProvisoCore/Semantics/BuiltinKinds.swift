/// The fact kinds Proviso itself gives meaning to. Declared kinds (`kind coup { … }`) follow them.
enum Builtin {
    static let certification = 0
    static let waiver = 1
    static let listing = 2
    static let edition = 3
    static let hold = 4
    static let count = 5

    /// Fields of `certification`, in order.
    enum Certification: Int { case provision, event, date, finding, by, to, cite }
    /// Fields of `waiver`.
    enum Waiver: Int { case provision, fiscalYears, programs, scope, date, until, by, cite, under }
    /// Fields of `listing`.
    enum Listing: Int { case list, year, from, until, member }
    /// Fields of `edition`.
    enum Edition: Int { case list, year, published, coverage }
    /// Fields of `hold`.
    enum Hold: Int { case from, until, programs, says }

    static let waiverScopes = ["full", "partial", "unknown"]
    static let coverages = ["complete", "partial", "none"]

    private static func field(_ name: String, _ type: FieldType, required: Bool = false, repeated: Bool = false,
                              _ question: String? = nil) -> FactKind.Field {
        FactKind.Field(name: name, type: type, isRequired: required, isRepeated: repeated, question: question)
    }

    /// The built-in kinds, at indices 0..<count.
    static func kinds() -> [FactKind] {
        [
            FactKind(name: "certification", title: "A certification or determination that lifts a restriction",
                     fields: [field("provision", .provision, required: true), field("event", .anyFact),
                              field("date", .date, required: true, "the date of the certification"),
                              field("finding", .text), field("by", .text), field("to", .text), field("cite", .citation)],
                     isComplete: true, completeness: "a restriction stands until a certification is recorded",
                     perCountry: true, isBuiltin: true),
            FactKind(name: "waiver", title: "A waiver of a provision for a country",
                     fields: [field("provision", .provision, required: true), field("fiscal-years", .fiscalYears),
                              field("programs", .program, repeated: true),
                              field("scope", .enumeration(waiverScopes), "what the waiver covers"),
                              field("date", .date, required: true, "the date of the waiver"), field("until", .date),
                              field("by", .text), field("cite", .citation), field("under", .citation)],
                     isComplete: true, completeness: "a restriction stands until a waiver is recorded",
                     perCountry: true, isBuiltin: true),
            FactKind(name: "listing", title: "A country's place on a list",
                     fields: [field("list", .list, required: true), field("year", .number),
                              field("from", .date, "the date the country was listed"),
                              field("until", .date, "the date the listing ended"),
                              field("member", .truth, "whether the country is on the list")],
                     isComplete: false, completeness: nil, perCountry: true, isBuiltin: true),
            FactKind(name: "edition", title: "One year's edition of an annual list, and how much of it is recorded",
                     fields: [field("list", .list, required: true), field("year", .number, required: true),
                              field("published", .date), field("coverage", .enumeration(coverages), required: true)],
                     isComplete: true, completeness: nil, perCountry: false, isBuiltin: true),
            FactKind(name: "hold", title: "A policy hold on assistance that is not a legal restriction",
                     fields: [field("from", .date, required: true), field("until", .date),
                              field("programs", .program, repeated: true), field("says", .text, required: true)],
                     isComplete: true, completeness: nil, perCountry: true, isBuiltin: true),
        ]
    }
}
