import Proviso

/// Escaping for the formats analysts paste into other tools. Everything that comes from the
/// rulebook (names, summaries, sources) goes through here before it lands in CSV, Markdown or HTML.
enum Escape {
    /// Text for HTML element content and quoted attribute values.
    static func html(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if c.value < 0x20 && c != "\n" && c != "\t" { out += "&#xFFFD;" } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    /// A source as a link when it is a web address, else as text (never a `javascript:` or
    /// other scheme: only `http://` and `https://` become links).
    static func htmlSource(_ s: String) -> String {
        let lower = s.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), !s.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" }) else {
            return html(s)
        }
        return "<a class=\"source\" href=\"\(html(s))\" rel=\"noreferrer noopener\">\(html(s))</a>"
    }

    /// An identifier usable in an HTML `id` and a URL fragment: letters, digits, `-` and `_`.
    static func htmlID(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            if (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "-" || c == "_" {
                out.unicodeScalars.append(c)
            } else {
                out += "_\(String(c.value, radix: 16))"
            }
        }
        return out.isEmpty ? "_" : out
    }

    /// Text for Markdown: characters with meaning inside a line of Markdown (emphasis, code, links,
    /// raw HTML, table cells) are backslash-escaped, and line breaks become spaces, so that a value
    /// can neither end a table cell nor start a block. Parentheses need no escape once `[` and `]`
    /// are escaped (no link can form), and values never begin a line.
    static func markdown(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\", "`", "*", "_", "{", "}", "[", "]", "|", "<", ">", "~": out += "\\" + String(c)
            case "&": out += "&amp;"
            case "\n", "\r", "\t": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    /// A source for Markdown: an autolinked web address, or escaped text.
    static func markdownSource(_ s: String) -> String {
        let lower = s.lowercased()
        if (lower.hasPrefix("https://") || lower.hasPrefix("http://")), !s.contains(where: { " <>|`\n\r\t".contains($0) }) {
            return "<\(s)>"
        }
        return markdown(s)
    }

    /// One CSV cell (RFC 4180), neutralised against formula injection: a cell that begins with `=`,
    /// `+`, `-`, `@`, a tab or a carriage return gets a leading `'` so that a spreadsheet shows it
    /// as text; then it is quoted when it holds a comma, a quote or a line break.
    static func csv(_ cell: String) -> String {
        var text = cell
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        // Looked for among Unicode scalars: `\r\n` is one Character and equals neither `\r` nor `\n`.
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        return out + "\""
    }
}
