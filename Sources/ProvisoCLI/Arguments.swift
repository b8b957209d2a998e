/// A command line taken apart: positional arguments, and options with their values.
///
/// `--name value`, `--name=value` and flags such as `--explain`; `--` ends the options. Every
/// problem is a `UsageError` that names the argument at fault.
public struct Arguments: Sendable {
    /// An option a command accepts.
    public struct Option: Sendable {
        /// `date` for `--date`.
        public var name: String
        /// Whether it takes a value.
        public var takesValue: Bool
        /// Whether it may be given more than once.
        public var repeatable: Bool

        /// An option that takes a value.
        public static func value(_ name: String, repeatable: Bool = false) -> Option {
            Option(name: name, takesValue: true, repeatable: repeatable)
        }

        /// A flag.
        public static func flag(_ name: String) -> Option { Option(name: name, takesValue: false, repeatable: false) }
    }

    /// Positional arguments in order.
    public private(set) var positional: [String] = []
    private var values: [String: [String]] = [:]

    /// Parses `arguments` for a command that accepts `options`.
    public init(_ arguments: [String], options: [Option]) throws(UsageError) {
        var byName: [String: Option] = [:]
        for o in options { byName[o.name] = o }
        var i = 0
        var onlyPositional = false
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            if onlyPositional || !argument.hasPrefix("-") || argument == "-" {
                positional.append(argument)
                continue
            }
            if argument == "--" { onlyPositional = true; continue }
            if argument == "-h", byName["help"] != nil {
                values["help", default: []].append("")
                continue
            }
            guard argument.hasPrefix("--") else {
                throw UsageError("unknown option `\(argument)`", help: "options are spelled in full, such as `--date`")
            }
            var name = String(argument.dropFirst(2))
            var inline: String?
            if let eq = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard let option = byName[name] else {
                let suggestion = closestOption(name, in: options.map(\.name))
                throw UsageError("unknown option `--\(name)`", help: suggestion.map { "did you mean `--\($0)`?" } ?? "see --help")
            }
            if !option.repeatable, values[name] != nil {
                throw UsageError("`--\(name)` is given more than once")
            }
            if option.takesValue {
                let value: String
                if let inline {
                    value = inline
                } else {
                    guard i < arguments.count else { throw UsageError("`--\(name)` needs a value") }
                    value = arguments[i]
                    i += 1
                }
                values[name, default: []].append(value)
            } else {
                if inline != nil { throw UsageError("`--\(name)` takes no value") }
                values[name, default: []].append("")
            }
        }
    }

    /// The value of `--name` in raw arguments, without validating them (for error reports).
    static func peek(_ arguments: [String], _ name: String) -> String? {
        for (i, a) in arguments.enumerated() {
            if a == "--" + name, i + 1 < arguments.count { return arguments[i + 1] }
            if a.hasPrefix("--\(name)=") { return String(a.dropFirst(name.count + 3)) }
        }
        return nil
    }

    /// The value of an option given once, or `nil`.
    public func value(_ name: String) -> String? { values[name]?.last }
    /// Every value of a repeatable option.
    public func all(_ name: String) -> [String] { values[name] ?? [] }
    /// Whether a flag was given.
    public func flag(_ name: String) -> Bool { values[name] != nil }

    private func closestOption(_ name: String, in names: [String]) -> String? {
        closestName(to: name, in: names)
    }
}

/// A command line that cannot be understood.
public struct UsageError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, naming the argument.
    public var message: String
    /// A suggestion.
    public var help: String?

    /// Creates an error.
    public init(_ message: String, help: String? = nil) {
        self.message = message
        self.help = help
    }

    public var description: String { "error: \(message)" + (help.map { "\n  = help: \($0)" } ?? "") }
}


import Proviso
