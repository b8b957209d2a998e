import Proviso
import ProvisoRules

/// The default rulebook cut down to the coup restriction: the real act table, programs, countries,
/// `sfops-7008` with the whole coup record and its exemptions, without the standing restrictions
/// of the checklist (whose annual lists the record does not hold for every year). Tests of the
/// evaluator's mechanics use it, so that they test one provision against the real record.
enum CoupRulebook {
    /// Fact files of the standing restrictions, left out.
    static let standingFacts: Set<String> = [
        "facts/cspa.proviso", "facts/majors.proviso", "facts/state-sponsors.proviso", "facts/tip-tier3.proviso",
        "facts/loan-defaults.proviso",
    ]

    /// Whether a file of `Rules/` belongs to the cut-down rulebook.
    static func keeps(_ path: String) -> Bool {
        if path.hasPrefix("provisions/") { return path == "provisions/sfops-7008.proviso" }
        if path.hasPrefix("facts/") { return !standingFacts.contains(path) }
        return true
    }

    /// The files, as the default rulebook's paths.
    static var files: [SourceFile] {
        DefaultRulebook.files.filter { keeps($0.path) }.map { SourceFile(path: "Rules/" + $0.path, text: $0.text) }
    }

    /// The engine over it.
    static let engine: Engine = {
        switch Rulebook.check(files, name: "coup restriction only") {
        case .success(let book): return Engine(rulebook: book)
        case .failure(let error): fatalError("the cut-down rulebook does not check: \(error.diagnostics)")
        }
    }()
}
