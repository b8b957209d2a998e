#if canImport(Glibc)
import Glibc
private let Glibc_write = Glibc.write
#elseif canImport(Musl)
import Musl
private let Glibc_write = Musl.write
#elseif canImport(Darwin)
import Darwin
private let Glibc_write = Darwin.write
#endif

/// Where a command writes: standard output and standard error, or buffers in tests.
public struct Console: Sendable {
    /// What was written to standard output (when buffering).
    public private(set) var output = ""
    /// What was written to standard error (when buffering).
    public private(set) var errors = ""
    private let buffered: Bool

    /// A console that writes to the process's standard streams.
    public static var standard: Console { Console(buffered: false) }
    /// A console that keeps what is written, for tests.
    public static var buffer: Console { Console(buffered: true) }

    private init(buffered: Bool) { self.buffered = buffered }

    /// Writes to standard output.
    public mutating func out(_ text: String) {
        if buffered { output += text } else { Console.write(text, to: 1) }
    }

    /// Writes to standard error.
    public mutating func err(_ text: String) {
        if buffered { errors += text } else { Console.write(text, to: 2) }
    }

    /// Writes all of `text` to a file descriptor (1 standard output, 2 standard error).
    private static func write(_ text: String, to descriptor: Int32) {
        var t = text
        t.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc_write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }
}
