/// Renders diagnostics as `file:line:column: error[CODE]: message`, then the source line, a caret
/// under the located text, and the help line — the one text form every command uses.
public struct DiagnosticRenderer: Sendable {
    private let sources: [String: SourceFile]

    /// A renderer that can quote lines from these files.
    public init(sources: [SourceFile]) {
        var byPath: [String: SourceFile] = [:]
        for file in sources { byPath[file.path] = file }
        self.sources = byPath
    }

    /// The full text of one diagnostic, ending in a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        var out = diagnostic.description + "\n"
        if let location = diagnostic.location { out += excerpt(at: location) }
        if let help = diagnostic.help { out += "  = help: \(help)\n" }
        for note in diagnostic.notes {
            if let location = note.location {
                out += "\(location): note: \(note.message)\n" + excerpt(at: location)
            } else {
                out += "  = note: \(note.message)\n"
            }
        }
        return out
    }

    /// Every diagnostic, sorted by location, then a count line such as `2 errors, 1 warning`.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics.sortedByLocation() { out += render(d) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if errors + warnings > 0 {
            out += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        }
        return out
    }

    private func excerpt(at location: SourceLocation) -> String {
        guard let file = sources[location.file] else { return "" }
        let (line, caretStart) = file.window(line: location.line, column: location.column)
        let gutter = String(location.line)
        let pad = String(repeating: " ", count: gutter.count)
        let shown = line.unicodeScalars.count
        let width = max(1, min(location.length, max(1, shown - caretStart)))
        return "\(pad) |\n\(gutter) | \(line)\n\(pad) | \(String(repeating: " ", count: caretStart))\(String(repeating: "^", count: width))\n"
    }
}
