/// A file of rule, fact or case text, held as UTF-8 bytes with the offsets of its lines.
public struct SourceFile: Sendable {
    /// The path as the user should see it in diagnostics (relative where possible).
    public let path: String
    /// The file's bytes, exactly as read (a byte-order mark and CRLF endings included).
    public let bytes: [UInt8]
    /// Offset of the first byte of each line; line `n` (1-based) starts at `lineStarts[n - 1]`.
    public let lineStarts: [Int]

    /// Wraps the bytes of a file read from `path`.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// Wraps a string (tests, `--assume`, embedded rules).
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The text of a 1-based line, without its line ending; invalid UTF-8 is shown as U+FFFD.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard end > start else { return "" }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

extension SourceFile {
    /// At most `width` columns of a 1-based line around `column`, for a diagnostic's excerpt: the
    /// text (with `…` where the line is cut, and control characters shown as spaces) and the
    /// 0-based position of `column` in it. Only the window is decoded, so excerpts of a
    /// multi-megabyte line cost no more than those of a short one.
    func window(line: Int, column: Int, width: Int = 120) -> (text: String, caret: Int) {
        guard line >= 1, line <= lineStarts.count else { return ("", 0) }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        // Columns count Unicode scalars, as the lexer does: every byte that does not continue one.
        let first = max(1, column - width / 3)
        var offset = start, col = 1
        func advance() {
            offset += 1
            while offset < end, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            col += 1
        }
        while offset < end, col < first { advance() }
        let from = offset
        while offset < end, col < first + width { advance() }
        var text = first > 1 ? "…" : ""
        for scalar in String(decoding: bytes[from..<offset], as: UTF8.self).unicodeScalars {
            // Tabs and control characters would misplace the caret or reach the terminal.
            let control = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            text.unicodeScalars.append(control ? " " : scalar)
        }
        if offset < end { text += "…" }
        return (text, column - first + (first > 1 ? 1 : 0))
    }
}

/// Where something is in a source file: 1-based line and column (columns count characters).
///
/// Locations are left out of the equality of syntax nodes, so that two rules that say the same
/// thing compare equal wherever they are written.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file's path as shown to the user.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int
    /// How many columns the located text spans (at least 1 for a caret).
    public var length: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int, length: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
        self.length = max(1, length)
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
