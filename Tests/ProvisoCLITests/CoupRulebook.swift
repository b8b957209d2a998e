#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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

    /// A folder holding the files, for `--rules`; written once per test process and removed when
    /// the process exits.
    static let folder: String = {
        guard let root = FileSystem.makeTemporaryFolder(prefix: "proviso-coup-rulebook") else {
            fatalError("cannot create a temporary folder for the coup rulebook")
        }
        for file in DefaultRulebook.files where keeps(file.path) {
            let path = root + "/" + file.path
            let parent = String(path[..<path.lastIndex(of: "/")!])
            _ = mkdirAll(parent)
            _ = FileSystem.writeAtomically(Array(file.text.utf8), to: path)
        }
        atexit { CoupRulebook.removeFolder() }
        return root
    }()

    /// Removes the files `folder` was given, then its folders, deepest first.
    private static func removeFolder() {
        var folders: Set<String> = [folder]
        for file in DefaultRulebook.files where keeps(file.path) {
            let path = folder + "/" + file.path
            unlink(path)
            var parent = String(path[..<path.lastIndex(of: "/")!])
            while parent.count > folder.count {
                folders.insert(parent)
                parent = String(parent[..<parent.lastIndex(of: "/")!])
            }
        }
        for path in folders.sorted(by: { $0.count > $1.count }) { rmdir(path) }
    }

    private static func mkdirAll(_ path: String) -> Bool {
        var built = ""
        for part in path.split(separator: "/") {
            built += "/" + part
            mkdir(built, 0o755)
        }
        return true
    }
}
