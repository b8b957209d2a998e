import Foundation
import Testing

/// Finds the built `can-fund` and `proviso` executables and runs them as real processes.
///
/// `swift test` builds every product of the package before it runs the tests (it builds with
/// `--build-tests`, which builds all targets, the executables included), so the executables sit
/// in the products directory beside the test bundle: `.build/debug/can-fund` next to
/// `.build/debug/ProvisoPackageTests.xctest`. That directory is the parent of the `.xctest`
/// bundle (macOS) or of the test executable (Linux); if neither holds the executables, the
/// package's build folders are searched. Tests that need them fail with a clear message if the
/// executables were not built (run `swift build` first).
enum Executables {
    /// The package root, from this file's path (`Tests/ProvisoCLITests/Executables.swift`).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The directory that holds `can-fund` and `proviso`, if found.
    static let productsDirectory: URL? = {
        let fm = FileManager.default
        func holdsExecutables(_ directory: URL) -> Bool {
            ["can-fund", "proviso"].allSatisfy { fm.isExecutableFile(atPath: directory.appendingPathComponent($0).path) }
        }
        var candidates: [URL] = []
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        candidates.append(executable.deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        // Inside a macOS bundle: Foo.xctest/Contents/MacOS/Foo → walk up to the bundle's parent.
        var walk = executable
        for _ in 0..<4 {
            walk = walk.deletingLastPathComponent()
            if walk.pathExtension == "xctest" { candidates.append(walk.deletingLastPathComponent()) }
        }
        if let found = candidates.first(where: holdsExecutables) { return found }
        // Fallback: the package's build folders (`.build`, or a `--scratch-path` such as `.build-tests`).
        let builds = ((try? fm.contentsOfDirectory(atPath: packageRoot.path)) ?? []).filter { $0.hasPrefix(".build") }.sorted()
        for build in builds {
            let root = packageRoot.appendingPathComponent(build)
            let direct = root.appendingPathComponent("debug")
            if holdsExecutables(direct) { return direct }
            for triple in (try? fm.contentsOfDirectory(atPath: root.path)) ?? [] {
                let nested = root.appendingPathComponent(triple).appendingPathComponent("debug")
                if holdsExecutables(nested) { return nested }
            }
        }
        return nil
    }()

    /// What a process did.
    struct Run: CustomStringConvertible {
        var status: Int32
        var exitedNormally: Bool
        var stdout: String
        var stderr: String
        var description: String { "exit \(status)\(exitedNormally ? "" : " (signal)")\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
        /// Standard output, split into lines (without the final empty one).
        var lines: [String] {
            var lines = stdout.components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
            return lines
        }
    }

    /// Runs `tool` (`can-fund` or `proviso`) with `arguments`, capturing its output through files
    /// (no pipe can fill up and block it).
    static func run(_ tool: String, _ arguments: [String], in directory: URL? = nil,
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Run {
        let products = try #require(productsDirectory, """
            the executables `can-fund` and `proviso` were not found next to the test bundle \
            (\(CommandLine.arguments[0])) nor under \(packageRoot.path)/.build*; run `swift build` first
            """, sourceLocation: sourceLocation)
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let out = scratch.url.appendingPathComponent("stdout"), err = scratch.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = products.appendingPathComponent(tool)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"  // a crash should end fast, not print a backtrace
        process.environment = environment
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Run(status: process.terminationStatus, exitedNormally: process.terminationReason == .exit,
                   stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}

/// A fresh directory under the system's temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("proviso-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes a file (text, or raw bytes) below the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, bytes: Array(text.utf8)) }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    var path: String { url.path }

    func remove() {
        // Removal can fail transiently while another thread walks the same temporary folder; retry.
        for _ in 0..<5 {
            if (try? FileManager.default.removeItem(at: url)) != nil || !FileManager.default.fileExists(atPath: url.path) { return }
            usleep(50_000)
        }
    }
}
