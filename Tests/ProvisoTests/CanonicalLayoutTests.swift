import Proviso
import Testing

/// `proviso fmt`: the canonical layout, idempotence, and that formatting keeps every clause and
/// every comment of every file in `Rules/` and `Cases/`.
@Suite struct CanonicalLayoutTests {
    private func format(_ text: String) throws -> String {
        try Formatter.format(SourceFile(path: "t.proviso", text: text))
    }

    @Test func everyRepositoryFileIsFormattedAndReadsBackTheSame() throws {
        let files = AuthoringFixtures.rulesAndCases()
        #expect(files.count >= 5, "the test should find the rulebook and the cases")
        for file in files {
            let formatted = try Formatter.format(file)
            let again = try Formatter.format(SourceFile(path: file.path, text: formatted))
            #expect(again == formatted, "formatting \(file.path) twice changes it")
            let before = Parser.parse(file), after = Parser.parse(SourceFile(path: file.path, text: formatted))
            #expect(after.clauses == before.clauses, "\(file.path) parses to other clauses once formatted")
            #expect(comments(after) == comments(before), "\(file.path) loses or changes comments once formatted")
            #expect(formatted.utf8.elementsEqual(file.bytes), "\(file.path) is not formatted: run `proviso fmt`")
        }
    }

    @Test func layoutOfBlocksArgumentsAndBlankLines() throws {
        let input = """


        # header

        provision   p "T"   {   # opens


          each coup as e
          define x = e.date on-or-before query.date
          version V1 FY2012 .. FY2014 { section 7008 "H" }
          version V2 FY2015..  {
            covers programs IMET ,FMF
            prohibits when x and e.military-role in [ decisive , participated ]
          }


          # closing comment
        }   # after
        coup c { confidence date = H duly-elected=M }
        empty {}
        """
        let expected = """
        # header

        provision p "T" {
          # opens

          each coup as e
          define x = e.date on-or-before query.date
          version V1 FY2012..FY2014 {
            section 7008 "H"
          }
          version V2 FY2015.. {
            covers programs IMET, FMF
            prohibits when x and e.military-role in [decisive, participated]
          }

          # closing comment
        } # after
        coup c {
          confidence date=H duly-elected=M
        }
        empty {}

        """
        #expect(try format(input) == expected)
        #expect(try format(expected) == expected)
    }

    @Test func longConditionsBreakBeforeTopLevelAndOr() throws {
        let input = """
        provision p "T" {
          define d = alpha-condition-name-that-is-long and (beta or gamma) and delta-condition-name-that-is-long and epsilon
        }
        """
        let expected = """
        provision p "T" {
          define d = alpha-condition-name-that-is-long
              and (beta or gamma)
              and delta-condition-name-that-is-long
              and epsilon
        }

        """
        #expect(try format(input) == expected)
        #expect(try format(expected) == expected)
        // Short conditions written over several lines are joined.
        #expect(try format("define d = a\n  and b # why\n") == "define d = a and b # why\n")
    }

    @Test func stringsAreEscapedAndEndingsNormalised() throws {
        let input = "\u{FEFF}note \"a \\\"quote\\\" and a\ttab \\\\ back\"\r\nnote \"x\"   \r\n"
        #expect(try format(input) == "note \"a \\\"quote\\\" and a\\ttab \\\\ back\"\nnote \"x\"\n")
    }

    @Test func tokensThatWouldMergeStaySeparated() throws {
        // `. .` written tight would read as `..`; `= =` as `==`.
        let text = try format("x a . . b = = c\n")
        #expect(Parser.parse(SourceFile(path: "t", text: text)).clauses == Parser.parse(SourceFile(path: "t", text: "x a . . b = = c")).clauses)
        #expect(try format(text) == text)
    }

    @Test func emptyAndCommentOnlyFiles() throws {
        #expect(try format("") == "")
        #expect(try format("\n\n\n") == "")
        #expect(try format("# one\n\n\n# two   \n\n") == "# one\n\n# two\n")
    }

    @Test func aFileWithSyntaxErrorsIsNotFormatted() {
        #expect(throws: FormatError.self) { try format("provision p {\n") }
        #expect(throws: FormatError.self) { try format("note \"unterminated\n") }
    }

    /// Mutated rule files: whatever parses must format idempotently to the same clauses; nothing traps.
    @Test func mutatedFilesFormatIdempotently() throws {
        var generator = SplitMix(seed: 0x5EED)
        let seeds = AuthoringFixtures.rulesAndCases().filter { $0.bytes.count < 8_000 }
        let alphabet = Array(" \n\t{}()[],.=#\"and or x 1 2012-01-01 FY2012".utf8)
        for round in 0..<200 {
            var bytes = seeds[round % seeds.count].bytes
            for _ in 0..<(1 + Int(generator.next() % 4)) where !bytes.isEmpty {
                let at = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: at)
                default: bytes[at] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                }
            }
            let file = SourceFile(path: "m.proviso", bytes: bytes)
            _ = Rulebook.check([file])  // must not trap, whatever it reports
            guard let once = try? Formatter.format(file) else { continue }
            let twice = try Formatter.format(SourceFile(path: "m.proviso", text: once))
            #expect(twice == once, "round \(round): formatting is not idempotent")
        }
    }

    /// Arbitrary bytes: formatting and checking report, never trap.
    @Test func arbitraryBytesNeverTrap() {
        var generator = SplitMix(seed: 0xB17E5)
        for _ in 0..<200 {
            let count = Int(generator.next() % 400)
            let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let file = SourceFile(path: "r.proviso", bytes: bytes)
            _ = try? Formatter.format(file)
            _ = Rulebook.check([file])
        }
    }

    /// Every comment's text, without the trailing spaces formatting removes.
    private func comments(_ tree: SyntaxTree) -> [String] {
        comments(raw: tree).map { text in
            var t = Substring(text)
            while t.last == " " || t.last == "\t" { t.removeLast() }
            return String(t)
        }
    }

    private func comments(raw tree: SyntaxTree) -> [String] {
        var out: [String] = []
        func walk(_ clauses: [Clause]) {
            for c in clauses {
                out += c.leadingComments.filter { $0.kind == .comment }.map(\.text)
                if let t = c.trailingComment { out.append(t.text) }
                walk(c.body ?? [])
                out += c.closingComments.filter { $0.kind == .comment }.map(\.text)
            }
        }
        walk(tree.clauses)
        return out + tree.trailingComments.filter { $0.kind == .comment }.map(\.text)
    }
}

/// The repository's own files, found from this source file's path.
enum AuthoringFixtures {
    /// The package root: two folders above `Tests/ProvisoTests/`.
    static var root: String {
        var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }

    /// Every `.proviso` file below `Rules/` and `.case` file below `Cases/`.
    static func rulesAndCases() -> [SourceFile] {
        let paths = FileSystem.files(under: root + "/Rules", extension: "proviso") + FileSystem.files(under: root + "/Cases", extension: "case")
        return paths.compactMap { path in FileSystem.read(path).map { SourceFile(path: path, bytes: $0) } }
    }
}

extension CanonicalLayoutTests {
    /// A small deterministic random generator, so that a failure reproduces.
    struct SplitMix {
        private var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
