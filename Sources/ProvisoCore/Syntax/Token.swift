/// A lexical token of the rules language, with its location.
public struct Token: Sendable, Hashable, CustomStringConvertible {
    /// What kind of token this is.
    public enum Kind: UInt8, Sendable, Hashable {
        /// A name or keyword: `provision`, `sfops-7008`, `democratic-elections`, `III`.
        case word
        /// A string literal; `text` holds its decoded contents.
        case string
        /// Digits only: `7008`, `1989`.
        case number
        /// `YYYY-MM-DD` or `YYYY-MM` (a year alone lexes as a number).
        case date
        /// `FY2012`.
        case fiscalYear
        case leftBrace, rightBrace, leftParen, rightParen, leftBracket, rightBracket
        case comma, dot, dotDot, colon, equals
        case equalEqual, notEqual, less, lessEqual, greater, greaterEqual
        /// A line break that ends a clause (the parser decides when one continues a line).
        case newline
        /// `# …` to the end of the line; `text` holds the comment without the `#`.
        case comment
        case endOfFile
    }

    /// The kind.
    public var kind: Kind
    /// The token's text: the decoded value for strings, the spelling otherwise.
    public var text: String
    /// Where it starts; `length` spans the token's spelling.
    public var location: SourceLocation

    /// Creates a token.
    public init(_ kind: Kind, _ text: String, at location: SourceLocation) {
        self.kind = kind
        self.text = text
        self.location = location
    }

    /// Whether this is the word `keyword`.
    public func isWord(_ keyword: String) -> Bool { kind == .word && text == keyword }

    /// The token as the user wrote it, for messages.
    public var spelling: String {
        switch kind {
        case .string: return "\"" + text + "\""
        case .newline: return "end of line"
        case .endOfFile: return "end of file"
        case .comment: return "#" + text
        default: return text
        }
    }

    public var description: String { spelling }

    // Locations are not part of a token's identity: equal text means equal tokens.
    public static func == (a: Token, b: Token) -> Bool { a.kind == b.kind && a.text == b.text }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(text)
    }
}
