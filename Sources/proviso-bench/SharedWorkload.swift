// The shared peer workload (../shared/bench/workload.json): countries with synthetic facts, twelve
// programs, every country × program × date as a query, and the expected determination of each.
import Foundation

/// One synthetic country of the workload and its facts.
struct WorkloadCountry {
    var id: String
    var coupDate: String?
    /// `nil` where the workload has null: not known whether the deposed head was duly elected.
    var deposedElected: Bool?
    var certDate: String?
    var sstDate: String?
    var tipTier: String
    var tipWaiver: Bool
    var csListed: Bool
    var csWaiver: Bool
}

/// One program of the workload.
struct WorkloadProgram {
    var id: String
    /// `III`, `IV` … or `DoD`.
    var title: String
    /// Whether it is assistance to the government.
    var gov: Bool
    var purposes: [String]
}

/// One question, with what the reference semantics answer.
struct WorkloadQuery {
    var country: Int
    var program: Int
    var date: String
    var decision: String
    var citations: [String]
}

struct SharedWorkload {
    var countries: [WorkloadCountry]
    var programs: [WorkloadProgram]
    var queries: [WorkloadQuery]

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads `workload.json`.
    static func load(path: String) throws -> SharedWorkload {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Malformed(description: "cannot read the shared workload at `\(path)` (give its path with --workload)")
        }
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let countries = root["countries"] as? [[String: Any]], let programs = root["programs"] as? [[String: Any]],
              let queries = root["queries"] as? [[String: Any]], let expected = root["expected"] as? [[String: Any]],
              queries.count == expected.count else {
            throw Malformed(description: "`\(path)` is not a workload.json with countries, programs, queries and expected")
        }
        func string(_ o: [String: Any], _ k: String) -> String? { o[k] as? String }
        let cs = countries.map { c in
            WorkloadCountry(id: string(c, "id") ?? "?", coupDate: string(c, "coup_date"), deposedElected: c["deposed_elected"] as? Bool,
                            certDate: string(c, "cert_date"), sstDate: string(c, "sst_date"), tipTier: string(c, "tip_tier") ?? "1",
                            tipWaiver: c["tip_waiver"] as? Bool ?? false, csListed: c["cs_listed"] as? Bool ?? false,
                            csWaiver: c["cs_waiver"] as? Bool ?? false)
        }
        let ps = programs.map { p in
            WorkloadProgram(id: string(p, "id") ?? "?", title: string(p, "title") ?? "?", gov: p["gov"] as? Bool ?? false,
                            purposes: p["purposes"] as? [String] ?? [])
        }
        let countryIndex = Dictionary(uniqueKeysWithValues: cs.enumerated().map { ($1.id, $0) })
        let programIndex = Dictionary(uniqueKeysWithValues: ps.enumerated().map { ($1.id, $0) })
        var qs: [WorkloadQuery] = []
        qs.reserveCapacity(queries.count)
        for (q, e) in zip(queries, expected) {
            guard let c = string(q, "country").flatMap({ countryIndex[$0] }), let p = string(q, "program").flatMap({ programIndex[$0] }),
                  let d = string(q, "date"), let decision = string(e, "decision"), let citations = e["citations"] as? [String] else {
                throw Malformed(description: "`\(path)`: a query names an unknown country or program, or has no expectation")
            }
            qs.append(WorkloadQuery(country: c, program: p, date: d, decision: decision, citations: citations.sorted()))
        }
        return SharedWorkload(countries: cs, programs: ps, queries: qs)
    }

    /// The workload with its countries repeated under new identifiers up to `count` countries, and
    /// every query asked of every copy (the copy's expected answer is its original's).
    func scaled(to count: Int) -> SharedWorkload {
        let width = String(count - 1).count
        var copies: [WorkloadCountry] = []
        copies.reserveCapacity(count)
        for i in 0..<count {
            var c = countries[i % countries.count]
            let digits = String(i)
            c.id = "C" + String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
            copies.append(c)
        }
        var byOriginal: [Int: [WorkloadQuery]] = [:]
        for q in queries { byOriginal[q.country, default: []].append(q) }
        var qs: [WorkloadQuery] = []
        qs.reserveCapacity(queries.count / countries.count * count)
        for i in 0..<count {
            for var q in byOriginal[i % countries.count] ?? [] {
                q.country = i
                qs.append(q)
            }
        }
        return SharedWorkload(countries: copies, programs: programs, queries: qs)
    }
}
