/// Recursive-descent parser from tokens to clauses. It recovers at the end of a line or block, so
/// one run reports every syntax error of a file.
public struct Parser {
    /// Blocks nested deeper than this are refused with a diagnostic rather than risking the stack.
    public static let maximumBlockDepth = 64
    /// Arguments longer than this many tokens are refused (a runaway line).
    public static let maximumArguments = 100_000
    /// Files larger than this many bytes are refused whole, before they are read as text: 15
    /// times the default rulebook's largest file (about 135 KB), and checked in well under a
    /// second (docs/robustness.md has the timings).
    public static let maximumFileSize = 2 << 20

    private var tokens: [Token]
    private var index = 0
    private var diagnostics: [Diagnostic] = []
    private var limit = DiagnosticLimit()
    private let file: SourceFile

    /// Parses a whole file; a file larger than `maximumFileSize` is one diagnostic and no clauses.
    public static func parse(_ file: SourceFile) -> SyntaxTree {
        LargeStack.run { parseHere(file) }
    }

    private static func parseHere(_ file: SourceFile) -> SyntaxTree {
        guard file.bytes.count <= maximumFileSize else {
            return SyntaxTree(file: file, clauses: [], trailingComments: [],
                              diagnostics: [.fileTooLarge(at: SourceLocation(file: file.path, line: 1, column: 1))])
        }
        var lexer = Lexer(file: file)
        let tokens = lexer.tokenize()
        var parser = Parser(tokens: tokens, file: file)
        parser.diagnostics = lexer.diagnostics
        let (clauses, trailing) = parser.parseClauses(depth: 0, closing: nil)
        return SyntaxTree(file: file, clauses: clauses, trailingComments: trailing,
                          diagnostics: parser.diagnostics + parser.limit.summaries)
    }

    private mutating func report(_ d: Diagnostic) {
        if limit.admit(d) { diagnostics.append(d) }
    }

    private init(tokens: [Token], file: SourceFile) {
        self.tokens = tokens
        self.file = file
    }

    private var current: Token { tokens[index] }

    private mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    /// Clauses until `}` (when inside a block) or the end of the file.
    ///
    /// Comments between clauses are kept with a blank-line marker (a `.newline` token) wherever a
    /// blank line separated them, so that `proviso fmt` keeps the author's paragraphs.
    private mutating func parseClauses(depth: Int, closing brace: SourceLocation?) -> ([Clause], [Token]) {
        var clauses: [Clause] = []
        var comments: [Token] = []
        var newlines = 0
        var sawBlank = false
        while true {
            let token = current
            switch token.kind {
            case .newline:
                if token.text != ";" {
                    newlines += 1
                    if newlines == 2 {
                        // The first blank line of a run: before any comment it belongs to the clause
                        // (`blankLineBefore`); after one, it separates comments.
                        if comments.isEmpty { sawBlank = true } else { comments.append(Token(.newline, "", at: token.location)) }
                    }
                }
                advance()
            case .comment:
                comments.append(token)
                newlines = 0
                advance()
            case .endOfFile:
                if let brace { report(.missingClosingBrace(opened: brace, at: token.location)) }
                return (clauses, Self.closing(comments, blankBefore: sawBlank && !clauses.isEmpty))
            case .rightBrace:
                if brace != nil { return (clauses, Self.closing(comments, blankBefore: sawBlank && !clauses.isEmpty)) }
                report(.unmatchedClosingBrace(at: token.location))
                advance()
            case .word:
                var clause = parseClause(depth: depth)
                clause.leadingComments = comments
                clause.blankLineBefore = !clauses.isEmpty && sawBlank
                comments = []
                newlines = 0
                sawBlank = false
                clauses.append(clause)
            default:
                report(.expectedClause(found: token))
                skipToEndOfLine()
            }
        }
    }

    /// Comments after the last clause of a block or file: a blank line before them is kept as a
    /// leading marker, one after them is dropped (a block never ends with a blank line).
    private static func closing(_ comments: [Token], blankBefore: Bool) -> [Token] {
        var out = comments
        while out.last?.kind == .newline { out.removeLast() }
        if blankBefore, !out.isEmpty { out.insert(Token(.newline, "", at: out[0].location), at: 0) }
        return out
    }

    private mutating func skipToEndOfLine() {
        while ![.newline, .endOfFile].contains(current.kind) {
            if current.kind == .rightBrace { return }
            advance()
        }
    }

    private func continuesAfter(_ last: Token?) -> Bool {
        guard let last else { return false }
        switch last.kind {
        case .comma, .dot, .dotDot, .equals, .equalEqual, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            return true
        case .word:
            // Compared as short strings, without hashing: this runs at the end of every line.
            switch last.text {
            case "and", "or", "not", "where", "when", "in", "is": return true
            default: return false
            }
        default:
            return false
        }
    }

    /// Whether the next line (after blank lines and comments) starts with `and` or `or`.
    private func nextLineContinues() -> Bool {
        var i = index
        while i < tokens.count, tokens[i].kind == .newline || tokens[i].kind == .comment { i += 1 }
        guard i < tokens.count else { return false }
        return tokens[i].isWord("and") || tokens[i].isWord("or")
    }

    private mutating func parseClause(depth: Int) -> Clause {
        var clause = Clause(head: current)
        advance()
        var arguments: [Token] = []
        var nesting = 0
        var inner: [Token] = []
        loop: while true {
            let token = current
            switch token.kind {
            case .endOfFile:
                break loop
            case .newline:
                if token.text == ";" { break loop }
                if nesting > 0 || continuesAfter(arguments.last) || nextLineContinues() {
                    advance()
                    continue
                }
                break loop
            case .comment:
                if nesting > 0 || continuesAfter(arguments.last) || nextLineContinues() {
                    inner.append(token)
                    advance()
                    continue
                }
                clause.trailingComment = token
                advance()
                break loop
            case .leftBrace where nesting == 0:
                break loop
            case .rightBrace:
                break loop
            case .leftParen, .leftBracket:
                nesting += 1
                arguments.append(token)
                advance()
            case .rightParen, .rightBracket:
                nesting = max(0, nesting - 1)
                arguments.append(token)
                advance()
            default:
                if arguments.count >= Self.maximumArguments {
                    report(.clauseTooLong(at: token.location))
                    skipToEndOfLine()
                    break loop
                }
                arguments.append(token)
                advance()
            }
        }
        clause.arguments = arguments
        if current.kind == .leftBrace {
            let brace = current.location
            clause.openBrace = brace
            advance()
            if depth + 1 > Self.maximumBlockDepth {
                report(.nestedTooDeeply(limit: Self.maximumBlockDepth, at: brace))
                skipBlock()
                clause.body = []
                return clause
            }
            let (body, closing) = parseClauses(depth: depth + 1, closing: brace)
            clause.body = body
            clause.closingComments = closing
            if current.kind == .rightBrace {
                advance()
                // After `}`: a comment, then the end of the line.
                if current.kind == .comment {
                    clause.trailingComment = current
                    advance()
                }
                if ![.newline, .endOfFile, .rightBrace].contains(current.kind) {
                    report(.expectedEndOfLine(found: current))
                    skipToEndOfLine()
                }
            }
        }
        if !inner.isEmpty, clause.trailingComment == nil, inner.count == 1 { clause.trailingComment = inner[0] }
        else if !inner.isEmpty { clause.leadingComments += inner }
        return clause
    }

    /// Skips a block that is nested too deeply, braces balanced, without recursing.
    private mutating func skipBlock() {
        var open = 1
        while open > 0, current.kind != .endOfFile {
            if current.kind == .leftBrace { open += 1 }
            if current.kind == .rightBrace { open -= 1 }
            advance()
        }
    }
}

extension Diagnostic {
    static func expectedClause(found token: Token) -> Diagnostic {
        Diagnostic(.error, "S201", "expected a clause name, found `\(token.spelling)`", at: token.location,
                   help: "each line starts with a word such as `provision`, `version` or `source`")
    }
    static func missingClosingBrace(opened: SourceLocation, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "S202", "missing `}` to close the block", at: opened,
                   notes: [.init("the file ends here", at: location)])
    }
    static func unmatchedClosingBrace(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "S203", "`}` closes no block", at: location)
    }
    static func expectedEndOfLine(found token: Token) -> Diagnostic {
        Diagnostic(.error, "S204", "expected the end of the line after `}`, found `\(token.spelling)`", at: token.location,
                   help: "start the next clause on a new line")
    }
    static func nestedTooDeeply(limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "S205", "blocks nested more than \(limit) deep", at: location)
    }
    static func fileTooLarge(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "S109", "the file is larger than \(Parser.maximumFileSize >> 20) MiB", at: location,
                   help: "split it into several files: a rulebook is every .proviso file of its folder")
    }
    static func clauseTooLong(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "S206", "clause longer than \(Parser.maximumArguments) tokens", at: location)
    }
}
