import Proviso

/// The parts every HTML page of Proviso shares: one self-contained document (inline style, no
/// script, no external asset), the verdict colours and legend, a determination's explanation and
/// the audit footer. Everything from the rulebook is escaped.
enum HTMLPage {
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="Proviso \(Escape.html(Engine.version))">
        <title>\(Escape.html(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    static let style = """
    :root { --prohibited: #f4c7c3; --prohibited-ink: #8a1c12; --indeterminate: #fbe3a6; --indeterminate-ink: #6b4a00;
            --allowed: #cfe8d2; --allowed-ink: #1d5a2a; --conditions: #cfe0f3; --conditions-ink: #1b4a7a; --rule: #c9c9c9; }
    body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1b1b1b;
           margin: 1.5rem auto; max-width: 72rem; padding: 0 1rem; }
    h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid var(--rule); }
    h3 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; } h4 { font-size: 1rem; margin: .75rem 0 .25rem; }
    .meta { color: #444; margin: .25rem 0; }
    .legend { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; list-style: none; padding: .5rem .75rem; margin: .75rem 0;
              border: 1px solid var(--rule); border-radius: 6px; background: #fafafa; }
    .legend li { display: flex; align-items: center; gap: .4rem; }
    .swatch { display: inline-block; min-width: 2.2rem; text-align: center; border-radius: 4px; padding: 0 .3rem; font-weight: 600; }
    .prohibited { background: var(--prohibited); color: var(--prohibited-ink); }
    .indeterminate { background: var(--indeterminate); color: var(--indeterminate-ink); }
    .allowed { background: var(--allowed); color: var(--allowed-ink); }
    .allowed-with-conditions { background: var(--conditions); color: var(--conditions-ink); }
    table { border-collapse: collapse; margin: .5rem 0; }
    th, td { border: 1px solid var(--rule); padding: .2rem .45rem; text-align: left; vertical-align: top; }
    thead th { background: #f0f0f0; position: sticky; top: 0; }
    table.grid td { padding: 0; min-width: 5.5rem; white-space: nowrap; }
    table.grid td a { display: block; padding: .2rem .45rem; color: inherit; text-decoration: none; font-size: .85rem; }
    table.grid td a:hover, table.grid td a:focus { outline: 2px solid #333; outline-offset: -2px; }
    table.grid th[scope=row] { font-weight: 500; white-space: nowrap; }
    .mark { font-weight: 700; margin-right: .25rem; }
    article.answer { border-left: 6px solid var(--rule); padding: .25rem .75rem; margin: .75rem 0; }
    article.answer.prohibited { border-left-color: var(--prohibited-ink); background: #fdf3f2; color: inherit; }
    article.answer.indeterminate { border-left-color: var(--indeterminate-ink); background: #fffaf0; color: inherit; }
    article.answer.allowed { border-left-color: var(--allowed-ink); background: #f5fbf6; color: inherit; }
    article.answer.allowed-with-conditions { border-left-color: var(--conditions-ink); background: #f4f8fd; color: inherit; }
    article.answer:target { outline: 3px solid #333; }
    ol.steps > li { margin: .35rem 0; } ul.sub { margin: .15rem 0 .15rem 1rem; padding-left: 1rem; }
    .tag { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; color: #444; }
    .source { word-break: break-all; font-size: .85em; }
    .cite { font-style: italic; }
    .hypothetical { border: 2px dashed #8a1c12; padding: .25rem .5rem; font-weight: 600; }
    footer { margin-top: 2rem; padding-top: .5rem; border-top: 1px solid var(--rule); color: #444; font-size: .9rem; }
    svg text { font: 11px system-ui, sans-serif; }
    @media print { thead th { position: static; } a { color: inherit; } }
    """

    /// The class of a verdict's colour.
    static func verdictClass(_ v: Verdict) -> String { v.rawValue }

    /// A short mark shown in a cell beside the colour, so the grid reads without colour too.
    static func mark(_ v: Verdict) -> String {
        switch v {
        case .prohibited: return "✕"
        case .indeterminate: return "?"
        case .allowed: return "✓"
        case .allowedWithConditions: return "✓*"
        }
    }

    static func label(_ v: Verdict) -> String {
        switch v {
        case .prohibited: return "Prohibited"
        case .indeterminate: return "Indeterminate"
        case .allowed: return "Allowed"
        case .allowedWithConditions: return "Allowed with conditions"
        }
    }

    static var legend: String {
        let items = [Verdict.prohibited, .indeterminate, .allowedWithConditions, .allowed].map { v in
            "<li><span class=\"swatch \(verdictClass(v))\">\(mark(v))</span>\(label(v))</li>"
        }
        return "<ul class=\"legend\" id=\"legend\" aria-label=\"Legend\">\(items.joined())"
            + "<li>Each cell names the provisions that decide it; follow it for the reasoning and citations.</li></ul>"
    }

    static func audit(_ a: Audit) -> String {
        "<footer id=\"audit\">Produced by Proviso \(Escape.html(a.provisoVersion)) from the rulebook “\(Escape.html(a.rulebook))”"
            + (a.edition.map { " (edition \(Escape.html($0)))" } ?? "")
            + ", content hash <code>\(Escape.html(a.rulebookHash))</code>, for the date \(Escape.html(a.queryDate.description)). "
            + "The same rulebook, version and date give the same page. Proviso is not legal advice.</footer>"
    }

    /// One determination: its sentence, the reasoning, the citations and the paths.
    static func answer(_ d: Determination, id: String, heading: String) -> String {
        var out = "<article class=\"answer \(verdictClass(d.verdict))\" id=\"\(Escape.htmlID(id))\">"
        out += "<h4>\(Escape.html(heading)) — \(label(d.verdict))</h4>"
        if d.hypothetical { out += "<p class=\"hypothetical\">Hypothetical: this answer assumes what the rulebook does not record.</p>" }
        out += "<p>\(Escape.html(d.summary))</p>"
        let steps = d.explanation.steps.filter { $0.kind == .provision }
        if !steps.isEmpty {
            out += "<ol class=\"steps\">"
            for s in steps {
                out += "<li>\(Escape.html(s.text)) <span class=\"tag\">[\(Escape.html(s.provision ?? "")): \(Escape.html(s.status?.rawValue ?? ""))]</span>"
                out += substeps(s.steps) + "</li>"
            }
            out += "</ol>"
        }
        let cited = d.provisions.filter { $0.status != .notApplicable && $0.citation != nil }
        if !cited.isEmpty {
            out += "<p>Citations: " + cited.map { "<span class=\"cite\">\(Escape.html($0.citation!.description))</span> (\(Escape.html($0.id)), \(Escape.html($0.title)))" }
                .joined(separator: "; ") + ". Act in force: \(Escape.html(d.act.act.title)) (\(Escape.html(d.act.act.citation.written)))"
                + (d.act.carriedBy.map { ", carried by \(Escape.html($0.written))" } ?? "") + ".</p>"
        }
        if !d.paths.isEmpty {
            out += "<p>What would change it:</p><ul class=\"sub\">"
            for p in d.paths {
                out += "<li>\(Escape.html(p.description)) → \(Escape.html(p.verdict.phrase)) <span class=\"tag\">\(Escape.html(p.option))</span></li>"
            }
            out += "</ul>"
        }
        for w in d.warnings { out += "<p class=\"meta\">Warning: \(Escape.html(w))</p>" }
        for c in d.caveats { out += "<p class=\"meta\">Caveat: \(Escape.html(c))</p>" }
        for n in d.notes { out += "<p class=\"meta\">Note (policy, not law): \(Escape.html(n))</p>" }
        return out + "</article>"
    }

    private static func substeps(_ steps: [ExplanationStep]) -> String {
        guard !steps.isEmpty else { return "" }
        var out = "<ul class=\"sub\">"
        for s in steps {
            out += "<li>\(Escape.html(s.text))"
            if s.assumed { out += " <span class=\"tag\">[assumed]</span>" }
            if !s.sources.isEmpty { out += " — sources: " + s.sources.map(Escape.htmlSource).joined(separator: ", ") }
            if !s.arguments.isEmpty { out += " <span class=\"tag\">\(Escape.html(s.arguments.map(ExplanationText.shellWord).joined(separator: " ")))</span>" }
            out += substeps(s.steps) + "</li>"
        }
        return out + "</ul>"
    }
}
