import Foundation
import Proviso
@testable import ProvisoCLI
import ProvisoRules
import Testing

/// What the tool writes: output that lands in a spreadsheet is escaped, and no command changes a
/// file unless it is asked to write (`fmt` without `--check`, `new-fiscal-year`), and then
/// atomically. (Markdown and HTML renderers are not in this branch yet; when they arrive, they
/// need the same kind of test: docs/robustness.md, "Safety of what the tool reads and writes".)
@Suite("Output safety")
struct OutputSafetyTests {
    @Test("CSV cells are quoted for commas, quotes and every line break, and formulas are defused", arguments: [
        ("plain", "plain"),
        ("a, b", "\"a, b\""),
        ("say \"no\"", "\"say \"\"no\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("crlf\r\nline", "\"crlf\r\nline\""),
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
        ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ])
    func csvCells(_ cell: String, _ written: String) {
        #expect(TimelineCSV.quoted(cell) == written)
    }

    @Test("a timeline as CSV has one record per interval, whatever the fact summaries hold")
    func csvRecords() throws {
        let folder = try Folder()
        defer { folder.remove() }
        // A summary with a line break, quotes and a comma: the opening event's description quotes it.
        try folder.writeCoupRulebook(into: "") { path, text in
            guard path == "facts/mali.proviso", let at = text.range(of: "  summary \"") else { return text }
            return text.replacingCharacters(in: at, with: "  summary \"=cmd|' /C calc'!A0\\nnext, \\\"row\\\" ")
        }
        var console = Console.buffer
        let code = ProvisoCommandLine.run(["timeline", "Mali", "--program", "IMET", "--from", "2011-01-01", "--to", "2025-01-01",
                                           "--format", "csv", "--rules", folder.path], console: &console)
        #expect(code == .success, "\(console.errors)")
        let records = Self.csvRecords(console.output)
        #expect(records.count > 2)
        #expect(records.allSatisfy { $0.count == TimelineCSV.header.split(separator: ",").count }, "\(records)")
        #expect(records.contains { $0.last?.contains("=cmd|' /C calc'!A0\nnext, \"row\"") == true })
    }

    /// Splits RFC 4180 text into records of fields.
    static func csvRecords(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false, previous: Unicode.Scalar?
        var scalars = Array(text.unicodeScalars)[...]
        while let s = scalars.popFirst() {
            if quoted {
                if s == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false }
                } else { field.unicodeScalars.append(s) }
            } else if s == "\"" { quoted = true
            } else if s == "," { record.append(field); field = ""
            } else if s == "\r" || s == "\n" {
                if !(s == "\n" && previous == "\r") { record.append(field); records.append(record); record = []; field = "" }
            } else { field.unicodeScalars.append(s) }
            previous = s
        }
        return records
    }

    // MARK: - Nothing is written unless asked

    /// Every file below a folder with its bytes.
    static func snapshot(_ path: String) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        let fm = FileManager.default
        for item in (fm.enumerator(atPath: path)?.allObjects as? [String]) ?? [] {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: path + "/" + item, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[item] = FileSystem.read(path + "/" + item)
            }
        }
        return out
    }

    @Test("no command but fmt and new-fiscal-year writes a file, nor they when they cannot do what is asked")
    func readOnlyCommands() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.writeCoupRulebook(into: "Rules/") { path, text in path == "kinds.proviso" ? "#   unformatted   \n" + text : text }
        try folder.write("Broken/broken.proviso", "provision x {\n")
        try folder.write("Cases/mali.case", "case c \"x\" {\n  query Mali program IMET date 2012-06-01\n  expect prohibited\n  expect coups prohibits\n  source \"s\"\n}\n")
        let before = Self.snapshot(folder.path)
        let r = folder.path + "/Rules", b = folder.path + "/Broken", c = folder.path + "/Cases"
        for arguments in [
            ["check", r], ["check", b], ["check", r, "--cases", c], ["test", c, "--rules", r], ["test", c, "--rules", b],
            ["can-fund", "Mali", "--program", "IMET", "--date", "2012-06-01", "--rules", r, "--explain"],
            ["timeline", "Mali", "--program", "IMET", "--rules", r, "--from", "2011-01-01", "--to", "2014-01-01", "--format", "csv"],
            ["programs", "--rules", r], ["provisions", "--rules", r], ["explain", "sfops-7008", "--rules", r],
            ["fmt", "--check", r, c, b], ["diff", r, r], ["diff", r, b], ["fmt", b], ["new-fiscal-year", "FY2099", "--rules", r],
        ] {
            var console = Console.buffer
            _ = ProvisoCommandLine.run(arguments, console: &console)
            #expect(Self.snapshot(folder.path) == before, "`\(arguments.joined(separator: " "))` changed a file")
        }
    }

    // MARK: - Writes are atomic

    @Test("a write goes to a temporary file renamed into place: the old file is whole until the new one is")
    func writeAtomically() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let path = folder.path + "/a.proviso"
        try folder.write("a.proviso", "old\n")
        #expect(FileSystem.writeAtomically(Array("new\n".utf8), to: path))
        #expect(FileSystem.read(path) == Array("new\n".utf8))
        #expect(Self.snapshot(folder.path).keys.sorted() == ["a.proviso"], "no temporary file is left behind")
        // A write that cannot be made leaves the old file as it was.
        #expect(!FileSystem.writeAtomically(Array("newer\n".utf8), to: folder.path + "/missing/a.proviso"))
        #expect(FileSystem.read(path) == Array("new\n".utf8))
    }

    @Test("fmt killed at any moment leaves every file whole: old or formatted, never part of either",
          .timeLimit(.minutes(2)))
    func fmtKilled() throws {
        guard let proviso = Executables.productsDirectory?.appendingPathComponent("proviso") else {
            Issue.record("the proviso executable was not built")
            return
        }
        for delay in [0.0, 0.02, 0.05, 0.1, 0.2] {
            let folder = try Folder()
            defer { folder.remove() }
            // Many files, each unformatted in the same way, so that fmt is mid-way when it is killed.
            var originals: [String: [UInt8]] = [:], formatted: [String: [UInt8]] = [:]
            for file in FileSystem.files(under: Executables.packageRoot.path + "/Rules", extension: "proviso") {
                let text = String(decoding: FileSystem.read(file) ?? [], as: UTF8.self)
                let messy = text.replacingOccurrences(of: "\n  ", with: "\n     ").replacingOccurrences(of: "\n", with: "   \r\n")
                let name = String(file.split(separator: "/").last!)
                try folder.write(name, messy)
                originals[name] = Array(messy.utf8)
                formatted[name] = Array(text.utf8)
            }
            let process = Process()
            process.executableURL = proviso
            process.arguments = ["fmt", folder.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            for (name, bytes) in Self.snapshot(folder.path) where name.hasSuffix(".proviso") {
                #expect(bytes == originals[name] || bytes == formatted[name], "\(name) is neither the old file nor the formatted one (killed after \(delay)s)")
            }
            // What the rulebook reads is exactly the .proviso files: a temporary file left by the
            // killed write is not one.
            #expect(Self.snapshot(folder.path).keys.filter { $0.hasSuffix(".proviso") }.count == originals.count)
        }
    }
}

extension OutputSafetyTests {
    /// A folder under /tmp that a test creates and removes.
    struct Folder {
        let path: String

        init() throws {
            path = NSTemporaryDirectory() + "proviso-safety-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }

        func write(_ relative: String, _ text: String) throws {
            let full = path + "/" + relative
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }

        func remove() { try? FileManager.default.removeItem(atPath: path) }

        /// The coup rulebook of `CoupRulebook` below `prefix`, each file's text passed through `edit`.
        func writeCoupRulebook(into prefix: String, _ edit: (String, String) -> String) throws {
            for file in DefaultRulebook.files where CoupRulebook.keeps(file.path) {
                try write(prefix + file.path, edit(file.path, file.text))
            }
        }
    }
}
