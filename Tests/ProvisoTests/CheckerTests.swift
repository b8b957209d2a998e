import Proviso
import Testing

@Suite("Checker")
struct CheckerTests {
    typealias R = TestRulebook

    /// Checks the test rulebook with `parts` in place of its defaults; every part may carry markers.
    private func diagnostics(catalog: String = R.catalog, kinds: String = R.kinds, acts: String = R.acts,
                             provision: String = R.provision, facts: String = R.facts) -> (MarkedText, [Diagnostic]) {
        let text = MarkedText(catalog + kinds + acts + provision + facts)
        return (text, checkDiagnostics(text))
    }

    @Test("the test rulebook checks, and its model holds what it declares")
    func validRulebook() throws {
        let book = try R.book()
        #expect(book.warnings.isEmpty, "\(book.warnings)")
        #expect(book.name == "Test rulebook")
        #expect(book.edition == "2024-01-01")
        #expect(Set(book.countries.map(\.iso3)) == ["MLI", "NER", "GIN"])
        let mali = try #require(book.country(named: "republic of mali"))
        #expect(book.countries[mali].name == "Mali")
        #expect(book.country(named: "MLI") == mali && book.country(named: " mali ") == mali)
        #expect(book.country(named: "Malta") == nil)
        #expect(book.programs.map(\.id) == ["IMET", "DA"])
        let imet = try #require(book.program(named: "international military education and training"))
        #expect(book.programs[imet].funding == .sfopsTitle(4))
        #expect(book.programs[imet].recipient == .government)
        #expect(book.programs[imet].authority?.usCode == "22 U.S.C. 2347")
        #expect(book.purposes.map(\.id) == ["democratic-elections"])
        #expect(book.fiscalYears.map(\.year) == [2011, 2012, 2013])
        #expect(book.fiscalYear(2012)?.act?.citation.publicLaw == "112-74")
        #expect(book.fiscalYear(2012)?.continuingResolutions.map(\.carries) == [2011])
        #expect(book.fiscalYear(2013)?.act?.carries == 2012)
        #expect(book.fiscalYear(2014) == nil)
        let coup = try #require(book.kind(named: "coup"))
        #expect(book.kinds[coup].fields.map(\.name) == ["date", "duly-elected"])
        #expect(book.kinds[coup].isComplete)
        #expect(book.provisions.map(\.id) == ["coups"])
        let provision = book.provisions[0]
        #expect(provision.eachKind == coup && provision.eachVariable == "e")
        #expect(provision.defineNames == ["occurred"])
        #expect(provision.versions.map(\.name) == ["V1"])
        #expect(provision.versions[0].fiscalYears == 2011...2013)
        #expect(provision.versions[0].section == "7008")
        #expect(provision.versions[0].funds == .titles(3...6))
        #expect(provision.versions[0].directly)
        #expect(provision.versions[0].lifting?.afterEvent == true)
        #expect(provision.version(forActOf: 2012)?.name == "V1" && provision.version(forActOf: 2014) == nil)
        #expect(Set(book.facts.map(\.id)) == ["mli-2012", "ner-2012", "mli-2013"])
        let nigerCoup = try #require(book.fact(named: "ner-2012"))
        #expect(book.facts[nigerCoup].value(0) == .date(UncertainDate(parsing: "2012-02")!))
        #expect(book.facts[nigerCoup].value(1) == nil)
        #expect(book.facts[nigerCoup].country == book.country(named: "Niger"))
        // A certification is about its event's country.
        #expect(book.facts[book.fact(named: "mli-2013")!].country == mali)
    }

    @Test("Rulebook.countries is sorted by name, as documented")
    func countriesSortedByName() throws {
        let book = try R.book()
        #expect(book.countries.map(\.name) == ["Guinea", "Mali", "Niger"])
    }

    @Test("files are checked together, in path order, and any split gives the same rulebook")
    func severalFiles() throws {
        let files = [
            SourceFile(path: "b/facts.proviso", text: R.facts), SourceFile(path: "a/catalog.proviso", text: R.catalog + R.kinds),
            SourceFile(path: "a/acts.proviso", text: R.acts), SourceFile(path: "c.proviso", text: R.provision),
        ]
        let book = try Rulebook.check(files, name: "split").get()
        #expect(book.sources.map(\.path) == ["a/acts.proviso", "a/catalog.proviso", "b/facts.proviso", "c.proviso"])
        #expect(book.facts.count == 3 && book.provisions.count == 1)
        // The content hash depends on the bytes, not on the order the files were given in.
        let again = try Rulebook.check(files.reversed(), name: "split").get()
        #expect(again.contentHash == book.contentHash)
        let changed = try Rulebook.check(files.dropLast() + [SourceFile(path: "c.proviso", text: R.provision + "\n")], name: "x").get()
        #expect(changed.contentHash != book.contentHash)
    }

    @Test("R201: unknown names, with “did you mean”")
    func unknownNames() {
        let (text, ds) = diagnostics(
            provision: R.provision.replacingOccurrences(of: "exempt purposes democratic-elections",
                                                        with: "exempt purposes 4️⃣democratic-election"),
            facts: R.facts + """
            coup gin-2021 {
              country 1️⃣Guniea
              date 2021-09-05
              source "test"
            }
            certification gin-2022 {
              provision 2️⃣coup
              event 3️⃣gin2021
              date 2022-01-01
              source "test"
            }

            """)
        let country = expectDiagnostic("R201", at: "1️⃣", in: text, among: ds)
        #expect(country?.message == "unknown country `Guniea`")
        #expect(country?.help == "did you mean `Guinea`?")
        let provision = expectDiagnostic("R201", at: "2️⃣", in: text, among: ds)
        #expect(provision?.message == "unknown provision `coup`")
        #expect(provision?.help == "did you mean `coups`?")
        #expect(expectDiagnostic("R201", at: "3️⃣", in: text, among: ds)?.help == "did you mean `gin-2021`?")
        #expect(expectDiagnostic("R201", at: "4️⃣", in: text, among: ds)?.help == "did you mean `democratic-elections`?")
    }

    @Test("R201 in a condition: an unknown field or variable")
    func unknownNamesInConditions() {
        let (text, ds) = diagnostics(provision: R.provision.replacingOccurrences(
            of: "prohibits when occurred and e.duly-elected", with: "prohibits when occurred and 1️⃣f.duly-elected"))
        let d = expectDiagnostic("R201", at: "1️⃣", in: text, among: ds)
        #expect(d?.message == "unknown variable `f`")
        let (text2, ds2) = diagnostics(provision: R.provision.replacingOccurrences(
            of: "prohibits when occurred and e.duly-elected", with: "prohibits when occurred and 1️⃣query.daet before 2020-01-01"))
        #expect(expectDiagnostic("R201", at: "1️⃣", in: text2, among: ds2)?.help == "did you mean `date`?")
    }

    @Test("R202: a duplicate, with a note at the first declaration")
    func duplicates() {
        let (text, ds) = diagnostics(facts: R.facts + """
        coup 1️⃣mli-2012 {
          country Mali
          date 2012-03-22
          source "test"
        }

        """)
        let d = expectDiagnostic("R202", at: "1️⃣", in: text, among: ds)
        #expect(d?.message == "duplicate fact `mli-2012`")
        let first = text.source.components(separatedBy: "\n").firstIndex { $0.hasPrefix("coup mli-2012") }! + 1
        #expect(d?.notes.first?.message == "first declared here")
        #expect(d?.notes.first?.location?.line == first)
        #expect(d?.notes.first?.location?.column == 1)
        let (text2, ds2) = diagnostics(catalog: R.catalog + "1️⃣country MLI \"Mali again\"\n")
        expectDiagnostic("R202", at: "1️⃣", in: text2, among: ds2)
    }

    @Test("R202: the note of each duplicate provision points at that provision's first declaration")
    func duplicateProvisionNotes() {
        let version = "{\n  version V1 FY2012 {\n    section 1\n    prohibits when true\n    source \"s\"\n  }\n}\n"
        let (text, ds) = diagnostics(provision: """
        2️⃣provision a "A" \(version)provision 1️⃣a "A again" \(version)4️⃣provision b "B" \(version)provision 3️⃣b "B again" \(version)
        """)
        let a = expectDiagnostic("R202", at: "1️⃣", in: text, among: ds)
        #expect(a?.notes.first?.location?.line == text["2️⃣"].line)
        let b = expectDiagnostic("R202", at: "3️⃣", in: text, among: ds)
        #expect(b?.notes.first?.location?.line == text["4️⃣"].line)
    }

    @Test("R203: an unknown clause, with “did you mean”")
    func unknownClause() {
        let (text, ds) = diagnostics(catalog: R.catalog + """
        program FMF "Foreign Military Financing" {
          1️⃣titel IV
        }

        """)
        let d = expectDiagnostic("R203", at: "1️⃣", in: text, among: ds)
        #expect(d?.message == "unknown clause `titel` in `program`")
        #expect(d?.help == "did you mean `title`?")
    }

    @Test("R301: a fact without a source")
    func missingSource() {
        let (text, ds) = diagnostics(facts: R.facts + "1️⃣coup gin-2021 {\n  country Guinea\n  date 2021-09-05\n}\n")
        let d = expectDiagnostic("R301", at: "1️⃣", in: text, among: ds)
        #expect(d?.message == "`coup gin-2021` has no source")
    }

    @Test("R501: a citation Proviso cannot read")
    func badCitation() {
        let (text, ds) = diagnostics(provision: R.provision.replacingOccurrences(
            of: "section 7008 \"Coups d'État\"", with: "section 7008\n    cite 1️⃣\"the coup section of the act\""))
        let d = expectDiagnostic("R501", at: "1️⃣", in: text, among: ds)
        #expect(d?.message == "`the coup section of the act` is not a citation Proviso can read")
        let (text2, ds2) = diagnostics(acts: R.acts.replacingOccurrences(
            of: "act \"Act, 2011\" cite \"P.L. 112-10, div. B\"", with: "act \"Act, 2011\" 1️⃣cite \"Public Law 112-10\""))
        expectDiagnostic("R501", at: "1️⃣", in: text2, among: ds2)
    }

    @Test("R502: a version without a citation")
    func versionWithoutCitation() {
        let (text, ds) = diagnostics(provision: R.provision
            .replacingOccurrences(of: "    section 7008 \"Coups d'État\"\n", with: "")
            .replacingOccurrences(of: "  version V1", with: "  1️⃣version V1"))
        let d = expectDiagnostic("R502", at: "1️⃣", in: text, among: ds)
        #expect(d?.message == "version `V1` has no citation")
    }

    private func twoVersions(_ first: String, _ second: String) -> String {
        """
        provision two "Two versions" {
          version V1 \(first) {
            section 7008
            prohibits when true
            source "test"
          }
          1️⃣version V2 \(second) {
            section 7008
            prohibits when true
            source "test"
          }
        }

        """
    }

    @Test("R410: overlapping versions")
    func overlappingVersions() {
        let (text, ds) = diagnostics(provision: R.provision + twoVersions("FY2011..FY2012", "FY2012..FY2013"))
        let d = expectDiagnostic("R410", at: "1️⃣", in: text, among: ds)
        #expect(d?.message == "versions `V1` and `V2` overlap")
        #expect(d?.notes.first?.location?.line == text["1️⃣"].line - 5)
    }

    @Test("R411: a gap between versions")
    func versionGap() {
        let (text, ds) = diagnostics(provision: R.provision + twoVersions("FY2011", "FY2013"))
        let d = expectDiagnostic("R411", at: "1️⃣", in: text, among: ds)
        #expect(d?.message == "the versions leave `FY2012` uncovered")
        // Adjacent versions are fine.
        let (_, fine) = diagnostics(provision: R.provision + twoVersions("FY2011", "FY2012..FY2013").replacingOccurrences(of: "1️⃣", with: ""))
        #expect(!fine.contains { ["R410", "R411"].contains($0.code) }, "\(fine)")
    }

    @Test("R412: a version year with no act recorded")
    func versionYearWithoutAct() {
        let (text, ds) = diagnostics(provision: R.provision.replacingOccurrences(
            of: "  version V1 FY2011..FY2013", with: "  1️⃣version V1 FY2010..FY2013"))
        let d = expectDiagnostic("R412", at: "1️⃣", in: text, among: ds)
        #expect(d?.message == "version `V1` covers `FY2010`, for which no act is recorded")
    }

    @Test("R406: a gap in the fiscal-year table")
    func fiscalYearGap() {
        let acts = R.acts + """
        1️⃣fiscal-year FY2015 {
          act "Act, 2015" cite "P.L. 113-235, div. J" enacted 2014-12-16
          source "test"
        }

        """
        let (text, ds) = diagnostics(acts: acts)
        // FY2014 is missing: reported once, at the first year after the gap.
        #expect(ds.filter { $0.code == "R406" }.count == 1)
        let d = expectDiagnostic("R406", at: "1️⃣", in: text, among: ds)
        #expect(d?.message == "no record for `FY2014` inside the act table")
    }

    @Test("R103: a date that does not exist")
    func impossibleDate() {
        let (text, ds) = diagnostics(facts: R.facts + """
        coup gin-2021 {
          country Guinea
          date 1️⃣2012-02-30
          source "test"
        }
        coup gin-2022 {
          country Guinea
          date 2️⃣2013-02-29
          source "test"
        }
        coup gin-2023 {
          country Guinea
          date 2012-02-29
          source "test"
        }

        """)
        #expect(expectDiagnostic("R103", at: "1️⃣", in: text, among: ds)?.message == "`2012-02-30` is not a date that exists")
        expectDiagnostic("R103", at: "2️⃣", in: text, among: ds)
        #expect(ds.filter { $0.code == "R103" }.count == 2)
    }

    @Test("R105: an interval that ends before it starts")
    func intervalBackwards() {
        let (text, ds) = diagnostics(facts: R.facts + """
        coup gin-2021 {
          country Guinea
          date 2021-09-05..1️⃣2021-09-01
          source "test"
        }

        """)
        let d = expectDiagnostic("R105", at: "1️⃣", in: text, among: ds)
        #expect(d?.message == "the interval ends (`2021-09-01`) before it starts (`2021-09-05`)")
        let (text2, ds2) = diagnostics(acts: R.acts.replacingOccurrences(
            of: "  continuing-resolution \"P.L. 112-36\" from 2011-10-01 until 2011-12-22",
            with: "  1️⃣continuing-resolution \"P.L. 112-36\" from 2011-12-22 until 2011-10-01"))
        expectDiagnostic("R105", at: "1️⃣", in: text2, among: ds2)
    }

    @Test("R225: a definition that refers to itself")
    func definitionCycle() {
        let (text, ds) = diagnostics(provision: R.provision.replacingOccurrences(
            of: "  define occurred = e.date on-or-before query.date",
            with: "  define 1️⃣occurred = e.date on-or-before query.date and recent\n  define recent = not occurred\n  define 2️⃣loop = loop or true"))
        let d = expectDiagnostic("R225", at: "1️⃣", in: text, among: ds)
        #expect(d?.message == "definition refers to itself: `occurred` → `recent` → `occurred`")
        expectDiagnostic("R225", at: "2️⃣", in: text, among: ds)
        #expect(ds.filter { $0.code == "R225" }.count == 2)
    }

    @Test("R220: a value used as a condition")
    func notACondition() {
        let (text, ds) = diagnostics(provision: R.provision.replacingOccurrences(
            of: "prohibits when occurred and e.duly-elected", with: "prohibits when occurred and 1️⃣e.date or 2️⃣7008"))
        let d = expectDiagnostic("R220", at: "1️⃣", in: text, among: ds)
        #expect(d?.message == "`e.date` is not a condition (its type is date)")
        expectDiagnostic("R220", at: "2️⃣", in: text, among: ds)
    }

    @Test("R222: values of different types compared")
    func cannotCompare() {
        let (text, ds) = diagnostics(provision: R.provision.replacingOccurrences(
            of: "prohibits when occurred and e.duly-elected",
            with: "prohibits when (1️⃣e.date == 7) or (2️⃣e.duly-elected before query.date) or 3️⃣query.fiscal-year < 2012-01-01"))
        #expect(expectDiagnostic("R222", at: "1️⃣", in: text, among: ds)?.message == "cannot compare date with number using `==`")
        expectDiagnostic("R222", at: "2️⃣", in: text, among: ds)
        expectDiagnostic("R222", at: "3️⃣", in: text, among: ds)
    }

    @Test("errors in several places are all reported in one run")
    func manyErrorsAtOnce() {
        let (text, ds) = diagnostics(catalog: R.catalog + "program FMF \"FMF\" {\n  1️⃣titel IV\n}\n", facts: R.facts + """
        2️⃣coup gin-2021 {
          country 3️⃣Guniea
          date 4️⃣2021-02-30
        }

        """)
        expectDiagnostic("R203", at: "1️⃣", in: text, among: ds)
        expectDiagnostic("R301", at: "2️⃣", in: text, among: ds)
        expectDiagnostic("R201", at: "3️⃣", in: text, among: ds)
        expectDiagnostic("R103", at: "4️⃣", in: text, among: ds)
    }

    @Test("a rulebook with errors is not built, and its error carries the sources for rendering")
    func failureCarriesSources() throws {
        let text = MarkedText(R.text + "coup x {\n  country Mali\n  date 1️⃣2012-02-30\n  source \"s\"\n}\n")
        guard case .failure(let error) = Rulebook.check([text.file("rules/x.proviso")], name: "x") else {
            Issue.record("an impossible date must not check")
            return
        }
        #expect(error.sources.map(\.path) == ["rules/x.proviso"])
        let rendered = DiagnosticRenderer(sources: error.sources).render(error.diagnostics)
        let (line, column) = text["1️⃣"]
        #expect(rendered.contains("rules/x.proviso:\(line):\(column): error[R103]: `2012-02-30` is not a date that exists\n"))
        #expect(rendered.contains("\(line) |   date 2012-02-30\n"))
        #expect(rendered.contains("| " + String(repeating: " ", count: column - 1) + "^^^^^^^^^^\n"))
        let errors = error.diagnostics.filter { $0.severity == .error }.count
        #expect(rendered.hasSuffix("\(errors) error\(errors == 1 ? "" : "s"), 0 warnings\n"))
    }
}
