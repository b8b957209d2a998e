import Proviso
import Testing

/// Source text with markers (`1️⃣`, `2️⃣` …) at the places a diagnostic must point to, in the
/// manner of swift-format's `MarkedText`: the markers are stripped to get the source, and each
/// marker's line and column (1-based, columns in Unicode scalars, as Proviso counts them) is kept.
struct MarkedText {
    static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟"]

    /// The text without its markers.
    let source: String
    /// Where each marker was: line and column in `source`.
    let positions: [String: (line: Int, column: Int)]

    init(_ marked: String) {
        var source = ""
        var positions: [String: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        var rest = Substring(marked)
        scanning: while let character = rest.first {
            for marker in Self.markers where rest.hasPrefix(marker) {
                precondition(positions[marker] == nil, "marker \(marker) used twice")
                positions[marker] = (line, column)
                rest = rest.dropFirst(marker.count)
                continue scanning
            }
            source.append(character)
            rest = rest.dropFirst()
            if character.unicodeScalars.contains("\n") {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        self.source = source
        self.positions = positions
    }

    /// The marked text as a source file.
    func file(_ path: String = "test.proviso") -> SourceFile { SourceFile(path: path, text: source) }

    subscript(marker: String) -> (line: Int, column: Int) {
        guard let p = positions[marker] else { fatalError("no marker \(marker) in the text") }
        return p
    }
}

/// Asserts that `diagnostics` holds one with `code` located exactly at `marker` (line and column
/// together), and returns it for further checks of message and help.
@discardableResult
func expectDiagnostic(
    _ code: String, at marker: String, in text: MarkedText, among diagnostics: [Diagnostic],
    file: String = "test.proviso", sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
    let (line, column) = text[marker]
    let found = diagnostics.first {
        $0.code == code && $0.location?.file == file && $0.location?.line == line && $0.location?.column == column
    }
    #expect(
        found != nil,
        "expected \(code) at \(file):\(line):\(column); got:\n\(diagnostics.map(\.description).joined(separator: "\n"))",
        sourceLocation: sourceLocation)
    return found
}
