import Proviso
import Testing

/// `RulebookDiff`: which determinations change between two rulebooks, and the provisions behind
/// each change.
@Suite struct RulebookDiffTests {
    /// A rulebook of two countries and one program, with a coup in Mali; `edit` changes its text.
    private func rulebook(_ edit: (String) -> String = { $0 }) throws -> Rulebook {
        let text = """
            kind coup "A coup" {
              field date date required
              complete "all"
            }
            country MLI "Mali"
            country NER "Niger"
            program IMET "International Military Education and Training" {
              title IV
            }
            fiscal-year FY2012 {
              act "Act, 2012" cite "P.L. 112-74, div. I" enacted 2011-12-23 source "s"
            }
            fiscal-year FY2013 {
              act "Act, 2013" cite "P.L. 113-6, div. F" enacted 2013-03-26 carries FY2012 source "s"
            }
            provision coups "Coups" {
              each coup as e
              version V1 FY2012.. {
                section 7008
                covers titles III..VI
                prohibits when e.date on-or-before query.date
                source "s"
              }
            }
            coup mali {
              country Mali
              date 2012-03-22
              source "s"
            }
            """
        return try Rulebook.check([SourceFile(path: "r.proviso", text: edit(text))]).get()
    }

    @Test func identicalRulebooksChangeNothing() throws {
        let diff = RulebookDiff(old: try rulebook(), new: try rulebook())
        #expect(diff.changes.isEmpty)
        #expect(diff.countries == 2 && diff.programs == 1)
        #expect(diff.dates.map(\.description) == ["2011-10-01", "2012-10-01"])
        #expect(diff.questions == 4)
    }

    @Test func aMovedEventChangesTheAnswersItDecides() throws {
        let old = try rulebook()
        let new = try rulebook { $0.replacingFirst("2012-03-22", with: "2011-09-01") }
        let diff = RulebookDiff(old: old, new: new, dates: [Day(parsing: "2012-01-15")!])
        #expect(diff.dates.count == 3)
        // Before the move, Mali was allowed on 2011-10-01 and 2012-01-15; after it, prohibited.
        #expect(diff.changes.map { "\($0.iso3) \($0.date)" } == ["MLI 2011-10-01", "MLI 2012-01-15"])
        let change = try #require(diff.changes.first)
        #expect(change.before.verdict == .allowed && change.before.decidedBy.isEmpty)
        #expect(change.after.verdict == .prohibited && change.after.decidedBy == ["coups"])
        #expect(change.responsible == ["coups"])
        #expect(change.after.description == "prohibited (coups)")
    }

    @Test func questionsOneRulebookCannotAnswerAreListed() throws {
        let old = try rulebook()
        let new = try rulebook { $0.replacingFirst("country NER \"Niger\"", with: "country NER \"Niger\"\ncountry TCD \"Chad\"") }
        let diff = RulebookDiff(old: old, new: new)
        #expect(diff.countries == 3)
        #expect(diff.changes.count == 2)
        #expect(diff.changes.allSatisfy { $0.iso3 == "TCD" && $0.before.unanswerable == "no such country" && $0.after.verdict == .allowed })
    }

    @Test func theJSONListsEveryChange() throws {
        let diff = RulebookDiff(old: try rulebook(), new: try rulebook { $0.replacingFirst("2012-03-22", with: "2011-09-01") })
        let json = diff.json.serialized(pretty: false)
        #expect(json.contains("\"questions\":4"))
        #expect(json.contains("\"before\":{\"verdict\":\"allowed\",\"decidedBy\":[],\"unanswerable\":null}"))
        #expect(json.contains("\"responsible\":[\"coups\"]"))
    }
}

extension String {
    /// The text with the first occurrence of `old` replaced.
    fileprivate func replacingFirst(_ old: String, with new: String) -> String {
        guard let range = firstRange(of: old) else { return self }
        return self[..<range.lowerBound] + new + self[range.upperBound...]
    }
}
