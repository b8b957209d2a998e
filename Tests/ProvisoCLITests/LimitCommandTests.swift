import Proviso
import ProvisoCLI
import Testing

/// Dates far outside the calendar and numbers that overflow, through the command line: each is a
/// usage error that says what is accepted, or an answer (docs/robustness.md).
@Suite("Limits: the command line")
struct LimitCommandTests {
    private func run(_ arguments: [String]) -> (code: ExitCode, out: String, err: String) {
        var console = Console.buffer
        let code = ProvisoCommandLine.run(arguments, console: &console)
        return (code, console.output, console.errors)
    }

    @Test("dates outside years 1000–9999 are usage errors that say so", arguments: ["0999-12-31", "0000-01-01", "10000-01-01", "99999-99-99"])
    func farDates(_ date: String) {
        let (code, _, err) = run(["can-fund", "Mali", "--program", "IMET", "--date", date])
        #expect(code == .usage)
        #expect(err.contains("invalid date `\(date)`"))
        #expect(err.contains(date.count == 10 ? "years 1000 through 9999" : "YYYY-MM-DD"), "\(err)")
    }

    @Test("the last day Proviso reads is answered from the latest act, with a warning")
    func lastDay() {
        let (code, out, _) = run(["can-fund", "Mali", "--program", "IMET", "--date", "9999-12-31", "--format", "json"])
        #expect(code.rawValue < 128)
        #expect(out.contains("\"date\": \"9999-12-31\""))
        #expect(out.contains("may be stale"))
    }

    @Test("a timeline to the last day Proviso reads ends there", .timeLimit(.minutes(1)))
    func timelineToTheEnd() {
        let (code, out, _) = run(["timeline", "Mali", "--program", "IMET", "--from", "2020-01-01", "--to", "9999-12-31"])
        #expect(code == .success)
        #expect(out.contains("to 9999-12-31"))
    }

    @Test("fiscal years and numbers that overflow are usage errors", arguments: [
        ["--fiscal-year", "FY9999"], ["--fiscal-year", "99999999999999999999"], ["--fiscal-year", "FY0000"], ["--fiscal-year", "-1"],
    ])
    func overflowingYears(_ option: [String]) {
        let (code, _, err) = run(["can-fund", "Mali", "--program", "IMET", "--date", "2012-06-01"] + option)
        #expect(code == .usage, "\(err)")
        #expect(err.hasPrefix("error: "))
    }
}
