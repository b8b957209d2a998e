import Proviso
import Testing

@Suite("Lexer")
struct LexerTests {
    private func lex(_ text: String) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        lexerDiagnostics(SourceFile(path: "test.proviso", text: text))
    }

    private func kinds(_ tokens: [Token]) -> [Token.Kind] { tokens.map(\.kind) }

    @Test("words, numbers, dates and fiscal years get their kinds")
    func wordsNumbersDates() {
        let (tokens, diagnostics) = lex("provision sfops-7008 democratic_elections III 620A 7008 2012-03-22 2019-07 1989 FY2012 FY12")
        #expect(diagnostics.isEmpty)
        let expected: [(Token.Kind, String)] = [
            (.word, "provision"), (.word, "sfops-7008"), (.word, "democratic_elections"), (.word, "III"), (.word, "620A"),
            (.number, "7008"), (.date, "2012-03-22"), (.date, "2019-07"), (.number, "1989"), (.fiscalYear, "FY2012"),
            (.word, "FY12"), (.endOfFile, ""),
        ]
        #expect(tokens.map(\.kind) == expected.map(\.0))
        #expect(tokens.map(\.text) == expected.map(\.1))
    }

    @Test("tokens carry line, column and length")
    func locations() {
        let (tokens, _) = lex("country MLI \"Mali\"\n  version V1 FY2012..FY2014 {")
        let located = tokens.map { ($0.text, $0.location.line, $0.location.column, $0.location.length) }
        #expect(located[0] == ("country", 1, 1, 7))
        #expect(located[1] == ("MLI", 1, 9, 3))
        #expect(located[2] == ("Mali", 1, 13, 6))  // the string's spelling, quotes included
        #expect(located[3].1 == 1 && located[3].2 == 19 && tokens[3].kind == .newline)
        #expect(located[4] == ("version", 2, 3, 7))
        #expect(located[6] == ("FY2012", 2, 14, 6))
        #expect(located[7] == ("..", 2, 20, 2))
        #expect(located[8] == ("FY2014", 2, 22, 6))
        #expect(located[9] == ("{", 2, 29, 1))
    }

    @Test("columns after strings count characters, with and without escapes")
    func columnsAfterStrings() {
        let (tokens, diagnostics) = lex(#"note "Côte d'Ivoire" x "a\"b" y "é\té" z"#)
        #expect(diagnostics.isEmpty)
        let located = tokens.map { ($0.text, $0.location.column, $0.location.length) }
        #expect(located[1] == ("Côte d'Ivoire", 6, 15))
        #expect(located[2] == ("x", 22, 1))
        #expect(located[3] == ("a\"b", 24, 6))
        #expect(located[4] == ("y", 31, 1))
        #expect(located[5] == ("é\té", 33, 6))
        #expect(located[6] == ("z", 40, 1))
    }

    @Test("strings decode their escapes")
    func stringEscapes() {
        let (tokens, diagnostics) = lex(#""say \"yes\" \\ now\n\tend" "Coups d'État""#)
        #expect(diagnostics.isEmpty)
        #expect(tokens[0].kind == .string)
        #expect(tokens[0].text == "say \"yes\" \\ now\n\tend")
        #expect(tokens[1].text == "Coups d'État")
        #expect(tokens[1].location.column == 29)
    }

    @Test("punctuation, including two-character operators")
    func punctuation() {
        let (tokens, diagnostics) = lex("{ } ( ) [ ] , . .. : = == != < <= > >=")
        #expect(diagnostics.isEmpty)
        #expect(kinds(tokens) == [
            .leftBrace, .rightBrace, .leftParen, .rightParen, .leftBracket, .rightBracket, .comma, .dot, .dotDot, .colon,
            .equals, .equalEqual, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .endOfFile,
        ])
        #expect(tokens.map(\.text).dropLast() == ["{", "}", "(", ")", "[", "]", ",", ".", "..", ":", "=", "==", "!=", "<", "<=", ">", ">="])
    }

    @Test("operators without spaces: a dotted path and a fiscal-year range")
    func operatorsWithoutSpaces() {
        let (tokens, diagnostics) = lex("e.date<=query.date FY2012..FY2014 a==b")
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.text).dropLast() == ["e", ".", "date", "<=", "query", ".", "date", "FY2012", "..", "FY2014", "a", "==", "b"])
    }

    @Test("comments run to the end of the line and keep their text without `#`")
    func comments() {
        let (tokens, diagnostics) = lex("a # the rest, \"even quotes\"\n# whole line\nb")
        #expect(diagnostics.isEmpty)
        #expect(kinds(tokens) == [.word, .comment, .newline, .comment, .newline, .word, .endOfFile])
        #expect(tokens[1].text == " the rest, \"even quotes\"")
        #expect(tokens[1].location.column == 3)
        #expect(tokens[3].text == " whole line")
        #expect(tokens[5].location.line == 3)
    }

    @Test("a byte-order mark is skipped and does not count as a column")
    func byteOrderMark() {
        let file = SourceFile(path: "bom.proviso", bytes: [0xEF, 0xBB, 0xBF] + Array("country MLI\nx".utf8))
        let (tokens, diagnostics) = lexerDiagnostics(file)
        #expect(diagnostics.isEmpty)
        #expect(tokens[0].text == "country")
        #expect(tokens[0].location.line == 1 && tokens[0].location.column == 1)
        #expect(tokens[1].location.column == 9)
        #expect(tokens[3].text == "x" && tokens[3].location.line == 2 && tokens[3].location.column == 1)
    }

    @Test("CRLF line endings: one newline per line, no carriage return in comments or columns")
    func crlf() {
        let (tokens, diagnostics) = lex("a b\r\nc # note\r\n  d\r\n")
        #expect(diagnostics.isEmpty)
        #expect(kinds(tokens) == [.word, .word, .newline, .word, .comment, .newline, .word, .newline, .endOfFile])
        #expect(tokens[4].text == " note")
        #expect(tokens[6].text == "d" && tokens[6].location.line == 3 && tokens[6].location.column == 3)
    }

    @Test("a CRLF file reports diagnostics at the same places as an LF file")
    func crlfDiagnostics() {
        let lf = MarkedText("a\nb 1️⃣@\n")
        let crlf = SourceFile(path: "test.proviso", text: lf.source.replacingOccurrences(of: "\n", with: "\r\n"))
        let (_, diagnostics) = lexerDiagnostics(crlf)
        expectDiagnostic("S101", at: "1️⃣", in: lf, among: diagnostics)
    }

    // MARK: - Diagnostics, each with its code, line and column

    @Test("S101: unexpected character")
    func unexpectedCharacter() {
        let text = MarkedText("provision p \"P\" {\n  note \"é\" 1️⃣@ here\n  2️⃣§\n}")
        let (tokens, diagnostics) = lexerDiagnostics(text.file())
        let first = expectDiagnostic("S101", at: "1️⃣", in: text, among: diagnostics)
        #expect(first?.message == "unexpected character `@`")
        #expect(first?.help != nil)
        let second = expectDiagnostic("S101", at: "2️⃣", in: text, among: diagnostics)
        #expect(second?.message == "unexpected character `§`")
        #expect(diagnostics.count == 2)
        // Lexing goes on after the bad character.
        #expect(tokens.contains { $0.text == "here" })
    }

    @Test("S102: unterminated string, and the next line lexes normally")
    func unterminatedString() {
        let text = MarkedText("title 1️⃣\"no closing quote\nnext 2012-01-01")
        let (tokens, diagnostics) = lexerDiagnostics(text.file())
        expectDiagnostic("S102", at: "1️⃣", in: text, among: diagnostics)
        #expect(diagnostics.count == 1)
        #expect(tokens.contains { $0.kind == .date && $0.location.line == 2 })
    }

    @Test("S103: unknown escape, pointing at the backslash")
    func unknownEscape() {
        let text = MarkedText("note \"a 1️⃣\\q b\"")
        let (tokens, diagnostics) = lexerDiagnostics(text.file())
        let d = expectDiagnostic("S103", at: "1️⃣", in: text, among: diagnostics)
        #expect(d?.message == "unknown escape `\\q` in a string")
        #expect(tokens[1].kind == .string)
    }
    @Test("S103 names a non-ASCII escaped character as written")
    func unknownEscapeNonASCII() {
        let text = MarkedText("note \"1️⃣\\é\"")
        let (_, diagnostics) = lexerDiagnostics(text.file())
        let d = expectDiagnostic("S103", at: "1️⃣", in: text, among: diagnostics)
        #expect(d?.message == "unknown escape `\\é` in a string")
    }

    @Test("S104: malformed date")
    func malformedDate() {
        let text = MarkedText("date 1️⃣2012-06-1\ndate 2️⃣2012-06-01x\ndate 3️⃣2012-06-")
        let (tokens, diagnostics) = lexerDiagnostics(text.file())
        let d = expectDiagnostic("S104", at: "1️⃣", in: text, among: diagnostics)
        #expect(d?.message == "malformed date `2012-06-1`")
        expectDiagnostic("S104", at: "2️⃣", in: text, among: diagnostics)
        expectDiagnostic("S104", at: "3️⃣", in: text, among: diagnostics)
        #expect(diagnostics.count == 3)
        #expect(tokens.filter { $0.kind == .date }.count == 3)
    }

    @Test("S105: invalid UTF-8, once for the file, at the first bad byte")
    func invalidUTF8() {
        // Line 2: `ab "` then 0xFF: column 5. A second bad byte on line 3 is not reported again.
        let bytes = Array("ok\nab \"".utf8) + [0xFF] + Array("\"\nx ".utf8) + [0xC3, 0x28]
        let (tokens, diagnostics) = lexerDiagnostics(SourceFile(path: "test.proviso", bytes: bytes))
        #expect(diagnostics.map(\.code) == ["S105"])
        #expect(diagnostics.first?.location?.line == 2)
        #expect(diagnostics.first?.location?.column == 5)
        #expect(tokens.contains { $0.text == "x" })
        // Overlong encodings and surrogates are not UTF-8 either.
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82]] {
            let (_, ds) = lexerDiagnostics(SourceFile(path: "t", bytes: Array("\"é ".utf8) + bad + Array("\"".utf8)))
            #expect(ds.map(\.code) == ["S105"], "\(bad)")
            #expect(ds.first?.location?.column == 4, "\(bad)")
        }
    }
    @Test("S105 after a byte-order mark counts columns from after the mark")
    func invalidUTF8AfterBOM() {
        // After the mark: `a`, `b`, space, `"` — the bad byte is column 5, as without a mark.
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("ab \"".utf8) + [0xFF] + Array("\"".utf8)
        let (_, diagnostics) = lexerDiagnostics(SourceFile(path: "test.proviso", bytes: bytes))
        #expect(diagnostics.map(\.code) == ["S105"])
        #expect(diagnostics.first?.location?.column == 5)
    }

    @Test("S106: NUL byte, outside and inside a string")
    func nulByte() {
        let bytes = Array("a\n  b".utf8) + [0] + Array(" \"x".utf8) + [0] + Array("y\"".utf8)
        let (tokens, diagnostics) = lexerDiagnostics(SourceFile(path: "test.proviso", bytes: bytes))
        #expect(diagnostics.map(\.code) == ["S106", "S106"])
        #expect(diagnostics.map { $0.location?.line } == [2, 2])
        #expect(diagnostics.map { $0.location?.column } == [4, 8])
        #expect(tokens.contains { $0.kind == .string && $0.text == "xy" })
    }

    @Test("S107: a number too large, and the largest accepted")
    func numberTooLarge() {
        let text = MarkedText("number 123456789012345678\nnumber 1️⃣1234567890123456789")
        let (tokens, diagnostics) = lexerDiagnostics(text.file())
        let d = expectDiagnostic("S107", at: "1️⃣", in: text, among: diagnostics)
        #expect(d?.message == "number `1234567890123456789` is too large")
        #expect(diagnostics.count == 1)
        #expect(tokens.filter { $0.kind == .number }.count == 2)
    }

    @Test("S108: a token longer than the limit")
    func tokenTooLong() {
        // Built without markers: the text is three megabytes.
        let long = String(repeating: "a", count: Lexer.maximumTokenLength + 1)
        let atLimit = String(repeating: "b", count: Lexer.maximumTokenLength)
        let (_, diagnostics) = lex("x \(atLimit)\nx \(long)\nx \"\(long)\"")
        #expect(diagnostics.map(\.code) == ["S108", "S108"])
        #expect(diagnostics.map { $0.location?.line } == [2, 3])
        #expect(diagnostics.map { $0.location?.column } == [3, 3])
    }

    @Test("several lexer errors in one file are all reported")
    func severalErrors() {
        let text = MarkedText("a 1️⃣@\nb \"x2️⃣\\q\" 3️⃣2012-01x\nc 4️⃣\"open")
        let (_, diagnostics) = lexerDiagnostics(text.file())
        expectDiagnostic("S101", at: "1️⃣", in: text, among: diagnostics)
        expectDiagnostic("S103", at: "2️⃣", in: text, among: diagnostics)
        expectDiagnostic("S104", at: "3️⃣", in: text, among: diagnostics)
        expectDiagnostic("S102", at: "4️⃣", in: text, among: diagnostics)
    }

    @Test("token equality ignores locations")
    func tokenEquality() {
        let (a, _) = lex("word")
        let (b, _) = lex("\n\n   word")
        #expect(a[0] == b.first { $0.kind == .word })
        #expect(a[0] != Token(.string, "word", at: a[0].location))
    }

    @Test("100,002 tokens on one line lex (in time linear in the line: quadratic counting took minutes)")
    func longLineIsLinear() {
        let text = "prohibits when " + String(repeating: "(", count: 50_000) + "x" + String(repeating: ")", count: 50_000)
        let tree = Parser.parse(SourceFile(path: "test.proviso", text: text))
        #expect(tree.diagnostics.isEmpty)
        let arguments = tree.clauses.first?.arguments ?? []
        #expect(arguments.count == 100_002)
        #expect(arguments.last?.location.column == 15 + 100_001)
        let (e, diagnostics) = ExpressionParser.parse(arguments.dropFirst(), end: arguments.last!.location)
        #expect(e == nil)
        #expect(diagnostics.map(\.code) == ["S309"])
    }
}
