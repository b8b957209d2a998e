import Foundation
import Proviso
import Testing
import ProvisoCLI

/// `proviso programs`, `proviso provisions` and `proviso explain`, run end to end through the
/// command line over the default rulebook.
@Suite struct CatalogCommandTests {
    func run(_ arguments: [String]) -> (code: ExitCode, out: String, err: String) {
        var console = Console.buffer
        let code = ProvisoCommandLine.run(arguments, console: &console)
        return (code, console.output, console.errors)
    }

    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// The lines of a text answer between a heading and the next blank line.
    func section(_ text: String, after heading: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: heading) else { return [] }
        return Array(lines[(start + 1)...].drop { $0.isEmpty }.prefix { !$0.isEmpty })
    }

    @Test func explainChildSoldiersListsTheProgramsItReachesWithItsCitation() {
        let (code, out, _) = run(["explain", "cspa-404"])
        #expect(code == .success)
        #expect(out.contains("Citation: CSPA §404 (22 U.S.C. 2370c-1)"))
        let programs = section(out, after: "Programs it reaches:").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        for id in ["IMET", "FMF", "PKO", "EDA", "DoD-333"] { #expect(programs.contains(id), "missing \(id)") }
        for id in ["DA", "ESF", "GHP", "IDA", "MRA", "INCLE"] { #expect(!programs.contains(id), "\(id) is not reached") }
        #expect(out.contains("via 10 U.S.C. 333(d)(1)"))
        #expect(out.contains("cspa-404f"))
        #expect(out.contains("2023 partial") && out.contains("2024 complete") && out.contains("2026 none"))
    }

    @Test func explainChildSoldiersAsJSON() throws {
        let (code, out, _) = run(["explain", "cspa-404", "--format", "json"])
        #expect(code == .success)
        let object = try #require(try json(out) as? [String: Any])
        #expect(object["id"] as? String == "cspa-404")
        let programs = try #require(object["programs"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(Set(programs).isSuperset(of: ["IMET", "FMF", "PKO", "EDA", "DoD-333"]))
        #expect(!programs.contains("DA"))
        let versions = try #require(object["versions"] as? [[String: Any]])
        let citation = try #require(versions.first?["citation"] as? [String: Any])
        #expect(citation["text"] as? String == "CSPA §404 (22 U.S.C. 2370c-1)")
        #expect((object["waivers"] as? [String])?.contains("cspa-2021-libya-waiver") == true)
    }

    @Test func programsListsTheWholeCatalogWithAuthorities() throws {
        let (code, out, _) = run(["programs"])
        #expect(code == .success)
        for id in ["IMET", "FMF", "TSCTP", "PKO", "NADR", "INCLE", "ESF", "DA", "GHP", "IDA", "MRA", "AEECA", "DoD-333", "EDA"] {
            #expect(out.contains("\n\(id) "), "missing \(id)")
        }
        #expect(out.contains("authority: FAA §516 (22 U.S.C. 2321j)"))
        #expect(out.contains("no account of its own: answered through PKO, NADR, INCLE, ESF, DA, DoD-333"))
        let list = try #require(try json(run(["programs", "--format", "json"]).out) as? [[String: Any]])
        #expect(list.count == 14)
        #expect(list.first { $0["id"] as? String == "IDA" }?["purposes"] as? [String] == ["humanitarian", "disaster-relief"])
    }

    @Test func provisionsListsEveryVersionCitationAndTheExemptions() throws {
        let (code, out, _) = run(["provisions"])
        #expect(code == .success)
        for id in ["faa-620a", "aeca-40", "sfops-7007", "sfops-7008", "sfops-7012", "sfops-7021", "tvpa-110", "cspa-404",
                   "faa-490", "faa-502b", "faa-116", "faa-620m"] {
            #expect(out.contains("\n\(id) "), "missing \(id)")
        }
        #expect(out.contains("§7007, div. H, P.L. 111-8 (SFOPS FY2009)"))
        #expect(out.contains("§7007, div. K, P.L. 116-260 (SFOPS FY2021)  [believed]"))
        #expect(out.contains("Leahy law: vetting of the security-force units to be assisted  [condition]"))
        let count = try Engine.standard.rulebook.exemptions.count
        let exemptions = section(out, after: "Exemptions and overriding authorities (\(count)):").joined(separator: "\n")
        #expect(exemptions.contains("faa-491b"))
        #expect(exemptions.contains("overrides every restriction except aeca-40, faa-116, faa-502b, faa-620a, sfops-7007, sfops-7021"))
        let object = try #require(try json(run(["provisions", "--format", "json"]).out) as? [String: Any])
        #expect((object["provisions"] as? [Any])?.count == 12)
    }

    @Test func explainProgramShowsTheProvisionsThatReachIt() {
        let (code, out, _) = run(["explain", "imet"])
        #expect(code == .success)
        #expect(out.hasPrefix("IMET — International Military Education and Training"))
        let reaching = section(out, after: "Provisions that reach it:").joined(separator: "\n")
        #expect(reaching.contains("cspa-404") && reaching.contains("faa-620m") && reaching.contains("tvpa-110"))
        #expect(!reaching.contains("faa-116"), "§116 covers FAA part I, not IMET")
        let ida = run(["explain", "International Disaster Assistance"]).out
        #expect(ida.contains("faa-491b"))
    }

    @Test func explainExemptionAndList() {
        let exemption = run(["explain", "faa-491b"])
        #expect(exemption.code == .success)
        #expect(exemption.out.contains("Overrides: every restriction except aeca-40"))
        #expect(exemption.out.contains("FAA §491(b) (22 U.S.C. 2292(b))"))
        let list = run(["explain", "tip-tier3"])
        #expect(list.out.contains("2021 complete") && list.out.contains("2025 partial") && list.out.contains("2026 none"))
        #expect(list.out.contains("Provisions that run off it: tvpa-110"))
    }

    @Test func badInputIsAUsageError() {
        let unknown = run(["explain", "cspa-40"])
        #expect(unknown.code == .usage)
        #expect(unknown.err.contains("did you mean `cspa-404`?"))
        #expect(run(["explain"]).code == .usage)
        #expect(run(["explain", "a", "b"]).code == .usage)
        #expect(run(["programs", "IMET"]).code == .usage)
        #expect(run(["provisions", "--format", "xml"]).code == .usage)
        #expect(run(["programs", "--rules", "/nonexistent/rules"]).code == .rulebook)
    }

    @Test func outputIsDeterministicAndListedInHelp() {
        #expect(run(["explain", "sfops-7008", "--format", "json"]).out == run(["explain", "sfops-7008", "--format", "json"]).out)
        let help = run(["help"]).out
        for verb in ["programs", "provisions", "explain"] { #expect(help.contains("  \(verb) "), "help lists \(verb)") }
        #expect(run(["help", "explain"]).out.contains("USAGE: proviso explain ID"))
    }
}
