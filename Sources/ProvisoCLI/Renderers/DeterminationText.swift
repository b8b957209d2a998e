import Proviso

/// A determination as text for the terminal: the sentence to read aloud, the citations, and with
/// `--explain` the reasoning, facts and sources, what is missing and what would change it.
enum DeterminationText {
    static func render(_ d: Determination, explain: Bool) -> String {
        var out = ""
        if d.hypothetical {
            out += "HYPOTHETICAL: this answer assumes what the rulebook does not record (\(d.assumptions.joined(separator: ", ")))\n"
        }
        out += d.summary + "\n\n"
        let deciding = d.provisions.filter { d.decidingProvisions.contains($0.id) }
        if !deciding.isEmpty {
            out += "Citations:\n"
            for f in deciding {
                out += "  \(f.id)  \(f.title) — \(f.citation?.description ?? "no citation")  [\(f.status.rawValue)]\n"
            }
        }
        out += "Act in force: \(actLine(d))\n"
        if !explain {
            let others = d.provisions.filter { !d.decidingProvisions.contains($0.id) && $0.status != .notApplicable }
            if !others.isEmpty {
                out += "Also considered: " + others.map { "\($0.id) \($0.status.rawValue)" }.joined(separator: ", ") + "\n"
            }
            let notApplicable = d.provisions.filter { $0.status == .notApplicable }
            if !notApplicable.isEmpty { out += "Not applicable: " + notApplicable.map(\.id).joined(separator: ", ") + "\n" }
            if !d.missing.isEmpty {
                out += "Missing:\n" + d.missing.map { "  - \($0.description)\n" }.joined()
            }
            out += list("Conditions", d.conditions) + list("Warnings", d.warnings)
            out += "(--explain for the reasoning, the facts and their sources, and what would change the answer)\n"
            return out
        }
        out += "\n" + ExplanationText.render(d)
        if !d.components.isEmpty {
            out += "\nComponents (\(d.program.id) draws on these accounts):\n"
            for c in d.components {
                out += "  \(c.program): \(c.verdict.rawValue)\(c.decidedBy.isEmpty ? "" : " (\(c.decidedBy.joined(separator: ", ")))")\n"
            }
        }
        if !d.facts.isEmpty {
            out += "\nFacts:\n"
            for f in d.facts {
                let date = f.date.map { " \($0)" } ?? ""
                let confidence = f.confidence.map { " [confidence: \($0.word)]" } ?? ""
                out += "  \(f.id) (\(f.kind)\(date))\(f.isAssumed ? " [assumed]" : "")\(confidence): \(f.summary)\n"
                for s in f.sources { out += "      source: \(s)\n" }
            }
        }
        if !d.missing.isEmpty {
            out += "\nMissing (what would settle it):\n" + d.missing.map { "  - [\($0.provision)] \($0.description)\n" }.joined()
        }
        if !d.paths.isEmpty {
            out += "\nWhat would change the answer:\n"
            for p in d.paths { out += "  - \(p.description) → \(p.verdict.rawValue)\n      \(p.option)\n" }
        }
        out += list("Conditions", d.conditions) + list("Notes (policy, not law)", d.notes)
        out += list("Warnings", d.warnings) + list("Caveats", d.caveats)
        out += "\nRulebook: \(d.rulebook.name)\(d.rulebook.edition.map { " (\($0))" } ?? ""), hash \(d.rulebook.hash)\n"
        return out
    }

    static func actLine(_ d: Determination) -> String {
        let a = d.act
        var line = "\(a.act.title) (\(a.act.citation.written)), enacted \(a.act.enacted)"
        if let by = a.carriedBy {
            line += "; in force for FY\(a.fiscalYear) by \(a.carriedByTitle.map { "\($0), " } ?? "")\(by.written)"
        }
        if a.basis != .enacted, a.basis != .continuingResolution, a.basis != .fullYearContinuingResolution {
            line += " [\(a.basis.rawValue)]"
        }
        return line
    }

    private static func list(_ title: String, _ items: [String]) -> String {
        guard !items.isEmpty else { return "" }
        return "\(title):\n" + items.map { "  - \($0)\n" }.joined()
    }

    /// Wraps text at about 100 columns; lines after the first start with `hanging` (default: `indent`).
    static func wrap(_ text: String, indent: String, hanging: String? = nil, width: Int = 100) -> String {
        var out = ""
        var prefix = indent
        var line = indent
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if line.count + word.count + 1 > width, line.count > prefix.count {
                out += line + "\n"
                prefix = hanging ?? indent
                line = prefix
            }
            line += (line.count > prefix.count ? " " : "") + word
        }
        if line.count > prefix.count { out += line + "\n" }
        return out
    }
}
