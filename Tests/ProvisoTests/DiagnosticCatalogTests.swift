import Proviso
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every diagnostic code Proviso can emit, each with a source text that raises it and a marker
/// (`1️⃣`) where it must point, as swift-format tests its findings. A code added to the sources
/// without an example here fails `everyCodeInTheSourcesHasAnExample`.
@Suite struct DiagnosticCatalogTests {
    @Test(arguments: DiagnosticExample.all)
    func example(_ example: DiagnosticExample) throws {
        let marked = DiagnosticExample.MarkedText(example.source)
        let diagnostics = example.diagnostics(for: marked)
        if example.reading == .missingFolder || example.reading == .rulebookAsAWhole {
            #expect(diagnostics.contains { $0.code == example.code && $0.location == nil }, "\(diagnostics.map(\.description))")
            return
        }
        #expect(!marked.markers.isEmpty, "an example must mark where its diagnostic points")
        for (marker, position) in marked.markers.sorted(by: { $0.key < $1.key }) {
            let hit = diagnostics.contains {
                $0.code == example.code && $0.location?.file == DiagnosticExample.path
                    && $0.location?.line == position.line && $0.location?.column == position.column
            }
            #expect(hit, "\(example.code) expected at \(marker) \(position.line):\(position.column); got \(diagnostics.map(\.description))")
        }
        if let name = example.didYouMean {
            #expect(diagnostics.contains { $0.code == example.code && $0.help == "did you mean `\(name)`?" },
                    "\(example.code) should suggest `\(name)`: \(diagnostics.map { $0.help ?? "" })")
        }
        // Messages keep the house style: lower-case start, no final period.
        for d in diagnostics where d.code == example.code {
            #expect(d.message.first.map { !$0.isUppercase } ?? false, "\(d.code): `\(d.message)` should start in lower case")
            #expect(!d.message.hasSuffix("."), "\(d.code): `\(d.message)` should not end with a period")
            #expect(d.severity == (example.code.hasPrefix("W") ? .warning : .error), "\(d.code) has the wrong severity")
        }
    }

    @Test func theBaseRulebookChecksCleanly() throws {
        let result = Rulebook.check([SourceFile(path: "base.proviso", text: DiagnosticExample.base)])
        let diagnostics: [Diagnostic]
        switch result {
        case .success(let book): diagnostics = book.warnings
        case .failure(let error): diagnostics = error.diagnostics
        }
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
    }

    @Test func oneRunReportsEveryError() {
        let text = """
            coup a {
              country Mlai
              date 2012-02-30
              duly-elected yes
              military-role decisive
              source "s"
            }
            purpose elections "again"
            provision q "Q" {
              version V1 FY2014..FY2012 {
                section 7008
                prohibits when query.date == FY2012
                source "s"
              }
            }
            """
        guard case .failure(let error) = Rulebook.check([
            SourceFile(path: "base.proviso", text: DiagnosticExample.base), SourceFile(path: "t.proviso", text: text),
        ]) else {
            Issue.record("the rulebook should not check")
            return
        }
        let codes = Set(error.diagnostics.map(\.code))
        #expect(codes.isSuperset(of: ["R201", "R103", "R202", "R106"]), "\(codes.sorted())")
    }

    @Test func everyCodeInTheSourcesHasAnExample() throws {
        let emitted = DiagnosticCatalogTests.SourceScan.codes()
        #expect(emitted.count > 80, "the scan should find the codes in Sources/ProvisoCore")
        let tested = Set(DiagnosticExample.all.map(\.code))
        let untested = emitted.subtracting(tested).sorted()
        #expect(untested.isEmpty, "codes without an example: \(untested)")
        let stale = tested.subtracting(emitted).sorted()
        #expect(stale.isEmpty, "examples of codes the sources no longer emit: \(stale)")
    }

    @Test func everyCodeIsDocumented() throws {
        let path = AuthoringFixtures.root + "/docs/authoring.md"
        let doc = String(decoding: FileSystem.read(path) ?? [], as: UTF8.self)
        let missing = DiagnosticCatalogTests.SourceScan.codes().filter { !doc.contains("`\($0)`") }.sorted()
        #expect(missing.isEmpty, "codes missing from docs/authoring.md: \(missing)")
    }
}

extension DiagnosticExample {
    /// A source text with markers where a diagnostic must point: `1️⃣` … `9️⃣`, removed from the text.
    struct MarkedText {
        static let symbols: [Character] = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

        /// The text without markers.
        var text = ""
        /// Each marker's line and column (1-based; columns in Unicode scalars, as `SourceLocation`).
        var markers: [String: (line: Int, column: Int)] = [:]

        init(_ marked: String) {
            var line = 1, column = 1
            for character in marked {
                if Self.symbols.contains(character) {
                    markers[String(character)] = (line, column)
                    continue
                }
                text.append(character)
                if character == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += character.unicodeScalars.count
                }
            }
        }
    }
}

extension DiagnosticCatalogTests {
    /// The codes the library's sources can emit: `Diagnostic(.error, "R201"` and the like.
    enum SourceScan {
        static func codes() -> Set<String> {
            var codes: Set<String> = []
            for path in FileSystem.files(under: AuthoringFixtures.root + "/Sources/ProvisoCore", extension: "swift") {
                let text = String(decoding: FileSystem.read(path) ?? [], as: UTF8.self)
                for severity in ["Diagnostic(.error, \"", "Diagnostic(.warning, \""] {
                    var rest = Substring(text)
                    while let range = rest.firstRange(of: severity) {
                        let code = rest[range.upperBound...].prefix { $0 != "\"" }
                        if code.count == 4 { codes.insert(String(code)) }
                        rest = rest[range.upperBound...]
                    }
                }
            }
            return codes
        }
    }
}

/// One code, one source text that raises it.
struct DiagnosticExample: Sendable, CustomTestStringConvertible {
    /// How the text is read.
    enum Reading: Sendable {
        /// As a rule file beside `base` (the default).
        case rules
        /// As a rule file alone.
        case rulesAlone
        /// As a case file, against the rulebook `base`.
        case caseFile
        /// As an assumed fact (`--assume`) against the rulebook `base`.
        case assumption
        /// Lexed and parsed only, with `¤` replaced by the byte 0xFF.
        case bytes
        /// A rulebook folder that does not exist: a diagnostic without a location.
        case missingFolder
        /// A rule file alone, whose finding is about the rulebook as a whole (no location).
        case rulebookAsAWhole
        /// A rulebook folder that holds `Rulebook.maximumSize` bytes before this file.
        case largeFolder
    }

    static let path = "t.proviso"

    var code: String
    var source: String
    var reading: Reading = .rules
    /// The name a "did you mean" must offer, where one exists.
    var didYouMean: String?

    var testDescription: String { code }

    init(_ code: String, _ source: String, _ reading: Reading = .rules, didYouMean: String? = nil) {
        self.code = code
        self.source = source
        self.reading = reading
        self.didYouMean = didYouMean
    }

    func diagnostics(for marked: MarkedText) -> [Diagnostic] {
        let file = SourceFile(path: Self.path, text: marked.text)
        let base = SourceFile(path: "base.proviso", text: Self.base)
        switch reading {
        case .rules, .rulesAlone, .rulebookAsAWhole:
            let files = reading == .rules ? [base, file] : [file]
            switch Rulebook.check(files) {
            case .success(let book): return book.warnings
            case .failure(let error): return error.diagnostics
            }
        case .caseFile:
            guard let book = try? Rulebook.check([base]).get() else { return [] }
            return CaseFile.parse(file, against: book).diagnostics
        case .assumption:
            guard let book = try? Rulebook.check([base]).get() else { return [] }
            do {
                _ = try book.parseFacts([file])
                return []
            } catch {
                return error.diagnostics
            }
        case .largeFolder:
            guard let folder = FileSystem.makeTemporaryFolder(prefix: "proviso-catalog") else { return [] }
            defer {
                for name in ["a0", "a1", "a2", "a3", "t"] { unlink(folder + "/\(name).proviso") }
                rmdir(folder)
            }
            // Files of exactly the per-file limit fill the folder to its limit; `t.proviso` sorts last.
            let filler = Array(repeating: UInt8(ascii: "\n"), count: Rulebook.maximumSize / 4)
            for name in ["a0", "a1", "a2", "a3"] { _ = FileSystem.writeAtomically(filler, to: folder + "/\(name).proviso") }
            _ = FileSystem.writeAtomically(Array(marked.text.utf8), to: folder + "/t.proviso")
            do {
                _ = try Rulebook.load(directory: folder)
                return []
            } catch {
                return error.diagnostics.map { d in
                    var d = d
                    if let l = d.location { d.location?.file = String(l.file.dropFirst(folder.count + 1)) }
                    return d
                }
            }
        case .missingFolder:
            do {
                _ = try Rulebook.load(directory: "/nonexistent/proviso-rules")
                return []
            } catch {
                return error.diagnostics
            }
        case .bytes:
            let bytes = Array(marked.text.utf8)
            var out: [UInt8] = []
            var i = 0
            while i < bytes.count {
                if i + 1 < bytes.count, bytes[i] == 0xC2, bytes[i + 1] == 0xA4 {
                    out.append(0xFF)
                    i += 2
                } else {
                    out.append(bytes[i])
                    i += 1
                }
            }
            return Parser.parse(SourceFile(path: Self.path, bytes: out)).diagnostics
        }
    }

    /// A small rulebook that checks cleanly; most examples add one defect to it.
    static let base = """
        kind coup "A coup" {
          field date date required
          field duly-elected truth required
          field military-role one-of decisive, participated, none required
          complete "every coup of the test"
        }
        kind coup-finding "The executive's finding" {
          field event coup required
          field finding one-of determined, not-a-coup required
        }
        country MLI "Mali"
        country NER "Niger"
        purpose elections "assistance for elections"
        program IMET "International Military Education and Training" {
          title IV
          recipient government
        }
        program ESF "Economic Support Fund" {
          title III
        }
        program COMBO "A composite" {
          components IMET, ESF
        }
        fiscal-year FY2012 {
          act "Act, 2012" cite "P.L. 112-74, div. I" enacted 2011-12-23 source "s"
          source "s"
        }
        fiscal-year FY2013 {
          act "Act, 2013" cite "P.L. 113-6, div. F" enacted 2013-03-26 carries FY2012 source "s"
          source "s"
        }
        provision p7008 "Coups" {
          each coup as e
          define occurred = e.date on-or-before query.date
          version V1 FY2012.. {
            section 7008 "Coups"
            covers titles III..VI
            to government directly
            prohibits when occurred
            exempt purposes elections
            lifted by certification after e finding "elected" by "Secretary"
            source "s"
          }
        }
        provision leahy "Vetting" {
          kind condition
          version V1 FY2012.. {
            cite "FAA §620M (22 U.S.C. 2378d)"
            covers any-assistance
            requires "vetting"
            source "s"
          }
        }
        coup mali-2012 {
          country Mali
          date 2012-03-22
          duly-elected yes
          military-role decisive
          source "s"
        }
        hold mali-hold {
          country Mali
          from 2012-03-26
          says "paused"
          source "s"
        }
        list sst "State sponsors of terrorism" {
          membership interval
          source "s"
        }
        """

    /// A provision `q` without lifting or waiver, for the remedy examples.
    static let plainProvision = """
        provision q "Q" {
          version V1 FY2012.. {
            section 7009
            prohibits when query.date after 2012-01-01
            source "s"
          }
        }
        """

    static func deeplyNested() -> String {
        String(repeating: "a {\n", count: 64) + "a 1️⃣{\n" + String(repeating: "}\n", count: 65)
    }

    static let all: [DiagnosticExample] = syntax + arguments + names + facts + acts + warnings + cases

    static let syntax: [DiagnosticExample] = [
        .init("S101", "note \"x\" 1️⃣@\n"),
        .init("S102", "note 1️⃣\"x\n"),
        .init("S103", "note \"a1️⃣\\q\"\n"),
        .init("S104", "note 1️⃣2012-03-5\n"),
        .init("S105", "note \"ab1️⃣¤\"\n", .bytes),
        .init("S106", "note \"a1️⃣\u{0}\"\n"),
        .init("S107", "note 1️⃣1234567890123456789012\n"),
        .init("S108", "note 1️⃣\"" + String(repeating: "x", count: (1 << 20) + 1) + "\"\n"),
        .init("S109", "1️⃣# " + String(repeating: "x", count: Parser.maximumFileSize) + "\n", .rulesAlone),
        .init("S111", "note \"a1️⃣\u{1B}[31m\"\n"),
        .init("S110", String(repeating: "@ ", count: Diagnostic.maximumPerFile) + "1️⃣@\n", .rulesAlone),
        .init("S201", "1️⃣\"text\" at the start of a line\n"),
        .init("S202", "provision p \"P\" 1️⃣{\n  note \"x\"\n"),
        .init("S203", "note \"x\"\n1️⃣}\n"),
        .init("S204", "a {\n} 1️⃣b\n"),
        .init("S205", deeplyNested()),
        .init("S206", "x" + String(repeating: " a", count: 100_000) + " 1️⃣a\n"),
        .init("S301", "provision q \"Q\" {\n  version V1 FY2012.. {\n    section 7009\n    prohibits when 1️⃣)\n    source \"s\"\n  }\n}\n"),
        .init("S302", condition("e.date before query.date 1️⃣e")),
        .init("S303", condition("(e.date before query.date 1️⃣]")),
        .init("S304", condition("e.military-role in 1️⃣decisive")),
        .init("S305", condition("e.date is 1️⃣foo")),
        .init("S306", condition("listed 1️⃣5")),
        .init("S307", condition("any coup c 1️⃣e.date")),
        .init("S308", condition("e.date 1️⃣= query.date")),
        .init("S309", condition(String(repeating: "not ", count: 200) + "1️⃣not e.duly-elected")),
    ]

    /// A provision over coups whose trigger is `text`.
    static func condition(_ text: String) -> String {
        """
        provision q "Q" {
          each coup as e
          version V1 FY2012.. {
            section 7009
            prohibits when \(text)
            source "s"
          }
        }

        """
    }

    static let arguments: [DiagnosticExample] = [
        .init("R001", "", .missingFolder),
        .init("R002", "1️⃣# the file that takes the folder past its limit\n", .largeFolder),
        .init("R101", "country 1️⃣12 \"Twelve\"\n"),
        .init("R102", "purpose voting \"voting\" 1️⃣extra\n"),
        .init("R103", "coup c {\n  country Mali\n  date 1️⃣2012-02-30\n  duly-elected yes\n  military-role decisive\n  source \"s\"\n}\n"),
        .init("R104", "fiscal-year FY2014 {\n  act \"A\" cite \"P.L. 113-76\" enacted 2014-01-17\n  lapse from 1️⃣2013-10 until 2013-10-16\n  source \"s\"\n}\n"),
        .init("R105", """
            coup c {
              country Mali
              date 2013-09-06..1️⃣2013-09-04
              duly-elected yes
              military-role decisive
              source "s"
            }
            hold h {
              country Mali
              from 2013-01-01
              2️⃣until 2012-01-01
              says "x"
              source "s"
            }
            fiscal-year FY2014 {
              act "A" cite "P.L. 113-76" enacted 2014-01-17
              3️⃣lapse from 2013-10-16 until 2013-10-01
              source "s"
            }

            """),
        .init("R106", "provision q \"Q\" {\n  version V1 1️⃣FY2014..FY2012 {\n    section 7009\n    prohibits when true\n    source \"s\"\n  }\n}\n"),
    ]

    static let names: [DiagnosticExample] = [
        .init("R201", "coup c {\n  country 1️⃣Mlai\n  date 2012-01-01\n  duly-elected yes\n  military-role decisive\n  source \"s\"\n}\n", didYouMean: "Mali"),
        .init("R202", "purpose 1️⃣elections \"again\"\nprovision q \"Q\" {\n  version V1 FY2012 {\n    section 7009\n    prohibits when query.date after 2012-01-01\n    source \"s\"\n  }\n  version 2️⃣V1 FY2013.. {\n    section 7009\n    prohibits when query.date after 2012-01-01\n    source \"s\"\n  }\n}\n"),
        .init("R203", "program X \"x\" {\n  title IV\n  1️⃣titel IV\n}\n"),
        .init("R204", "1️⃣case c \"c\" {\n}\n"),
        .init("R205", "kind 1️⃣provision \"p\" {\n}\n"),
        .init("R206", "kind k \"k\" {\n  1️⃣field country text\n}\n"),
        .init("R207", "kind k \"k\" {\n  field x 1️⃣dat\n}\n", didYouMean: "date"),
        .init("R208", "country 1️⃣Ml \"Mlia\"\n"),
        .init("R209", "program X \"x\" {\n  title 1️⃣IIII\n}\n"),
        .init("R210", "program X \"x\" {\n  title IV\n  recipient 1️⃣govt\n}\n"),
        .init("R211", "1️⃣program NEST \"nested\" {\n  components COMBO, IMET\n}\nprogram SELF \"self\" {\n  2️⃣components SELF\n}\n"),
        .init("R212", "1️⃣program Q \"q\" {\n  recipient government\n}\n"),
        .init("R213", "1️⃣list tip \"TIP\" {\n  source \"s\"\n}\n"),
        .init("R214", "1️⃣cuop c {\n}\n", didYouMean: "coup"),
        .init("R215", "coup c {\n  country Mali\n  1️⃣dat 2012-01-01\n  date 2012-01-01\n  duly-elected yes\n  military-role decisive\n  source \"s\"\n}\n", didYouMean: "date"),
        .init("R216", "1️⃣coup c {\n  country Mali\n  date 2012-01-01\n  duly-elected yes\n  source \"s\"\n}\n"),
        .init("R217", "1️⃣coup c {\n  date 2012-01-01\n  duly-elected yes\n  military-role decisive\n  source \"s\"\n}\n"),
        .init("R218", "list tip \"TIP\" {\n  membership annual applies next-fiscal-year\n  source \"s\"\n}\nedition e {\n  1️⃣country Mali\n  list tip\n  year 2011\n  coverage complete\n  source \"s\"\n}\n"),
        .init("R219", "coup-finding f {\n  event 1️⃣mali-hold\n  finding determined\n  source \"s\"\n}\n"),
        .init("R220", condition("1️⃣e.date")),
        .init("R221", "provision q \"Q\" {\n  each coup as e\n  define d = e.date before query.date\n  version V1 FY2012.. {\n    section 7009\n    prohibits when e.date == 1️⃣d\n    source \"s\"\n  }\n}\n"),
        .init("R222", condition("1️⃣e.date == FY2012")),
        .init("R223", condition("1️⃣any coup e where e.date before query.date")),
        .init("R224", condition("1️⃣any coup c of e where c.date before query.date")),
        // A chain of 41 definitions: the 33rd is the first that builds on more than 32.
        .init("R230", "provision q \"Q\" {\n"
              + (0...40).map { i in i == 0 ? "  define d0 = query.date after 2012-01-01\n" : (i == 32 ? "  define 1️⃣d\(i) = d\(i - 1)\n" : "  define d\(i) = d\(i - 1)\n") }.joined()
              + "  version V1 FY2012.. {\n    section 7009\n    prohibits when d40\n    source \"s\"\n  }\n}\n"),
        .init("R231", (1...3).map { "coup c\($0) {\n  country Mali\n  date 2012-0\($0)-01\n  duly-elected yes\n  military-role decisive\n  source \"s\"\n}\n" }.joined()
              + "1️⃣provision q \"Q\" {\n  version V1 FY2012.. {\n    section 7009\n    prohibits when "
              + (1...12).map { "any coup c\($0) where " }.joined() + "c12.date before query.date\n    source \"s\"\n  }\n}\n"),
        .init("R232", "provision q \"Q\" {\n  define d0 = query.date after 2012-01-01\n"
              + (1...20).map { "  define d\($0) = d\($0 - 1)\n" }.joined()
              + "  version V1 FY2012.. {\n    section 7009\n    prohibits when 1️⃣" + String(repeating: "not ", count: 20) + "d20\n    source \"s\"\n  }\n}\n"),
        .init("R413", "country MLI \"Mali\"\n", .rulebookAsAWhole),
        .init("R415", "list l \"L\" {\n  membership interval\n  1️⃣complete from 2012-01-01 until 2011-01-01\n  source \"s\"\n}\n"),
        .init("R416", "list l \"L\" {\n  membership interval\n  complete from 2010-01-01 until 2013-01-01\n  1️⃣complete from 2012-01-01\n  source \"s\"\n}\n"),
        .init("R414", "fiscal-year FY2012 {\n  act \"A\" cite \"P.L. 112-74, div. I\" enacted 2011-12-23\n  source \"s\"\n}\n", .rulebookAsAWhole),
        .init("R225", "provision q \"Q\" {\n  define 1️⃣a = b\n  define b = a\n  version V1 FY2012.. {\n    section 7009\n    prohibits when a\n    source \"s\"\n  }\n}\n"),
        .init("R226", "provision q \"Q\" {\n  each 1️⃣edition as x\n  version V1 FY2012.. {\n    section 7009\n    prohibits when true\n    source \"s\"\n  }\n}\n"),
        .init("R227", "provision q \"Q\" {\n  version V1 FY2012.. {\n    section 7009\n    prohibits when query.date after 2012-01-01\n    1️⃣lifted by certification after e finding \"x\"\n    source \"s\"\n  }\n}\n"),
        .init("R228", "1️⃣exemption x \"X\" {\n  cite \"FAA §491(b)\"\n  overrides p7008\n  source \"s\"\n}\n"),
        .init("R229", "1️⃣provision x \"X\" {\n}\n", .assumption),
    ]

    static let facts: [DiagnosticExample] = [
        .init("R301", "1️⃣hold h {\n  country Mali\n  from 2012-01-01\n  says \"x\"\n}\n"),
        .init("R302", "hold h {\n  country Mali\n  from 2012-01-01\n  says \"x\"\n  1️⃣source \"  \"\n}\n"),
        .init("R303", plainProvision + "\n1️⃣certification c {\n  country Mali\n  provision q\n  date 2013-01-01\n  source \"s\"\n}\n"),
        .init("R304", "1️⃣listing l {\n  country Mali\n  list sst\n  source \"s\"\n}\n"),
        .init("R305", "1️⃣edition e {\n  list sst\n  year 2012\n  coverage complete\n  source \"s\"\n}\n"),
        .init("R306", """
            1️⃣certification c {
              country Mali
              provision p7008
              date 2013-01-01
              source "s"
            }
            2️⃣certification d {
              provision p7008
              event mali-hold
              date 2013-01-01
              source "s"
            }

            """),
        .init("R307", "1️⃣certification c {\n  provision p7008\n  event mali-2012\n  date 2012-03-01\n  source \"s\"\n}\n"),
    ]

    static let acts: [DiagnosticExample] = [
        .init("R401", "1️⃣fiscal-year FY2014 {\n  source \"s\"\n}\n"),
        .init("R402", "fiscal-year FY2014 {\n  act \"A\" cite \"P.L. 113-76\" enacted 2014-01-17\n  1️⃣unknown \"why\"\n  source \"s\"\n}\n"),
        .init("R403", "fiscal-year FY2014 {\n  1️⃣act \"A\" cite \"P.L. 113-76\" enacted 2014-01-17 carries FY1999\n  source \"s\"\n}\n"),
        .init("R404", "fiscal-year FY2014 {\n  1️⃣act \"A\" cite \"P.L. 113-76\" enacted 2014-01-17 carries FY2014\n  source \"s\"\n}\n"),
        .init("R405", "fiscal-year FY2014 {\n  unknown \"why\"\n  source \"s\"\n}\nfiscal-year FY2015 {\n  1️⃣act \"A\" cite \"P.L. 113-235\" enacted 2014-12-16 carries FY2014\n  source \"s\"\n}\n"),
        .init("R406", "1️⃣fiscal-year FY2015 {\n  act \"A\" cite \"P.L. 113-235\" enacted 2014-12-16\n  source \"s\"\n}\n"),
        .init("R407", "fiscal-year FY2014 {\n  act \"A\" cite \"P.L. 113-76\" enacted 2014-01-17\n  1️⃣continuing-resolution \"P.L. 113-46\" from 2013-09-01 until 2013-10-16 carries FY2013\n  source \"s\"\n}\n"),
        .init("R408", "fiscal-year FY2014 {\n  act \"A\" cite \"P.L. 113-76\" enacted 2014-01-17\n  continuing-resolution \"P.L. 113-46\" from 2013-10-01 until 2013-12-01 carries FY2013\n  1️⃣continuing-resolution \"P.L. 113-73\" from 2013-11-01 until 2014-01-16 carries FY2013\n  source \"s\"\n}\n"),
        .init("R409", "fiscal-year FY2014 {\n  act \"A\" cite \"P.L. 113-76\" enacted 2014-01-17\n  1️⃣continuing-resolution \"P.L. 113-73\" from 2014-02-01 until 2014-02-10 carries FY2013\n  source \"s\"\n}\n"),
        .init("R410", "provision q \"Q\" {\n  version V1 FY2012..FY2013 {\n    section 7009\n    prohibits when true\n    source \"s\"\n  }\n  1️⃣version V2 FY2013.. {\n    section 7009\n    prohibits when true\n    source \"s\"\n  }\n}\n"),
        .init("R411", "provision q \"Q\" {\n  version V1 FY2012 {\n    section 7009\n    prohibits when true\n    source \"s\"\n  }\n  1️⃣version V2 FY2014.. {\n    section 7009\n    prohibits when true\n    source \"s\"\n  }\n}\n"),
        .init("R412", "provision q \"Q\" {\n  1️⃣version V1 FY2010.. {\n    section 7009\n    prohibits when query.date after 2012-01-01\n    source \"s\"\n  }\n}\n"),
        .init("R501", "provision q \"Q\" {\n  version V1 FY2012.. {\n    cite 1️⃣\"section 7009 of some act\"\n    prohibits when query.date after 2012-01-01\n    source \"s\"\n  }\n}\n"),
        .init("R502", "provision q \"Q\" {\n  1️⃣version V1 FY2012.. {\n    prohibits when query.date after 2012-01-01\n    source \"s\"\n  }\n}\n"),
    ]

    static let warnings: [DiagnosticExample] = [
        .init("W001", "provision many \"Many\" {\n"
            + (1...Diagnostic.maximumPerFile).map { "  define d\($0) = true\n" }.joined()
            + "  define d0 = 1️⃣true\n  version V1 FY2012.. {\n    section 7008\n    prohibits when query.date after 2012-01-01\n    source \"s\"\n  }\n}\n"),
        .init("W201", """
            provision q "Q" {
              define never = 2️⃣2012-01-01 after 2013-01-01
              version V1 FY2012..FY2013 {
                section 7009
                prohibits when 1️⃣1989 < 2012
                source "s"
              }
              version V2 FY2014.. {
                section 7009
                prohibits when 3️⃣act.fiscal-year < FY2014 and query.date after 2012-01-01
                source "s"
              }
            }
            exemption x "X" {
              cite "FAA §491(b)"
              programs IMET
              when 4️⃣query.program in []
              overrides q
              source "s"
            }

            """),
        .init("W301", plainProvision + "\n1️⃣waiver w {\n  country Mali\n  provision q\n  date 2013-01-01\n  source \"s\"\n}\n"),
        .init("W302", "1️⃣exemption x \"X\" {\n  cite \"FAA §491(b)\"\n  fiscal-years FY2030..FY2031\n  programs IMET\n  overrides p7008\n  source \"s\"\n}\n"
            + "2️⃣waiver w {\n  country Mali\n  provision p7008\n  fiscal-years FY2030\n  date 2029-01-01\n  under \"P.L. 107-57, §1(b)\"\n  source \"s\"\n}\n"),
        .init("W303", "1️⃣exemption x \"X\" {\n  cite \"FAA §491(b)\"\n  programs IMET\n  overrides leahy\n  source \"s\"\n}\n"),
        .init("W401", "fiscal-year FY2014 {\n  1️⃣act \"A\" cite \"P.L. 113-76\" enacted 2015-01-17\n  source \"s\"\n}\n"),
        .init("W405", "fiscal-year FY2014 {\n  1️⃣act \"A\" cite \"P.L. 113-76\" enacted 2014-01-17\n  source \"s\"\n}\n"),
        .init("W402", "provision q \"Q\" {\n  1️⃣version V1 FY2030.. {\n    section 7009\n    prohibits when query.date after 2012-01-01\n    source \"s\"\n  }\n}\n"),
        .init("W403", "1️⃣provision q \"Q\" {\n  version V1 FY2012 {\n    section 7009\n    prohibits when query.date after 2012-01-01\n    source \"s\"\n  }\n}\n"),
        .init("W404", "1️⃣list tip \"TIP\" {\n  membership annual applies next-fiscal-year\n  source \"s\"\n}\n"),
    ]

    static let cases: [DiagnosticExample] = [
        .init("C401", "1️⃣provision x \"X\" {\n}\n", .caseFile),
        .init("C402", "1️⃣case c \"c\" {\n  query Mali program IMET date 2012-06-01\n  expect prohibited\n  source \"s\"\n}\n", .caseFile),
        .init("C403", """
            case c "c" {
              query 1️⃣Mlai program 2️⃣IMT date 2012-06-01 purpose 3️⃣election
              expect prohibited
              expect 4️⃣p7009 prohibits
              forget 5️⃣mali-2021
              forget 6️⃣mali-2012.dat
              source "s"
            }

            """, .caseFile, didYouMean: "Mali"),
    ]
}
