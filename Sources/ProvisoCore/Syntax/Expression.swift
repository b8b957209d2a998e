/// A condition of the rules language as written: the syntax of `prohibits when …` and `define`.
///
/// Equality ignores locations, so two conditions that say the same thing compare equal.
public struct Expression: Sendable, Hashable {
    /// The shape of the node.
    public indirect enum Node: Sendable, Hashable {
        /// A date, fiscal year, number, string or `true`/`false`.
        case literal(Token)
        /// A name or a dotted path: `e.date`, `query.date`, `act.enacted`, `elected`, `decisive`.
        case path([String])
        /// `not x`.
        case not(Expression)
        /// `a and b and …`.
        case and([Expression])
        /// `a or b or …`.
        case or([Expression])
        /// `a OP b`: `==`, `!=`, `<`, `<=`, `>`, `>=`, `before`, `after`, `on-or-before`, `on-or-after`.
        case compare(Expression, Comparison, Expression)
        /// `x in [a, b, …]`.
        case member(Expression, [Expression])
        /// `x is known` (`true`) or `x is unknown` (`false`).
        case isKnown(Expression, Bool)
        /// The value *unknown*, with the question it leaves open: `unknown "whether …"`.
        case unknown(String?)
        /// `any KIND VAR [of OWNER] where CONDITION`: some recorded fact satisfies the condition.
        case any(kind: String, variable: String, owner: String?, condition: Expression)
        /// `listed LIST`: the query's country is on the list for the query's date or fiscal year.
        case listed(String)
    }

    /// The operators of `compare`.
    public enum Comparison: String, Sendable, Hashable {
        case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
        case before, after, onOrBefore = "on-or-before", onOrAfter = "on-or-after"

        /// The symbolic operator with the same meaning on dates.
        public var ordering: Comparison {
            switch self {
            case .before: return .less
            case .after: return .greater
            case .onOrBefore: return .lessEqual
            case .onOrAfter: return .greaterEqual
            default: return self
            }
        }
    }

    /// The node.
    public var node: Node
    /// Where the expression starts.
    public var location: SourceLocation

    /// Creates an expression node.
    public init(_ node: Node, at location: SourceLocation) {
        self.node = node
        self.location = location
    }

    public static func == (a: Expression, b: Expression) -> Bool { a.node == b.node }
    public func hash(into hasher: inout Hasher) { hasher.combine(node) }
}

/// Parses the tokens of a clause's arguments into an `Expression`.
public struct ExpressionParser {
    /// Conditions nested deeper than this are refused with a diagnostic (no stack overflow).
    public static let maximumDepth = 200

    private let tokens: [Token]
    private var index = 0
    private var depth = 0
    private let end: SourceLocation
    /// Diagnostics met while parsing.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Parses `tokens` as one condition; `end` locates "expected …" at the end of the clause.
    public static func parse(_ tokens: some Collection<Token>, end: SourceLocation) -> (Expression?, [Diagnostic]) {
        let tokens = Array(tokens)
        return LargeStack.run { parseHere(tokens, end: end) }
    }

    private static func parseHere(_ tokens: [Token], end: SourceLocation) -> (Expression?, [Diagnostic]) {
        var parser = ExpressionParser(tokens: tokens, end: end)
        guard !parser.tokens.isEmpty else {
            return (nil, [.expectedCondition(found: nil, at: end)])
        }
        let expression = parser.parseOr()
        if parser.diagnostics.isEmpty, parser.index < parser.tokens.count {
            parser.diagnostics.append(.unexpectedInCondition(parser.tokens[parser.index]))
        }
        return (parser.diagnostics.isEmpty ? expression : nil, parser.diagnostics)
    }

    private init(tokens: [Token], end: SourceLocation) {
        self.tokens = tokens
        self.end = end
    }

    private var current: Token? { index < tokens.count ? tokens[index] : nil }
    private var here: SourceLocation { current?.location ?? end }

    private mutating func fail(_ diagnostic: Diagnostic) -> Expression {
        if diagnostics.isEmpty { diagnostics.append(diagnostic) }
        index = tokens.count
        return Expression(.unknown(nil), at: here)
    }

    private mutating func parseOr() -> Expression {
        let start = here
        var parts = [parseAnd()]
        while current?.isWord("or") == true, diagnostics.isEmpty {
            index += 1
            parts.append(parseAnd())
        }
        return parts.count == 1 ? parts[0] : Expression(.or(parts), at: start)
    }

    private mutating func parseAnd() -> Expression {
        let start = here
        var parts = [parseUnary()]
        while current?.isWord("and") == true, diagnostics.isEmpty {
            index += 1
            parts.append(parseUnary())
        }
        return parts.count == 1 ? parts[0] : Expression(.and(parts), at: start)
    }

    private mutating func parseUnary() -> Expression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { return fail(.conditionTooDeep(at: here)) }
        if let token = current, token.isWord("not") {
            index += 1
            return Expression(.not(parseUnary()), at: token.location)
        }
        return parseComparison()
    }

    private static let wordComparisons: [String: Expression.Comparison] = [
        "before": .before, "after": .after, "on-or-before": .onOrBefore, "on-or-after": .onOrAfter,
    ]

    private mutating func parseComparison() -> Expression {
        let left = parseOperand()
        guard let token = current, diagnostics.isEmpty else { return left }
        let op: Expression.Comparison?
        switch token.kind {
        case .equalEqual: op = .equal
        case .notEqual: op = .notEqual
        case .less: op = .less
        case .lessEqual: op = .lessEqual
        case .greater: op = .greater
        case .greaterEqual: op = .greaterEqual
        case .equals: return fail(.singleEquals(at: token.location))
        case .word: op = Self.wordComparisons[token.text]
        default: op = nil
        }
        if let op {
            index += 1
            return Expression(.compare(left, op, parseOperand()), at: left.location)
        }
        if token.isWord("in") {
            index += 1
            guard current?.kind == .leftBracket else { return fail(.expectedSet(found: current, at: here)) }
            index += 1
            var members: [Expression] = []
            while current?.kind != .rightBracket {
                guard current != nil else { return fail(.expectedSet(found: nil, at: here)) }
                members.append(parseOperand())
                guard diagnostics.isEmpty else { return left }
                if current?.kind == .comma { index += 1 } else if current?.kind != .rightBracket {
                    return fail(.expectedSet(found: current, at: here))
                }
            }
            index += 1
            return Expression(.member(left, members), at: left.location)
        }
        if token.isWord("is") {
            index += 1
            var negated = false
            if current?.isWord("not") == true { negated = true; index += 1 }
            if current?.isWord("known") == true { index += 1; return Expression(.isKnown(left, !negated), at: left.location) }
            if current?.isWord("unknown") == true { index += 1; return Expression(.isKnown(left, negated), at: left.location) }
            return fail(.expectedKnown(found: current, at: here))
        }
        return left
    }

    private mutating func parseOperand() -> Expression {
        guard let token = current else { return fail(.expectedCondition(found: nil, at: end)) }
        switch token.kind {
        case .leftParen:
            index += 1
            let inner = parseOr()
            guard current?.kind == .rightParen else { return fail(.expectedCloseParen(found: current, at: here)) }
            index += 1
            return inner
        case .date, .fiscalYear, .number, .string:
            index += 1
            return Expression(.literal(token), at: token.location)
        case .word:
            index += 1
            switch token.text {
            case "true", "false":
                return Expression(.literal(token), at: token.location)
            case "unknown":
                var reason: String?
                if current?.kind == .string { reason = current?.text; index += 1 }
                return Expression(.unknown(reason), at: token.location)
            case "any":
                return parseAny(at: token.location)
            case "listed":
                guard let list = current, list.kind == .word else { return fail(.expectedName("a list", found: current, at: here)) }
                index += 1
                return Expression(.listed(list.text), at: token.location)
            case "and", "or", "not", "in", "is", "where", "of":
                return fail(.expectedCondition(found: token, at: token.location))
            default:
                var path = [token.text]
                while current?.kind == .dot {
                    index += 1
                    guard let part = current, part.kind == .word else { return fail(.expectedName("a field", found: current, at: here)) }
                    path.append(part.text)
                    index += 1
                }
                return Expression(.path(path), at: token.location)
            }
        default:
            return fail(.expectedCondition(found: token, at: token.location))
        }
    }

    /// `any KIND VAR [of OWNER] where CONDITION`.
    private mutating func parseAny(at location: SourceLocation) -> Expression {
        guard let kind = current, kind.kind == .word else { return fail(.expectedName("a fact kind", found: current, at: here)) }
        index += 1
        guard let variable = current, variable.kind == .word else { return fail(.expectedName("a variable", found: current, at: here)) }
        index += 1
        var owner: String?
        if current?.isWord("of") == true {
            index += 1
            guard let o = current, o.kind == .word else { return fail(.expectedName("a variable", found: current, at: here)) }
            owner = o.text
            index += 1
        }
        guard current?.isWord("where") == true else { return fail(.expectedWhere(found: current, at: here)) }
        index += 1
        let condition = parseOr()
        return Expression(.any(kind: kind.text, variable: variable.text, owner: owner, condition: condition), at: location)
    }
}

extension Diagnostic {
    static func expectedCondition(found token: Token?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "S301", "expected a condition, found \(token.map { "`\($0.spelling)`" } ?? "the end of the clause")",
                   at: location, help: "a condition compares facts: `e.date on-or-before query.date and elected`")
    }
    static func unexpectedInCondition(_ token: Token) -> Diagnostic {
        Diagnostic(.error, "S302", "unexpected `\(token.spelling)` in a condition", at: token.location,
                   help: "join conditions with `and` or `or`")
    }
    static func expectedCloseParen(found token: Token?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "S303", "expected `)`, found \(token.map { "`\($0.spelling)`" } ?? "the end of the clause")", at: location)
    }
    static func expectedSet(found token: Token?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "S304", "expected a list such as `[decisive, participated]` after `in`", at: location)
    }
    static func expectedKnown(found token: Token?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "S305", "expected `known` or `unknown` after `is`", at: location)
    }
    static func expectedName(_ what: String, found token: Token?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "S306", "expected \(what), found \(token.map { "`\($0.spelling)`" } ?? "the end of the clause")", at: location)
    }
    static func expectedWhere(found token: Token?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "S307", "expected `where` in `any KIND VAR where CONDITION`", at: location)
    }
    static func singleEquals(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "S308", "`=` is not a comparison", at: location, help: "compare with `==`")
    }
    static func conditionTooDeep(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "S309", "condition nested more than \(ExpressionParser.maximumDepth) deep", at: location)
    }
}
