import Proviso
import Testing

@Suite("Parser")
struct ParserTests {
    private func parse(_ text: String) -> SyntaxTree { Parser.parse(SourceFile(path: "test.proviso", text: text)) }
    private func words(_ tokens: [Token]) -> [String] { tokens.map(\.text) }

    @Test("clauses, their arguments and nested blocks")
    func clausesAndBlocks() {
        let tree = parse("""
        provision sfops-7008 "Coups d'État" {
          version V2 FY2012..FY2014 {
            section 7008 "Coups d'État"
            covers titles III..VI
          }
          each coup as e
        }
        country MLI "Mali"
        """)
        #expect(tree.diagnostics.isEmpty)
        #expect(tree.clauses.map(\.head.text) == ["provision", "country"])
        let provision = tree.clauses[0]
        #expect(words(provision.arguments) == ["sfops-7008", "Coups d'État"])
        #expect(provision.body?.map(\.head.text) == ["version", "each"])
        let version = provision.body![0]
        #expect(words(version.arguments) == ["V2", "FY2012", "..", "FY2014"])
        #expect(version.body?.map(\.head.text) == ["section", "covers"])
        #expect(words(version.body![1].arguments) == ["titles", "III", "..", "VI"])
        #expect(version.location.line == 2 && version.location.column == 3)
        #expect(version.openBrace?.line == 2 && version.openBrace?.column == 29)
        #expect(tree.clauses[1].body == nil)
        #expect(provision.clauses("each").count == 1)
    }

    @Test("a line that starts with `and` or `or` continues the clause")
    func continuationByLeadingWord() {
        let tree = parse("""
        prohibits when occurred
          and coup-determined
          or awaiting
        next clause
        """)
        #expect(tree.diagnostics.isEmpty)
        #expect(tree.clauses.map(\.head.text) == ["prohibits", "next"])
        #expect(words(tree.clauses[0].arguments) == ["when", "occurred", "and", "coup-determined", "or", "awaiting"])
        #expect(tree.clauses[0].arguments[3].location.line == 2)
    }

    @Test("a comment or blank line between does not stop a leading `and` from continuing")
    func continuationAcrossComment() {
        let tree = parse("prohibits when a\n  # why b matters\n\n  and b\nnext")
        #expect(tree.diagnostics.isEmpty)
        #expect(words(tree.clauses[0].arguments) == ["when", "a", "and", "b"])
        #expect(tree.clauses.map(\.head.text) == ["prohibits", "next"])
    }

    @Test("a line that ends with an operator or a joining word continues", arguments: [
        "define x = a ==\n  b", "define x =\n  a == b", "define x = a and\n  b", "define x = a or\n  not\n  b",
        "define x = a in\n  [b]", "define x = a !=\n b", "define x = a <=\n b", "define x = a >=\n b",
        "define x = a <\n b", "define x = a >\n b", "define x = e.\n date", "define x = [a,\n b]",
    ])
    func continuationByTrailingOperator(_ text: String) {
        let tree = parse(text + "\nnext")
        #expect(tree.diagnostics.isEmpty)
        #expect(tree.clauses.map(\.head.text) == ["define", "next"])
        #expect(tree.clauses[0].arguments.contains { $0.location.line == 2 })
    }

    @Test("parentheses and brackets join lines until they close")
    func continuationInParentheses() {
        let tree = parse("""
        prohibits when occurred and (coup-determined
          or (prong-a
        and awaiting))
        exempt purposes democratic-elections
        """)
        #expect(tree.diagnostics.isEmpty)
        #expect(tree.clauses.map(\.head.text) == ["prohibits", "exempt"])
        #expect(tree.clauses[0].arguments.last?.text == ")")
        #expect(tree.clauses[0].arguments.last?.location.line == 3)
    }

    @Test("a line that ends in a plain word ends the clause")
    func noContinuation() {
        let tree = parse("a b\nc d\n")
        #expect(tree.clauses.map(\.head.text) == ["a", "c"])
        #expect(words(tree.clauses[0].arguments) == ["b"])
    }

    @Test("comments attach to the clause below, the clause's line, the block's end and the file's end")
    func commentsAttached() {
        let tree = parse("""
        # about Mali
        # second line
        country MLI "Mali" # the code is ISO 3166-1

        kind coup {
          field date date
          # closing remark in the block
        }
        # end of file
        """)
        #expect(tree.diagnostics.isEmpty)
        let country = tree.clauses[0]
        #expect(country.leadingComments.map(\.text) == [" about Mali", " second line"])
        #expect(country.trailingComment?.text == " the code is ISO 3166-1")
        #expect(words(country.arguments) == ["MLI", "Mali"])
        let kind = tree.clauses[1]
        #expect(kind.blankLineBefore)
        #expect(!country.blankLineBefore)
        #expect(kind.closingComments.map(\.text) == [" closing remark in the block"])
        #expect(tree.trailingComments.map(\.text) == [" end of file"])
    }

    @Test("a file with CRLF endings and a byte-order mark parses and checks like the plain file")
    func crlfAndByteOrderMark() throws {
        let plain = SourceFile(path: "test.proviso", text: TestRulebook.text)
        let windows = SourceFile(path: "test.proviso",
                                 bytes: [0xEF, 0xBB, 0xBF] + Array(TestRulebook.text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let a = Parser.parse(plain), b = Parser.parse(windows)
        #expect(b.diagnostics.isEmpty)
        #expect(a.clauses == b.clauses)
        #expect(a.clauses.count > 5)
        let book = try Rulebook.check([windows], name: "windows").get()
        #expect(Set(book.facts.map(\.id)) == ["mli-2012", "ner-2012", "mli-2013"])
        #expect(book.programs[0].name == "International Military Education and Training")
    }

    @Test("clause equality ignores comments and layout")
    func clauseEquality() {
        let a = parse("country MLI \"Mali\" {\n  aliases \"Republic of Mali\"\n}").clauses
        let b = parse("# comment\n\n  country   MLI \"Mali\" { # x\n aliases \"Republic of Mali\"\n}").clauses
        let c = parse("country MLI \"Mali\" {\n  aliases \"Mali Republic\"\n}").clauses
        #expect(a == b)
        #expect(a != c)
    }

    // MARK: - Diagnostics

    @Test("S201: a line that does not start with a word")
    func expectedClause() {
        let text = MarkedText("a\n1️⃣\"text\" b\n2️⃣7008\nc")
        let tree = Parser.parse(text.file())
        let d = expectDiagnostic("S201", at: "1️⃣", in: text, among: tree.diagnostics)
        #expect(d?.message == "expected a clause name, found `\"text\"`")
        expectDiagnostic("S201", at: "2️⃣", in: text, among: tree.diagnostics)
        #expect(tree.clauses.map(\.head.text) == ["a", "c"])
    }

    @Test("S202: a block that is never closed, with a note where the file ends")
    func missingClosingBrace() {
        let text = MarkedText("provision p \"P\" 1️⃣{\n  version V1 FY2012 {\n  }\n2️⃣")
        let tree = Parser.parse(text.file())
        let d = expectDiagnostic("S202", at: "1️⃣", in: text, among: tree.diagnostics)
        #expect(d?.notes.first?.location?.line == text["2️⃣"].line)
        #expect(d?.notes.first?.location?.column == text["2️⃣"].column)
        #expect(tree.diagnostics.count == 1)
        #expect(tree.clauses.first?.body?.map(\.head.text) == ["version"])
    }

    @Test("S203: `}` that closes no block")
    func unmatchedClosingBrace() {
        let text = MarkedText("a\n  1️⃣}\nb")
        let tree = Parser.parse(text.file())
        expectDiagnostic("S203", at: "1️⃣", in: text, among: tree.diagnostics)
        #expect(tree.clauses.map(\.head.text) == ["a", "b"])
    }

    @Test("S204: something after `}` on the same line")
    func expectedEndOfLine() {
        let text = MarkedText("a {\n  b\n} 1️⃣c d\ne")
        let tree = Parser.parse(text.file())
        let d = expectDiagnostic("S204", at: "1️⃣", in: text, among: tree.diagnostics)
        #expect(d?.message == "expected the end of the line after `}`, found `c`")
        #expect(tree.clauses.map(\.head.text) == ["a", "e"])
    }

    @Test("S205: blocks nested deeper than the limit")
    func nestedTooDeeply() {
        let depth = Parser.maximumBlockDepth + 1
        var text = ""
        for level in 0..<depth { text += "b\(level) " + (level == depth - 1 ? "1️⃣{" : "{") + "\n" }
        text += "  inner\n" + String(repeating: "}\n", count: depth) + "after"
        let marked = MarkedText(text)
        let tree = Parser.parse(marked.file())
        expectDiagnostic("S205", at: "1️⃣", in: marked, among: tree.diagnostics)
        #expect(tree.diagnostics.count == 1)
        // The refused block is skipped whole: the clause after it is still read.
        #expect(tree.clauses.map(\.head.text) == ["b0", "after"])
    }

    @Test("blocks nested exactly to the limit are accepted")
    func nestedToTheLimit() {
        let depth = Parser.maximumBlockDepth
        let text = (0..<depth).map { "b\($0) {\n" }.joined() + "inner\n" + String(repeating: "}\n", count: depth)
        #expect(parse(text).diagnostics.isEmpty)
    }

    @Test("S206: a clause longer than the limit")
    func clauseTooLong() {
        // Two arguments per line (`a,`), the line ending in a comma continues the clause: argument
        // number 100,000 (0-based) is the `a` of line 50,001.
        let lines = (Parser.maximumArguments / 2) + 10
        let text = "c a,\n" + String(repeating: "a,\n", count: lines) + "a\nnext"
        let tree = parse(text)
        let found = tree.diagnostics.filter { $0.code == "S206" }
        #expect(found.count == 1)
        #expect(found.first?.location?.line == Parser.maximumArguments / 2 + 1)
        #expect(found.first?.location?.column == 1)
        #expect(tree.clauses.first?.arguments.count == Parser.maximumArguments)
    }

    @Test("recovery: every syntax error of a file is reported, and the clauses around them are kept")
    func recovery() {
        let text = MarkedText("""
        country MLI "Mali"
        1️⃣"stray" text
        program IMET "IMET" {
          title 2️⃣@ IV
        } 3️⃣extra
        4️⃣}
        kind coup {
          field date 5️⃣2012-13
          note 6️⃣"unterminated
        }
        purpose p "P"
        """)
        let tree = Parser.parse(text.file())
        expectDiagnostic("S201", at: "1️⃣", in: text, among: tree.diagnostics)
        expectDiagnostic("S101", at: "2️⃣", in: text, among: tree.diagnostics)
        expectDiagnostic("S204", at: "3️⃣", in: text, among: tree.diagnostics)
        expectDiagnostic("S203", at: "4️⃣", in: text, among: tree.diagnostics)
        expectDiagnostic("S102", at: "6️⃣", in: text, among: tree.diagnostics)
        #expect(tree.diagnostics.count == 5)  // 2012-13 lexes as a date; the checker judges it
        #expect(tree.clauses.map(\.head.text) == ["country", "program", "kind", "purpose"])
        #expect(tree.clauses[2].body?.map(\.head.text) == ["field", "note"])
        #expect(tree.clauses[2].body?[0].arguments.last?.location.column == text["5️⃣"].column)
    }

    @Test("syntax errors in a rulebook come back from Rulebook.check with their locations")
    func syntaxErrorsThroughCheck() {
        let text = MarkedText("country MLI \"Mali\"\n1️⃣}\ncountry NER 2️⃣\"Niger\n")
        let diagnostics = checkDiagnostics(text, path: "rules/a.proviso")
        expectDiagnostic("S203", at: "1️⃣", in: text, among: diagnostics, file: "rules/a.proviso")
        expectDiagnostic("S102", at: "2️⃣", in: text, among: diagnostics, file: "rules/a.proviso")
    }
}
