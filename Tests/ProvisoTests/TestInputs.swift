import Proviso
import Testing

// Small functions that turn test text into the library's inputs and outputs.

/// The tokens and diagnostics of lexing one file.
func lexerDiagnostics(_ file: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
    var lexer = Lexer(file: file)
    let tokens = lexer.tokenize()
    return (tokens, lexer.diagnostics)
}

/// The tokens of a condition, as a clause would hand them to `ExpressionParser`, and the location
/// of the end of the text (where "expected … found the end of the clause" points).
func conditionTokens(_ text: String, path: String = "test.proviso") -> (tokens: [Token], end: Proviso.SourceLocation) {
    var lexer = Lexer(file: SourceFile(path: path, text: text))
    let all = lexer.tokenize()
    precondition(lexer.diagnostics.isEmpty, "the condition must lex cleanly: \(lexer.diagnostics)")
    let tokens = all.filter { ![.newline, .comment, .endOfFile].contains($0.kind) }
    return (tokens, all.last!.location)
}

/// Parses one condition.
func parseCondition(_ text: String) -> (Expression?, [Diagnostic]) {
    let (tokens, end) = conditionTokens(text)
    return ExpressionParser.parse(tokens, end: end)
}

/// Every diagnostic of checking `text` as one file (empty when it checks, apart from warnings).
func checkDiagnostics(_ text: MarkedText, path: String = "test.proviso") -> [Diagnostic] {
    switch Rulebook.check([text.file(path)], name: "test") {
    case .success(let book): return book.warnings
    case .failure(let error): return error.diagnostics
    }
}

/// A day from `YYYY-MM-DD`, for tests.
func day(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Day {
    guard let d = Day(parsing: text) else {
        Issue.record("not a day: \(text)", sourceLocation: sourceLocation)
        return Day(ordinal: 0)
    }
    return d
}
