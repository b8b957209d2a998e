import Proviso

/// A country report as Markdown: the verdicts at a glance, each program's reasoning and paths,
/// the timelines, the facts on record with sources, the citations and the audit. Every value from
/// the rulebook is escaped.
enum ReportMarkdown {
    static func render(_ r: CountryReport) -> String {
        let e = Escape.markdown
        var out = "# \(e(r.country.name)): may the United States fund it? \(r.date.prose)\n\n"
        out += "Act in force: \(e(r.act.act.title)) (\(e(r.act.act.citation.written))), FY\(r.act.fiscalYear)"
        out += (r.act.carriedBy.map { ", carried by \(e($0.written))" } ?? "") + ".\n\n"
        out += "## Verdicts\n\n| Program | Verdict | Deciding provisions | Citation |\n|---|---|---|---|\n"
        for d in r.determinations {
            let deciding = d.provisions.filter { d.decidingProvisions.contains($0.id) }
            let verdict = d.verdict == .prohibited || d.verdict == .indeterminate ? "**\(d.verdict.phrase)**" : d.verdict.phrase
            out += "| \(e(d.program.id)) | \(verdict) | \(deciding.map { e($0.id) }.joined(separator: ", ")) | "
            out += deciding.compactMap { $0.citation.map { e($0.description) } }.joined(separator: "; ") + " |\n"
        }
        out += "\n## Programs\n"
        for d in r.determinations {
            out += "\n### \(e(d.program.id)) (\(e(d.program.name))): \(d.verdict.phrase)\n\n\(e(d.summary))\n\n"
            for s in d.explanation.steps where s.kind == .provision {
                out += "- \(e(s.text)) \\[\(e(s.provision ?? "")): \(e(s.status?.rawValue ?? ""))\\]\n"
                out += substeps(s.steps, indent: "  ")
            }
            if !d.paths.isEmpty {
                out += "\nWhat would change it:\n\n"
                for p in d.paths { out += "- \(e(p.description)) → \(e(p.verdict.phrase)): `\(p.option.replacingAllBackticks)`\n" }
            }
            for w in d.warnings { out += "\n> Warning: \(e(w))\n" }
            for c in d.caveats { out += "\n> Caveat: \(e(c))\n" }
            for n in d.notes { out += "\n> Note (policy, not law): \(e(n))\n" }
        }
        out += "\n## Timelines since \(r.since.prose)\n"
        for t in r.timelines {
            out += "\n### \(e(t.program))\n\n| From | Until | Verdict | Provisions | Opened by |\n|---|---|---|---|---|\n"
            for i in t.intervals {
                out += "| \(i.from) | \(i.until) | \(i.verdict.phrase) | \(i.provisions.map { "\(e($0.id)) \($0.status.rawValue)" }.joined(separator: ", ")) | "
                out += (i.since < i.from ? "since \(i.since): " : "") + i.openedBy.map { e($0.description) }.joined(separator: "; ") + " |\n"
            }
        }
        out += "\n## Facts on record\n\n"
        if r.facts.isEmpty { out += "The rulebook records no fact for \(e(r.country.name)).\n" }
        for f in r.facts {
            out += "- \(f.date.map { "\($0.prose): " } ?? "")\(e(f.summary)) (\(e(f.kind)) `\(f.id.replacingAllBackticks)`)"
            out += f.confidence.map { ", \($0.word) confidence" } ?? ""
            out += "\n" + f.sources.map { "  - source: \(Escape.markdownSource($0))\n" }.joined()
        }
        out += "\n## Citations\n\n"
        for c in r.citations {
            out += "- \(e(c.id)) (\(e(c.title))): \(e(c.citation)); \(c.programs.map { "\(e($0.program)) \($0.status.rawValue)" }.joined(separator: ", "))\n"
        }
        out += "\n---\n\nAudit: \(e(r.audit.line)). Proviso is not legal advice.\n"
        return out
    }

    private static func substeps(_ steps: [ExplanationStep], indent: String) -> String {
        var out = ""
        for s in steps {
            out += "\(indent)- \(Escape.markdown(s.text))"
            if let first = s.sources.first { out += " (source: \(Escape.markdownSource(first)))" }
            out += "\n" + substeps(s.steps, indent: indent + "  ")
        }
        return out
    }
}

extension String {
    /// Backticks removed, for text inside a Markdown code span.
    var replacingAllBackticks: String { String(filter { $0 != "`" }) }
}
