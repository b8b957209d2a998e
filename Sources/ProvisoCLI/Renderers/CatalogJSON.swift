import Proviso

/// The catalog as JSON for tools: the same content as `CatalogText`, with stable keys in a fixed
/// order, so the output is byte-identical for the same rulebook.
enum CatalogJSON {
    static func programs(_ book: Rulebook) -> JSON {
        .array(book.programs.indices.sorted { book.programs[$0].id < book.programs[$1].id }.map { program($0, book, detail: false) })
    }

    static func provisions(_ book: Rulebook) -> JSON {
        .object([
            ("provisions", .array(book.provisions.indices.sorted { book.provisions[$0].id < book.provisions[$1].id }.map { provision($0, book, detail: false) })),
            ("exemptions", .array(book.exemptions.indices.sorted { book.exemptions[$0].id < book.exemptions[$1].id }.map { exemption($0, book) })),
        ])
    }

    static func program(_ i: Int, _ book: Rulebook, detail: Bool) -> JSON {
        let p = book.programs[i]
        var pairs: [(String, JSON)] = [
            ("kind", .string("program")),
            ("id", .string(p.id)),
            ("name", .string(p.name)),
            ("aliases", .array(p.aliases.map(JSON.string))),
            ("account", .optional(p.account)),
            ("funding", .optional(p.funding?.description)),
            ("authority", p.authority?.json ?? .null),
            ("recipient", .string(p.recipient.rawValue)),
            ("purposes", .array(p.purposes.map { .string(book.purposes[$0].id) })),
            ("components", .array(p.components.map { .string(book.programs[$0].id) })),
        ]
        if detail {
            pairs.append(("provisions", .array(book.provisions(reaching: i).map { r in
                let provision = book.provisions[r.provision]
                return .object([
                    ("id", .string(provision.id)),
                    ("title", .string(provision.title)),
                    ("versions", .array(r.versions.map { versionRef(provision.versions[$0], book) })),
                    ("via", r.via?.json ?? .null),
                ])
            })))
            pairs.append(("exemptions", .array(book.exemptions(applyingTo: i).map { .string(book.exemptions[$0].id) })))
            pairs.append(("caveats", .array(p.caveats.map(JSON.string))))
            pairs.append(("notes", .array(p.notes.map(JSON.string))))
        }
        return .object(pairs)
    }

    static func provision(_ p: Int, _ book: Rulebook, detail: Bool) -> JSON {
        let provision = book.provisions[p]
        var pairs: [(String, JSON)] = [
            ("kind", .string("provision")),
            ("id", .string(provision.id)),
            ("title", .string(provision.title)),
            ("provisionKind", .string(provision.kind.rawValue)),
        ]
        let reached = book.programsReached(byProvision: p)
        pairs.append(("programs", .array(reached.map { r in
            .object([
                ("id", .string(book.programs[r.program].id)),
                ("versions", .array(r.versions.map { .string(provision.versions[$0].name) })),
                ("via", r.via?.json ?? .null),
                ("components", .array(r.components.map { .string(book.programs[$0].id) })),
            ])
        })))
        pairs.append(("versions", .array(provision.versions.map { version($0, book, detail: detail) })))
        if detail {
            pairs.append(("lists", .array(book.lists(usedBy: p).map { list($0, book) })))
            pairs.append(("exemptions", .array(CatalogText.relevantExemptions(p, book, reached: reached).map { .string(book.exemptions[$0].id) })))
            let (waivers, certifications) = book.remedies(of: p)
            pairs.append(("waivers", .array(waivers.map { .string(book.facts[$0].id) })))
            pairs.append(("certifications", .array(certifications.map { .string(book.facts[$0].id) })))
            pairs.append(("notes", .array(provision.notes.map(JSON.string))))
        }
        return .object(pairs)
    }

    static func versionRef(_ v: ProvisionVersion, _ book: Rulebook) -> JSON {
        .object([("name", .string(v.name)), ("fiscalYears", .string(v.fiscalYearsDescription)),
                 ("citation", book.citation(of: v)?.json ?? .null)])
    }

    static func version(_ v: ProvisionVersion, _ book: Rulebook, detail: Bool) -> JSON {
        var pairs: [(String, JSON)] = [
            ("name", .string(v.name)),
            ("fiscalYears", .string(v.fiscalYearsDescription)),
            ("citation", book.citation(of: v)?.json ?? .null),
            ("verified", .string(v.verification.rawValue)),
        ]
        if detail {
            pairs += [
                ("heading", .optional(v.heading)),
                ("covers", .string(CatalogText.coveragePhrase(v, book))),
                ("recipient", .string(v.recipient == .government ? (v.directly ? "government-directly" : "government") : "country")),
                ("exemptPurposes", .array(v.exemptPurposes.map { .string(book.purposes[$0].id) })),
                ("lifting", v.lifting.map { l in
                    .object([("finding", .string(l.finding)), ("by", .optional(l.actor)), ("to", .optional(l.to)),
                             ("afterEvent", .bool(l.afterEvent)), ("notice", .optional(l.notice))])
                } ?? .null),
                ("waiver", v.waiver.map { w in
                    .object([("subsection", .optional(w.subsection)), ("by", .string(w.actor)), ("scope", .optional(w.scope)),
                             ("standard", .optional(w.standard)), ("notice", .optional(w.notice))])
                } ?? .null),
                ("requires", .optional(v.requirement)),
                ("quotes", .array(v.quotes.map(JSON.string))),
                ("notes", .array(v.notes.map(JSON.string))),
                ("sources", .array(v.sources.map(JSON.string))),
            ]
        }
        return .object(pairs)
    }

    static func exemption(_ x: Int, _ book: Rulebook) -> JSON {
        let e = book.exemptions[x]
        var overrides: [(String, JSON)]
        switch e.overrides {
        case .all(let except):
            overrides = [("all", .bool(true)), ("except", .array(except.map { book.provisions[$0].id }.sorted().map(JSON.string)))]
        case .only(let set):
            overrides = [("all", .bool(false)), ("only", .array(set.map { book.provisions[$0].id }.sorted().map(JSON.string)))]
        }
        return .object([
            ("kind", .string("exemption")),
            ("id", .string(e.id)),
            ("title", .string(e.title)),
            ("citation", e.citation?.json ?? .null),
            ("notwithstanding", .bool(e.notwithstanding)),
            ("fiscalYears", .optional(e.fiscalYears.map(CatalogText.yearsPhrase))),
            ("programs", e.programs.map { .array($0.map { book.programs[$0].id }.sorted().map(JSON.string)) } ?? .null),
            ("purposes", e.purposes.map { .array($0.map { book.purposes[$0].id }.sorted().map(JSON.string)) } ?? .null),
            ("recipient", .optional(e.recipient?.rawValue)),
            ("countries", e.countries.map { .array($0.map { book.countries[$0].name }.sorted().map(JSON.string)) } ?? .null),
            ("conditional", .bool(e.condition != nil)),
            ("overrides", .object(overrides)),
            ("notice", .optional(e.notice)),
            ("notes", .array(e.notes.map(JSON.string))),
            ("sources", .array(e.sources.map(JSON.string))),
        ])
    }

    static func list(_ l: Int, _ book: Rulebook) -> JSON {
        let list = book.lists[l]
        var membership: JSON
        switch list.cadence {
        case .interval: membership = .string("interval")
        case .annual(let offset): membership = .object([("annual", .bool(true)), ("appliesFiscalYearsLater", .number(offset))])
        }
        return .object([
            ("kind", .string("list")),
            ("id", .string(list.id)),
            ("title", .string(list.title)),
            ("citation", list.citation?.json ?? .null),
            ("membership", membership),
            ("completeFrom", .optional(list.completeFrom?.description)),
            ("editions", .array(book.editions(of: l).map { e in
                .object([("year", .number(e.year)), ("coverage", .string(e.coverage)),
                         ("published", .optional(e.published?.description)), ("listings", .number(e.listings)),
                         ("fact", .string(book.facts[e.fact].id))])
            })),
            ("listings", .number(book.listings(on: l).count)),
            ("notes", .array(list.notes.map(JSON.string))),
            ("sources", .array(list.sources.map(JSON.string))),
        ])
    }
}
