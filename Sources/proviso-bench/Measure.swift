// Timing and summary statistics. Every figure is measured with `ContinuousClock` and summarised by
// its median, with the spread (10th and 90th percentiles, minimum and maximum) beside it, because
// the development machine is shared and single runs are noisy.

/// A set of timings of one operation, in microseconds.
struct Sample {
    private(set) var micros: [Double] = []

    mutating func add(_ d: Duration) { micros.append(Sample.micros(d)) }
    mutating func add(micros m: Double) { micros.append(m) }

    static func micros(_ d: Duration) -> Double {
        let (s, atto) = d.components
        return Double(s) * 1e6 + Double(atto) / 1e12
    }

    var count: Int { micros.count }
    var median: Double { percentile(50) }
    var p10: Double { percentile(10) }
    var p90: Double { percentile(90) }
    var min: Double { micros.min() ?? 0 }
    var max: Double { micros.max() ?? 0 }

    /// Nearest-rank percentile (the median of an even count is the mean of the middle two).
    func percentile(_ p: Double) -> Double {
        guard !micros.isEmpty else { return 0 }
        let sorted = micros.sorted()
        if p == 50 {
            let n = sorted.count
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
    }

    /// The spread as a JSON object, in the unit given (`1` for µs, `1000` for ms).
    func spread(divisor: Double) -> JSONValue {
        .object([("p10", .number(p10 / divisor)), ("p90", .number(p90 / divisor)),
                 ("min", .number(min / divisor)), ("max", .number(max / divisor)), ("runs", .number(Double(count)))])
    }
}

/// Times `body` once.
@inline(__always)
func time<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
    let clock = ContinuousClock()
    let start = clock.now
    let value = try body()
    return (value, clock.now - start)
}

/// Runs `body` `warmups` times untimed, then `runs` times timed.
func repeatTimed(warmups: Int = 1, runs: Int, _ body: () throws -> Void) rethrows -> Sample {
    for _ in 0..<warmups { try body() }
    var sample = Sample()
    for _ in 0..<runs {
        let (_, d) = try time(body)
        sample.add(d)
    }
    return sample
}

/// A small deterministic generator (SplitMix64), so that every run draws the same query sample.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// Keeps a value alive and opaque to the optimiser, so that timed work is not discarded.
@inline(never)
func consume<T>(_ value: T) { withExtendedLifetime(value) {} }
