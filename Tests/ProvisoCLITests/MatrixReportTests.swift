import Foundation
import Proviso
import ProvisoCLI
import Testing

/// `proviso matrix` and `proviso report` end to end, in-process: shapes, audit, errors, and the
/// escaping of hostile rulebook text in CSV, Markdown and HTML.
@Suite("Matrix and report commands")
struct MatrixReportTests {
    private func run(_ arguments: [String]) -> (code: ExitCode, out: String, err: String) {
        var console = Console.buffer
        let code = ProvisoCommandLine.run(arguments, console: &console)
        return (code, console.output, console.errors)
    }

    @Test("the CSV matrix of 1 January 2013 has a row per country and a column per program")
    func csvShape() throws {
        let engine = try Engine.standard
        let (code, out, err) = run(["matrix", "--date", "2013-01-01", "--format", "csv"])
        #expect(code == .success && err.isEmpty)
        let rows = out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == engine.rulebook.countries.count + 1)
        let header = rows[0].split(separator: ",").map(String.init)
        #expect(Array(header[2..<(2 + engine.rulebook.programs.count)]) == engine.rulebook.programs.map(\.id))
        #expect(header.suffix(3) == ["date", "rulebook_hash", "proviso_version"])
        let mali = try #require(rows.first { $0.hasPrefix("Mali,MLI,") })
        #expect(mali.contains("prohibited: sfops-7008"))
        #expect(mali.hasSuffix(",2013-01-01,\(engine.rulebook.contentHash),\(Engine.version)"))
    }

    @Test("the text matrix of a handful of programs fits in 80 columns, and wider ones go to panels")
    func textWidth() {
        for programs in ["IMET,FMF,PKO,DA", "IMET,FMF,PKO,NADR,INCLE,ESF,DA,DoD-333,TSCTP"] {
            let (code, out, _) = run(["matrix", "--date", "2013-01-01", "--programs", programs])
            #expect(code == .success)
            for line in out.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
            #expect(out.contains("Mali") && out.contains("NO sfops-7008"))
            #expect(out.contains("Audit: Proviso default rulebook"))
        }
    }

    @Test("the JSON matrix and the report carry the audit")
    func audit() throws {
        let engine = try Engine.standard
        let (_, json, _) = run(["matrix", "--date", "2013-01-01", "--format", "json", "--countries", "Mali,Niger"])
        #expect(json.contains("\"rulebookHash\": \"\(engine.rulebook.contentHash)\""))
        #expect(json.contains("\"provisoVersion\": \"\(Engine.version)\"") && json.contains("\"queryDate\": \"2013-01-01\""))
        let (code, md, _) = run(["report", "Mali", "--date", "2013-01-01"])
        #expect(code == .success)
        #expect(md.contains(engine.rulebook.contentHash) && md.contains("Proviso \(Engine.version)") && md.contains("2013-01-01"))
        #expect(md.contains("## Facts on record") && md.contains("mali-2012") && md.contains("<https://af.reuters.com/"))
        #expect(md.contains("## Timelines since 1 October 2011"))
    }

    @Test("bad arguments exit 2 and say why", arguments: [
        (["matrix", "--programs", "IMTE"], "did you mean `IMET`?"),
        (["matrix", "--countries", "Mlai"], "did you mean `Mali`?"),
        (["matrix", "--format", "pdf"], "unknown format `pdf`"),
        (["matrix", "--programs", ","], "`--programs` names nothing"),
        (["matrix", "Mali"], "unexpected argument `Mali`"),
        (["matrix", "--width", "5"], "invalid width `5`"),
        (["report"], "missing COUNTRY"),
        (["report", "Atlantis"], "unknown country `Atlantis`"),
        (["report", "Mali", "--format", "csv"], "unknown format `csv`"),
    ])
    func usageErrors(_ arguments: [String], _ message: String) {
        let (code, out, err) = run(arguments)
        #expect(code == .usage)
        #expect(out.isEmpty)
        #expect(err.contains(message), "\(err)")
    }

    // MARK: - Hostile rulebook text

    static let hostile = #"""
rulebook "<script>alert('book')</script>" {
  edition "=1+1"
}
country XSS "<script>alert(1)</script>"
country EQL "=HYPERLINK(\"http://evil.example\",\"click\")"
country PIP "Pipe | and `tick` and **bold** and [link](javascript:alert(1))"
purpose relief "<img src=x onerror=alert(2)>"
program IMET "\"><img src=x onerror=alert(3)>" {
  title IV
  recipient government
}
program ATK "@SUM(1+1) & +cmd" {
  title III
  recipient government
}
kind coup "<b>kind</b>" {
  field date date required "<i>question</i>"
  field duly-elected truth "whether <u>elected</u>"
  complete "every coup"
}
fiscal-year FY2012 {
  act "Act <em>2012</em>" cite "P.L. 112-74, div. I" enacted 2011-10-01
  source "test"
}
provision coups "<script>alert('title')</script>" {
  each coup as e
  trigger "a country whose <script>alert('trigger')</script> is deposed"
  define occurred = e.date on-or-before query.date
  version V1 FY2012 {
    section 7008 "<h1>heading</h1>"
    covers titles III..VI
    to government directly
    prohibits when occurred and e.duly-elected
    exempt purposes relief
    lifted by certification after e finding "</li><script>alert('finding')</script>" by "<b>President</b>"
    source "test"
  }
}
coup xss-2012 {
  country XSS
  summary "<script>alert('summary')</script> & -2+3"
  date 2012-03-22
  duly-elected yes
  source "javascript:alert('source')"
  source "https://evil.example/\"><script>alert('href')</script>"
  source "-=cmd|' /C calc'!A0"
}
coup eql-2012 {
  country EQL
  summary "=cmd|' /C calc'!A0"
  date 2012-03-22
  duly-elected unknown
  source "https://example.org/ok"
}
"""#

    private func withHostileRulebook(_ body: (String) throws -> Void) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("rules.proviso", MatrixReportTests.hostile)
        try body(dir.path)
    }

    @Test("CSV cells that could start a formula are neutralised")
    func csvNeutralised() throws {
        try withHostileRulebook { rules in
            let (code, out, err) = run(["matrix", "--rules", rules, "--date", "2012-06-01", "--format", "csv"])
            #expect(code == .success, "\(err)")
            #expect(out.contains("\n\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",EQL,"))
            for line in out.split(separator: "\r\n") {
                for cell in line.split(separator: ",", omittingEmptySubsequences: false) {
                    let c = cell.hasPrefix("\"") ? cell.dropFirst() : cell
                    #expect(!(c.first.map { "=+-@".contains($0) } ?? false), "\(cell)")
                }
            }
            let (_, timeline, _) = run(["timeline", "EQL", "--program", "IMET", "--rules", rules, "--to", "2012-06-01", "--format", "csv"])
            #expect(!timeline.contains(",=") && !timeline.contains("\n="))
        }
    }

    @Test("HTML escapes everything that comes from the rulebook", arguments: [
        ["matrix", "--date", "2012-06-01", "--format", "html"],
        ["report", "<script>alert(1)</script>", "--date", "2012-06-01", "--format", "html"],
        ["report", "EQL", "--date", "2012-06-01", "--format", "html"],
    ])
    func htmlEscaped(_ arguments: [String]) throws {
        try withHostileRulebook { rules in
            let (code, out, err) = run(arguments + ["--rules", rules])
            #expect(code == .success, "\(err)")
            #expect(!out.contains("<script"), "a script element came through")
            #expect(!out.contains("<img"), "an image came through")
            #expect(!out.contains("<b>") && !out.contains("<em>") && !out.contains("<h1>heading"))
            #expect(!out.lowercased().contains("href=\"javascript:"))
            #expect(!out.contains("onerror=alert(3)>"))
            #expect(out.contains("&lt;script&gt;alert(&#39;book&#39;)&lt;/script&gt;"), "the rulebook's name is shown, escaped")
            // The only links that leave the page are the sources' web addresses.
            let hrefs = out.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
            for h in hrefs { #expect(h.hasPrefix("#") || h.hasPrefix("https://example.org/"), "\(h)") }
            // No element loads anything: every `src=` is inside escaped rulebook text.
            for piece in out.components(separatedBy: " src=").dropLast() { #expect(piece.hasSuffix("&lt;img"), "\(piece.suffix(40))") }
        }
    }

    @Test("Markdown escapes everything that comes from the rulebook")
    func markdownEscaped() throws {
        try withHostileRulebook { rules in
            let (code, out, _) = run(["matrix", "--rules", rules, "--date", "2012-06-01", "--format", "markdown"])
            #expect(code == .success)
            #expect(out.contains("| Pipe \\| and \\`tick\\` and \\*\\*bold\\*\\* and \\[link\\](javascript:alert(1)) |"))
            #expect(!out.contains("<script>"))
            for line in out.split(separator: "\n") where line.hasPrefix("| ") {
                // Every row has as many cells as the header: no value ended a cell early.
                let cells = line.replacingOccurrences(of: "\\|", with: "").split(separator: "|", omittingEmptySubsequences: false)
                #expect(cells.count == 5, "\(line)")
            }
            let (_, report, _) = run(["report", "XSS", "--rules", rules, "--date", "2012-06-01"])
            // Outside code spans (where Markdown shows text as it is), no raw HTML gets through.
            let prose = report.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            #expect(!prose.joined().contains("<script>") && report.contains("\\<script\\>"))
        }
    }
}
