import Proviso
@testable import ProvisoCLI
import Testing

/// `proviso timeline` end to end through the command-line library.
@Suite struct TimelineCommandTests {
    func run(_ arguments: [String]) -> (ExitCode, Console) {
        var console = Console.buffer
        let code = ProvisoCommandLine.run(["timeline"] + arguments, console: &console)
        return (code, console)
    }

    @Test func maliIMETShowsThe2012CutThe2013RestorationAndThe2020Cut() {
        // The coup restriction alone; the default rulebook's cut and restoration dates are checked below.
        let (code, console) = run(["Mali", "--program", "IMET", "--from", "2011-01-01", "--to", "2025-01-01", "--rules", CoupRulebook.folder])
        #expect(code == .success)
        #expect(console.output.contains("2012-03-22 to 2013-09-03  prohibited"))
        #expect(console.output.contains("2013-09-06 to 2020-08-17  allowed-with-conditions"))
        #expect(console.output.contains("2020-08-18 to 2025-01-01  prohibited"))
    }

    @Test func theDefaultRulebookShowsTheSameCutsAndRestoration() {
        let (code, console) = run(["Mali", "--program", "IMET", "--from", "2011-01-01", "--to", "2025-01-01"])
        #expect(code == .success)
        for start in ["2012-03-22 to", "2013-09-06 to", "2020-08-18 to"] {
            #expect(console.output.contains("\n" + start), "no interval opens \(start)")
        }
    }

    @Test func csvHasAHeaderAndOneRowPerInterval() {
        let (code, console) = run(["Mali", "--program", "IMET", "--from", "2011-01-01", "--to", "2025-01-01", "--format", "csv",
                                   "--rules", CoupRulebook.folder])
        #expect(code == .success)
        let rows = console.output.split(separator: "\r\n")
        #expect(rows.first == Substring(TimelineCSV.header))
        #expect(rows.count == 6)
    }

    @Test func jsonNamesTheIntervals() {
        let (code, console) = run(["MLI", "--program", "imet", "--from", "2020-01-01", "--to", "2021-01-01", "--format", "json"])
        #expect(code == .success)
        #expect(console.output.contains("\"verdict\": \"prohibited\""))
        #expect(console.output.contains("\"fact\": \"mali-2020\""))
    }

    @Test func badInputIsAUsageError() {
        #expect(run(["Mali", "--program", "IMET", "--from", "2012-02-30"]).0 == .usage)
        #expect(run(["Mali", "--program", "IMET", "--from", "2013-01-01", "--to", "2012-01-01"]).0 == .usage)
        #expect(run(["Mali", "--program", "IMET", "--from", "1970-01-01"]).0 == .usage)
        #expect(run(["Mali", "--program", "IMET", "--format", "xml"]).0 == .usage)
        #expect(run(["Atlantis", "--program", "IMET"]).0 == .usage)
        #expect(run(["Mali"]).0 == .usage)
    }
}
