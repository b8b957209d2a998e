/// A typed legal citation: a section of a Public Law (with division and title where there are
/// some), a section of a named statute with its U.S. Code cite, a U.S. Code section alone, or a
/// presidential instrument. Free-text citations are not accepted: every `cite` must parse.
public struct Citation: Sendable, Hashable, CustomStringConvertible {
    /// What is cited.
    public enum Kind: String, Sendable, Hashable {
        /// `P.L. 112-74, div. I, §7008`.
        case publicLaw = "public-law"
        /// `FAA §620A (22 U.S.C. 2371)`.
        case statute
        /// `10 U.S.C. 333(d)(1)`.
        case usCode = "us-code"
        /// `Presidential Determination No. 2022-06`.
        case presidentialDetermination = "presidential-determination"
        /// `Executive Order 14148`.
        case executiveOrder = "executive-order"
        /// `FR Doc. 2025-23569`.
        case federalRegister = "federal-register"
        /// `125 Stat. 1195`.
        case statutesAtLarge = "statutes-at-large"
    }

    /// The kind of citation.
    public var kind: Kind
    /// The statute's short name (`FAA`, `AECA`, `SFOPS`), when named.
    public var statute: String?
    /// `112-74` in `P.L. 112-74`.
    public var publicLaw: String?
    /// `I` in `div. I`.
    public var division: String?
    /// `VII` in `title VII`.
    public var title: String?
    /// `7008`, `620A`, `1101(a)(6)`.
    public var section: String?
    /// `22 U.S.C. 2371`.
    public var usCode: String?
    /// The number of a presidential determination, executive order or FR document.
    public var number: String?
    /// For a section of an annual appropriations act: the fiscal year of the act.
    public var fiscalYear: Int?
    /// For a section carried into a later year: the continuing resolution that carries it.
    public var continuedBy: String?
    /// For a section of an act enacted inside another law's section (`P.L. 104-208, div. A,
    /// title I, §101(c)`): that enclosing section.
    public var enclosingSection: String?

    /// Creates a citation from parts.
    public init(kind: Kind, statute: String? = nil, publicLaw: String? = nil, division: String? = nil,
                title: String? = nil, section: String? = nil, usCode: String? = nil, number: String? = nil,
                fiscalYear: Int? = nil, continuedBy: String? = nil) {
        self.kind = kind
        self.statute = statute
        self.publicLaw = publicLaw
        self.division = division
        self.title = title
        self.section = section
        self.usCode = usCode
        self.number = number
        self.fiscalYear = fiscalYear
        self.continuedBy = continuedBy
    }

    /// The analyst's short form: `§7008, div. I, P.L. 112-74 (SFOPS FY2012)`,
    /// `FAA §620A (22 U.S.C. 2371)`, `10 U.S.C. 333(d)(1)`.
    public var description: String {
        switch kind {
        case .publicLaw:
            var parts: [String] = []
            if let section { parts.append("§" + section) }
            if let enclosingSection {
                // `§508 of the act in P.L. 104-208, div. A, title I, §101(c)`
                var inner = ["P.L. " + (publicLaw ?? "?")]
                if let division { inner.append("div. " + division) }
                if let title { inner.append("title " + title) }
                inner.append("§" + enclosingSection)
                var text = parts.joined() + " of the act in " + inner.joined(separator: ", ")
                if let fiscalYear { text += " (\(statute ?? "SFOPS") FY\(fiscalYear))" }
                if let continuedBy { text += ", as continued by \(continuedBy)" }
                return text
            }
            if section == nil {
                // An act as a whole: `P.L. 112-74, div. I, title VII`.
                parts = ["P.L. " + (publicLaw ?? "?")]
                if let division { parts.append("div. " + division) }
                if let title { parts.append("title " + title) }
            } else {
                if let title { parts.append("title " + title) }
                if let division { parts.append("div. " + division) }
                if let publicLaw { parts.append("P.L. " + publicLaw) }
            }
            var text = parts.joined(separator: ", ")
            if let fiscalYear { text += " (\(statute ?? "SFOPS") FY\(fiscalYear))" }
            if let continuedBy { text += ", as continued by \(continuedBy)" }
            return text
        case .statute:
            var text = (statute ?? "") + (section.map { " §" + $0 } ?? "")
            if let usCode { text += " (\(usCode))" }
            return text
        case .usCode:
            return usCode ?? ""
        case .presidentialDetermination:
            return "Presidential Determination No. \(number ?? "")"
        case .executiveOrder:
            return "Executive Order \(number ?? "")"
        case .federalRegister:
            return "FR Doc. \(number ?? "")"
        case .statutesAtLarge:
            return "\(number ?? "") Stat. \(section ?? "")"
        }
    }

    /// The Public Law form, law first: `P.L. 113-6, div. F, §1101(a)(6)` (for acts and the
    /// resolutions that carry them); other kinds as `description`.
    public var written: String {
        guard kind == .publicLaw else { return description }
        var parts = ["P.L. " + (publicLaw ?? "?")]
        if let division { parts.append("div. " + division) }
        if let title { parts.append("title " + title) }
        if let section { parts.append("§" + section) }
        return parts.joined(separator: ", ")
    }

    /// Parses the citation forms Proviso accepts; `nil` for anything else.
    public static func parse(_ text: String) -> Citation? {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else { return nil }
        if trimmed.hasPrefix("P.L. ") { return parsePublicLaw(String(trimmed.dropFirst(5))) }
        if trimmed.hasPrefix("Presidential Determination No. ") {
            let number = String(trimmed.dropFirst("Presidential Determination No. ".count))
            return isCode(number) ? Citation(kind: .presidentialDetermination, number: number) : nil
        }
        if trimmed.hasPrefix("Executive Order ") {
            let number = String(trimmed.dropFirst("Executive Order ".count))
            return isCode(number) ? Citation(kind: .executiveOrder, number: number) : nil
        }
        if trimmed.hasPrefix("FR Doc. ") {
            let number = String(trimmed.dropFirst("FR Doc. ".count))
            return isCode(number) ? Citation(kind: .federalRegister, number: number) : nil
        }
        if let code = parseUSCode(trimmed) { return Citation(kind: .usCode, usCode: code) }
        if let stat = trimmed.utf8Range(of: " Stat. ") {
            let volume = String(trimmed[..<stat.lowerBound]), page = String(trimmed[stat.upperBound...])
            guard isCode(volume), isCode(page) else { return nil }
            return Citation(kind: .statutesAtLarge, section: page, number: volume)
        }
        // `NAME §SECTION` with an optional `(… U.S.C. …)`.
        guard let mark = trimmed.utf8Range(of: " §") else { return nil }
        let name = String(trimmed[..<mark.lowerBound]).trimmingSpaces
        var rest = String(trimmed[mark.upperBound...]).trimmingSpaces
        var code: String?
        if let open = rest.utf8Range(of: " ("), rest.hasSuffix(")") {
            let inner = String(rest[open.upperBound..<rest.index(before: rest.endIndex)])
            guard let parsed = parseUSCode(inner) else { return nil }
            code = parsed
            rest = String(rest[..<open.lowerBound])
        }
        guard !name.isEmpty, isSection(rest) else { return nil }
        return Citation(kind: .statute, statute: name, section: rest, usCode: code)
    }

    /// `112-74, div. I, title VII, §7008`.
    private static func parsePublicLaw(_ text: String) -> Citation? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        guard let law = parts.first, isPublicLawNumber(law) else { return nil }
        var citation = Citation(kind: .publicLaw, publicLaw: law)
        for part in parts.dropFirst() {
            if part.hasPrefix("div. ") {
                let d = String(part.dropFirst(5))
                guard citation.division == nil, !d.isEmpty, d.allSatisfy({ $0.isUppercase && $0.isASCII }) else { return nil }
                citation.division = d
            } else if part.hasPrefix("title ") {
                let t = String(part.dropFirst(6))
                guard citation.title == nil, !t.isEmpty, t.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
                citation.title = t
            } else if part.hasPrefix("§") {
                let s = String(part.dropFirst())
                guard citation.section == nil, isSection(s) else { return nil }
                citation.section = s
            } else {
                return nil
            }
        }
        return citation
    }

    /// `22 U.S.C. 2371` or `10 U.S.C. 333(d)(1)`.
    private static func parseUSCode(_ text: String) -> String? {
        guard let mark = text.utf8Range(of: " U.S.C. ") else { return nil }
        let title = String(text[..<mark.lowerBound]), section = String(text[mark.upperBound...])
        guard !title.isEmpty, title.allSatisfy({ $0.isASCII && $0.isNumber }), isSection(section) else { return nil }
        return text
    }

    /// `7008`, `620A`, `1101(a)(6)`, `2370c-1`, `491(b)`, `104-2151b`: digits first, then letters,
    /// digits, hyphens and parenthesised subsection marks.
    static func isSection(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("0"..."9").contains(first) else { return false }
        var depth = 0
        for c in text.unicodeScalars {
            switch c {
            case "(": depth += 1; if depth > 1 { return false }
            case ")": depth -= 1; if depth < 0 { return false }
            case "-", ".": continue
            default:
                guard c.isASCII, c.properties.isAlphabetic || ("0"..."9").contains(c) else { return false }
            }
        }
        return depth == 0
    }

    private static func isPublicLawNumber(_ text: String) -> Bool {
        let halves = text.split(separator: "-")
        return halves.count == 2 && halves.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    private static func isCode(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-") }
    }
}

extension String {
    /// Without leading and trailing spaces.
    var trimmingSpaces: String {
        // Checked for every source and citation: most have nothing to trim, so look at the bytes first.
        if utf8.first != UInt8(ascii: " "), utf8.last != UInt8(ascii: " ") { return self }
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }

    /// The first occurrence of `needle`, found by comparing UTF-8 bytes (citations are parsed
    /// while a rulebook loads; the Character-by-Character search costs more than the rest).
    func utf8Range(of needle: String) -> Range<String.Index>? {
        let bytes = Array(needle.utf8)
        guard let first = bytes.first else { return nil }
        var start = utf8.startIndex
        while let candidate = utf8[start...].firstIndex(of: first) {
            var i = candidate, matched = true
            for b in bytes {
                guard i != utf8.endIndex, utf8[i] == b else { matched = false; break }
                i = utf8.index(after: i)
            }
            if matched { return candidate..<i }
            start = utf8.index(after: candidate)
        }
        return nil
    }
}
