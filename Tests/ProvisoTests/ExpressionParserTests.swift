import Proviso
import Testing

@Suite("Expression parser")
struct ExpressionParserTests {
    // Expected trees, built by hand; equality ignores locations.
    private static let nowhere = Proviso.SourceLocation(file: "expected", line: 1, column: 1)
    private func e(_ node: Expression.Node) -> Expression { Expression(node, at: Self.nowhere) }
    private func p(_ dotted: String) -> Expression { e(.path(dotted.split(separator: ".").map(String.init))) }
    private func lit(_ kind: Token.Kind, _ text: String) -> Expression { e(.literal(Token(kind, text, at: Self.nowhere))) }

    private func parsed(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Expression? {
        let (expression, diagnostics) = parseCondition(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)", sourceLocation: sourceLocation)
        return expression
    }

    @Test("`not` binds tighter than `and`, which binds tighter than `or`")
    func precedence() {
        let expected = e(.or([e(.and([e(.not(p("a"))), p("b")])), p("c")]))
        #expect(parsed("not a and b or c") == expected)
        #expect(parsed("((not a) and b) or c") == expected)
        #expect(parsed("not (a and b or c)") == e(.not(e(.or([e(.and([p("a"), p("b")])), p("c")])))))
        #expect(parsed("a or b and c") == e(.or([p("a"), e(.and([p("b"), p("c")]))])))
        #expect(parsed("a and b and c") == e(.and([p("a"), p("b"), p("c")])))
        #expect(parsed("a or b or c") == e(.or([p("a"), p("b"), p("c")])))
        #expect(parsed("not not a") == e(.not(e(.not(p("a"))))))
    }

    @Test("a comparison binds tighter than `not`")
    func comparisonUnderNot() {
        #expect(parsed("not e.finding == determined") == e(.not(e(.compare(p("e.finding"), .equal, p("determined"))))))
    }

    @Test("comparisons, symbolic and in words", arguments: [
        ("==", Expression.Comparison.equal), ("!=", .notEqual), ("<", .less), ("<=", .lessEqual), (">", .greater),
        (">=", .greaterEqual), ("before", .before), ("after", .after), ("on-or-before", .onOrBefore),
        ("on-or-after", .onOrAfter),
    ])
    func comparisons(_ op: String, _ comparison: Expression.Comparison) {
        #expect(parsed("e.date \(op) query.date") == e(.compare(p("e.date"), comparison, p("query.date"))))
    }

    @Test("word comparisons order like their symbols")
    func orderingOfWordComparisons() {
        #expect(Expression.Comparison.before.ordering == .less)
        #expect(Expression.Comparison.after.ordering == .greater)
        #expect(Expression.Comparison.onOrBefore.ordering == .lessEqual)
        #expect(Expression.Comparison.onOrAfter.ordering == .greaterEqual)
        #expect(Expression.Comparison.equal.ordering == .equal)
    }

    @Test("literals: dates, fiscal years, numbers, strings, true and false")
    func literals() {
        #expect(parsed("e.date before 2012-03-22") == e(.compare(p("e.date"), .before, lit(.date, "2012-03-22"))))
        #expect(parsed("e.date after 2019-07") == e(.compare(p("e.date"), .after, lit(.date, "2019-07"))))
        #expect(parsed("query.fiscal-year >= FY2012") == e(.compare(p("query.fiscal-year"), .greaterEqual, lit(.fiscalYear, "FY2012"))))
        #expect(parsed("l.year == 2012") == e(.compare(p("l.year"), .equal, lit(.number, "2012"))))
        #expect(parsed("f.by == \"State\"") == e(.compare(p("f.by"), .equal, lit(.string, "State"))))
        #expect(parsed("true") == lit(.word, "true"))
        #expect(parsed("e.duly-elected == false") == e(.compare(p("e.duly-elected"), .equal, lit(.word, "false"))))
    }

    @Test("`in [a, b]` is membership")
    func membership() {
        #expect(parsed("e.military-role in [decisive, participated]")
                == e(.member(p("e.military-role"), [p("decisive"), p("participated")])))
        #expect(parsed("query.program in [IMET]") == e(.member(p("query.program"), [p("IMET")])))
    }

    @Test("`is known`, `is unknown` and their negations")
    func isKnown() {
        #expect(parsed("e.date is known") == e(.isKnown(p("e.date"), true)))
        #expect(parsed("e.date is unknown") == e(.isKnown(p("e.date"), false)))
        #expect(parsed("e.date is not known") == e(.isKnown(p("e.date"), false)))
        #expect(parsed("e.date is not unknown") == e(.isKnown(p("e.date"), true)))
    }

    @Test("`any KIND VAR [of OWNER] where CONDITION`")
    func anyFact() {
        #expect(parsed("any coup-finding f of e where f.finding == determined")
                == e(.any(kind: "coup-finding", variable: "f", owner: "e",
                          condition: e(.compare(p("f.finding"), .equal, p("determined"))))))
        // The condition of `any` takes the rest of an `or` chain.
        #expect(parsed("any coup c where c.date before 2012-01-01 or x")
                == e(.any(kind: "coup", variable: "c", owner: nil,
                          condition: e(.or([e(.compare(p("c.date"), .before, lit(.date, "2012-01-01"))), p("x")])))))
        #expect(parsed("(any coup c where c.recent) or x")
                == e(.or([e(.any(kind: "coup", variable: "c", owner: nil, condition: p("c.recent"))), p("x")])))
    }

    @Test("`listed LIST` and `unknown \"question\"`")
    func listedAndUnknown() {
        #expect(parsed("listed sst and not listed tip") == e(.and([e(.listed("sst")), e(.not(e(.listed("tip"))))])))
        #expect(parsed("unknown \"whether the military played a decisive role\"")
                == e(.unknown("whether the military played a decisive role")))
        #expect(parsed("a and unknown") == e(.and([p("a"), e(.unknown(nil))])))
    }

    @Test("expressions keep the location where they start")
    func locations() {
        let (tokens, end) = conditionTokens("a and\n  not b.c == 2")
        let (expression, _) = ExpressionParser.parse(tokens, end: end)
        guard case .and(let parts)? = expression?.node else { Issue.record("not an `and`"); return }
        #expect(parts[1].location.line == 2 && parts[1].location.column == 3)
        guard case .not(let inner) = parts[1].node else { Issue.record("not a `not`"); return }
        #expect(inner.location.column == 7)
    }

    // MARK: - Diagnostics, each with its code, line and column

    private func diagnose(_ marked: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> (MarkedText, [Diagnostic]) {
        let text = MarkedText(marked)
        let (expression, diagnostics) = parseCondition(text.source)
        #expect(expression == nil, "a condition with an error gives no expression", sourceLocation: sourceLocation)
        #expect(diagnostics.count == 1, "one diagnostic per condition: \(diagnostics)", sourceLocation: sourceLocation)
        return (text, diagnostics)
    }

    @Test("S301: expected a condition")
    func expectedCondition() {
        var (text, ds) = diagnose("a and 1️⃣or b")
        #expect(expectDiagnostic("S301", at: "1️⃣", in: text, among: ds)?.message == "expected a condition, found `or`")
        (text, ds) = diagnose("a and\n  b ==1️⃣")
        #expect(expectDiagnostic("S301", at: "1️⃣", in: text, among: ds)?.message == "expected a condition, found the end of the clause")
        (text, ds) = diagnose("a and 1️⃣)")
        expectDiagnostic("S301", at: "1️⃣", in: text, among: ds)
        let (nothing, empty) = ExpressionParser.parse([], end: Proviso.SourceLocation(file: "f", line: 3, column: 9))
        #expect(nothing == nil)
        #expect(empty.map(\.code) == ["S301"])
        #expect(empty.first?.location?.line == 3 && empty.first?.location?.column == 9)
    }

    @Test("S302: something left over after a whole condition")
    func unexpectedInCondition() {
        var (text, ds) = diagnose("a 1️⃣b")
        #expect(expectDiagnostic("S302", at: "1️⃣", in: text, among: ds)?.message == "unexpected `b` in a condition")
        (text, ds) = diagnose("(a or b)1️⃣)")
        expectDiagnostic("S302", at: "1️⃣", in: text, among: ds)
    }

    @Test("S303: a parenthesis that is not closed")
    func expectedCloseParen() {
        var (text, ds) = diagnose("(a and (b or c)1️⃣")
        expectDiagnostic("S303", at: "1️⃣", in: text, among: ds)
        (text, ds) = diagnose("(a 1️⃣b)")
        #expect(expectDiagnostic("S303", at: "1️⃣", in: text, among: ds)?.message == "expected `)`, found `b`")
    }

    @Test("S304: `in` without a list")
    func expectedSet() {
        var (text, ds) = diagnose("e.role in 1️⃣decisive")
        expectDiagnostic("S304", at: "1️⃣", in: text, among: ds)
        (text, ds) = diagnose("e.role in [decisive 1️⃣participated]")
        expectDiagnostic("S304", at: "1️⃣", in: text, among: ds)
        (text, ds) = diagnose("e.role in [decisive, participated1️⃣")
        expectDiagnostic("S304", at: "1️⃣", in: text, among: ds)
    }

    @Test("S305: `is` without `known` or `unknown`")
    func expectedKnown() {
        let (text, ds) = diagnose("e.date is 1️⃣recorded")
        expectDiagnostic("S305", at: "1️⃣", in: text, among: ds)
    }

    @Test("S306: a name expected")
    func expectedName() {
        var (text, ds) = diagnose("e.1️⃣7008 == 1")
        #expect(expectDiagnostic("S306", at: "1️⃣", in: text, among: ds)?.message == "expected a field, found `7008`")
        (text, ds) = diagnose("listed 1️⃣\"sst\"")
        expectDiagnostic("S306", at: "1️⃣", in: text, among: ds)
        (text, ds) = diagnose("any 1️⃣(coup) c where c.x")
        expectDiagnostic("S306", at: "1️⃣", in: text, among: ds)
        (text, ds) = diagnose("any coup c of 1️⃣FY2012 where c.x")
        expectDiagnostic("S306", at: "1️⃣", in: text, among: ds)
    }

    @Test("S307: `any` without `where`")
    func expectedWhere() {
        let (text, ds) = diagnose("any coup c 1️⃣c.date before query.date")
        expectDiagnostic("S307", at: "1️⃣", in: text, among: ds)
    }

    @Test("S308: a single `=`")
    func singleEquals() {
        let (text, ds) = diagnose("e.finding 1️⃣= determined")
        let d = expectDiagnostic("S308", at: "1️⃣", in: text, among: ds)
        #expect(d?.help == "compare with `==`")
    }

    @Test("S309: nesting deeper than the limit, with parentheses and with `not`")
    func conditionTooDeep() {
        let limit = ExpressionParser.maximumDepth
        // The limit counts levels: `limit - 1` parentheses or `not`s still parse.
        var (text, ds) = diagnose(String(repeating: "(", count: limit) + "1️⃣x" + String(repeating: ")", count: limit))
        expectDiagnostic("S309", at: "1️⃣", in: text, among: ds)
        (text, ds) = diagnose(String(repeating: "not ", count: limit) + "1️⃣x")
        expectDiagnostic("S309", at: "1️⃣", in: text, among: ds)
        #expect(parsed(String(repeating: "(", count: limit - 1) + "x" + String(repeating: ")", count: limit - 1)) == p("x"))
        #expect(parsed(String(repeating: "not ", count: limit - 1) + "x") != nil)
    }

    @Test("100,000 parentheses or `not`s give S309, not a crash", arguments: ["(", "not"])
    func hundredThousandDeep(_ opener: String) {
        // Tokens built directly, each on its own line so that locations are easy to predict.
        let n = 100_000
        var tokens: [Token] = []
        tokens.reserveCapacity(2 * n + 1)
        for line in 1...n {
            let location = Proviso.SourceLocation(file: "deep", line: line, column: 1, length: opener.count)
            tokens.append(opener == "(" ? Token(.leftParen, "(", at: location) : Token(.word, "not", at: location))
        }
        tokens.append(Token(.word, "x", at: Proviso.SourceLocation(file: "deep", line: n + 1, column: 1)))
        if opener == "(" {
            for line in 1...n { tokens.append(Token(.rightParen, ")", at: Proviso.SourceLocation(file: "deep", line: n + 1, column: line + 1))) }
        }
        let (expression, diagnostics) = ExpressionParser.parse(tokens, end: Proviso.SourceLocation(file: "deep", line: n + 2, column: 1))
        #expect(expression == nil)
        #expect(diagnostics.map(\.code) == ["S309"])
        // The parser refuses the level past the limit: it stops after `maximumDepth` openers.
        #expect(diagnostics.first?.location?.line == ExpressionParser.maximumDepth + 1)
    }

    @Test("a deeply nested condition in a rule file gives S309 through Rulebook.check", arguments: ["(", "not"])
    func deepConditionInRulebook(_ opener: String) {
        // 50,000 levels, one token per line: far past the limit, below the clause-length limit.
        let n = 50_000
        var text = TestRulebook.catalog + TestRulebook.kinds + TestRulebook.acts
        text += "provision deep \"Deep\" {\n  version V1 FY2011..FY2013 {\n    section 7008\n    source \"test\"\n    prohibits when\n"
        let firstOpenerLine = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 } + 1
        text += String(repeating: opener + "\n", count: n) + "true\n"
        if opener == "(" { text += String(repeating: ")\n", count: n) }
        text += "  }\n}\n"
        let diagnostics: [Diagnostic]
        switch Rulebook.check([SourceFile(path: "deep.proviso", text: text)], name: "deep") {
        case .success: diagnostics = []
        case .failure(let error): diagnostics = error.diagnostics
        }
        let deep = diagnostics.filter { $0.code == "S309" }
        #expect(deep.count == 1, "\(diagnostics.prefix(5))")
        #expect(diagnostics.allSatisfy { $0.code == "S309" || $0.severity != .error }, "\(diagnostics.prefix(5))")
        #expect(deep.first?.location?.file == "deep.proviso")
        #expect(deep.first?.location?.line == firstOpenerLine + ExpressionParser.maximumDepth)
        #expect(deep.first?.location?.column == 1)
    }
}
