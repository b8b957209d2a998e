import Proviso

/// A determination's explanation as the `Reasoning:` of `--explain`: the verdict and "because",
/// then one numbered step per provision (deciding ones first), each followed by the facts it rests
/// on with a source, the remedies it lacks, the elements that failed, and for what is missing the
/// verdict each value would give with the options that ask it.
enum ExplanationText {
    static func render(_ d: Determination) -> String {
        var out = "Reasoning:\n"
        let steps = d.explanation.steps
        for s in steps where s.kind == .hypothesis { out += DeterminationText.wrap(s.text, indent: "  ") }
        let provisions = steps.filter { $0.kind == .provision }
        let deciding = provisions.filter(\.decides)
        let others = provisions.filter { !$0.decides }
        var n = 0
        if !deciding.isEmpty {
            out += "  \(lead(d.verdict)), because:\n"
            for s in deciding { n += 1; out += numbered(s, n) }
        }
        if !others.isEmpty {
            out += deciding.isEmpty ? "  \(lead(d.verdict)), because no provision bars it:\n" : "  The other provisions do not decide it:\n"
            for s in others { n += 1; out += numbered(s, n) }
        }
        return out
    }

    private static func lead(_ v: Verdict) -> String {
        switch v {
        case .prohibited: return "Prohibited"
        case .indeterminate: return "Indeterminate"
        case .allowedWithConditions: return "Allowed with conditions"
        case .allowed: return "Allowed"
        }
    }

    private static func numbered(_ s: ExplanationStep, _ n: Int) -> String {
        let tag = [s.provision, s.status?.rawValue].compactMap { $0 }.joined(separator: ": ")
        var out = DeterminationText.wrap("\(n). \(s.text) [\(tag)]", indent: "  ", hanging: "     ")
        for child in s.steps { out += line(child, indent: "     ") }
        return out
    }

    private static func line(_ s: ExplanationStep, indent: String) -> String {
        var text = "- " + s.text
        if s.assumed { text += " [assumed]" }
        if let first = s.sources.first {
            text += " [source: \(first)\(s.sources.count > 1 ? "; \(s.sources.count - 1) more under Facts" : "")]"
        }
        var out = DeterminationText.wrap(text, indent: indent, hanging: indent + "  ")
        if !s.arguments.isEmpty {
            out += DeterminationText.wrap(s.arguments.map(shellWord).joined(separator: " "), indent: indent + "    ", width: Int.max)
        }
        for child in s.steps { out += line(child, indent: indent + "  ") }
        return out
    }

    /// A command-line word, quoted for a POSIX shell when it needs to be.
    static func shellWord(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { c in
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || "-_./=:,@%+".unicodeScalars.contains(c)
        }
        if plain { return word }
        var out = "'"
        for c in word { out += c == "'" ? "'\\''" : String(c) }
        return out + "'"
    }
}
