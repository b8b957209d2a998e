/// Turns the bytes of a source file into tokens. Hand-written over UTF-8 bytes, one pass, no
/// backtracking; it never fails: bad input becomes a diagnostic and lexing goes on.
public struct Lexer {
    /// The longest token (a string literal, say) the lexer accepts; longer ones are an error.
    public static let maximumTokenLength = 1 << 20

    private let file: SourceFile
    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var lineStart = 0
    /// The last position whose column was counted, and that column: columns are counted forward
    /// from here, so a long line costs linear time, not quadratic.
    private var countedPosition = 0
    private var countedColumn = 1
    /// Diagnostics met while lexing (at most `Diagnostic.maximumPerFile`, then a count of the rest).
    public private(set) var diagnostics: [Diagnostic] = []
    private var limit = DiagnosticLimit()

    /// A lexer over one file.
    public init(file: SourceFile) {
        self.file = file
        self.bytes = file.bytes
        // A UTF-8 byte-order mark is allowed and skipped.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { offset = 3; lineStart = 3 }
        countedPosition = lineStart
        if let bad = Self.firstInvalidUTF8(bytes) {
            let lineIndex = file.lineStarts.lastIndex { $0 <= bad } ?? 0
            // The byte-order mark is not a column.
            let start = lineIndex == 0 ? lineStart : file.lineStarts[lineIndex]
            var column = 1
            for i in start..<bad where bytes[i] & 0xC0 != 0x80 { column += 1 }
            report(.invalidUTF8(at: SourceLocation(file: file.path, line: lineIndex + 1, column: column)))
        }
    }

    /// Offset of the first byte that does not belong to a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            var i = 0
            let n = buffer.count
            while i < n {
                // Rule files are mostly ASCII: skip it eight bytes at a time.
                if i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let b = buffer[i]
                if b < 0x80 { i += 1; continue }
                let width: Int
                var minimum: UInt32
                var scalar: UInt32
                switch b {
                case 0xC2...0xDF: width = 2; minimum = 0x80; scalar = UInt32(b & 0x1F)
                case 0xE0...0xEF: width = 3; minimum = 0x800; scalar = UInt32(b & 0x0F)
                case 0xF0...0xF4: width = 4; minimum = 0x10000; scalar = UInt32(b & 0x07)
                default: return i
                }
                guard i + width <= n else { return i }
                for k in 1..<width {
                    let c = buffer[i + k]
                    guard c & 0xC0 == 0x80 else { return i }
                    scalar = scalar << 6 | UInt32(c & 0x3F)
                }
                if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
                i += width
            }
            return nil
        }
    }

    /// Every token of the file, ending with `.endOfFile`.
    public mutating func tokenize() -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5 + 8)
        while true {
            let token = next()
            tokens.append(token)
            if token.kind == .endOfFile {
                diagnostics += limit.summaries
                return tokens
            }
        }
    }

    private mutating func report(_ d: Diagnostic) {
        if limit.admit(d) { diagnostics.append(d) }
    }

    private mutating func location(from start: Int, to end: Int) -> SourceLocation {
        let column = column(at: start)
        let length = columns(start, end)
        // The next token starts after this one: count on from its end, not its start again.
        countedPosition = end
        countedColumn = column + length
        return SourceLocation(file: file.path, line: line, column: column, length: length)
    }

    /// 1-based column of a byte offset on the current line, counting Unicode scalars. Tokens are
    /// located in order, so counting resumes from the last position counted.
    private mutating func column(at position: Int) -> Int {
        if position < countedPosition || countedPosition < lineStart {
            countedPosition = lineStart
            countedColumn = 1
        }
        countedColumn += columns(countedPosition, position)
        countedPosition = position
        return countedColumn
    }

    /// Unicode scalars in `bytes[from..<to]`: the bytes that do not continue a UTF-8 sequence,
    /// counted eight at a time (this runs over every byte of every file).
    private func columns(_ from: Int, _ to: Int) -> Int {
        let end = min(to, bytes.count)
        guard from < end else { return 0 }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var count = 0
            var i = from
            while i + 8 <= end {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                // A continuation byte has its top bits 10: bit 7 set, bit 6 (shifted up) clear.
                let continuation = word & ~(word << 1) & 0x8080_8080_8080_8080
                count += 8 - continuation.nonzeroBitCount
                i += 8
            }
            while i < end {
                if buffer[i] & 0xC0 != 0x80 { count += 1 }
                i += 1
            }
            return count
        }
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private mutating func next() -> Token {
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                offset += 1
            case UInt8(ascii: "\n"):
                let token = Token(.newline, "\n", at: location(from: offset, to: offset + 1))
                offset += 1
                line += 1
                lineStart = offset
                countedPosition = offset
                countedColumn = 1
                return token
            case UInt8(ascii: "#"):
                let start = offset
                while offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") { offset += 1 }
                var end = offset
                if end > start + 1, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                return Token(.comment, text(start + 1, end), at: location(from: start, to: end))
            case UInt8(ascii: "\""):
                return string()
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                return numberOrDate()
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
                return word()
            default:
                if let token = punctuation(byte) { return token }
                let start = offset
                // Skip one whole UTF-8 sequence so that the message shows the character.
                offset += 1
                while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
                let shown = text(start, offset)
                if byte == 0 {
                    report(.nulByte(at: location(from: start, to: offset)))
                } else if shown.unicodeScalars.contains("\u{FFFD}") {
                    continue  // reported once for the whole file by `init`
                } else {
                    report(.unexpectedCharacter(shown, at: location(from: start, to: offset)))
                }
            }
        }
        return Token(.endOfFile, "", at: location(from: offset, to: offset))
    }

    private mutating func punctuation(_ byte: UInt8) -> Token? {
        let start = offset
        let following: UInt8 = offset + 1 < bytes.count ? bytes[offset + 1] : 0
        let kind: Token.Kind
        var width = 1
        switch byte {
        case UInt8(ascii: "{"): kind = .leftBrace
        case UInt8(ascii: "}"): kind = .rightBrace
        case UInt8(ascii: "("): kind = .leftParen
        case UInt8(ascii: ")"): kind = .rightParen
        case UInt8(ascii: "["): kind = .leftBracket
        case UInt8(ascii: "]"): kind = .rightBracket
        case UInt8(ascii: ","): kind = .comma
        case UInt8(ascii: ":"): kind = .colon
        case UInt8(ascii: ";"): kind = .newline  // `;` separates clauses on one line, like a line break
        case UInt8(ascii: "."):
            if following == UInt8(ascii: ".") { kind = .dotDot; width = 2 } else { kind = .dot }
        case UInt8(ascii: "="):
            if following == UInt8(ascii: "=") { kind = .equalEqual; width = 2 } else { kind = .equals }
        case UInt8(ascii: "!"):
            guard following == UInt8(ascii: "=") else { return nil }
            kind = .notEqual; width = 2
        case UInt8(ascii: "<"):
            if following == UInt8(ascii: "=") { kind = .lessEqual; width = 2 } else { kind = .less }
        case UInt8(ascii: ">"):
            if following == UInt8(ascii: "=") { kind = .greaterEqual; width = 2 } else { kind = .greater }
        default:
            return nil
        }
        offset += width
        return Token(kind, text(start, offset), at: location(from: start, to: offset))
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
    }

    private mutating func word() -> Token {
        let start = offset
        while offset < bytes.count, Self.isWordByte(bytes[offset]) { offset += 1 }
        // A trailing hyphen belongs to no name (`a- b` is a typo); leave it out of the word.
        while offset > start + 1, bytes[offset - 1] == UInt8(ascii: "-") { offset -= 1 }
        let spelling = text(start, offset)
        let loc = location(from: start, to: offset)
        if offset - start > Self.maximumTokenLength { report(.tokenTooLong(at: loc)) }
        if spelling.utf8.count == 6, spelling.hasPrefix("FY"), spelling.utf8.dropFirst(2).allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            return Token(.fiscalYear, spelling, at: loc)
        }
        return Token(.word, spelling, at: loc)
    }

    private mutating func numberOrDate() -> Token {
        let start = offset
        func digits() -> Int {
            let s = offset
            while offset < bytes.count, bytes[offset] >= UInt8(ascii: "0"), bytes[offset] <= UInt8(ascii: "9") { offset += 1 }
            return offset - s
        }
        let first = digits()
        // YYYY-MM or YYYY-MM-DD: a date. Anything else that starts with digits is a number, or a
        // word such as `620A` when letters follow.
        if first == 4, offset + 2 < bytes.count, bytes[offset] == UInt8(ascii: "-"), isDigit(offset + 1), isDigit(offset + 2) {
            let save = offset
            offset += 1
            if digits() == 2 {
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "-"), isDigit(offset + 1) {
                    offset += 1
                    if digits() != 2 { return malformedDate(from: start) }
                }
                if offset < bytes.count, Self.isWordByte(bytes[offset]) { return malformedDate(from: start) }
                return Token(.date, text(start, offset), at: location(from: start, to: offset))
            }
            offset = save
        }
        if offset < bytes.count, Self.isWordByte(bytes[offset]), bytes[offset] != UInt8(ascii: "-") {
            while offset < bytes.count, Self.isWordByte(bytes[offset]) { offset += 1 }
            return Token(.word, text(start, offset), at: location(from: start, to: offset))
        }
        let loc = location(from: start, to: offset)
        if first > 18 { report(.numberTooLarge(text(start, offset), at: loc)) }
        return Token(.number, text(start, offset), at: loc)
    }

    private func isDigit(_ i: Int) -> Bool {
        i < bytes.count && bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9")
    }

    private mutating func malformedDate(from start: Int) -> Token {
        while offset < bytes.count, Self.isWordByte(bytes[offset]) { offset += 1 }
        let loc = location(from: start, to: offset)
        let spelling = text(start, offset)
        report(.malformedDate(spelling, at: loc))
        return Token(.date, spelling, at: loc)
    }

    private mutating func string() -> Token {
        let start = offset
        offset += 1
        // Most strings hold no escape: their text is the bytes between the quotes, taken at once.
        let close: Int? = bytes.withUnsafeBufferPointer { buffer in
            var end = offset
            while end < buffer.count {
                let byte = buffer[end]
                if byte == UInt8(ascii: "\"") { return end }
                if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\n") || byte == 0 { return nil }
                // A control character (S111) takes the slow path, which reports it.
                if (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F { return nil }
                if byte == 0xC2, end + 1 < buffer.count, (0x80...0x9F).contains(buffer[end + 1]) { return nil }
                end += 1
            }
            return nil
        }
        if let end = close {
            offset = end + 1
            let loc = location(from: start, to: offset)
            if end - start - 1 > Self.maximumTokenLength { diagnostics.append(.tokenTooLong(at: loc)) }
            return Token(.string, text(start + 1, end), at: loc)
        }
        var value: [UInt8] = []
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                let loc = location(from: start, to: offset)
                if value.count > Self.maximumTokenLength { report(.tokenTooLong(at: loc)) }
                // Invalid UTF-8 was reported once for the whole file; keep going with U+FFFD.
                return Token(.string, String(decoding: value, as: UTF8.self), at: loc)
            }
            if byte == UInt8(ascii: "\n") { break }
            if byte == 0 {
                report(.nulByte(at: location(from: offset, to: offset + 1)))
                offset += 1
                continue
            }
            // Control characters (but tab) would reach a terminal, a CSV cell or a web page as
            // they are: a string says what it means in visible text or escapes.
            let c1 = byte == 0xC2 && offset + 1 < bytes.count && (0x80...0x9F).contains(bytes[offset + 1])
            if (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F || c1 {
                let width = c1 ? 2 : 1
                report(.controlCharacter(bytes[offset + width - 1], at: location(from: offset, to: offset + width)))
                offset += width
                continue
            }
            if byte == UInt8(ascii: "\\"), offset + 1 < bytes.count {
                let escaped = bytes[offset + 1]
                switch escaped {
                case UInt8(ascii: "\""): value.append(escaped)
                case UInt8(ascii: "\\"): value.append(escaped)
                case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
                default:
                    // Show the whole character after the backslash, even when it is not ASCII.
                    var end = offset + 2
                    while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                    let shown = text(offset + 1, end)
                    report(.unknownEscape(shown, at: location(from: offset, to: end)))
                    value.append(contentsOf: bytes[(offset + 1)..<end])
                    offset = end
                    continue
                }
                offset += 2
                continue
            }
            value.append(byte)
            offset += 1
        }
        let loc = location(from: start, to: offset)
        report(.unterminatedString(at: loc))
        return Token(.string, String(decoding: value, as: UTF8.self), at: loc)
    }
}

extension Diagnostic {
    /// A code point as `U+001B`: how a control character is named, never printed.
    static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    static func unexpectedCharacter(_ text: String, at location: SourceLocation) -> Diagnostic {
        // A control character is named, not printed: it would act on the terminal that shows it.
        let shown = text.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? codePoint($0.value) : String($0) }.joined()
        return Diagnostic(.error, "S101", "unexpected character `\(shown)`", at: location,
                   help: "names use letters, digits, `-` and `_`; text goes in double quotes")
    }
    static func unterminatedString(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "S102", "unterminated string", at: location,
                   help: "close the string with `\"` on the same line; join long text with several strings")
    }
    static func unknownEscape(_ c: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "S103", "unknown escape `\\\(c)` in a string", at: location,
                   help: "the escapes are `\\\"`, `\\\\`, `\\n` and `\\t`")
    }
    static func malformedDate(_ text: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "S104", "malformed date `\(text)`", at: location,
                   help: "write dates as YYYY-MM-DD, YYYY-MM or YYYY")
    }
    static func invalidUTF8(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "S105", "the file is not valid UTF-8 here", at: location,
                   help: "save the file as UTF-8")
    }
    static func nulByte(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "S106", "a NUL byte in the text", at: location, help: "rule files are plain UTF-8 text")
    }
    static func controlCharacter(_ byte: UInt8, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "S111", "a control character (\(codePoint(UInt32(byte)))) in a string", at: location,
                   help: "strings hold visible text; write a line break as `\\n` and a tab as `\\t`")
    }
    static func numberTooLarge(_ text: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "S107", "number `\(text.prefix(40))` is too large", at: location)
    }
    static func tokenTooLong(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "S108", "token longer than \(Lexer.maximumTokenLength) bytes", at: location)
    }
}
