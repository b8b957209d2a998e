// proviso-bench: how fast Proviso answers, measured the same way as the peer engines in
// ../shared/bench, and how the cost grows with the number of countries. See docs/performance.md.
//
//   swift run -c release proviso-bench                  # a readable table
//   swift run -c release proviso-bench --format json    # one JSON object on one line
import Foundation
import Proviso

let usage = """
usage: proviso-bench [--format text|json] [--workload PATH] [--shared-rulebook DIR] [--rules DIR]
                     [--sizes N,N] [--only WORKLOAD] [--quick] [--skip-process]
       proviso-bench --write-shared-rulebook DIR [--workload PATH]

  --format                text (default) or json: one object on one line, keyed by workload
  --workload              the shared workload (default ../shared/bench/workload.json)
  --shared-rulebook       its rulebook in Proviso (default Benchmarks/shared-workload)
  --rules                 the default rulebook's folder (default Rules)
  --sizes                 country counts of the scaled workloads (default 2000,17576; at most 17576)
  --only                  run one workload: shared, rulebook, process or scaled (for profiling)
  --quick                 fewer rounds, for a smoke test
  --skip-process          do not time the can-fund process
  --write-shared-rulebook regenerate programs.proviso and countries.proviso of the shared workload's
                          rulebook in DIR from workload.json, and exit
"""

struct Options {
    var json = false
    var workload = "../shared/bench/workload.json"
    var sharedRulebook = "Benchmarks/shared-workload"
    var rules = "Rules"
    var sizes = [2000, WorkloadRulebook.maximumCountries]
    var quick = false
    var process = true
    var only: String?
    var write: String?

    func runs(_ workload: String) -> Bool { only == nil || only == workload }

    init(_ arguments: [String]) throws {
        var i = 0
        func value() throws -> String {
            i += 1
            guard i < arguments.count else { throw BenchError("`\(arguments[i - 1])` needs a value\n\n\(usage)") }
            return arguments[i]
        }
        while i < arguments.count {
            switch arguments[i] {
            case "--format":
                let f = try value()
                guard f == "json" || f == "text" else { throw BenchError("--format is `text` or `json`, not `\(f)`") }
                json = f == "json"
            case "--workload": workload = try value()
            case "--shared-rulebook": sharedRulebook = try value()
            case "--rules": rules = try value()
            case "--sizes":
                let text = try value()
                let parsed = text.split(separator: ",").compactMap { Int($0) }
                guard !parsed.isEmpty, parsed.allSatisfy({ $0 >= 1 && $0 <= WorkloadRulebook.maximumCountries }) else {
                    throw BenchError("--sizes takes country counts from 1 to \(WorkloadRulebook.maximumCountries), such as 2000,17576")
                }
                sizes = parsed
            case "--only":
                let w = try value()
                guard ["shared", "rulebook", "process", "scaled"].contains(w) else {
                    throw BenchError("--only takes shared, rulebook, process or scaled, not `\(w)`")
                }
                only = w
            case "--quick": quick = true
            case "--skip-process": process = false
            case "--write-shared-rulebook": write = try value()
            case "--help", "-h":
                print(usage)
                exit(0)
            default:
                throw BenchError("unknown option `\(arguments[i])`\n\n\(usage)")
            }
            i += 1
        }
    }
}

func say(_ text: String) {
    FileHandle.standardError.write((text + "\n").data(using: .utf8)!)
}

/// The generated files of a workload's rulebook. The countries are split into files of at most
/// 1 MiB (`countries.proviso`, `countries-2.proviso`, …), well under the 2 MiB a rule file may
/// hold, so that the scaled rulebooks check too.
func generatedFiles(_ w: SharedWorkload) -> [(String, String)] {
    var parts: [String] = []
    var part = ""
    for block in WorkloadRulebook.countries(w).components(separatedBy: "\ncountry ") {
        let piece = part.isEmpty && parts.isEmpty ? block : "\ncountry " + block
        if !part.isEmpty, part.utf8.count + piece.utf8.count > 1 << 20 {
            parts.append(part)
            part = ""
        }
        part += piece
    }
    parts.append(part)
    let countries = parts.enumerated().map { i, text in (i == 0 ? "countries.proviso" : "countries-\(i + 1).proviso", text) }
    return countries + [("programs.proviso", WorkloadRulebook.programs(w))]
}

/// Writes a scaled copy of the workload's rulebook to a fresh temporary folder.
func writeScaled(_ w: SharedWorkload, handWritten: String) throws -> String {
    let dir = NSTemporaryDirectory() + "proviso-bench-\(getpid())-\(w.countries.count)"
    try? FileManager.default.removeItem(atPath: dir)
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for name in WorkloadRulebook.handWritten {
        try FileManager.default.copyItem(atPath: handWritten + "/" + name, toPath: dir + "/" + name)
    }
    for (name, text) in generatedFiles(w) { try text.write(toFile: dir + "/" + name, atomically: false, encoding: .utf8) }
    return dir
}

func main() throws {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    let workload = try SharedWorkload.load(path: options.workload)

    if let dir = options.write {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in generatedFiles(workload) { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        say("wrote \(dir)/countries.proviso and \(dir)/programs.proviso (\(workload.countries.count) countries, \(workload.programs.count) programs)")
        return
    }

    let loadavg: Double = {
        var l = [0.0, 0.0, 0.0]
        return getloadavg(&l, 3) > 0 ? l[0] : -1
    }()
    say("proviso-bench: \(workload.countries.count) countries x \(workload.programs.count) programs = \(workload.queries.count) queries; \(ProcessInfo.processInfo.activeProcessorCount) cpus, loadavg \(String(format: "%.2f", loadavg))")

    // 1. The shared workload, from the committed rulebook (checked against a fresh translation).
    var stale = false
    for (name, text) in generatedFiles(workload) {
        let committed = FileManager.default.contents(atPath: options.sharedRulebook + "/" + name).map { String(decoding: $0, as: UTF8.self) }
        if committed != text { stale = true }
    }
    if stale { say("warning: \(options.sharedRulebook) differs from workload.json; regenerate it with --write-shared-rulebook") }
    var sharedBench = SharedBench(workload: workload, directory: options.sharedRulebook)
    if options.quick { sharedBench.loadRuns = 3; sharedBench.rounds = 2; sharedBench.matrixRuns = 2 }
    var shared: WorkloadResult?
    if options.runs("shared") {
        say("  shared workload …")
        shared = try sharedBench.run()
        shared?.stale = stale
    }

    // 2. The default rulebook.
    var rulebookBench = RulebookBench(directory: options.rules)
    if options.quick { rulebookBench.loadRuns = 3; rulebookBench.canFundRuns = 5; rulebookBench.matrixRuns = 2; rulebookBench.timelineRuns = 2 }
    var rulebook: RulebookResult?
    if options.runs("rulebook") {
        say("  default rulebook …")
        rulebook = try rulebookBench.run()
    }

    // 3. The can-fund process beside a Foundation hello world.
    var process: ProcessResult?
    if options.process, options.runs("process") {
        say("  can-fund process …")
        let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
        var bench = ProcessBench(binaries: binaries)
        if options.quick { bench.runs = 5 }
        process = try bench.run()
    }

    // 4. Growth: the shared workload scaled up.
    var scaled: [(Int, WorkloadResult)] = []
    for size in options.sizes where options.runs("scaled") {
        say("  scaled to \(size) countries …")
        let w = workload.scaled(to: size)
        let dir = try writeScaled(w, handWritten: options.sharedRulebook)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var bench = SharedBench(workload: w, directory: dir)
        bench.loadRuns = options.quick ? 1 : (size > 5000 ? 3 : 5)
        bench.rounds = options.quick ? 1 : 3
        bench.matrixRuns = options.quick ? 1 : 3
        scaled.append((size, try bench.run()))
    }

    let report = Report(shared: shared, rulebook: rulebook, process: process, scaled: scaled, peakRSSMB: peakRSSMB(), loadavg: loadavg)
    print(options.json ? report.json.serialized() : report.text)
    let disagreements = (shared?.disagreements ?? 0) + (rulebook?.disagreements ?? 0) + scaled.map(\.1.disagreements).reduce(0, +)
    if disagreements > 0 { exit(1) }
}

do {
    try main()
} catch {
    say("proviso-bench: \(error)")
    exit(2)
}
