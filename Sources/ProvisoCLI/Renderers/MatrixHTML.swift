import Proviso

/// A matrix as one self-contained HTML page: a colour-coded grid (with a mark in each cell, so it
/// reads without colour) and a legend; each cell links to its explanation and citations further
/// down the page; the rulebook, its edition and hash, Proviso's version and the date are on the
/// page. The matrix must be made with `explained: true` for the explanations to appear.
enum MatrixHTML {
    static func render(_ m: Matrix) -> String {
        var body = "<header><h1>May the United States fund it? \(Escape.html(m.date.prose))</h1>"
        body += "<p class=\"meta\">Every country × program on \(Escape.html(m.date.description)) (FY\(m.act.fiscalYear)). Act in force: "
        body += "\(Escape.html(m.act.act.title)) (\(Escape.html(m.act.act.citation.written)))"
        body += (m.act.carriedBy.map { ", carried by \(Escape.html($0.written))" } ?? "") + ".</p>"
        body += "<p class=\"meta\">Rulebook: “\(Escape.html(m.audit.rulebook))”\(m.audit.edition.map { ", edition \(Escape.html($0))" } ?? ""), "
        body += "hash <code>\(Escape.html(m.audit.rulebookHash))</code>; Proviso \(Escape.html(m.audit.provisoVersion)).</p>"
        let counts = m.counts
        body += "<p class=\"meta\">" + [Verdict.prohibited, .indeterminate, .allowedWithConditions, .allowed].map {
            "\(counts[$0] ?? 0) \(HTMLPage.label($0).lowercased())"
        }.joined(separator: " · ") + "</p>"
        body += HTMLPage.legend + "</header>\n"
        body += "<table class=\"grid\" id=\"grid\"><thead><tr><th scope=\"col\">Country</th>"
        for p in m.programs { body += "<th scope=\"col\" title=\"\(Escape.html(p.name))\">\(Escape.html(p.id))</th>" }
        body += "</tr></thead><tbody>\n"
        for (i, c) in m.countries.enumerated() {
            body += "<tr><th scope=\"row\">\(Escape.html(c.name))</th>"
            for (j, p) in m.programs.enumerated() {
                let cell = m.cells[i][j]
                let target = Escape.htmlID("\(c.iso3)-\(p.id)")
                let title = cell.determination?.summary ?? "\(HTMLPage.label(cell.verdict))\(cell.decidedBy.isEmpty ? "" : ": " + cell.decidedBy.joined(separator: ", "))"
                body += "<td class=\"\(HTMLPage.verdictClass(cell.verdict))\"><a href=\"#\(target)\" title=\"\(Escape.html(title))\">"
                body += "<span class=\"mark\">\(HTMLPage.mark(cell.verdict))</span>\(Escape.html(cell.decidedBy.joined(separator: ", ")))</a></td>"
            }
            body += "</tr>\n"
        }
        body += "</tbody></table>\n<section id=\"explanations\"><h2>Explanations</h2>\n"
        for (i, c) in m.countries.enumerated() {
            body += "<section class=\"country\" id=\"\(Escape.htmlID(c.iso3))\"><h3>\(Escape.html(c.name))</h3>\n"
            for (j, p) in m.programs.enumerated() {
                let cell = m.cells[i][j]
                let id = "\(c.iso3)-\(p.id)"
                if let d = cell.determination, d.verdict == .allowed, d.facts.isEmpty, !d.hypothetical {
                    // Nothing on record reaches it: each provision's reason in one line keeps the page small.
                    body += "<article class=\"answer allowed\" id=\"\(Escape.htmlID(id))\"><h4>\(Escape.html(p.id)) — Allowed</h4><p>\(Escape.html(d.summary))</p><ul class=\"sub\">"
                    for f in d.provisions {
                        body += "<li><span class=\"tag\">\(Escape.html(f.id)) \(f.status.rawValue)</span> \(Escape.html(f.citation?.description ?? "")): \(Escape.html(f.reason))</li>"
                    }
                    body += "</ul></article>\n"
                } else if let d = cell.determination {
                    body += HTMLPage.answer(d, id: id, heading: p.id) + "\n"
                } else {
                    body += "<article class=\"answer \(HTMLPage.verdictClass(cell.verdict))\" id=\"\(Escape.htmlID(id))\"><h4>\(Escape.html(p.id)) — \(HTMLPage.label(cell.verdict))</h4>"
                    body += "<p>Decided by: \(Escape.html(cell.decidedBy.isEmpty ? "no provision" : cell.decidedBy.joined(separator: ", "))).</p></article>\n"
                }
            }
            body += "</section>\n"
        }
        body += "</section>\n" + HTMLPage.audit(m.audit)
        return HTMLPage.document(title: "Proviso matrix, \(m.date.description)", body: body)
    }
}
