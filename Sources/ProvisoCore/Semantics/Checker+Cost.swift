/// The work one answer may take. A condition costs time linear in its size, except where it
/// ranges over facts: `any` tests each recorded fact of its kind, `each` runs the whole
/// provision once per event, and nesting them multiplies. The checker bounds that product from
/// the record itself, before any question is asked, so that no answer can take hours.
extension Checker {
    /// The most facts a provision may test for one country in one answer (R231).
    static let maximumConditionCost = 4_000_000

    func checkConditionCost() {
        // The most facts of each kind any one country has (an upper bound for every country).
        var counts = [Int](repeating: 0, count: kinds.count * max(1, countries.count))
        var most = [Int](repeating: 0, count: kinds.count)
        for fact in facts {
            if kinds[fact.kind].perCountry, let c = fact.country {
                counts[c * kinds.count + fact.kind] += 1
                most[fact.kind] = max(most[fact.kind], counts[c * kinds.count + fact.kind])
            } else {
                most[fact.kind] += 1
            }
        }
        let listed = most[Builtin.listing] + most[Builtin.edition]
        for provision in provisions {
            var perEvent = provision.defines.reduce(0) { Self.add($0, cost(of: $1, most, listed)) }
            perEvent = Self.add(perEvent, provision.versions.map { $0.trigger.map { cost(of: $0, most, listed) } ?? 1 }.max() ?? 1)
            // Remedies: the country's certifications and waivers, and the exemptions that override it.
            perEvent = Self.add(perEvent, Self.add(most[Builtin.certification], most[Builtin.waiver]))
            for x in exemptions where x.overrides.contains(provisionLookup[provision.id] ?? -1) {
                perEvent = Self.add(perEvent, x.condition.map { cost(of: $0, most, listed) } ?? 1)
            }
            let events = provision.eachKind.map { max(1, most[$0]) + 1 } ?? 1
            let total = Self.multiply(events, perEvent)
            if total > Self.maximumConditionCost { report(.conditionTooCostly(provision.id, total, at: provision.location)) }
        }
    }

    /// An upper bound of the facts evaluating `c` tests, with `most` facts of each kind and
    /// `listed` listings and editions; definitions are evaluated once, so a reference costs one.
    private func cost(of c: Condition, _ most: [Int], _ listed: Int) -> Int {
        switch c {
        case .not(let x): return Self.add(1, cost(of: x, most, listed))
        case .and(let xs), .or(let xs): return xs.reduce(1) { Self.add($0, cost(of: $1, most, listed)) }
        case .any(let kind, _, _, _, let body): return Self.multiply(most[kind] + 1, Self.add(1, cost(of: body, most, listed)))
        case .listed: return listed + 1
        default: return 1
        }
    }

    private static func add(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }

    private static func multiply(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : product
    }
}

extension Diagnostic {
    static func conditionTooCostly(_ id: String, _ cost: Int, at location: SourceLocation) -> Diagnostic {
        let shown = cost == Int.max ? "more than 9 quintillion" : "up to \(cost)"
        return Diagnostic(.error, "R231", "answering `\(id)` may test \(shown) facts for one country, more than \(Checker.maximumConditionCost)",
                          at: location,
                          help: "an `any` inside another `any`, or inside `each`, tests every fact of its kind once for each fact the outer one ranges over; write the condition without the nesting, or record fewer facts of those kinds")
    }
}
