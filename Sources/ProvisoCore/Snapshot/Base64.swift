/// Base64 (RFC 4648), for carrying the binary snapshot in a Swift string literal.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The bytes as base64 text.
    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            for shift in [18, 12, 6, 0] { out.append(alphabet[Int(n >> UInt32(shift) & 63)]) }
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            var n = UInt32(bytes[i]) << 16
            if rest == 2 { n |= UInt32(bytes[i + 1]) << 8 }
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(rest == 2 ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of base64 text, or `nil` if it is not base64.
    public static func decode(_ text: String) -> [UInt8]? {
        var table = [UInt8](repeating: 255, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        let bytes = Array(text.utf8)
        guard bytes.count % 4 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 4 * 3)
        let pad = UInt8(ascii: "=")
        var i = 0
        while i < bytes.count {
            let last = i + 4 == bytes.count
            let a = table[Int(bytes[i])], b = table[Int(bytes[i + 1])]
            let c = last && bytes[i + 2] == pad ? 0 : table[Int(bytes[i + 2])]
            let d = last && bytes[i + 3] == pad ? 0 : table[Int(bytes[i + 3])]
            guard a < 64, b < 64, c < 64, d < 64 else { return nil }
            let n = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
            out.append(UInt8(n >> 16 & 255))
            if !(last && bytes[i + 2] == pad) { out.append(UInt8(n >> 8 & 255)) }
            if !(last && bytes[i + 3] == pad) { out.append(UInt8(n & 255)) }
            i += 4
        }
        return out
    }
}
