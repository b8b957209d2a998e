import Proviso

/// The catalog as text for the terminal: the programs, the provisions and exemptions, and one
/// provision, exemption, program or list explained with its versions, citations, scope, remedies
/// and the programs it reaches.
enum CatalogText {
    // MARK: - Lists

    static func programs(_ book: Rulebook) -> String {
        var out = "Programs (\(book.programs.count)):\n\n"
        let width = (book.programs.map(\.id.count).max() ?? 4) + 2
        for p in book.programs.sorted(by: { $0.id < $1.id }) {
            out += pad(p.id, width) + p.name + "\n"
            out += String(repeating: " ", count: width) + fundingLine(p, book) + "\n"
            if let a = p.authority { out += String(repeating: " ", count: width) + "authority: \(a)\n" }
        }
        return out
    }

    static func provisions(_ book: Rulebook) -> String {
        let sorted = book.provisions.indices.sorted { book.provisions[$0].id < book.provisions[$1].id }
        let width = max((book.provisions.map(\.id.count) + book.exemptions.map(\.id.count)).max() ?? 8, 8) + 2
        let indent = String(repeating: " ", count: width)
        var out = "Provisions (\(book.provisions.count)):\n\n"
        for p in sorted {
            let provision = book.provisions[p]
            out += pad(provision.id, width) + "\(provision.title)  [\(provision.kind.rawValue)]\n"
            for v in provision.versions {
                out += indent + pad(v.fiscalYearsDescription, 16) + (book.citation(of: v)?.description ?? "no citation")
                out += v.verification == .text ? "\n" : "  [\(v.verification.rawValue)]\n"
            }
        }
        out += "\nExemptions and overriding authorities (\(book.exemptions.count)):\n\n"
        for x in book.exemptions.sorted(by: { $0.id < $1.id }) {
            out += pad(x.id, width) + x.title + "\n"
            out += indent + (x.citation?.description ?? "no citation") + (x.notwithstanding ? "; notwithstanding other law" : "")
            out += "; overrides " + overridesPhrase(x.overrides, book) + "\n"
        }
        return out
    }

    // MARK: - Explain

    static func provision(_ p: Int, _ book: Rulebook) -> String {
        let provision = book.provisions[p]
        var out = "\(provision.id) — \(provision.title)\n"
        out += "Kind: \(provision.kind == .condition ? "condition (never prohibits; attaches a requirement)" : "restriction")\n"
        let citations = unique(provision.versions.compactMap { book.citation(of: $0)?.description })
        out += "Citation: " + citations.joined(separator: "; ") + "\n"

        out += "\nPrograms it reaches:\n"
        let reached = book.programsReached(byProvision: p)
        if reached.isEmpty { out += "  none in the catalog\n" }
        let width = (reached.map { book.programs[$0.program].id.count }.max() ?? 4) + 2
        for r in reached {
            let program = book.programs[r.program]
            var line = "  " + pad(program.id, width) + program.name
            if !r.components.isEmpty {
                line += " — through its components " + r.components.map { book.programs[$0].id }.joined(separator: ", ")
            } else if let via = r.via {
                line += " — via \(via)"
            }
            if r.versions.count < provision.versions.count {
                line += " (" + r.versions.map { provision.versions[$0].fiscalYearsDescription }.joined(separator: ", ") + ")"
            }
            out += line + "\n"
        }
        if let each = provision.eachKind { out += "\nEvaluated once per recorded `\(book.kinds[each].name)` of the country.\n" }
        for l in book.lists(usedBy: p) { out += "\n" + listSummary(l, book) }

        let overriding = relevantExemptions(p, book, reached: reached)
        if !overriding.isEmpty {
            out += "\nExemptions that override it:\n"
            for x in overriding {
                let e = book.exemptions[x]
                out += "  \(e.id) — \(e.title)\(e.citation.map { ", \($0)" } ?? "")\(exemptionScope(e, book).map { " (\($0))" } ?? "")\n"
            }
        }
        let (waivers, certifications) = book.remedies(of: p)
        if !waivers.isEmpty || !certifications.isEmpty {
            out += "\nRecorded: \(waivers.count) waiver\(waivers.count == 1 ? "" : "s"), \(certifications.count) certification\(certifications.count == 1 ? "" : "s")"
            out += " (in \(unique((waivers + certifications).map { book.facts[$0].location.file }).joined(separator: ", ")))\n"
        }
        if !provision.notes.isEmpty { out += "\nNotes:\n" + provision.notes.map { bullet($0) }.joined() }

        out += "\nVersions:\n"
        for v in provision.versions {
            out += "  \(v.name)  \(v.fiscalYearsDescription)  \(book.citation(of: v)?.description ?? "no citation")"
            out += v.heading.map { " \"\($0)\"" } ?? ""
            out += "  [verified: \(v.verification.rawValue)]\n"
            out += wrap("covers: " + coveragePhrase(v, book), indent: "      ")
            out += wrap("to: " + (v.recipient == .government ? "the government\(v.directly ? " (directly)" : "")" : "the country, whoever receives it"), indent: "      ")
            if !v.exemptPurposes.isEmpty {
                let purposes = v.exemptPurposes.map { book.purposes[$0].id }.joined(separator: ", ")
                out += wrap("exempt purposes: \(purposes)\(v.exemptNotice.map { " (notice: \($0))" } ?? "")", indent: "      ")
            }
            if let lifting = v.lifting {
                var text = "lifted by: a certification"
                if let by = lifting.actor { text += " by the \(by)" }
                if let to = lifting.to { text += " to the \(to)" }
                text += " that \(lifting.finding)" + (lifting.afterEvent ? ", after the event" : "")
                if let notice = lifting.notice { text += " (notice: \(notice))" }
                out += wrap(text, indent: "      ")
            }
            if let w = v.waiver { out += wrap("waiver: " + waiverPhrase(w), indent: "      ") }
            if let requirement = v.requirement { out += wrap("requires: \(requirement)", indent: "      ") }
            for q in v.quotes { out += wrap("quote: \"\(q)\"", indent: "      ") }
            for n in v.notes { out += wrap("note: \(n)", indent: "      ") }
            for s in v.sources { out += wrap("source: \(s)", indent: "      ") }
        }
        return out
    }

    static func exemption(_ x: Int, _ book: Rulebook) -> String {
        let e = book.exemptions[x]
        var out = "\(e.id) — \(e.title)\n"
        out += "Kind: exemption\(e.notwithstanding ? " (\"notwithstanding any other provision of law\")" : "")\n"
        if let c = e.citation { out += "Citation: \(c)\n" }
        if let years = e.fiscalYears { out += "Acts: \(yearsPhrase(years))\n" }
        if let scope = exemptionScope(e, book, years: false) { out += "Applies to: \(scope)\n" }
        if e.condition != nil { out += "Applies when: a further condition holds (see the rule file)\n" }
        out += "Overrides: " + overridesPhrase(e.overrides, book) + "\n"
        if let notice = e.notice { out += "Notice: \(notice)\n" }
        if !e.notes.isEmpty { out += "\nNotes:\n" + e.notes.map { bullet($0) }.joined() }
        out += "\nSources:\n" + e.sources.map { "  \($0)\n" }.joined()
        return out
    }

    static func program(_ i: Int, _ book: Rulebook) -> String {
        let p = book.programs[i]
        var out = "\(p.id) — \(p.name)\n"
        if !p.aliases.isEmpty { out += "Also asked for as: " + p.aliases.joined(separator: ", ") + "\n" }
        out += "Funding: " + fundingLine(p, book) + "\n"
        if let a = p.authority { out += "Authority: \(a)\n" }
        if !p.purposes.isEmpty { out += "Purposes of every activity: " + p.purposes.map { book.purposes[$0].id }.joined(separator: ", ") + "\n" }

        out += "\nProvisions that reach it:\n"
        let reaching = book.provisions(reaching: i)
        if reaching.isEmpty { out += "  none\n" }
        let width = (reaching.map { book.provisions[$0.provision].id.count }.max() ?? 8) + 2
        for r in reaching {
            let provision = book.provisions[r.provision]
            var line = "  " + pad(provision.id, width) + provision.title
            if let via = r.via { line += " — via \(via)" }
            let all = r.versions.count == provision.versions.count
            let cites = unique(r.versions.compactMap { book.citation(of: provision.versions[$0])?.description })
            line += all ? "" : " (" + r.versions.map { provision.versions[$0].fiscalYearsDescription }.joined(separator: ", ") + ")"
            out += line + "\n"
            let margin = "  " + String(repeating: " ", count: width)
            if cites.count == 1 {
                out += margin + cites[0] + "\n"
            } else if let last = r.versions.last, let cite = book.citation(of: provision.versions[last]) {
                out += margin + "\(provision.versions[last].fiscalYearsDescription): \(cite) (\(r.versions.count) versions: proviso explain \(provision.id))\n"
            }
        }
        let exemptions = book.exemptions(applyingTo: i)
        if !exemptions.isEmpty {
            out += "\nExemptions that can apply to it:\n"
            for x in exemptions {
                let e = book.exemptions[x]
                out += "  \(e.id) — \(e.title)\(exemptionScope(e, book).map { " (\($0))" } ?? "")\n"
            }
        }
        if !p.caveats.isEmpty { out += "\nCaveats:\n" + p.caveats.map { bullet($0) }.joined() }
        if !p.notes.isEmpty { out += "\nNotes:\n" + p.notes.map { bullet($0) }.joined() }
        return out
    }

    static func list(_ l: Int, _ book: Rulebook) -> String {
        let list = book.lists[l]
        var out = "\(list.id) — \(list.title)\n"
        if let c = list.citation { out += "Citation: \(c)\n" }
        out += "\n" + listSummary(l, book, lead: "Membership: ")
        let users = book.provisions.indices.filter { book.lists(usedBy: $0).contains(l) }
        if !users.isEmpty { out += "\nProvisions that run off it: " + users.map { book.provisions[$0].id }.joined(separator: ", ") + "\n" }
        out += "Listings recorded: \(book.listings(on: l).count)\n"
        if !list.notes.isEmpty { out += "\nNotes:\n" + list.notes.map { bullet($0) }.joined() }
        out += "\nSources:\n" + list.sources.map { "  \($0)\n" }.joined()
        return out
    }

    // MARK: - Phrases

    static func listSummary(_ l: Int, _ book: Rulebook, lead: String? = nil) -> String {
        let list = book.lists[l]
        var out = lead ?? "Runs off the list `\(list.id)` (\(list.title)): "
        switch list.cadence {
        case .interval:
            out += "dated designations"
            out += list.completeFrom.map { "; the record is complete from \($0)\n" } ?? "; the record is not declared complete\n"
        case .annual(let offset):
            out += "an annual list; the list of year Y governs FY Y+\(offset)\n"
            let editions = book.editions(of: l)
            if editions.isEmpty {
                out += "  no edition is recorded: every year is unknown\n"
            } else {
                out += "  editions: " + editions.map { "\($0.year) \($0.coverage)" }.joined(separator: ", ") + "\n"
            }
        }
        return out
    }

    static func fundingLine(_ p: Program, _ book: Rulebook) -> String {
        if p.isComposite {
            return "no account of its own: answered through " + p.components.map { book.programs[$0].id }.joined(separator: ", ")
        }
        var parts: [String] = []
        if let f = p.funding { parts.append(f.description) }
        if let a = p.account { parts.append("account \"\(a)\"") }
        switch p.recipient {
        case .government: parts.append("usually to the government")
        case .nonGovernment: parts.append("usually through non-government recipients")
        case .mixed: parts.append("to governments and others")
        }
        return parts.joined(separator: " · ")
    }

    static func coveragePhrase(_ v: ProvisionVersion, _ book: Rulebook) -> String {
        var text: String
        switch v.funds {
        case .allFunds: text = "all funds of the act"
        case .anyAssistance: text = "any assistance"
        case .titles(let r):
            text = r.lowerBound == r.upperBound ? "funds of title \(roman(r.lowerBound))" : "funds of titles \(roman(r.lowerBound))–\(roman(r.upperBound))"
        case .programs(let set): text = set.map { book.programs[$0].id }.sorted().joined(separator: ", ")
        }
        for r in v.reaches { text += "; reaches \(book.programs[r.program].id) via \(r.via)" }
        return text
    }

    static func waiverPhrase(_ w: WaiverClause) -> String {
        var text = w.subsection.map { "\($0) " } ?? ""
        text += "by the \(w.actor)"
        if let scope = w.scope { text += "; scope: \(scope)" }
        if let standard = w.standard { text += "; standard: \(standard)" }
        if let notice = w.notice { text += "; notice: \(notice)" }
        return text
    }

    static func overridesPhrase(_ o: Exemption.Overrides, _ book: Rulebook) -> String {
        switch o {
        case .all(let except):
            return except.isEmpty ? "every restriction" : "every restriction except " + except.map { book.provisions[$0].id }.sorted().joined(separator: ", ")
        case .only(let set):
            return set.map { book.provisions[$0].id }.sorted().joined(separator: ", ")
        }
    }

    static func exemptionScope(_ e: Exemption, _ book: Rulebook, years: Bool = true) -> String? {
        var parts: [String] = []
        if let p = e.programs { parts.append("programs " + p.map { book.programs[$0].id }.sorted().joined(separator: ", ")) }
        if let p = e.purposes { parts.append("purposes " + p.map { book.purposes[$0].id }.sorted().joined(separator: ", ")) }
        if let r = e.recipient { parts.append("recipient \(r.rawValue)") }
        if let c = e.countries { parts.append("countries " + c.map { book.countries[$0].name }.sorted().joined(separator: ", ")) }
        if years, let y = e.fiscalYears { parts.append(yearsPhrase(y)) }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The exemptions that override a provision and could apply to a program it reaches.
    static func relevantExemptions(_ p: Int, _ book: Rulebook, reached: [ProgramReach]) -> [Int] {
        let programs = Set(reached.flatMap { [$0.program] + $0.components })
        return book.exemptions(overriding: p).filter { x in book.exemptions[x].programs.map { !$0.isDisjoint(with: programs) } ?? true }
    }

    static func yearsPhrase(_ r: ClosedRange<Int>) -> String {
        if r.upperBound == Int.max { return "FY\(r.lowerBound).." }
        return r.lowerBound == r.upperBound ? "FY\(r.lowerBound)" : "FY\(r.lowerBound)..FY\(r.upperBound)"
    }

    static func roman(_ n: Int) -> String {
        let numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
        return n >= 1 && n <= numerals.count ? numerals[n - 1] : String(n)
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }

    static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }

    static func wrap(_ text: String, indent: String) -> String {
        DeterminationText.wrap(text, indent: indent)
    }

    /// `  - text`, wrapped with the continuation lines under the text.
    static func bullet(_ text: String) -> String {
        let wrapped = DeterminationText.wrap(text, indent: "    ")
        return wrapped.isEmpty ? "" : "  - " + wrapped.dropFirst(4)
    }
}
