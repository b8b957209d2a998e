// For proviso-bench: `bench-spawn RUNS HELLO CAN-FUND ARGS…` spawns HELLO and CAN-FUND ARGS
// alternately, RUNS times after three warm-ups each, and prints one line per run: the name, the
// wall nanoseconds from spawn to reaped exit, the child's peak resident kilobytes (`wait4`), and
// its exit status. First it prints its own peak, the floor under every child's (a child spawned
// with vfork inherits its parent's high-water mark at `exec`).
//
// It is a program of its own, without Foundation, because on Linux a child reports as its peak at
// least the memory its parent held when it was spawned (`ru_maxrss` survives `exec`): spawned from
// the benchmark itself, `can-fund` would report the benchmark's tens of megabytes.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `path` to completion with its output discarded.
func spawn(_ path: String, _ arguments: [String]) -> (nanoseconds: Int64, maxrss: Int, status: Int32)? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    let clock = ContinuousClock()
    let start = clock.now
    var pid = pid_t()
    guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return nil }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
        guard errno == EINTR else { return nil }
    }
    let (s, atto) = (clock.now - start).components
    let exited = (status & 0x7f) == 0
    return (s * 1_000_000_000 + atto / 1_000_000_000, usage.ru_maxrss, exited ? (status >> 8) & 0xff : -1)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 3, let runs = Int(arguments[0]) else {
    print("usage: bench-spawn RUNS HELLO CAN-FUND ARGS…")
    exit(2)
}
/// This process's own peak resident kilobytes. On Linux that is the high-water mark of its memory
/// map (`VmHWM`): its `ru_maxrss` still holds the peak of the benchmark that spawned it.
func ownPeakKilobytes() -> Int {
    if let file = fopen("/proc/self/status", "r") {
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(cString: line)
            if text.hasPrefix("VmHWM:") { return Int(text.filter(\.isNumber)) ?? 0 }
        }
    }
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return usage.ru_maxrss / 1024  // Darwin reports bytes
}

let hello = arguments[1], canFund = arguments[2], rest = Array(arguments.dropFirst(3))
print("spawner \(ownPeakKilobytes())")
for i in 0..<(runs + 3) {
    for (name, path, args) in [("hello", hello, [String]()), ("can-fund", canFund, rest)] {
        guard let r = spawn(path, args) else {
            print("cannot run \(path)")
            exit(1)
        }
        if i >= 3 { print("\(name) \(r.nanoseconds) \(r.maxrss) \(r.status)") }
    }
}
