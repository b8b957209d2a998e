/// Why a determination came out as it did, as a short argument: the conclusion, then one step per
/// provision (deciding ones first), each citing the provision in the act in force and resting on
/// dated facts with their sources. The text of `--explain` and the `explanation` of the JSON.
public struct Explanation: Sendable {
    /// The argument in one sentence: "Prohibited, because §7008 of the FY2012 act bars …; …".
    public var conclusion: String
    /// The steps, deciding provisions first; each may have steps of its own.
    public var steps: [ExplanationStep]

    /// No explanation (an answer built without one).
    public static let empty = Explanation(conclusion: "", steps: [])

    /// Creates an explanation.
    public init(conclusion: String, steps: [ExplanationStep]) {
        self.conclusion = conclusion
        self.steps = steps
    }

    /// Every step, depth first.
    public var allSteps: [ExplanationStep] {
        var out: [ExplanationStep] = []
        func walk(_ s: ExplanationStep) {
            out.append(s)
            s.steps.forEach(walk)
        }
        steps.forEach(walk)
        return out
    }

    /// The explanation as a tree for tools.
    public var json: JSON {
        .object([("conclusion", .string(conclusion)), ("steps", .array(steps.map(\.json)))])
    }
}

/// One step of an explanation: a provision and what it says, a dated fact, a remedy that is
/// absent, an element of a trigger that failed, a missing fact and what each of its values would
/// give.
public struct ExplanationStep: Sendable {
    /// What the step states.
    public enum Kind: String, Sendable {
        /// The answer rests on assumed or forgotten facts.
        case hypothesis
        /// What a provision says about the question (the top-level steps).
        case provision
        /// A recorded (or assumed) fact, with its date and sources.
        case fact
        /// A remedy that is not recorded: no certification, no waiver, no exempt purpose.
        case absence
        /// A certification, waiver, exemption or exempt purpose that lifted or exempted a provision.
        case remedy
        /// An element of a trigger that is not met.
        case element
        /// Why a provision does not reach the question: the act, the funds, the recipient.
        case scope
        /// A requirement that attaches (a notice, vetting).
        case condition
        /// A fact the rulebook does not record, that would settle the question.
        case missing
        /// What the answer would be with one value of a missing fact, verified by asking again.
        case alternative
    }

    /// What the step states.
    public var kind: Kind
    /// The step in plain English, one line.
    public var text: String
    /// The provision it concerns.
    public var provision: String?
    /// The provision's status, for provision steps.
    public var status: ProvisionStatus?
    /// Whether the provision decides the verdict (provision steps).
    public var decides: Bool
    /// The pin-point citation in the act in force.
    public var citation: String?
    /// The fact it rests on.
    public var fact: String?
    /// The field of the fact an alternative varies.
    public var field: String?
    /// The question that field answers, when the kind states one (internal: used to place the
    /// alternative under the missing fact it settles).
    var question: String?
    /// The fact's date as recorded.
    public var date: UncertainDate?
    /// Where to check the fact.
    public var sources: [String]
    /// Whether the fact is assumed for this answer only.
    public var assumed: Bool
    /// For an alternative: the verdict with that value.
    public var verdict: Verdict?
    /// For an alternative: the command-line arguments that ask the question with that value.
    public var arguments: [String]
    /// Steps that support this one.
    public var steps: [ExplanationStep]

    /// A step.
    public init(kind: Kind, text: String, provision: String? = nil, status: ProvisionStatus? = nil, decides: Bool = false,
                citation: String? = nil, fact: String? = nil, date: UncertainDate? = nil, sources: [String] = [],
                assumed: Bool = false, verdict: Verdict? = nil, arguments: [String] = [], steps: [ExplanationStep] = []) {
        self.kind = kind
        self.text = text
        self.provision = provision
        self.status = status
        self.decides = decides
        self.citation = citation
        self.fact = fact
        self.date = date
        self.sources = sources
        self.assumed = assumed
        self.verdict = verdict
        self.arguments = arguments
        self.steps = steps
    }

    /// The step as JSON; keys that do not apply are left out.
    public var json: JSON {
        var pairs: [(String, JSON)] = [("kind", .string(kind.rawValue)), ("text", .string(text))]
        if let provision { pairs.append(("provision", .string(provision))) }
        if let status { pairs.append(("status", .string(status.rawValue))) }
        if kind == .provision { pairs.append(("decides", .bool(decides))) }
        if let citation { pairs.append(("citation", .string(citation))) }
        if let fact { pairs.append(("fact", .string(fact))) }
        if let field { pairs.append(("field", .string(field))) }
        if let date { pairs.append(("date", .string(date.description))) }
        if !sources.isEmpty { pairs.append(("sources", .array(sources.map(JSON.string)))) }
        if assumed { pairs.append(("assumed", .bool(true))) }
        if let verdict { pairs.append(("verdict", .string(verdict.rawValue))) }
        if !arguments.isEmpty { pairs.append(("arguments", .array(arguments.map(JSON.string)))) }
        if !steps.isEmpty { pairs.append(("steps", .array(steps.map(\.json)))) }
        return .object(pairs)
    }
}
