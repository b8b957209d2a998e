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
