// The `can-fund` process from start to exit, side by side with a Swift "hello world" that links
// Foundation (the `bench-hello` target, built with the same configuration). `bench-spawn` runs
// both alternately and reports their times and peaks.
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct ProcessResult {
    var canFundArguments: [String] = []
    var canFund = Sample()
    var hello = Sample()
    var canFundPeakRSSMB = 0.0
    var helloPeakRSSMB = 0.0
    /// `bench-spawn`'s own peak before its first spawn: a floor under both peaks above.
    var helperPeakRSSMB = 0.0
    var canFundExit: Int32 = 0

    var ratio: Double { hello.median > 0 ? canFund.median / hello.median : 0 }

    var json: JSONValue {
        .object([
            ("canFundMillis", .number(canFund.median / 1000)),
            ("helloFoundationMillis", .number(hello.median / 1000)),
            ("ratio", .number(ratio)),
            ("canFundPeakRSSMB", .number(canFundPeakRSSMB)),
            ("helloFoundationPeakRSSMB", .number(helloPeakRSSMB)),
            ("spawnerPeakRSSMB", .number(helperPeakRSSMB)),
            ("canFundExitStatus", .number(Double(canFundExit))),
            ("canFundCommand", .string((["can-fund"] + canFundArguments).joined(separator: " "))),
            ("runs", .number(Double(canFund.count))),
            ("canFundSpreadMillis", canFund.spread(divisor: 1000)),
            ("helloFoundationSpreadMillis", hello.spread(divisor: 1000)),
        ])
    }
}

/// Times the two processes. On Linux a child spawned by a large process reports that process's
/// peak memory as its own (`ru_maxrss` survives `exec`), so the spawning is done by `bench-spawn`,
/// a small program without Foundation, which reports each child's time and peak.
struct ProcessBench {
    /// The folder that holds the built executables (the benchmark's own).
    let binaries: String
    var runs = 31
    let arguments = ["Mali", "--program", "IMET", "--date", "2012-06-01"]

    func run() throws -> ProcessResult {
        let canFund = binaries + "/can-fund", hello = binaries + "/bench-hello", spawner = binaries + "/bench-spawn"
        for path in [canFund, hello, spawner] where !FileManager.default.isExecutableFile(atPath: path) {
            throw BenchError("`\(path)` is not built; run `swift build -c release` first")
        }
        let helper = Process()
        helper.executableURL = URL(fileURLWithPath: spawner)
        helper.arguments = [String(runs), hello, canFund] + arguments
        let pipe = Pipe()
        helper.standardOutput = pipe
        try helper.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        helper.waitUntilExit()
        guard helper.terminationStatus == 0 else { throw BenchError("timing the processes failed:\n\(output)") }
        var result = ProcessResult(canFundArguments: arguments)
        for line in output.split(separator: "\n") {
            let f = line.split(separator: " ").map(String.init)
            guard f.count >= 2, let a = Double(f[1]) else { continue }
            switch f[0] {
            case "spawner": result.helperPeakRSSMB = a / 1024
            case "hello", "can-fund":
                guard f.count == 4, let rss = Double(f[2]), let status = Int32(f[3]) else { continue }
                if f[0] == "hello" {
                    result.hello.add(micros: a / 1000)
                    result.helloPeakRSSMB = max(result.helloPeakRSSMB, rss / 1024)
                } else {
                    result.canFund.add(micros: a / 1000)
                    result.canFundPeakRSSMB = max(result.canFundPeakRSSMB, rss / 1024)
                    result.canFundExit = status
                }
            default: continue
            }
        }
        guard result.canFund.count > 0, result.hello.count > 0 else { throw BenchError("timing the processes gave no results:\n\(output)") }
        return result
    }
}

/// `ru_maxrss` in megabytes (Linux reports kilobytes, Darwin bytes).
func rssMB(_ maxrss: Int) -> Double {
    #if canImport(Darwin)
    return Double(maxrss) / 1_048_576
    #else
    return Double(maxrss) / 1024
    #endif
}

/// The peak resident set of this process so far, in megabytes.
func peakRSSMB() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return rssMB(usage.ru_maxrss)
}
