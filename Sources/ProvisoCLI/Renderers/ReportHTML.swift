import Proviso

/// A country report as one self-contained HTML page: the verdicts at a glance, a picture of each
/// program's timeline (inline SVG: a horizontal bar per program coloured by verdict, with the days
/// assistance was cut and restored marked), each program's reasoning, the facts on record with
/// their sources, the citations and the audit.
enum ReportHTML {
    static func render(_ r: CountryReport) -> String {
        let h = Escape.html
        var body = "<header><h1>\(h(r.country.name)): may the United States fund it? \(h(r.date.prose))</h1>"
        body += "<p class=\"meta\">Act in force: \(h(r.act.act.title)) (\(h(r.act.act.citation.written))), FY\(r.act.fiscalYear)"
        body += (r.act.carriedBy.map { ", carried by \(h($0.written))" } ?? "") + ".</p>"
        body += "<p class=\"meta\">Rulebook: “\(h(r.audit.rulebook))”\(r.audit.edition.map { ", edition \(h($0))" } ?? ""), "
        body += "hash <code>\(h(r.audit.rulebookHash))</code>; Proviso \(h(r.audit.provisoVersion)).</p>"
        body += HTMLPage.legend + "</header>\n"
        body += "<h2>Verdicts</h2><table class=\"grid\" id=\"grid\"><thead><tr><th>Program</th><th>Verdict</th><th>Deciding provisions</th><th>Citation</th></tr></thead><tbody>"
        for d in r.determinations {
            let deciding = d.provisions.filter { d.decidingProvisions.contains($0.id) }
            body += "<tr><th scope=\"row\" title=\"\(h(d.program.name))\">\(h(d.program.id))</th>"
            body += "<td class=\"\(HTMLPage.verdictClass(d.verdict))\"><a href=\"#\(Escape.htmlID("\(r.country.iso3)-\(d.program.id)"))\">"
            body += "<span class=\"mark\">\(HTMLPage.mark(d.verdict))</span>\(h(HTMLPage.label(d.verdict)))</a></td>"
            body += "<td>\(h(deciding.map(\.id).joined(separator: ", ")))</td>"
            body += "<td class=\"cite\">\(h(deciding.compactMap { $0.citation?.description }.joined(separator: "; ")))</td></tr>"
        }
        body += "</tbody></table>\n"
        body += "<h2>Timelines since \(h(r.since.prose))</h2>\n" + TimelineSVG.render(r) + "\n"
        body += "<h2>Programs</h2>\n"
        for d in r.determinations { body += HTMLPage.answer(d, id: "\(r.country.iso3)-\(d.program.id)", heading: "\(d.program.id) (\(d.program.name))") + "\n" }
        body += "<h2>Facts on record</h2>\n"
        if r.facts.isEmpty { body += "<p>The rulebook records no fact for \(h(r.country.name)).</p>" }
        body += "<table id=\"facts\"><thead><tr><th>Date</th><th>Fact</th><th>What it records</th><th>Sources</th></tr></thead><tbody>"
        for f in r.facts {
            body += "<tr><td>\(h(f.date?.description ?? ""))</td><td><span class=\"tag\">\(h(f.id))</span><br>\(h(f.kind))"
            body += f.confidence.map { "<br>\(h($0.word)) confidence" } ?? ""
            body += "</td><td>\(h(f.summary))</td><td>\(f.sources.map(Escape.htmlSource).joined(separator: "<br>"))</td></tr>"
        }
        body += "</tbody></table>\n<h2>Citations</h2><ul>"
        for c in r.citations {
            body += "<li><span class=\"tag\">\(h(c.id))</span> \(h(c.title)): <span class=\"cite\">\(h(c.citation))</span> — "
            body += h(c.programs.map { "\($0.program) \($0.status.rawValue)" }.joined(separator: ", ")) + "</li>"
        }
        body += "</ul>\n" + HTMLPage.audit(r.audit)
        return HTMLPage.document(title: "Proviso report: \(r.country.name), \(r.date.description)", body: body)
    }
}

/// The timelines of a report as one inline SVG: a row per program, each interval a bar coloured
/// by its verdict (with a tooltip), a red mark where assistance was cut (the verdict became
/// prohibited) and a green mark where it was restored (from prohibited or indeterminate to
/// allowed), and the years along the bottom.
enum TimelineSVG {
    static let width = 960.0, label = 90.0, row = 42.0, bar = 16.0, top = 22.0

    static func render(_ r: CountryReport) -> String {
        let h = Escape.html
        let start = Double(r.since.ordinal), end = Double(r.date.ordinal) + 1
        let span = max(1, end - start)
        let plot = width - label - 10
        func x(_ d: Day) -> Double { label + (Double(d.ordinal) - start) / span * plot }
        let height = top + Double(r.timelines.count) * row + 28
        var out = "<svg id=\"timelines\" role=\"img\" aria-label=\"Timeline of each program\" xmlns=\"http://www.w3.org/2000/svg\" "
        out += "viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" style=\"max-width:\(Int(width))px\">"
        out += "<text x=\"\(Int(label))\" y=\"12\">\(h(r.since.description))</text>"
        out += "<text x=\"\(Int(width - 10))\" y=\"12\" text-anchor=\"end\">\(h(r.date.description))</text>"
        for (n, t) in r.timelines.enumerated() {
            let y = top + Double(n) * row
            out += "<text x=\"0\" y=\"\(fmt(y + bar - 4))\">\(h(t.program))</text>"
            var previous: Verdict?
            // Cut days are labelled on the first line under the bar, restored days on the second,
            // each only where it does not run into the last label on its line.
            var lastLabel = ["cut": -1000.0, "restored": -1000.0]
            for i in t.intervals {
                let x0 = x(i.from), x1 = x(i.until.next)
                let tip = "\(t.program): \(i.verdict.phrase) from \(i.from) to \(i.until)" + (i.decidedBy.isEmpty ? "" : " (\(i.decidedBy.joined(separator: ", ")))")
                out += "<rect class=\"\(i.verdict.rawValue)\" x=\"\(fmt(x0))\" y=\"\(fmt(y))\" width=\"\(fmt(max(1, x1 - x0)))\" height=\"\(Int(bar))\" "
                out += "fill=\"\(fill(i.verdict))\"><title>\(h(tip))</title></rect>"
                if let p = previous {
                    let cut = i.verdict == .prohibited && p != .prohibited
                    let restored = i.verdict.permits && !p.permits
                    if cut || restored {
                        let colour = cut ? "#8a1c12" : "#1d5a2a"
                        let word = cut ? "cut" : "restored"
                        out += "<line class=\"\(word)\" x1=\"\(fmt(x0))\" x2=\"\(fmt(x0))\" y1=\"\(fmt(y - 3))\" y2=\"\(fmt(y + bar + 3))\" stroke=\"\(colour)\" stroke-width=\"2\">"
                        out += "<title>\(h("\(word) on \(i.from)"))</title></line>"
                        if x0 - lastLabel[word]! > 110 {
                            out += "<text x=\"\(fmt(x0 + 2))\" y=\"\(fmt(y + bar + (cut ? 10 : 21)))\" fill=\"\(colour)\">\(word) \(h(i.from.description))</text>"
                            lastLabel[word] = x0
                        }
                    }
                }
                previous = i.verdict
            }
        }
        // Years along the bottom, thinned to about a dozen labels.
        let axis = top + Double(r.timelines.count) * row + 8
        out += "<line x1=\"\(Int(label))\" x2=\"\(Int(width - 10))\" y1=\"\(fmt(axis))\" y2=\"\(fmt(axis))\" stroke=\"#999\"/>"
        let firstYear = r.since.components.year + 1, lastYear = r.date.components.year
        if firstYear <= lastYear {
            let step = max(1, (lastYear - firstYear + 1) / 12 + 1)
            for year in stride(from: firstYear, through: lastYear, by: step) {
                guard let d = Day(year: year, month: 1, day: 1) else { continue }
                let xx = x(d)
                out += "<line x1=\"\(fmt(xx))\" x2=\"\(fmt(xx))\" y1=\"\(fmt(axis - 3))\" y2=\"\(fmt(axis + 3))\" stroke=\"#999\"/>"
                out += "<text x=\"\(fmt(xx))\" y=\"\(fmt(axis + 15))\" text-anchor=\"middle\">\(year)</text>"
            }
        }
        return out + "</svg>"
    }

    static func fill(_ v: Verdict) -> String {
        switch v {
        case .prohibited: return "#e08a80"
        case .indeterminate: return "#f2c75c"
        case .allowed: return "#8cc79a"
        case .allowedWithConditions: return "#8fb6e0"
        }
    }

    /// A coordinate with one decimal, the same on every platform.
    static func fmt(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let a = abs(tenths)
        return "\(sign)\(a / 10).\(a % 10)"
    }
}
