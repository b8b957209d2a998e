/// A clause of the rules language: a head word, its arguments up to the end of the line, and an
/// optional block of nested clauses in braces.
///
/// Every file — rules, facts and cases — is a list of clauses, so one parser, one formatter and one
/// error-recovery strategy serve them all. What a clause means is the checker's business
/// (`Semantics/`); its arguments are parsed further there (expressions, dates, citations).
public struct Clause: Sendable, Hashable {
    /// The first word: `provision`, `version`, `prohibits`, a fact kind such as `coup`, …
    public var head: Token {
        get { storage.head }
        _modify { yield &unique().head }
    }
    /// The tokens after the head, up to the end of the clause (line continuations joined).
    public var arguments: [Token] {
        get { storage.arguments }
        _modify { yield &unique().arguments }
    }
    /// The nested clauses, when the clause has a `{ … }` block.
    public var body: [Clause]? {
        get { storage.body }
        _modify { yield &unique().body }
    }
    /// Comment lines written just above the clause (kept by `proviso fmt`); a `.newline` token
    /// among them marks a blank line between two comments, or between the last one and the clause.
    public var leadingComments: [Token] {
        get { storage.leadingComments }
        _modify { yield &unique().leadingComments }
    }
    /// A comment at the end of the clause's line.
    public var trailingComment: Token? {
        get { storage.trailingComment }
        _modify { yield &unique().trailingComment }
    }
    /// Comments inside the block after its last clause; a leading `.newline` token marks a blank
    /// line before them, others a blank line between them.
    public var closingComments: [Token] {
        get { storage.closingComments }
        _modify { yield &unique().closingComments }
    }
    /// Whether a blank line separated this clause (its first comment, if it has some) from the
    /// clause before (kept by `proviso fmt`).
    public var blankLineBefore: Bool {
        get { storage.blankLineBefore }
        _modify { yield &unique().blankLineBefore }
    }
    /// Where the opening brace of the block is, for "missing `}`" messages.
    public var openBrace: SourceLocation? {
        get { storage.openBrace }
        _modify { yield &unique().openBrace }
    }

    /// The parts live in one box shared by copies until one of them changes: the parser and the
    /// checker copy clauses often, and a copy then costs one reference count instead of one for
    /// each token, list and string in the clause.
    private final class Storage: @unchecked Sendable {
        var head: Token
        var arguments: [Token]
        var body: [Clause]?
        var leadingComments: [Token] = []
        var trailingComment: Token?
        var closingComments: [Token] = []
        var blankLineBefore = false
        var openBrace: SourceLocation?

        init(head: Token, arguments: [Token], body: [Clause]?) {
            self.head = head
            self.arguments = arguments
            self.body = body
        }

        func copy() -> Storage {
            let c = Storage(head: head, arguments: arguments, body: body)
            c.leadingComments = leadingComments
            c.trailingComment = trailingComment
            c.closingComments = closingComments
            c.blankLineBefore = blankLineBefore
            c.openBrace = openBrace
            return c
        }
    }

    // Only a uniquely referenced box is ever changed, so sharing one between threads is safe.
    private var storage: Storage

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// Creates a clause.
    public init(head: Token, arguments: [Token] = [], body: [Clause]? = nil) {
        storage = Storage(head: head, arguments: arguments, body: body)
    }

    /// The head's location: where a clause is said to be.
    public var location: SourceLocation { head.location }

    /// The clauses of the body whose head is `word`.
    public func clauses(_ word: String) -> [Clause] { (body ?? []).filter { $0.head.text == word } }

    // Equality ignores comments and layout: two clauses that say the same thing are equal.
    public static func == (a: Clause, b: Clause) -> Bool {
        a.head == b.head && a.arguments == b.arguments && a.body == b.body
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(head)
        hasher.combine(arguments)
        hasher.combine(body)
    }
}

/// The syntax tree of one file: its clauses, and the comments after the last one.
public struct SyntaxTree: Sendable {
    /// The file parsed.
    public var file: SourceFile
    /// Top-level clauses in order.
    public var clauses: [Clause]
    /// Comments after the last clause (with blank-line markers, as in `Clause.closingComments`).
    public var trailingComments: [Token]
    /// Diagnostics from lexing and parsing (the parser recovers, so there may be several).
    public var diagnostics: [Diagnostic]
}
