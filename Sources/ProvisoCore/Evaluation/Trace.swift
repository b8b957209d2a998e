/// Something an evaluation could not settle, named so that an analyst knows what would settle it.
public struct MissingFact: Sendable, Hashable {
    /// The provision whose status it leaves open.
    public var provision: String
    /// The fact concerned, if it is a recorded one.
    public var fact: String?
    /// What is missing, in words.
    public var description: String
}

/// Collects, during an evaluation that asked for it, the facts consulted and the questions left
/// open. Evaluations that do not ask (the matrix, the benchmark) pass none and pay nothing.
final class Trace {
    var consulted: [Int] = []
    var open: [(fact: Int?, description: String)] = []

    func consult(_ fact: Int) {
        if !consulted.contains(fact) { consulted.append(fact) }
    }

    func leaveOpen(_ fact: Int?, _ description: String) {
        if !open.contains(where: { $0.fact == fact && $0.description == description }) { open.append((fact, description)) }
    }
}
