import Proviso
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Inputs at and past Proviso's limits (docs/robustness.md): each ends in a diagnostic with a
/// location, or is handled correctly, quickly and without a crash. The deep-nesting, long-line
/// and long-chain limits themselves are tested beside their diagnostics (S205, S206, S309, R230);
/// these tests add what happens around them. The big inputs (a 50 MB file, a million facts) are
/// in `SlowLimitTests`, which runs when PROVISO_SLOW_TESTS=1.
@Suite("Limits") struct LimitTests {
    static func diagnostics(_ text: String, path: String = "limit.proviso") -> [Diagnostic] {
        switch Rulebook.check([SourceFile(path: path, text: text)], name: "limit") {
        case .success(let book): return book.warnings
        case .failure(let error): return error.diagnostics
        }
    }

    // MARK: - Many findings, long lines

    @Test("a line of 300,000 stray characters gives 100 findings and one that says the rest are not shown",
          .timeLimit(.minutes(1)))
    func manyFindingsOnOneLine() {
        // Each finding's excerpt once decoded the whole line: quadratic, and then out of memory.
        let text = String(repeating: "@ ", count: 300_000)
        let ds = Self.diagnostics(text)
        #expect(ds.filter { $0.code == "S101" }.count == Diagnostic.maximumPerFile)
        let rest = ds.filter { $0.code == "S110" }
        #expect(rest.count == 1)
        #expect(rest.first?.location?.column == 2 * Diagnostic.maximumPerFile + 1)
        let rendered = DiagnosticRenderer(sources: [SourceFile(path: "limit.proviso", text: text)]).render(ds)
        #expect(rendered.utf8.count < 120_000, "each excerpt shows a window of the line, not all of it")
    }

    @Test("an excerpt of a very long line shows a window around the column, with the caret under it")
    func excerptWindow() {
        let text = "note \"x\" " + String(repeating: "aaaaaaaaa ", count: 50_000) + "@ " + String(repeating: "b ", count: 1000) + "\n"
        let file = SourceFile(path: "long.proviso", text: text)
        let ds = Parser.parse(file).diagnostics
        #expect(ds.map(\.code) == ["S101"])
        let excerpt = DiagnosticRenderer(sources: [file]).render(ds[0]).split(separator: "\n").map(String.init)
        // file:line:col: …, blank gutter, the line, the caret, the help.
        let line = excerpt[2], caret = excerpt[3]
        #expect(line.count < 140 && line.hasPrefix("1 | …a") && line.hasSuffix("…"))
        let lineAt = line.index(line.startIndex, offsetBy: caret.firstIndex(of: "^")!.utf16Offset(in: caret))
        #expect(line[lineAt] == "@")
    }

    @Test("control characters in an excerpt are shown as spaces, so a rule file cannot drive the terminal")
    func controlCharactersInExcerpts() {
        let text = "note \"\u{1B}]0;owned\u{07}\u{9B}31m\" @\n"
        let file = SourceFile(path: "esc.proviso", text: text)
        let rendered = DiagnosticRenderer(sources: [file]).render(Parser.parse(file).diagnostics)
        #expect(!rendered.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!rendered.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) })
        // Outside a string, the stray character is named.
        let stray = Parser.parse(SourceFile(path: "esc.proviso", text: "note \"x\" \u{1B}\n")).diagnostics
        #expect(stray.map(\.message) == ["unexpected character `U+001B`"])
        // Inside one, it is an error of its own.
        #expect(Parser.parse(file).diagnostics.map(\.code) == ["S111", "S111", "S111", "S101"])
    }

    @Test("a file of 100,000 unknown declarations: 100 findings, quickly", .timeLimit(.minutes(1)))
    func manyUnknownDeclarations() {
        let ds = Self.diagnostics(String(repeating: "cuop c\n", count: 100_000))
        #expect(ds.filter { $0.code == "R214" }.count == Diagnostic.maximumPerFile)
        #expect(ds.contains { $0.code == "S110" })
    }

    // MARK: - Big files

    @Test("a file larger than 2 MiB is one finding at its first line, with no clause read")
    func fileTooLarge() {
        let text = "country MLI \"Mali\"\n" + String(repeating: "#\n", count: Parser.maximumFileSize / 2)
        let ds = Self.diagnostics(text)
        #expect(ds.filter { $0.severity == .error && $0.location != nil }.map(\.code) == ["S109"])
        #expect(ds.first { $0.code == "S109" }?.location.map { "\($0.line):\($0.column)" } == "1:1")
        // Exactly at the limit, the file is read.
        let atLimit = String(text.utf8.prefix(Parser.maximumFileSize))!
        #expect(!Self.diagnostics(atLimit).contains { $0.code == "S109" })
    }

    @Test("a rule file is read no further than one byte past the limit")
    func boundedRead() throws {
        let folder = try #require(FileSystem.makeTemporaryFolder(prefix: "proviso-limit"))
        let path = folder + "/big.proviso"
        defer { unlink(path); rmdir(folder) }
        #expect(FileSystem.writeAtomically(Array(repeating: UInt8(ascii: "#"), count: 3 << 20), to: path))
        let file = try #require(FileSystem.sourceFile(path))
        #expect(file.bytes.count == Parser.maximumFileSize + 1)
        #expect(Parser.parse(file).diagnostics.map(\.code) == ["S109"])
    }

    // MARK: - Conditions that share definitions

    /// A small rulebook with five events of a complete kind for Mali, and `provision`.
    static func withEvents(_ provision: String) -> String {
        """
        country MLI "Mali"
        program IMET "IMET" {
          title IV
          recipient government
        }
        kind ev "An event" {
          field date date required
          complete "all"
        }
        fiscal-year FY2012 {
          act "Act, 2012" cite "P.L. 112-74, div. I" enacted 2011-12-23 source "s"
          source "s"
        }

        """ + (1...5).map { "ev e\($0) {\n  country Mali\n  date 2012-0\($0)-01\n  source \"s\"\n}\n" }.joined() + provision
    }

    @Test("19 definitions, each using the one before four times, check and answer at once (4^18 evaluations before)",
          .timeLimit(.minutes(1)))
    func sharedDefinitions() throws {
        let defines = (1...18).map { i in "  define d\(i) = " + Array(repeating: "d\(i - 1)", count: 4).joined(separator: " or ") + "\n" }.joined()
        let text = Self.withEvents("""
            provision p "P" {
              each ev as e
              define d0 = e.date after query.date
            \(defines)  version V1 FY2012 {
                section 7008
                covers all-funds
                prohibits when d18
                source "s"
              }
            }

            """)
        let engine = Engine(rulebook: try Rulebook.check([SourceFile(path: "dag.proviso", text: text)], name: "dag").get())
        #expect(try engine.canFund(country: "Mali", program: "IMET", on: Day(parsing: "2012-03-15")!).verdict == .prohibited)
        #expect(try engine.canFund(country: "Mali", program: "IMET", on: Day(parsing: "2012-06-15")!).verdict == .allowed)
    }

    @Test("nested `any` over the record, which would take hours to answer, is refused before any question (R231)",
          .timeLimit(.minutes(1)))
    func nestedQuantifiers() throws {
        let nested = (0..<12).map { "any ev x\($0) where " }.joined() + "x11.date after query.date"
        let text = Self.withEvents("""
            provision p "P" {
              version V1 FY2012 {
                section 7008
                covers all-funds
                prohibits when \(nested)
                source "s"
              }
            }

            """)
        let ds = Self.diagnostics(text)
        #expect(ds.map(\.code) == ["R231"])
        #expect(ds.first?.location?.line == text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("provision p") }! + 1)
        // Two levels over five events are cheap, and answered.
        let two = Self.withEvents("""
            provision p "P" {
              each ev as e
              version V1 FY2012 {
                section 7008
                covers all-funds
                prohibits when any ev x where x.date after e.date
                source "s"
              }
            }

            """)
        #expect(Self.diagnostics(two).isEmpty)
    }

    // MARK: - Deep inputs on small stacks

    /// Runs `body` on a new thread whose stack is `size` bytes (512 KiB is the default for
    /// secondary threads on macOS, and what Swift Testing's workers may get), and waits for it.
    static func onThread(stack size: Int, _ body: @escaping @Sendable () -> Void) {
        final class Box: @unchecked Sendable { let body: @Sendable () -> Void; init(_ b: @escaping @Sendable () -> Void) { body = b } }
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, size)
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        let created = pthread_create(&thread, &attributes, { raw in
            let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
            box.body()
            return nil
        }, box)
        precondition(created == 0, "cannot start a thread")
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        pthread_join(thread!, nil)
        #endif
    }

    /// The deepest rulebook the limits allow: a chain of 32 definitions (R230), used by a trigger
    /// that nests to R232's limit of 40 (counting the definitions it uses), and an exemption
    /// whose `when` nests as deep.
    static func deepest(extraNots: Int = 0) -> String {
        var defines = "  define d0 = e.date before query.date\n"
        for i in 1..<Checker_maximumDefinitionDepth { defines += "  define d\(i) = d\(i - 1)\n" }
        // d31 nests 33 deep; each `not` adds one.
        let trigger = String(repeating: "not ", count: 6 + extraNots) + "d\(Checker_maximumDefinitionDepth - 1)"
        return withEvents("""
            provision deep "Deep" {
              each ev as e
            \(defines)  version V1 FY2012 {
                section 7008
                covers all-funds
                prohibits when \(trigger)
                source "s"
              }
            }
            exemption deep-when "Deep when" {
              cite "FAA §491(b) (22 U.S.C. 2292(b))"
              when \(String(repeating: "not ", count: 38 + extraNots))query.program == IMET
              overrides deep
              source "s"
            }

            """)
    }

    @Test("one level past the deepest the limits allow is R232, at each condition too deep")
    func pastTheDeepest() {
        #expect(Self.diagnostics(Self.deepest()).filter { $0.severity == .error }.isEmpty, "\(Self.diagnostics(Self.deepest()).prefix(3))")
        let ds = Self.diagnostics(Self.deepest(extraNots: 1))
        #expect(ds.filter { $0.severity == .error }.map(\.code) == ["R232", "R232"], "\(ds.map(\.description))")
    }

    @Test("the deepest rulebook the limits allow is checked, answered and explained on a 512 KiB stack",
          .timeLimit(.minutes(1)))
    func deepestOnASmallStack() {
        Self.onThread(stack: 512 << 10) {
            guard case .success(let book) = Rulebook.check([SourceFile(path: "deep.proviso", text: Self.deepest())], name: "deep") else {
                Issue.record("the deepest rulebook should check")
                return
            }
            let engine = Engine(rulebook: book)
            for date in ["2012-01-15", "2012-06-01"] {
                guard let answer = try? engine.canFund(country: "Mali", program: "IMET", on: Day(parsing: date)!) else {
                    Issue.record("no answer on \(date)")
                    continue
                }
                _ = answer.json.serialized()
            }
            #expect((try? engine.timeline(country: "Mali", program: "IMET", from: Day(parsing: "2011-10-01")!,
                                          to: Day(parsing: "2012-09-30")!))?.intervals.isEmpty == false)
        }
    }

    @Test("blocks nested to S205's limit and a condition nested to S309's parse and format on a 512 KiB stack",
          .timeLimit(.minutes(1)))
    func deepSyntaxOnASmallStack() {
        Self.onThread(stack: 512 << 10) {
            let blocks = (1..<Parser.maximumBlockDepth).map { String(repeating: "  ", count: $0 - 1) + "note \"deep\" {\n" }.joined()
                + (1..<Parser.maximumBlockDepth).reversed().map { String(repeating: "  ", count: $0 - 1) + "}\n" }.joined()
            let depth = ExpressionParser.maximumDepth - 1
            let condition = "prohibits when " + String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth) + "\n"
            for text in [blocks, condition] {
                let file = SourceFile(path: "deep.proviso", text: text)
                let tree = Parser.parse(file)
                #expect(tree.diagnostics.isEmpty)
                guard let formatted = try? Formatter.format(file) else { Issue.record("does not format"); continue }
                #expect(Parser.parse(SourceFile(path: "deep.proviso", text: formatted)).clauses == tree.clauses)
            }
            let tokens = Parser.parse(SourceFile(path: "deep.proviso", text: condition)).clauses[0].arguments.dropFirst()
            let (e, ds) = ExpressionParser.parse(tokens, end: tokens.last!.location)
            #expect(ds.isEmpty && e != nil)
            #expect(e == ExpressionParser.parse(tokens, end: tokens.last!.location).0)
        }
    }
}

/// `Checker.maximumDefinitionDepth`, which is internal: the chain of definitions R230 allows.
let Checker_maximumDefinitionDepth = 32
