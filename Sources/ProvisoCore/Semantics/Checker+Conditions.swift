/// Conditions: expressions resolved against the scope they are written in and type-checked.
struct ConditionScope {
    /// Variables in scope: name → slot and fact kind.
    var variables: [String: (slot: Int, kind: Int)] = [:]
    /// Named conditions of the provision: name → index.
    var defines: [String: Int] = [:]
    /// Slots used so far (the evaluator allocates this many).
    var slotCount = 0
    /// How deep each definition nests, counting the definitions it uses (`Checker.depth`).
    var defineDepths: [Int] = []
}

extension Checker {
    /// How long a chain of definitions may be (each `define` using the one before).
    static let maximumDefinitionDepth = 32
    /// How deep a condition may nest once the definitions it uses are counted where they are
    /// used (R232): evaluating it recurses this deep, and at this depth it fits in a 512 KiB
    /// stack even in a debug build. The default rulebook's deepest is about 12.
    static let maximumConditionDepth = 40

    /// How deep evaluating `c` recurses: one level for each `not`, `and`, `or` and use of a
    /// definition, two for `any` and for a comparison; `defineDepths` gives the definitions'.
    static func depth(of c: Condition, defineDepths: [Int]) -> Int {
        switch c {
        case .not(let x): return 1 + depth(of: x, defineDepths: defineDepths)
        case .and(let xs), .or(let xs): return 1 + (xs.map { depth(of: $0, defineDepths: defineDepths) }.max() ?? 0)
        case .any(_, _, _, _, let body): return 2 + depth(of: body, defineDepths: defineDepths)
        case .define(let i): return 1 + (i < defineDepths.count ? defineDepths[i] : 0)
        default: return 2
        }
    }

    /// R232 when `c` nests deeper than `maximumConditionDepth`; whether it does not.
    func checkDepth(_ c: Condition, _ scope: ConditionScope, at location: SourceLocation) -> Bool {
        let d = Checker.depth(of: c, defineDepths: scope.defineDepths)
        guard d > Checker.maximumConditionDepth else { return true }
        report(.conditionTooDeep(d, at: location))
        return false
    }

    /// Compiles `expression` as a condition (three-valued).
    func condition(_ e: Expression, _ scope: inout ConditionScope) -> Condition? {
        switch e.node {
        case .literal(let t):
            if t.isWord("true") { return .constant(.true) }
            if t.isWord("false") { return .constant(.false) }
            report(.notACondition(t.spelling, at: e.location))
            return nil
        case .path(let parts):
            if parts.count == 1, let d = scope.defines[parts[0]] { return .define(d) }
            guard let (op, type) = operand(e, &scope, expect: .truth) else { return nil }
            guard case .truth = type else {
                report(.notACondition(parts.joined(separator: "."), at: e.location, type: type))
                return nil
            }
            return .truth(op, e.location)
        case .not(let inner):
            return condition(inner, &scope).map(Condition.not)
        case .and(let parts):
            let compiled = parts.compactMap { condition($0, &scope) }
            return compiled.count == parts.count ? .and(compiled) : nil
        case .or(let parts):
            let compiled = parts.compactMap { condition($0, &scope) }
            return compiled.count == parts.count ? .or(compiled) : nil
        case .compare(let l, let op, let r):
            let leftFirst = hasIntrinsicType(l, scope)
            guard let first = operand(leftFirst ? l : r, &scope, expect: nil) else { return nil }
            guard let second = operand(leftFirst ? r : l, &scope, expect: first.1) else { return nil }
            let (lo, lt) = leftFirst ? first : second
            let (ro, rt) = leftFirst ? second : first
            guard comparable(lt, rt, op) else {
                report(.cannotCompare(lt, rt, op, at: e.location))
                return nil
            }
            return .compare(lo, op, ro, e.location)
        case .member(let x, let items):
            guard let (xo, xt) = operand(x, &scope, expect: nil) else { return nil }
            var members: [Operand] = []
            for item in items {
                guard let (io, it) = operand(item, &scope, expect: xt) else { return nil }
                guard comparable(xt, it, .equal) else { report(.cannotCompare(xt, it, .equal, at: item.location)); return nil }
                members.append(io)
            }
            return .member(xo, members, e.location)
        case .isKnown(let x, let known):
            guard let (xo, _) = operand(x, &scope, expect: nil) else { return nil }
            return .known(xo, known)
        case .unknown(let reason):
            return .unknown(reason ?? "a fact that is not recorded")
        case .any(let kindName, let variable, let owner, let inner):
            guard let kind = resolveKind(Token(.word, kindName, at: e.location)) else { return nil }
            if scope.variables[variable] != nil || scope.defines[variable] != nil {
                report(.shadowedVariable(variable, at: e.location))
                return nil
            }
            var ownerSlot: Int?
            var ownerField: Int?
            if let owner {
                guard let (slot, ownerKind) = scope.variables[owner] else {
                    report(.unknownName("variable", Token(.word, owner, at: e.location), suggestion: closestName(to: owner, in: scope.variables.keys)))
                    return nil
                }
                ownerSlot = slot
                ownerField = kinds[kind].fields.firstIndex {
                    if case .reference(let k) = $0.type { return k == kinds[ownerKind].name }
                    if case .anyFact = $0.type { return true }
                    return false
                }
                if ownerField == nil {
                    report(.noReferenceField(kinds[kind].name, owner: kinds[ownerKind].name, at: e.location))
                    return nil
                }
            }
            let slot = scope.slotCount
            scope.slotCount += 1
            scope.variables[variable] = (slot, kind)
            defer { scope.variables[variable] = nil }
            guard let body = condition(inner, &scope) else { return nil }
            return .any(kind: kind, slot: slot, ownerSlot: ownerSlot, ownerField: ownerField, body)
        case .listed(let name):
            return resolveList(Token(.word, name, at: e.location)).map(Condition.listed)
        }
    }

    /// Whether an operand's type can be known without the other side of a comparison (a bare
    /// word such as `decisive` takes its meaning from the other side).
    private func hasIntrinsicType(_ e: Expression, _ scope: ConditionScope) -> Bool {
        switch e.node {
        case .literal: return true
        case .path(let parts): return parts.count > 1 || scope.variables[parts[0]] != nil
        default: return true
        }
    }

    private func comparable(_ a: FieldType, _ b: FieldType, _ op: Expression.Comparison) -> Bool {
        let equality = op == .equal || op == .notEqual
        switch (a, b) {
        case (.date, .date): return true
        case (.fiscalYear, .fiscalYear), (.number, .number): return true
        case (.enumeration(let x), .enumeration(let y)): return equality && x == y
        case (.reference(let x), .reference(let y)): return equality && x == y
        case (.reference, .anyFact), (.anyFact, .reference), (.anyFact, .anyFact): return equality
        default: return equality && a == b
        }
    }

    /// Resolves a value operand; `expect` gives bare words their meaning.
    func operand(_ e: Expression, _ scope: inout ConditionScope, expect: FieldType?) -> (Operand, FieldType)? {
        switch e.node {
        case .literal(let t):
            switch t.kind {
            case .date:
                guard let d = UncertainDate(parsing: t.text) else { report(.impossibleDate(t)); return nil }
                return (.literal(.date(d)), .date)
            case .number:
                if expect == .date, t.text.count == 4, let d = UncertainDate(parsing: t.text) { return (.literal(.date(d)), .date) }
                guard let n = Int(t.text) else { report(.numberTooLarge(t.text, at: t.location)); return nil }
                return (.literal(.number(n)), .number)
            case .fiscalYear:
                guard let fy = FiscalYear(parsing: t.text) else { report(.impossibleDate(t)); return nil }
                return (.literal(.fiscalYear(fy.year)), .fiscalYear)
            case .string:
                if expect == .program || expect == .country { return word(t, expect: expect!) }
                return (.literal(.text(t.text)), .text)
            default:
                if t.isWord("true") { return (.literal(.truth(.true, written: "yes")), .truth) }
                if t.isWord("false") { return (.literal(.truth(.false, written: "no")), .truth) }
                report(.notAValue(t.spelling, at: t.location))
                return nil
            }
        case .path(let parts):
            if parts.count == 1 {
                if let v = scope.variables[parts[0]] { return (.fact(slot: v.slot), .reference(kinds[v.kind].name)) }
                // A word the other side's type gives a meaning (an enumeration member, `yes`) is that
                // value, even where a definition has the same name.
                if let expect, case .enumeration(let cases) = expect, cases.contains(parts[0]) {
                    return word(Token(.word, parts[0], at: e.location), expect: expect)
                }
                if scope.defines[parts[0]] != nil {
                    report(.notAValue(parts[0], at: e.location))
                    return nil
                }
                guard let expect else {
                    report(.unknownName("name", Token(.word, parts[0], at: e.location),
                                        suggestion: closestName(to: parts[0], in: Array(scope.variables.keys) + Array(scope.defines.keys) + ["query", "act"])))
                    return nil
                }
                return word(Token(.word, parts[0], at: e.location), expect: expect)
            }
            guard parts.count == 2 else {
                report(.unknownName("field", Token(.word, parts.joined(separator: "."), at: e.location), suggestion: nil))
                return nil
            }
            switch parts[0] {
            case "query":
                switch parts[1] {
                case "date": return (.queryDate, .date)
                case "fiscal-year": return (.queryFiscalYear, .fiscalYear)
                case "program": return (.queryProgram, .program)
                case "recipient": return (.queryRecipient, .enumeration(Recipient.allCases.map(\.rawValue)))
                case "country": return (.queryCountry, .country)
                default:
                    report(.unknownName("query field", Token(.word, parts[1], at: e.location),
                                        suggestion: closestName(to: parts[1], in: ["date", "fiscal-year", "program", "recipient", "country"])))
                    return nil
                }
            case "act":
                switch parts[1] {
                case "enacted": return (.actEnacted, .date)
                case "fiscal-year": return (.actFiscalYear, .fiscalYear)
                default:
                    report(.unknownName("act field", Token(.word, parts[1], at: e.location),
                                        suggestion: closestName(to: parts[1], in: ["enacted", "fiscal-year"])))
                    return nil
                }
            default:
                guard let v = scope.variables[parts[0]] else {
                    report(.unknownName("variable", Token(.word, parts[0], at: e.location),
                                        suggestion: closestName(to: parts[0], in: Array(scope.variables.keys) + ["query", "act"])))
                    return nil
                }
                let kind = kinds[v.kind]
                guard let f = kind.fieldIndex(parts[1]) else {
                    report(.unknownField(Token(.word, parts[1], at: e.location), kind: kind.name,
                                         suggestion: closestName(to: parts[1], in: kind.fields.map(\.name))))
                    return nil
                }
                return (.field(slot: v.slot, field: f, name: parts[1]), kind.fields[f].type)
            }
        default:
            report(.notAValue("a condition", at: e.location))
            return nil
        }
    }

    /// A bare word read as a value of type `expect`.
    private func word(_ t: Token, expect: FieldType) -> (Operand, FieldType)? {
        switch expect {
        case .truth, .enumeration, .program, .country, .list, .provision:
            guard let v = value(of: t, type: expect, kindName: "condition") else { return nil }
            return (.literal(v), expect)
        default:
            report(.unknownName("name", t, suggestion: nil))
            return nil
        }
    }

    /// Compiles a provision's `define` clauses, checking that none refers to itself.
    func defines(_ clauses: [Clause], scope: inout ConditionScope) -> ([Condition], [String]) {
        var parsed: [(String, Expression, SourceLocation)] = []
        for c in clauses {
            var r = ArgumentReader(c)
            guard let name = r.word("a name for the condition"), r.current?.kind == .equals else {
                report(r.diagnostics.isEmpty ? [.expected("`NAME = CONDITION`", found: r.current, at: r.here, in: c)] : r.diagnostics)
                continue
            }
            r.skip()
            if scope.defines[name.text] != nil {
                report(.duplicate(name.text, "definition", at: name.location, first: parsed.first { $0.0 == name.text }?.2 ?? c.location))
                continue
            }
            let (expression, diagnostics) = ExpressionParser.parse(r.rest, end: r.here)
            report(diagnostics)
            guard let expression else { continue }
            scope.defines[name.text] = parsed.count
            parsed.append((name.text, expression, name.location))
        }
        var compiled: [Condition] = []
        for (_, expression, _) in parsed {
            compiled.append(condition(expression, &scope) ?? .constant(.unknown))
        }
        // Depths in order of use (a cycle, reported below as R225, counts nothing more).
        var depths = [Int?](repeating: nil, count: compiled.count)
        var visiting = Set<Int>()
        func depth(_ i: Int) -> Int {
            if let d = depths[i] { return d }
            guard visiting.insert(i).inserted else { return 0 }
            let known = Checker.defineReferences(compiled[i]).reduce(into: [Int](repeating: 0, count: compiled.count)) { $0[$1] = depth($1) }
            visiting.remove(i)
            let d = Checker.depth(of: compiled[i], defineDepths: known)
            depths[i] = d
            return d
        }
        scope.defineDepths = compiled.indices.map(depth)
        var tooDeep = false
        for (i, (_, expression, _)) in parsed.enumerated() where !checkDepth(compiled[i], scope, at: expression.location) {
            compiled[i] = .constant(.unknown)
            tooDeep = true
        }
        if tooDeep { scope.defineDepths = scope.defineDepths.map { min($0, Checker.maximumConditionDepth) } }
        for (i, (_, expression, _)) in parsed.enumerated() {
            // Only what the definition says itself: one that uses another is judged where it is used.
            guard Checker.defineReferences(compiled[i]).isEmpty else { continue }
            warnIfConstant(compiled[i], defines: compiled, actYears: nil, role: .definition, at: expression.location)
        }
        // Cycles: a definition may use others, but never itself through them; and definitions
        // may not nest deeper than `maximumDefinitionDepth` (evaluation recurses through them).
        let references = compiled.map(Checker.defineReferences)
        var depth = [Int](repeating: 0, count: compiled.count)
        var state = [UInt8](repeating: 0, count: compiled.count)  // 0 new, 1 on the stack, 2 done
        for root in compiled.indices where state[root] == 0 {
            // Iterative depth-first search: a chain of thousands of definitions cannot overflow.
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let (node, next) = stack.last {
                if next < references[node].count {
                    stack[stack.count - 1].next += 1
                    let child = references[node][next]
                    if state[child] == 1 {
                        // The cycle runs from where `child` sits on the stack back to it.
                        let start = stack.lastIndex { $0.node == child } ?? 0
                        let path = stack[start...].map { parsed[$0.node].0 } + [parsed[child].0]
                        report(.definitionCycle(Array(path.prefix(9)), at: parsed[child].2))
                    } else if state[child] == 0 {
                        state[child] = 1
                        stack.append((child, 0))
                    }
                } else {
                    stack.removeLast()
                    state[node] = 2
                    depth[node] = 1 + (references[node].map { state[$0] == 2 ? depth[$0] : 0 }.max() ?? 0)
                    if depth[node] == Checker.maximumDefinitionDepth + 1 {
                        report(.definitionsTooDeep(parsed[node].0, at: parsed[node].2))
                    }
                }
            }
        }
        return (compiled, parsed.map(\.0))
    }

    /// Where a condition is written, for the words of a constant-condition warning.
    enum ConditionRole { case trigger, definition, exemption }

    /// W201 when `c` is always true or always false (`ConstantFolding`); a compile error has
    /// already been reported where a part is `.constant(.unknown)` standing for it.
    func warnIfConstant(_ c: Condition, defines: [Condition], actYears: ClosedRange<Int>?, role: ConditionRole,
                        at location: SourceLocation) {
        guard let t = ConstantFolding.truth(of: c, defines: defines, actYears: actYears), t != .unknown else { return }
        report(.constantCondition(t, role: role, at: location))
    }

    static func defineReferences(_ c: Condition) -> [Int] {
        switch c {
        case .define(let i): return [i]
        case .not(let x): return defineReferences(x)
        case .and(let xs), .or(let xs): return xs.flatMap(defineReferences)
        case .any(_, _, _, _, let x): return defineReferences(x)
        default: return []
        }
    }
}

extension Diagnostic {
    static func notACondition(_ text: String, at location: SourceLocation, type: FieldType? = nil) -> Diagnostic {
        Diagnostic(.error, "R220", "`\(text)` is not a condition\(type.map { " (its type is \($0))" } ?? "")", at: location,
                   help: "compare it: `\(text) == …`, or test it: `\(text) is known`")
    }
    static func notAValue(_ text: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R221", "`\(text)` is not a value", at: location)
    }
    static func cannotCompare(_ a: FieldType, _ b: FieldType, _ op: Expression.Comparison, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R222", "cannot compare \(a) with \(b) using `\(op.rawValue)`", at: location,
                   help: "dates and fiscal years compare with `before`, `after`, `<` …; other values only with `==` and `!=`")
    }
    static func shadowedVariable(_ name: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R223", "`\(name)` is already in use", at: location, help: "choose another variable name")
    }
    static func noReferenceField(_ kind: String, owner: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R224", "`\(kind)` has no field that refers to a `\(owner)`", at: location)
    }
    static func conditionTooDeep(_ depth: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R232", "the condition nests \(depth) deep, counting the definitions it uses, more than \(Checker.maximumConditionDepth)", at: location,
                   help: "write it with fewer levels: a definition used inside another nests as deep as it is written")
    }
    static func definitionsTooDeep(_ name: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R230", "definition `\(name)` builds on more than \(Checker.maximumDefinitionDepth) definitions in a chain", at: location,
                   help: "write the condition more directly")
    }
    static func constantCondition(_ t: Truth, role: Checker.ConditionRole, at location: SourceLocation) -> Diagnostic {
        let effect: String
        switch role {
        case .trigger: effect = t == .true ? "the provision prohibits everything it covers" : "the provision never prohibits"
        case .definition: effect = "the definition can be replaced by `\(t)`, or it is a mistake"
        case .exemption: effect = t == .true ? "the `when` adds nothing" : "the exemption never applies"
        }
        return Diagnostic(.warning, "W201", "the condition is always \(t)", at: location, help: effect)
    }
    static func definitionCycle(_ names: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "R225", "definition refers to itself: \(names.map { "`\($0)`" }.joined(separator: " → "))", at: location)
    }
}
