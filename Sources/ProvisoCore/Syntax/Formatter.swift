/// Writes a clause tree back as text in Proviso's one canonical layout, keeping every comment.
///
/// The layout (docs/authoring.md, "The canonical layout"):
/// - two spaces of indentation per block level; one clause per line; `{` on the clause's line and
///   `}` on a line of its own (an empty block is written `{}`);
/// - a clause's arguments separated by one space, except that `.`, `..`, `(`, `)`, `[`, `]` and `,`
///   are written tight (`e.date`, `FY2012..FY2014`, `[IMET, FMF]`) and `=` is tight outside `define`
///   (`confidence date=H`);
/// - a line longer than `lineWidth` whose clause has `and` or `or` outside parentheses is broken
///   before each of them, the continuation lines indented two levels deeper (the lexer joins a
///   line that starts with `and` or `or` to the one before);
/// - blank lines where the author had them, a run of them written as one, never at the start or
///   the end of a block or file; comments keep their text and their blank-line paragraphs;
/// - strings written with the escapes `\"`, `\\`, `\n` and `\t`; LF line endings, no trailing
///   spaces, no byte-order mark, one newline at the end of a file that has content.
///
/// Formatting is idempotent: the output parses to an equal tree with the same comments, and
/// formatting it again changes nothing.
public enum Formatter {
    /// The width beyond which conditions are broken before `and` and `or`.
    public static let lineWidth = 100
    /// Spaces per block level.
    public static let indentWidth = 2

    /// The canonical text of a parsed file. The tree should be free of syntax errors; a tree with
    /// errors is written as parsed, which may drop what the parser could not read.
    public static func format(_ tree: SyntaxTree) -> String {
        LargeStack.run {
            var writer = Writer()
            writer.clauses(tree.clauses, depth: 0)
            writer.comments(tree.trailingComments, depth: 0)
            return writer.text
        }
    }

    /// Parses `file` and returns its canonical text, or why it cannot be formatted: syntax errors
    /// (the file is left to its author), or — a bug, never expected — output that would not read
    /// back as the same clauses and comments.
    public static func format(_ file: SourceFile) throws(FormatError) -> String {
        let result = LargeStack.run { () -> Result<String, FormatError> in
            do throws(FormatError) { return .success(try formatHere(file)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    private static func formatHere(_ file: SourceFile) throws(FormatError) -> String {
        let tree = Parser.parse(file)
        guard !tree.diagnostics.hasErrors else { throw .syntax(tree.diagnostics) }
        let text = format(tree)
        let again = Parser.parse(SourceFile(path: file.path, text: text))
        guard !again.diagnostics.hasErrors, again.clauses == tree.clauses,
            commentTexts(again) == commentTexts(tree)
        else { throw .meaningChanged(file.path) }
        return text
    }

    /// Every comment of a tree, in order, without trailing spaces: what formatting must keep.
    static func commentTexts(_ tree: SyntaxTree) -> [String] {
        var out: [String] = []
        func walk(_ clauses: [Clause]) {
            for c in clauses {
                out += c.leadingComments.filter { $0.kind == .comment }.map { trimmedComment($0.text) }
                if let t = c.trailingComment { out.append(trimmedComment(t.text)) }
                walk(c.body ?? [])
                out += c.closingComments.filter { $0.kind == .comment }.map { trimmedComment($0.text) }
            }
        }
        walk(tree.clauses)
        out += tree.trailingComments.filter { $0.kind == .comment }.map { trimmedComment($0.text) }
        return out
    }

    static func trimmedComment(_ text: String) -> String {
        var scalars = Substring(text)
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }

    /// A string literal as written: in quotes, with its escapes.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A token as written in canonical text.
    static func spelling(_ token: Token) -> String {
        token.kind == .string ? quoted(token.text) : token.text
    }
}

/// Why a file cannot be formatted: the formatting stage's one error type.
public enum FormatError: Error, Sendable, CustomStringConvertible {
    /// The file does not parse; the diagnostics say where. It is left as it is.
    case syntax([Diagnostic])
    /// The canonical text would not read back as the same clauses and comments (a formatter bug);
    /// the file is left as it is.
    case meaningChanged(String)

    /// The reason, in one line.
    public var description: String {
        switch self {
        case .syntax(let ds): return ds.first(where: { $0.severity == .error })?.description ?? "the file does not parse"
        case .meaningChanged(let path):
            return "formatting `\(path)` would change what it says; the file is left as it is"
        }
    }
}

/// Builds the formatted text line by line.
private struct Writer {
    private var lines: [String] = []
    /// True at the start of the file and of each block, where no blank line may go.
    private var atStart = true

    var text: String { lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n" }

    private func indentation(_ depth: Int) -> String { String(repeating: " ", count: depth * Formatter.indentWidth) }

    private mutating func line(_ text: String) {
        lines.append(text)
        atStart = false
    }

    private mutating func blank() {
        if !atStart, lines.last != "" { lines.append("") }
    }

    mutating func clauses(_ clauses: [Clause], depth: Int) {
        for clause in clauses {
            if clause.blankLineBefore { blank() }
            comments(clause.leadingComments, depth: depth)
            self.clause(clause, depth: depth)
        }
    }

    /// Comment lines, with a blank line for each marker.
    mutating func comments(_ tokens: [Token], depth: Int) {
        for token in tokens {
            if token.kind == .comment {
                line(indentation(depth) + "#" + Formatter.trimmedComment(token.text))
            } else {
                blank()
            }
        }
    }

    private mutating func clause(_ clause: Clause, depth: Int) {
        let indent = indentation(depth)
        let trailing = clause.trailingComment.map { " #" + Formatter.trimmedComment($0.text) } ?? ""
        let emptyBlock = clause.body?.isEmpty == true && clause.closingComments.isEmpty
        let opener = clause.body == nil ? "" : emptyBlock ? " {}" : " {"
        let arguments = Arguments.joined(clause.arguments, head: clause.head.text)
        let single = indent + clause.head.text + (arguments.isEmpty ? "" : " " + arguments)
        var text = [single]
        if single.unicodeScalars.count + opener.count > Formatter.lineWidth, Arguments.canBreak(clause) {
            text = Arguments.brokenLines(clause, indent: indent, continuation: indentation(depth + 2))
        }
        for part in text.dropLast() { line(part) }
        guard let body = clause.body, !emptyBlock else {
            line(text[text.count - 1] + opener + trailing)
            return
        }
        line(text[text.count - 1] + opener)
        atStart = true
        clauses(body, depth: depth + 1)
        comments(clause.closingComments, depth: depth + 1)
        if lines.last == "" { lines.removeLast() }
        line(indent + "}" + trailing)
    }
}

/// How a clause's arguments are spaced and, when too long, broken into lines.
private enum Arguments {
    /// Whether the clause has an `and` or `or` outside parentheses after its first argument.
    static func canBreak(_ clause: Clause) -> Bool { !breakPoints(clause.arguments).isEmpty }

    /// Indices of the top-level `and` and `or` words, where a line may be broken.
    static func breakPoints(_ tokens: [Token]) -> [Int] {
        var nesting = 0
        var points: [Int] = []
        for (i, t) in tokens.enumerated() {
            switch t.kind {
            case .leftParen, .leftBracket: nesting += 1
            case .rightParen, .rightBracket: nesting = max(0, nesting - 1)
            case .word where nesting == 0 && i > 0 && (t.text == "and" || t.text == "or"): points.append(i)
            default: break
            }
        }
        return points
    }

    /// The clause broken before each top-level `and` and `or`.
    static func brokenLines(_ clause: Clause, indent: String, continuation: String) -> [String] {
        let tokens = clause.arguments
        var out: [String] = []
        var start = 0
        for point in breakPoints(tokens) + [tokens.count] {
            let part = joined(Array(tokens[start..<point]), head: clause.head.text)
            out.append(start == 0 ? indent + clause.head.text + (part.isEmpty ? "" : " " + part) : continuation + part)
            start = point
        }
        return out
    }

    /// Tokens joined with canonical spacing; if tight spacing would make the lexer read other
    /// tokens (`. .` written `..`), every token is separated by a space instead.
    static func joined(_ tokens: [Token], head: String) -> String {
        let tight = render(tokens, head: head, spaced: false)
        if relexes(tight, to: tokens) { return tight }
        return render(tokens, head: head, spaced: true)
    }

    private static func render(_ tokens: [Token], head: String, spaced: Bool) -> String {
        var out = ""
        var previous: Token?
        for (i, t) in tokens.enumerated() {
            if let p = previous, spaced || space(between: p, and: t, next: i + 1 < tokens.count ? tokens[i + 1] : nil, head: head) {
                out += " "
            }
            out += Formatter.spelling(t)
            previous = t
        }
        return out
    }

    /// Whether canonical text puts a space between `a` and `b`.
    private static func space(between a: Token, and b: Token, next: Token?, head: String) -> Bool {
        switch b.kind {
        case .comma, .dot, .dotDot, .rightParen, .rightBracket: return false
        case .equals: return head == "define"
        default: break
        }
        switch a.kind {
        case .dot, .dotDot, .leftParen, .leftBracket: return false
        case .equals: return head == "define"
        default: return true
        }
    }

    /// Whether `text` lexes to exactly `tokens`.
    private static func relexes(_ text: String, to tokens: [Token]) -> Bool {
        var lexer = Lexer(file: SourceFile(path: "", text: text))
        let again = lexer.tokenize().dropLast()  // the end of file
        return lexer.diagnostics.isEmpty && again.elementsEqual(tokens)
    }
}
