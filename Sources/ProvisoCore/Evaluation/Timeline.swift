/// What `Engine.standing` reports for one query: the verdict without its explanation.
struct Standing: Equatable {
    var verdict: Verdict
    var decidedBy: [String]
    /// Provisions that are neither inapplicable nor untriggered, with their weightiest status.
    var statuses: [(provision: String, status: ProvisionStatus)]

    static func == (a: Standing, b: Standing) -> Bool {
        a.verdict == b.verdict && a.decidedBy == b.decidedBy
            && a.statuses.map(\.provision) == b.statuses.map(\.provision) && a.statuses.map(\.status) == b.statuses.map(\.status)
    }
}

/// How the answer for one country and program changed over a period: the intervals over which
/// the verdict, its deciding provisions and the provisions' statuses stayed the same.
public struct Timeline: Sendable {
    /// The country (canonical name).
    public var country: String
    /// The program (its identifier).
    public var program: String
    /// The recipient answered for.
    public var recipient: Recipient
    /// The first day of the period asked about.
    public var from: Day
    /// The last day of the period asked about.
    public var to: Day
    /// The intervals, in order, covering the period without gaps; adjacent ones differ.
    public var intervals: [TimelineInterval]
}

/// A stretch of days over which the answer stayed the same.
public struct TimelineInterval: Sendable, Equatable {
    /// The first day of the interval within the period asked about.
    public var from: Day
    /// The last day of the interval within the period asked about.
    public var until: Day
    /// The day this answer took hold, which is earlier than `from` when it began before the period.
    public var since: Day
    /// The verdict on every day of the interval.
    public var verdict: Verdict
    /// The provisions (or, for an answer allowed by one, exemptions) that decide it, as
    /// `Engine.verdict` names them.
    public var decidedBy: [String]
    /// Every provision that is neither inapplicable nor untriggered, with its status.
    public var provisions: [TimelineProvision]
    /// What changed on the day the answer took hold (`since`).
    public var openedBy: [TimelineEvent]
}

/// One provision's status over an interval.
public struct TimelineProvision: Sendable, Equatable {
    /// Its identifier.
    public var id: String
    /// Its status.
    public var status: ProvisionStatus
}

/// Something dated in the record that can change an answer: a fact's date, a fiscal year, an act,
/// a continuing resolution, a lapse, or a date that a condition names.
public struct TimelineEvent: Sendable, Equatable {
    /// What kind of thing it is.
    public enum Kind: String, Sendable {
        /// A recorded fact (a coup, a determination, a certification, a waiver …).
        case fact
        /// A new fiscal year.
        case fiscalYear = "fiscal-year"
        /// An appropriations act enacted.
        case act
        /// A continuing resolution beginning or ending.
        case continuingResolution = "continuing-resolution"
        /// A lapse in appropriations beginning or ending.
        case lapse
        /// A date that a provision's or an exemption's condition names.
        case condition
    }

    /// What kind of thing it is.
    public var kind: Kind
    /// The fact's identifier, for `fact` events.
    public var fact: String?
    /// What happened, in words.
    public var description: String
    /// `kind.field` of the fact's date, while the candidates are collected.
    var field: String?

    /// An event.
    public init(kind: Kind, fact: String?, description: String) {
        self.kind = kind
        self.fact = fact
        self.description = description
    }
}

extension Engine {
    /// The answers for a question given by names over `from` through `to` (both included), as
    /// intervals of equal answer. Every day of an interval gets that interval's verdict from
    /// `verdict` and `canFund`; an interval that began before `from` says when (`since`).
    public func timeline(country: String, program: String, from: Day, to: Day, purposes: [String] = [],
                         recipient: Recipient? = nil) throws(QueryError) -> Timeline {
        try timeline(query(country: country, program: program, on: from, purposes: purposes, recipient: recipient), from: from, to: to)
    }

    /// The answers for `query` (its date is ignored) over `from` through `to`; an empty list of
    /// intervals when `from` is after `to`.
    ///
    /// The verdict can change only on a day that some comparison of the query date can tip: the
    /// first and last possible day of every recorded date and the days after them, fiscal-year
    /// starts, enactments, continuing-resolution and lapse bounds, and dates named in conditions.
    /// The answer is evaluated on each such day from the first recorded fiscal year, so that an
    /// interval reaching back before `from` names the event that opened it.
    public func timeline(_ query: Query, from: Day, to: Day) throws(QueryError) -> Timeline {
        guard let first = rulebook.fiscalYears.first else { throw .noFiscalYears }
        let start = FiscalYear(first.year).start
        if from < start { throw .beforeFirstFiscalYear(from, first: first.year) }
        let explainer = Explainer(book: rulebook, facts: try FactBase(book: rulebook), query: query,
                                  act: try rulebook.actInForce(on: start), traced: false)
        var result = Timeline(country: rulebook.countries[query.country].name, program: rulebook.programs[query.program].id,
                              recipient: explainer.recipient, from: from, to: to, intervals: [])
        guard from <= to else { return result }

        let events = TimelineCandidates(book: rulebook, assumed: query.assumptions, country: query.country, through: to).events
        let days = events.keys.filter { $0 >= start && $0 <= to }.sorted()
        let read = TimelineCandidates.datesRead(by: rulebook)
        var q = query
        var opened: [(day: Day, standing: Standing)] = []
        for day in days {
            q.date = day
            let s = try standing(q)
            if opened.last?.standing != s { opened.append((day, s)) }
        }
        for (i, o) in opened.enumerated() {
            let end = i + 1 < opened.count ? opened[i + 1].day.previous : to
            guard end >= from else { continue }
            result.intervals.append(TimelineInterval(
                from: max(o.day, from), until: end, since: o.day, verdict: o.standing.verdict, decidedBy: o.standing.decidedBy,
                provisions: o.standing.statuses.map { TimelineProvision(id: $0.provision, status: $0.status) },
                openedBy: TimelineCandidates.likelyCauses(events[o.day] ?? [], read: read)))
        }
        return result
    }
}

/// The days on which an answer for one country can change, each with what happens on it.
private struct TimelineCandidates {
    let book: Rulebook
    let country: Int
    private(set) var events: [Day: [TimelineEvent]] = [:]

    init(book: Rulebook, assumed: [Fact], country: Int, through last: Day) {
        self.book = book
        self.country = country
        let lastYear = FiscalYear(containing: last).year
        if let first = book.fiscalYears.first, first.year <= lastYear {
            for year in first.year...lastYear {
                add(FiscalYear(year).start, .fiscalYear, nil, "FY\(year) begins")
            }
        }
        for record in book.fiscalYears {
            if let act = record.act {
                let what = "\(act.citation) enacted (\(act.title))"
                add(act.enacted, .act, nil, what)
                add(act.enacted.next, .act, nil, "the day after \(what)")
            }
            for cr in record.continuingResolutions {
                add(cr.from, .continuingResolution, nil, "continuing resolution \(cr.citation) in force (carries FY\(cr.carries))")
                add(cr.until.next, .continuingResolution, nil, "continuing resolution \(cr.citation) expired on \(cr.until)")
            }
            for lapse in record.lapses {
                add(lapse.from, .lapse, nil, "appropriations lapse (FY\(record.year))")
                add(lapse.until.next, .lapse, nil, "the lapse of \(lapse.from) to \(lapse.until) ended")
            }
        }
        for fact in book.facts + assumed where fact.country == country || fact.country == nil {
            let kind = book.kinds[fact.kind]
            for (f, field) in kind.fields.enumerated() {
                let values = (fact.lists[f] ?? []) + (fact.value(f).map { [$0] } ?? [])
                for case .date(let d) in values {
                    addDate(d, fact: fact, field: field.name)
                }
            }
        }
        for provision in book.provisions {
            for c in provision.defines { addLiterals(c, owner: provision.id) }
            for v in provision.versions { if let t = v.trigger { addLiterals(t, owner: provision.id) } }
        }
        for e in book.exemptions { if let c = e.condition { addLiterals(c, owner: e.id) } }
        for list in book.lists {
            for span in list.completeSpans {
                add(span.from, .condition, nil, "the record of the \(list.title) is complete from \(span.from)")
                if let u = span.until { add(u, .condition, nil, "the record of the \(list.title) is complete only until \(u)") }
            }
        }
    }

    /// The events of a day that can have changed the answer: those of the record's dates that some
    /// condition or remedy reads (a policy hold's dates never change one), or all when none is.
    static func likelyCauses(_ events: [TimelineEvent], read: Set<String>) -> [TimelineEvent] {
        let kept = events.filter { $0.kind != .fact || read.contains($0.field ?? "") }
        return (kept.isEmpty ? events : kept).map { var e = $0; e.field = nil; return e }
    }

    /// `kind.field` of every date the evaluation compares: the fields conditions read, and the
    /// dates of certifications, waivers, listings and list editions that the remedies and
    /// `listed` read.
    static func datesRead(by book: Rulebook) -> Set<String> {
        var read: Set<String> = ["certification.date", "waiver.date", "waiver.until", "listing.from", "listing.until", "edition.published"]
        func walk(_ c: Condition, _ slots: inout [Int: Int]) {
            switch c {
            case .not(let x): walk(x, &slots)
            case .and(let xs), .or(let xs): for x in xs { walk(x, &slots) }
            case .any(let kind, let slot, _, _, let body): slots[slot] = kind; walk(body, &slots)
            case .compare(let l, _, let r, _): for o in [l, r] { note(o, slots) }
            case .member(let x, let ms, _): for o in [x] + ms { note(o, slots) }
            default: break
            }
        }
        func note(_ o: Operand, _ slots: [Int: Int]) {
            if case .field(let slot, let field, _) = o, let kind = slots[slot] {
                read.insert("\(book.kinds[kind].name).\(book.kinds[kind].fields[field].name)")
            }
        }
        for p in book.provisions {
            var slots: [Int: Int] = [:]
            if let k = p.eachKind { slots[0] = k }
            for c in p.defines { walk(c, &slots) }
            for v in p.versions { if let t = v.trigger { walk(t, &slots) } }
        }
        for e in book.exemptions { var slots: [Int: Int] = [:]; if let c = e.condition { walk(c, &slots) } }
        return read
    }

    private mutating func add(_ day: Day, _ kind: TimelineEvent.Kind, _ fact: String?, _ description: String, field: String? = nil) {
        var e = TimelineEvent(kind: kind, fact: fact, description: description)
        e.field = field
        if !(events[day]?.contains(e) ?? false) { events[day, default: []].append(e) }
    }

    /// A recorded date tips comparisons on its first and last possible day and the days after.
    private mutating func addDate(_ d: UncertainDate, fact: Fact, field: String) {
        let key = "\(book.kinds[fact.kind].name).\(field)"
        let name = "\(book.kinds[fact.kind].name) `\(fact.id)`"
        let what = fact.summary.map { "\(name) (\(field) \(d)): \($0)" } ?? "\(name) (\(field) \(d))"
        if d.isExact {
            add(d.earliest, .fact, fact.id, what, field: key)
            add(d.earliest.next, .fact, fact.id, "the day after \(what)", field: key)
        } else {
            add(d.earliest, .fact, fact.id, "\(what), the first day it may have been", field: key)
            add(d.earliest.next, .fact, fact.id, "\(what), a day it may have been", field: key)
            add(d.latest, .fact, fact.id, "\(what), the last day it may have been", field: key)
            add(d.latest.next, .fact, fact.id, "\(what), past its last possible day", field: key)
        }
    }

    private mutating func addLiterals(_ c: Condition, owner: String) {
        switch c {
        case .not(let x): addLiterals(x, owner: owner)
        case .and(let xs), .or(let xs): for x in xs { addLiterals(x, owner: owner) }
        case .any(_, _, _, _, let body): addLiterals(body, owner: owner)
        case .compare(let l, _, let r, _): addLiteral(l, owner: owner); addLiteral(r, owner: owner)
        case .member(let x, let ms, _): addLiteral(x, owner: owner); for m in ms { addLiteral(m, owner: owner) }
        default: break
        }
    }

    private mutating func addLiteral(_ o: Operand, owner: String) {
        guard case .literal(.date(let d)) = o else { return }
        let what = "\(d), named in a condition of \(owner)"
        for day in [d.earliest, d.earliest.next, d.latest, d.latest.next] { add(day, .condition, nil, what) }
    }
}
