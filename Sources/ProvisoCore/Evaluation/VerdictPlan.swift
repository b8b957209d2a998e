/// The rulebook compiled once for answers without explanations (`Engine.verdict`, timelines):
/// flat arrays of plain values that `VerdictEvaluator` reads without copying a model struct,
/// touching a string or allocating. Conditions become numbered nodes, dates day numbers, facts
/// rows of `PlanValue`s indexed by country and kind, text interned to integers, and the act in
/// force a table of the days on which it can change.
///
/// It holds no meaning of its own: every rule it encodes is the one `Evaluator` and
/// `ConditionEvaluator` apply, and the tests hold the two paths to the same answers.
final class VerdictPlan: Sendable {
    // MARK: The act in force

    /// From `start` (a day number) to the next segment's start, the act whose text governs.
    struct ActSegment: Sendable {
        var start: Int32
        var fiscalYear: Int
        var textYear: Int
        var enacted: Int32
    }
    /// Sorted by `start`; the last one is open-ended (a stale rulebook), and its fiscal year is
    /// the query date's.
    let acts: [ActSegment]

    // MARK: Programs

    /// The recipient a query that names none is answered for.
    let usualRecipientIsGovernment: [Bool]
    /// Each program's components (empty for a single account), in a flat list.
    let componentStart: [Int], components: [Int]
    /// Each program's own purposes, in a flat list.
    let purposeStart: [Int], purposes: [Int]

    // MARK: Provisions

    /// A provision, with nothing to retain: its lists are ranges of flat lists.
    struct ProvisionPlan: Sendable {
        var isCondition: Bool
        /// The kind of fact `each` ranges over, or -1.
        var eachKind: Int
        var slotCount: Int
        /// Remedies in the provision's order, a byte each from the lowest: 0 exempt, 1 lifted,
        /// 2 waived, 3 notwithstanding (the checker puts all four in every order).
        var order: UInt32
        var versionStart: Int, versionEnd: Int
        /// Exemptions that override it: `overriddenBy[overriddenStart..<overriddenEnd]`.
        var overriddenStart: Int, overriddenEnd: Int
    }
    let provisions: [ProvisionPlan]
    let overriddenBy: [Int]

    struct VersionPlan: Sendable {
        var firstYear: Int, lastYear: Int
        /// Whether it reaches only the government.
        var governmentOnly: Bool
        /// The trigger's root node, or -1 (a condition provision that always applies).
        var trigger: Int
        /// Its exempt purposes: `exemptPurposes[exemptStart..<exemptEnd]`.
        var exemptStart: Int, exemptEnd: Int
        /// Whether a lifting must be dated after the event.
        var liftedAfterEvent: Bool
        /// Whether funds resumed after a lifting carry a notice (allowed with conditions).
        var liftingNotice: Bool
    }
    let versions: [VersionPlan]
    let exemptPurposes: [Int]
    /// Whether version `v` reaches program `p`: `covered[v * programCount + p]`.
    let covered: [Bool]
    let programCount: Int

    /// An exemption's filters, each a range of `filterItems` (`nil` when it states none).
    struct ExemptionPlan: Sendable {
        var firstYear: Int, lastYear: Int
        var programs: Range<Int>?
        var purposes: Range<Int>?
        /// 0 government, 1 non-government, -1 any.
        var recipient: Int
        var countries: Range<Int>?
        /// Root node of its condition, or -1.
        var condition: Int
    }
    let exemptions: [ExemptionPlan]
    let filterItems: [Int]

    let provisionIDs: [String]
    let exemptionIDs: [String]
    /// The most variable slots any condition uses.
    let slotCount: Int
    /// How many definitions the conditions use: the evaluator keeps each one's value, once
    /// evaluated for an event, in a memo of this size.
    let defineCount: Int

    // MARK: Conditions

    enum Op: UInt8, Sendable {
        case constant, not, and, or, compare, member, known, unknownWanted, truth, any, listed, define
    }
    /// One node of a compiled condition. Operands and child lists are indices into `operands`
    /// and `children`.
    struct Node: Sendable {
        var op: Op
        /// `constant`: the truth; `compare`: the comparison's raw ordering; `known`/`truth`: the operand;
        /// `listed`: the list; `any`: the kind; `not`, `define`: the child node.
        var a: Int32 = 0
        /// `compare`, `member`: the left operand; `and`/`or`: first child; `any`: the slot;
        /// `define`: its slot in the evaluator's memo.
        var b: Int32 = 0
        /// `compare`: the right operand; `and`/`or`/`member`: the count; `any`: the owner slot or -1.
        var c: Int32 = 0
        /// `member`: first right operand; `any`: the owner's reference field or -1.
        var d: Int32 = 0
        /// `any`: the body.
        var e: Int32 = 0
    }
    let nodes: [Node]
    let children: [Int32]

    enum OperandKind: UInt8, Sendable {
        case queryDate, queryFiscalYear, queryProgram, queryRecipient, queryCountry, actEnacted, actFiscalYear, literal, field, fact
    }
    struct OperandPlan: Sendable {
        var kind: OperandKind
        var slot: Int32 = 0
        var field: Int32 = 0
        var literal = PlanValue.none
    }
    let operands: [OperandPlan]

    // MARK: Kinds, lists and facts

    let kindComplete: [Bool]
    let kindPerCountry: [Bool]
    /// The `date` field of each kind, or -1: the date a lifting must follow.
    let kindDateField: [Int]
    let kindCount: Int
    /// -1 for interval lists; the report-year offset for annual ones.
    let listOffset: [Int]
    /// Interval lists: the first day absence means "not listed" (`Int32.max` when never).
    /// For each interval list, the spans of day numbers over which its record is complete
    /// (`from` inclusive, `until` exclusive; an open end is `Int32.max`).
    let listCompleteSpans: [[(from: Int32, until: Int32)]]

    let factKind: [Int]
    /// Each fact's field values, `values[valueStart[f]..<valueStart[f + 1]]`, one per field of its kind.
    let valueStart: [Int]
    let values: [PlanValue]
    /// The programs a waiver names (`programs`), flat; none means every program.
    let waiverProgramStart: [Int], waiverProgramEnd: [Int], waiverPrograms: [Int]
    /// Facts by country and kind (cell `country * kindCount + kind`) and, after them, facts of
    /// kinds that belong to no country (cell `countryCount * kindCount + kind`), in identifier
    /// order: `factList[factStart[cell]..<factStart[cell + 1]]`.
    let factStart: [Int], factList: [Int]
    let countryCount: Int
    /// Listings by country and list (`country * listCount + list`).
    let listingStart: [Int], listings: [Int]
    let listCount: Int

    /// The interned ids of the coverage words `complete` and `partial`, of the waiver scope
    /// `unknown`, and of the recipients' words (what `query.recipient` compares with).
    let coverageComplete: Int, coveragePartial: Int, waiverScopeUnknown: Int
    let governmentWord: Int, nonGovernmentWord: Int

    init(_ book: Rulebook) {
        var builder = Builder(book: book)
        acts = VerdictPlan.actSegments(book)

        programCount = book.programs.count
        usualRecipientIsGovernment = book.programs.map { $0.recipient != .nonGovernment }
        (componentStart, components) = flatten(book.programs.map(\.components))
        (purposeStart, purposes) = flatten(book.programs.map(\.purposes))

        var versions: [VersionPlan] = []
        var exemptPurposes: [Int] = []
        var overriddenBy: [Int] = []
        var covered: [Bool] = []
        var provisions: [ProvisionPlan] = []
        for (p, provision) in book.provisions.enumerated() {
            builder.startDefines(provision.defines)
            let start = versions.count
            for v in provision.versions {
                let exemptStart = exemptPurposes.count
                exemptPurposes += v.exemptPurposes
                versions.append(VersionPlan(
                    firstYear: v.fiscalYears.lowerBound, lastYear: v.fiscalYears.upperBound, governmentOnly: v.recipient == .government,
                    trigger: v.trigger.map { builder.compile($0) } ?? -1, exemptStart: exemptStart, exemptEnd: exemptPurposes.count,
                    liftedAfterEvent: v.lifting?.afterEvent ?? false, liftingNotice: v.lifting?.notice != nil))
                for program in book.programs.indices { covered.append(v.covers(program: program, in: book)) }
            }
            var order: UInt32 = 0
            for (i, r) in provision.order.prefix(4).enumerated() {
                let code: UInt32
                switch r {
                case .exempt: code = 0
                case .lifted: code = 1
                case .waived: code = 2
                case .notwithstanding: code = 3
                }
                order |= code << (8 * UInt32(i))
            }
            let overriddenStart = overriddenBy.count
            overriddenBy += book.exemptionsByProvision[p]
            provisions.append(ProvisionPlan(
                isCondition: provision.kind == .condition, eachKind: provision.eachKind ?? -1, slotCount: provision.slotCount,
                order: order, versionStart: start, versionEnd: versions.count,
                overriddenStart: overriddenStart, overriddenEnd: overriddenBy.count))
        }
        builder.startDefines([])
        self.versions = versions
        self.exemptPurposes = exemptPurposes
        self.overriddenBy = overriddenBy
        self.covered = covered
        self.provisions = provisions
        var filterItems: [Int] = []
        func range(_ items: Set<Int>?) -> Range<Int>? {
            guard let items else { return nil }
            let start = filterItems.count
            filterItems += items.sorted()
            return start..<filterItems.count
        }
        exemptions = book.exemptions.map { x in
            ExemptionPlan(firstYear: x.fiscalYears?.lowerBound ?? Int.min, lastYear: x.fiscalYears?.upperBound ?? Int.max,
                          programs: range(x.programs), purposes: range(x.purposes),
                          recipient: x.recipient.map { $0 == .government ? 0 : 1 } ?? -1,
                          countries: range(x.countries), condition: x.condition.map { builder.compile($0) } ?? -1)
        }
        self.filterItems = filterItems
        provisionIDs = book.provisions.map(\.id)
        exemptionIDs = book.exemptions.map(\.id)
        slotCount = max(1, (book.provisions.map(\.slotCount) + book.exemptions.map(\.slotCount)).max() ?? 1)

        kindCount = book.kinds.count
        kindComplete = book.kinds.map(\.isComplete)
        kindPerCountry = book.kinds.map(\.perCountry)
        kindDateField = book.kinds.map { $0.fieldIndex("date") ?? -1 }
        listCount = book.lists.count
        listOffset = book.lists.map { list in
            if case .annual(let offset) = list.cadence { return offset }
            return -1
        }
        listCompleteSpans = book.lists.map { list in
            list.completeSpans.map { span in
                // `CompleteSpan.contains` decides; the plan keeps the same bounds as day numbers.
                (span.from.ordinal, span.until.map { $0.ordinal } ?? Int32.max)
            }
        }

        var values: [PlanValue] = []
        var valueStart: [Int] = []
        var waiverStart: [Int] = [], waiverEnd: [Int] = [], waiverPrograms: [Int] = []
        valueStart.reserveCapacity(book.facts.count)
        for fact in book.facts {
            valueStart.append(values.count)
            for f in book.kinds[fact.kind].fields.indices { values.append(builder.value(fact.value(f))) }
            waiverStart.append(waiverPrograms.count)
            if fact.kind == Builtin.waiver, let list = fact.lists[Builtin.Waiver.programs.rawValue] {
                for case .program(let p) in list { waiverPrograms.append(p) }
            }
            waiverEnd.append(waiverPrograms.count)
        }
        valueStart.append(values.count)
        factKind = book.facts.map(\.kind)
        self.values = values
        self.valueStart = valueStart
        waiverProgramStart = waiverStart
        waiverProgramEnd = waiverEnd
        self.waiverPrograms = waiverPrograms
        countryCount = book.countries.count
        var cells: [[Int]] = []
        cells.reserveCapacity((book.countries.count + 1) * book.kinds.count)
        for country in book.countries.indices {
            for kind in book.kinds.indices { cells.append(book.kinds[kind].perCountry ? book.facts(ofKind: kind, country: country) : []) }
        }
        for kind in book.kinds.indices { cells.append(book.kinds[kind].perCountry ? [] : book.factsByKind[kind]) }
        (factStart, factList) = flatten(cells)
        var listings = [[Int]](repeating: [], count: max(1, book.countries.count * book.lists.count))
        for country in book.countries.indices {
            for f in book.facts(ofKind: Builtin.listing, country: country) {
                // A listing whose list is not known may be on any: it is in every list's cell.
                switch book.facts[f].value(Builtin.Listing.list.rawValue) {
                case .list(let l)?: listings[country * book.lists.count + l].append(f)
                case .unknown?: for l in book.lists.indices { listings[country * book.lists.count + l].append(f) }
                default: break
                }
            }
        }
        (listingStart, self.listings) = flatten(listings)

        coverageComplete = builder.intern("complete")
        coveragePartial = builder.intern("partial")
        waiverScopeUnknown = builder.intern("unknown")
        governmentWord = builder.intern(Recipient.government.rawValue)
        nonGovernmentWord = builder.intern(Recipient.nonGovernment.rawValue)
        nodes = builder.nodes
        defineCount = builder.defineCount
        children = builder.children
        operands = builder.operands
    }

    /// The days on which the act in force can change — fiscal-year starts, enactments, and the
    /// bounds of continuing resolutions and lapses — each with what `actInForce` says from it on.
    private static func actSegments(_ book: Rulebook) -> [ActSegment] {
        guard let first = book.fiscalYears.first?.year, let last = book.fiscalYears.last?.year else { return [] }
        let start = FiscalYear(first).start, staleFrom = FiscalYear(last + 1).start
        var days: Set<Day> = [start, staleFrom]
        for year in first...last { days.insert(FiscalYear(year).start) }
        for record in book.fiscalYears {
            if let act = record.act { days.insert(act.enacted) }
            for cr in record.continuingResolutions { days.insert(cr.from); days.insert(cr.until.next) }
            for lapse in record.lapses { days.insert(lapse.from); days.insert(lapse.until.next) }
        }
        var segments: [ActSegment] = []
        for day in days.filter({ $0 >= start && $0 <= staleFrom }).sorted() {
            guard let act = try? book.actInForce(on: day) else { continue }
            let segment = ActSegment(start: day.ordinal, fiscalYear: act.fiscalYear, textYear: act.textFiscalYear, enacted: act.act.enacted.ordinal)
            if let previous = segments.last, previous.fiscalYear == segment.fiscalYear, previous.textYear == segment.textYear,
               previous.enacted == segment.enacted, day < staleFrom {
                continue
            }
            segments.append(segment)
        }
        return segments
    }

    /// The fiscal year of the funds, the fiscal year of the act whose text governs, and that
    /// act's enactment, on `day`; `nil` before the first recorded fiscal year.
    @inline(__always)
    func act(on day: Day) -> (fiscalYear: Int, textYear: Int, enacted: Int32)? {
        let d = day.ordinal
        guard let first = acts.first, d >= first.start else { return nil }
        var low = 0, high = acts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if acts[mid].start <= d { low = mid } else { high = mid - 1 }
        }
        let s = acts[low]
        // The open-ended last segment answers later years from the latest act.
        let year = low == acts.count - 1 ? FiscalYear(containing: day).year : s.fiscalYear
        return (year, s.textYear, s.enacted)
    }

    /// Compiles conditions and values.
    private struct Builder {
        let book: Rulebook
        var nodes: [Node] = []
        var children: [Int32] = []
        var operands: [OperandPlan] = []
        var texts: [String: Int] = [:]
        var citations: [Citation: Int] = [:]
        /// The defines of the provision being compiled, and the root of each once compiled.
        private var defines: [Condition] = []
        private var defineRoots: [Int?] = []

        init(book: Rulebook) { self.book = book }

        mutating func startDefines(_ list: [Condition]) {
            defines = list
            defineRoots = Array(repeating: nil, count: list.count)
        }

        /// Definitions compiled so far, over every provision: each has a slot in the evaluator's
        /// memo, so that a chain of definitions that each use the one before is evaluated once.
        var defineCount = 0

        /// The node of define `i`, compiled once (defines form no cycles: the checker sees to it):
        /// a `define` node over its root, with its memo slot.
        mutating func define(_ i: Int) -> Int {
            if let node = defineRoots[i] { return node }
            let root = compile(defines[i])
            let node = add(Node(op: .define, a: Int32(root), b: Int32(defineCount)))
            defineCount += 1
            defineRoots[i] = node
            return node
        }

        mutating func intern(_ text: String) -> Int {
            if let i = texts[text] { return i }
            texts[text] = texts.count
            return texts.count - 1
        }

        mutating func value(_ v: FieldValue?) -> PlanValue {
            guard let v else { return .none }
            switch v {
            case .date(let d): return PlanValue(tag: .date, a: Int(d.earliest.ordinal), b: Int(d.latest.ordinal))
            case .text(let t): return PlanValue(tag: .text, a: intern(t))
            case .truth(let t, _): return PlanValue(tag: .truth, a: Int(t.rawValue))
            case .number(let n): return PlanValue(tag: .number, a: n)
            case .fiscalYear(let y): return PlanValue(tag: .fiscalYear, a: y)
            case .fiscalYears(let r): return PlanValue(tag: .fiscalYears, a: r.lowerBound, b: r.upperBound)
            // Cases of one enumeration compare by their words, so intern the word.
            case .enumCase(_, let word): return PlanValue(tag: .enumCase, a: intern(word))
            case .program(let p): return PlanValue(tag: .program, a: p)
            case .provision(let p): return PlanValue(tag: .provision, a: p)
            case .country(let c): return PlanValue(tag: .country, a: c)
            case .fact(let f): return PlanValue(tag: .fact, a: f)
            case .citation(let c):
                if let i = citations[c] { return PlanValue(tag: .citation, a: i) }
                citations[c] = citations.count
                return PlanValue(tag: .citation, a: citations.count - 1)
            case .list(let l): return PlanValue(tag: .list, a: l)
            case .unknown: return PlanValue(tag: .unknown)
            }
        }

        private mutating func add(_ n: Node) -> Int {
            nodes.append(n)
            return nodes.count - 1
        }

        private mutating func operand(_ o: Operand) -> Int32 {
            let plan: OperandPlan
            switch o {
            case .queryDate: plan = OperandPlan(kind: .queryDate)
            case .queryFiscalYear: plan = OperandPlan(kind: .queryFiscalYear)
            case .queryProgram: plan = OperandPlan(kind: .queryProgram)
            case .queryRecipient: plan = OperandPlan(kind: .queryRecipient)
            case .queryCountry: plan = OperandPlan(kind: .queryCountry)
            case .actEnacted: plan = OperandPlan(kind: .actEnacted)
            case .actFiscalYear: plan = OperandPlan(kind: .actFiscalYear)
            case .literal(let v): plan = OperandPlan(kind: .literal, literal: value(v))
            case .field(let slot, let field, _): plan = OperandPlan(kind: .field, slot: Int32(slot), field: Int32(field))
            case .fact(let slot): plan = OperandPlan(kind: .fact, slot: Int32(slot))
            }
            operands.append(plan)
            return Int32(operands.count - 1)
        }

        /// The root node of `c`; `.define(i)` becomes the root of define `i`.
        mutating func compile(_ c: Condition) -> Int {
            switch c {
            case .constant(let t): return add(Node(op: .constant, a: Int32(t.rawValue)))
            case .unknown: return add(Node(op: .constant, a: Int32(Truth.unknown.rawValue)))
            case .not(let x):
                let child = compile(x)
                return add(Node(op: .not, a: Int32(child)))
            case .and(let xs), .or(let xs):
                let compiled = xs.map { Int32(compile($0)) }
                let first = children.count
                children += compiled
                if case .and = c { return add(Node(op: .and, b: Int32(first), c: Int32(compiled.count))) }
                return add(Node(op: .or, b: Int32(first), c: Int32(compiled.count)))
            case .compare(let l, let op, let r, _):
                let lo = operand(l), ro = operand(r)
                return add(Node(op: .compare, a: Int32(VerdictPlan.comparisonCode(op)), b: lo, c: ro))
            case .member(let x, let ms, _):
                let xo = operand(x)
                let first = operands.count
                for m in ms { _ = operand(m) }
                return add(Node(op: .member, b: xo, c: Int32(ms.count), d: Int32(first)))
            case .known(let x, let wanted):
                return add(Node(op: wanted ? .known : .unknownWanted, a: operand(x)))
            case .truth(let x, _):
                return add(Node(op: .truth, a: operand(x)))
            case .any(let kind, let slot, let ownerSlot, let ownerField, let body):
                let b = compile(body)
                return add(Node(op: .any, a: Int32(kind), b: Int32(slot), c: Int32(ownerSlot ?? -1), d: Int32(ownerField ?? -1), e: Int32(b)))
            case .listed(let list):
                return add(Node(op: .listed, a: Int32(list)))
            case .define(let i):
                return define(i)
            }
        }
    }

    /// The comparison a code stands for.
    static func comparison(_ code: Int) -> Expression.Comparison {
        switch code {
        case 0: return .less
        case 1: return .lessEqual
        case 2: return .greater
        case 3: return .greaterEqual
        case 4: return .equal
        default: return .notEqual
        }
    }

    /// 0 <, 1 <=, 2 >, 3 >=, 4 ==, 5 !=.
    static func comparisonCode(_ op: Expression.Comparison) -> Int {
        switch op.ordering {
        case .less: return 0
        case .lessEqual: return 1
        case .greater: return 2
        case .greaterEqual: return 3
        case .equal: return 4
        default: return 5
        }
    }
}

/// A field value with nothing to retain: a tag and two integers (day numbers for dates, interned
/// ids for text, citations and enumeration words).
struct PlanValue: Sendable, Equatable {
    enum Tag: UInt8, Sendable {
        case none, unknown, date, text, truth, number, fiscalYear, fiscalYears, enumCase, program, provision, country, fact, citation, list
    }
    var tag: Tag
    var a: Int = 0
    var b: Int = 0

    static let none = PlanValue(tag: .none)
}

/// A list of lists as one flat list and the start of each (with the end after the last).
private func flatten(_ lists: [[Int]]) -> ([Int], [Int]) {
    var starts: [Int] = []
    var flat: [Int] = []
    starts.reserveCapacity(lists.count + 1)
    for l in lists {
        starts.append(flat.count)
        flat += l
    }
    starts.append(flat.count)
    return (starts, flat)
}
