/// The binary form of a checked rulebook, written once when the library is built and read when a
/// process first asks for the default rulebook: no lexing, parsing or checking at start-up.
///
/// Layout: the magic `PRVS`, a format version, a table of the distinct strings (each written
/// once, so a source address or a file path costs one integer wherever it recurs), then the
/// rulebook's values in a fixed order. Integers are LEB128 varints (zigzag for signed values).
/// The format is private to one build of Proviso: the library that reads a snapshot is the one
/// whose build wrote it, and a version mismatch is refused, never guessed at.
public enum RulebookSnapshot {
    /// Bumped whenever what is written changes.
    static let formatVersion = 3
    static let magic: [UInt8] = Array("PRVS".utf8)
}

/// Why a snapshot cannot be read.
public struct SnapshotError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    public var description: String { "snapshot: \(message)" }
}

/// Writes values in the snapshot's binary form.
struct SnapshotWriter {
    private(set) var body: [UInt8] = []
    private var stringIndex: [String: Int] = [:]
    private var table: [String] = []

    mutating func uint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            body.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        body.append(UInt8(v))
    }

    mutating func int(_ value: Int) {
        let v = Int64(value)
        uint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    mutating func bool(_ value: Bool) { body.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        if let i = stringIndex[value] {
            uint(UInt64(i))
            return
        }
        stringIndex[value] = table.count
        uint(UInt64(table.count))
        table.append(value)
    }

    mutating func optional<T>(_ value: T?, _ write: (inout SnapshotWriter, T) -> Void) {
        if let value {
            bool(true)
            write(&self, value)
        } else {
            bool(false)
        }
    }

    mutating func array<T>(_ values: [T], _ write: (inout SnapshotWriter, T) -> Void) {
        uint(UInt64(values.count))
        for v in values { write(&self, v) }
    }

    mutating func ints(_ values: [Int]) { array(values) { $0.int($1) } }
    mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

    /// The whole snapshot: header, string table, body.
    func finished() -> [UInt8] {
        var head = SnapshotWriter()
        head.body = RulebookSnapshot.magic
        head.uint(UInt64(RulebookSnapshot.formatVersion))
        head.uint(UInt64(table.count))
        for s in table {
            let utf8 = Array(s.utf8)
            head.uint(UInt64(utf8.count))
            head.body += utf8
        }
        return head.body + body
    }
}

/// Reads values written by `SnapshotWriter`, in the same order; every read is bounds-checked.
struct SnapshotReader {
    private let bytes: [UInt8]
    private var offset = 0
    private var table: [String] = []

    init(_ bytes: [UInt8]) throws(SnapshotError) {
        self.bytes = bytes
        guard bytes.count >= 4, Array(bytes[0..<4]) == RulebookSnapshot.magic else { throw SnapshotError("not a Proviso snapshot") }
        offset = 4
        let version = try uint()
        guard version == UInt64(RulebookSnapshot.formatVersion) else {
            throw SnapshotError("format \(version), this build reads format \(RulebookSnapshot.formatVersion)")
        }
        let count = try length()
        table.reserveCapacity(count)
        for _ in 0..<count {
            let n = try length()
            guard offset + n <= bytes.count else { throw SnapshotError("truncated string table") }
            table.append(String(decoding: bytes[offset..<offset + n], as: UTF8.self))
            offset += n
        }
    }

    /// Whether every byte has been read.
    var atEnd: Bool { offset == bytes.count }

    mutating func uint() throws(SnapshotError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count else { throw SnapshotError("truncated") }
            let b = bytes[offset]
            offset += 1
            guard shift < 64 else { throw SnapshotError("integer too long") }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws(SnapshotError) -> Int {
        let raw = try uint()
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    /// A count of elements, bounded by the bytes left so that a corrupt count cannot allocate wildly.
    mutating func length() throws(SnapshotError) -> Int {
        let n = try uint()
        guard n <= UInt64(bytes.count) else { throw SnapshotError("implausible length \(n)") }
        return Int(n)
    }

    mutating func bool() throws(SnapshotError) -> Bool {
        guard offset < bytes.count else { throw SnapshotError("truncated") }
        defer { offset += 1 }
        switch bytes[offset] {
        case 0: return false
        case 1: return true
        default: throw SnapshotError("bad boolean at \(offset)")
        }
    }

    mutating func string() throws(SnapshotError) -> String {
        let i = try uint()
        guard i < UInt64(table.count) else { throw SnapshotError("bad string index \(i)") }
        return table[Int(i)]
    }

    mutating func optional<T>(_ read: (inout SnapshotReader) throws(SnapshotError) -> T) throws(SnapshotError) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout SnapshotReader) throws(SnapshotError) -> T) throws(SnapshotError) -> [T] {
        let n = try length()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try read(&self)) }
        return out
    }

    mutating func ints() throws(SnapshotError) -> [Int] { try array { (r: inout SnapshotReader) throws(SnapshotError) in try r.int() } }
    mutating func strings() throws(SnapshotError) -> [String] { try array { (r: inout SnapshotReader) throws(SnapshotError) in try r.string() } }

    /// A tag in `0..<count`.
    mutating func tag(_ count: Int) throws(SnapshotError) -> Int {
        let t = try int()
        guard t >= 0, t < count else { throw SnapshotError("bad tag \(t) at \(offset)") }
        return t
    }
}
