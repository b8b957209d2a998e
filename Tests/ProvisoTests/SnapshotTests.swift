import Foundation
@testable import ProvisoCore
import Proviso
import Testing

// The library reads its default rulebook from a snapshot written at build time (`Rulebook.embedded`)
// instead of checking `Rules/` at every start. These tests hold the snapshot to the text it was
// made from: the same bytes after a round trip, the same determinations (every field, rendered as
// JSON) for the same questions, and a refusal, never a crash or a guess, for bytes it did not write.

@Suite("Snapshot of the checked rulebook")
struct SnapshotTests {
    private static let fromText = try! Rulebook.embeddedFromText().get()

    @Test("the library's rulebook came from the snapshot, not from checking the text again")
    func embeddedIsTheSnapshot() throws {
        let book = try Rulebook.embedded()
        // A rulebook read from the snapshot carries no source files; one checked from text does.
        #expect(book.sources.isEmpty)
        #expect(!Self.fromText.sources.isEmpty)
        #expect(book.contentHash == Self.fromText.contentHash)
        #expect(book.name == Self.fromText.name)
    }

    @Test("checked text → snapshot → rulebook → snapshot gives the same bytes")
    func roundTrip() throws {
        let bytes = Self.fromText.snapshot()
        let again = try Rulebook(snapshot: bytes, sources: [])
        #expect(again.snapshot() == bytes)
        #expect(try Rulebook.embedded().snapshot() == bytes)
        #expect(again.facts.count == Self.fromText.facts.count)
        #expect(again.provisions.map(\.id) == Self.fromText.provisions.map(\.id))
        #expect(again.warnings.count == Self.fromText.warnings.count)
    }

    @Test("the test rulebook, which uses every form of condition and scope, survives the round trip")
    func everyForm() throws {
        let book = try Rulebook.check([SourceFile(path: "plan.proviso", text: PlanTestRulebook.text)]).get()
        let bytes = book.snapshot()
        let again = try Rulebook(snapshot: bytes, sources: book.sources)
        #expect(again.snapshot() == bytes)
        let a = Engine(rulebook: book), b = Engine(rulebook: again)
        var compared = 0
        for country in book.countries.indices {
            for program in book.programs.indices {
                for date in ["2011-06-01", "2012-03-22", "2013-01-12", "2014-02-15", "2015-06-01"].map { day($0) } {
                    let q = Query(country: country, program: program, date: date)
                    #expect(try rendered(a, q) == rendered(b, q))
                    compared += 1
                }
            }
        }
        #expect(compared == book.countries.count * book.programs.count * 5)
    }

    @Test("the snapshot and the text answer every question alike, every field of the determination")
    func sameDeterminations() throws {
        let text = Engine(rulebook: Self.fromText), snap = Engine(rulebook: try Rulebook.embedded())
        let book = text.rulebook
        // Days where the record changes an answer: every dated fact, and the start of each fiscal year.
        var days = Set(book.fiscalYears.map { FiscalYear($0.year).start })
        for f in book.facts {
            for case .date(let d)? in f.values { days.formUnion([d.earliest, d.latest.next]) }
        }
        let sorted = days.filter { $0 >= FiscalYear(book.fiscalYears[0].year).start }.sorted()
        var compared = 0, verdicts = Set<Verdict>()
        // An even spread over countries × programs × days: 800 full determinations (with paths and
        // explanation) keep `swift test` fast; PROVISO_SLOW_TESTS=1 compares 8,000.
        let total = book.countries.count * book.programs.count * sorted.count
        let step = total / (getenv("PROVISO_SLOW_TESTS") == nil ? 800 : 8_000) | 1
        var i = 0
        for country in book.countries.indices {
            for program in book.programs.indices {
                for date in sorted {
                    i += 1
                    guard i % step == 0 else { continue }
                    let q = Query(country: country, program: program, date: date)
                    let (a, b) = (try rendered(text, q), try rendered(snap, q))
                    #expect(a == b, "\(book.countries[country].name) \(book.programs[program].id) \(date)")
                    if let v = try? snap.verdict(q).verdict { verdicts.insert(v) }
                    compared += 1
                }
            }
        }
        #expect(compared >= 700)
        #expect(verdicts.count >= 3, "the sample should reach allowed, prohibited and more: \(verdicts)")
    }

    @Test("bytes it did not write are refused with a reason, never read")
    func refusesForeignBytes() throws {
        let bytes = Self.fromText.snapshot()
        #expect(throws: SnapshotError.self) { try Rulebook(snapshot: [], sources: []) }
        #expect(throws: SnapshotError.self) { try Rulebook(snapshot: Array("not a snapshot".utf8), sources: []) }
        // Another format version.
        var version = bytes
        version[4] = version[4] &+ 1
        #expect(throws: SnapshotError.self) { try Rulebook(snapshot: version, sources: []) }
        // Cut short anywhere: a spread of lengths, each refused.
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 211)) {
            #expect(throws: SnapshotError.self) { try Rulebook(snapshot: Array(bytes[0..<length]), sources: []) }
        }
        // Bytes left over after the rulebook.
        #expect(throws: SnapshotError.self) { try Rulebook(snapshot: bytes + [0], sources: []) }
    }

    @Test("a snapshot with a byte changed is refused or read, but never crashes the reader")
    func flippedBytes() throws {
        let book = try Rulebook.check([SourceFile(path: "plan.proviso", text: PlanTestRulebook.text)]).get()
        let bytes = book.snapshot()
        var refused = 0
        // Each position in a spread, set to values that break lengths, tags and indices.
        for position in stride(from: 5, to: bytes.count, by: max(1, bytes.count / 400)) {
            for value: UInt8 in [0x00, 0x7F, 0xFF] where bytes[position] != value {
                var changed = bytes
                changed[position] = value
                if (try? Rulebook(snapshot: changed, sources: [])) == nil { refused += 1 }
            }
        }
        #expect(refused > 0)
    }

    @Test("base64 round-trips every byte value and refuses what is not base64")
    func base64() {
        let all = (0...255).map(UInt8.init)
        for n in 0...all.count {
            let bytes = Array(all[0..<n])
            #expect(Base64.decode(Base64.encode(bytes)) == bytes)
        }
        #expect(Base64.encode(Array("Mali".utf8)) == "TWFsaQ==")
        #expect(Base64.decode("TWFsaQ==") == Array("Mali".utf8))
        #expect(Base64.decode("TWF*aQ==") == nil)
        #expect(Base64.decode("TWFsa") == nil)
    }

    /// The determination for `query` as JSON text, or its error.
    private func rendered(_ engine: Engine, _ query: Query) throws -> String {
        do throws(QueryError) {
            return try engine.determine(query).json.serialized()
        } catch {
            return "error: \(error)"
        }
    }
}
