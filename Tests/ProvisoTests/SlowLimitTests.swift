import Proviso
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The big limit cases: a 50 MB rule file and a million facts. They take minutes and gigabytes in
/// a debug build, so they run only when PROVISO_SLOW_TESTS=1 (`.ci/run` sets it); each prints how
/// long it took, for docs/robustness.md.
@Suite("Limits: big inputs", .enabled(if: Environment.flag("PROVISO_SLOW_TESTS")), .serialized)
struct SlowLimitTests {
    /// Seconds since an arbitrary start, for timings.
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func timed<T>(_ what: String, _ body: () throws -> T) rethrows -> T {
        let start = now()
        let result = try body()
        print("timing: \(what): \(String(format3(now() - start))) s")
        return result
    }

    static func format3(_ x: Double) -> String {
        let ms = Int((x * 1000).rounded())
        return "\(ms / 1000).\(String(repeating: "0", count: 3 - String(ms % 1000).count))\(ms % 1000)"
    }

    /// A hold for `country`, about 90 bytes.
    static func hold(_ i: Int, _ country: String) -> String {
        "hold h\(i) {\n  country \(country)\n  from 2012-01-01\n  until 2012-02-01\n  says \"paused \(i)\"\n  source \"s\"\n}\n"
    }

    @Test("a 50 MB rule file in a rulebook folder is refused at once (S109), read no further than 2 MiB")
    func fiftyMegabytes() throws {
        let folder = try #require(FileSystem.makeTemporaryFolder(prefix: "proviso-slow"))
        defer { unlink(folder + "/big.proviso"); rmdir(folder) }
        var text = ""
        var i = 0
        while text.utf8.count < 50 << 20 {
            text += Self.hold(i, "Mali")
            i += 1
        }
        #expect(FileSystem.writeAtomically(Array(text.utf8), to: folder + "/big.proviso"))
        let error = Self.timed("check a folder holding a 50 MB file") { () -> RulebookError? in
            do throws(RulebookError) { _ = try Rulebook.load(directory: folder); return nil } catch { return error }
        }
        #expect(error?.diagnostics.map(\.code).contains("S109") == true)
        let inMemory = Self.timed("check a 50 MB file in memory") { Rulebook.check([SourceFile(path: "big.proviso", text: text)]) }
        guard case .failure(let e) = inMemory else { Issue.record("a 50 MB file should not check"); return }
        #expect(e.diagnostics.contains { $0.code == "S109" && $0.location?.line == 1 })
    }

    @Test("a million facts, in files under the limit, check and answer (through the library, which has no folder limit)")
    func aMillionFacts() throws {
        let book = try Rulebook.embedded()
        let countries = book.countries.map(\.iso3)
        // 1,000,000 facts: holds and state-sponsor listings, spread over every country, in files
        // of 2,000 facts (about 180 KB each).
        var files = DefaultRulebook_files()
        var text = ""
        for i in 0..<1_000_000 {
            let country = countries[i % countries.count]
            text += i % 2 == 0 ? Self.hold(i, country)
                : "listing l\(i) {\n  country \(country)\n  list sst\n  from 1975-01-01\n  until 1976-01-01\n  source \"s\"\n}\n"
            if i % 2000 == 1999 {
                files.append(SourceFile(path: "Rules/facts/zz-\(i / 2000).proviso", text: text))
                text = ""
            }
        }
        let checked = Self.timed("check a rulebook of a million facts") { Rulebook.check(files, name: "million") }
        guard case .success(let big) = checked else {
            if case .failure(let e) = checked { Issue.record("\(e.diagnostics.prefix(3))") }
            return
        }
        #expect(big.facts.count > 1_000_000)
        let engine = Engine(rulebook: big)
        let answer = try Self.timed("answer can-fund Mali IMET 2012-01-15 with a million facts") {
            try engine.canFund(country: "Mali", program: "IMET", on: Day(parsing: "2012-01-15")!)
        }
        // Mali's 4,000 holds are in force that day: notes, never a prohibition.
        #expect(answer.notes.count >= 1_000_000 / countries.count / 2 - 1)
        #expect(answer.verdict == (try Engine.standard.canFund(country: "Mali", program: "IMET", on: Day(parsing: "2012-01-15")!).verdict))
        _ = try Self.timed("a timeline of Mali IMET over FY2011-FY2013 with a million facts") {
            try engine.timeline(country: "Mali", program: "IMET", from: Day(parsing: "2010-10-01")!, to: Day(parsing: "2013-09-30")!)
        }
    }
}

/// The default rulebook's files, as the library embeds them.
func DefaultRulebook_files() -> [SourceFile] {
    Rulebook.embeddedSources
}
