import Proviso

/// A timeline as JSON for tools, keys in a fixed order.
enum TimelineJSON {
    static func render(_ t: Timeline) -> JSON {
        .object([
            ("country", .string(t.country)), ("program", .string(t.program)), ("recipient", .string(t.recipient.rawValue)),
            ("from", .string(t.from.description)), ("to", .string(t.to.description)),
            ("intervals", .array(t.intervals.map(interval))),
        ])
    }

    private static func interval(_ i: TimelineInterval) -> JSON {
        .object([
            ("from", .string(i.from.description)), ("until", .string(i.until.description)), ("since", .string(i.since.description)),
            ("verdict", .string(i.verdict.rawValue)), ("decidedBy", .array(i.decidedBy.map(JSON.string))),
            ("provisions", .array(i.provisions.map { .object([("id", .string($0.id)), ("status", .string($0.status.rawValue))]) })),
            ("openedBy", .array(i.openedBy.map {
                .object([("kind", .string($0.kind.rawValue)), ("fact", .optional($0.fact)), ("description", .string($0.description))])
            })),
        ])
    }
}
