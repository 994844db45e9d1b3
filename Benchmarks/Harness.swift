import Foundation

/// Timing, the machine description and the result table of `eos-bench`.
///
/// Times are wall-clock (`CLOCK_MONOTONIC`), the minimum over repeated batches after one
/// warm-up call: the minimum is the least disturbed by other processes on a shared machine.
/// With `--clock cpu` they are the calling thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`), which
/// leaves out the time the thread waits for a core while other processes run; the parallel
/// sweep is always timed by the wall clock.
enum Harness {
    nonisolated(unsafe) static var useThreadCPUTime = false

    static func now() -> Double {
        var t = timespec()
        clock_gettime(useThreadCPUTime ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    static func wallNow() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    /// Seconds per call of `body`: the best of `repeats` batches, each long enough
    /// (≥ `minimumBatch` s) for the clock's resolution not to matter.
    static func bestTime(repeats: Int = 5, minimumBatch: Double = 0.05, _ body: () -> Void) -> Double {
        body()
        var calls = 1
        while true {
            let t0 = now()
            for _ in 0..<calls { body() }
            let dt = now() - t0
            if dt >= minimumBatch || calls >= 1 << 24 { break }
            calls *= dt < minimumBatch / 16 ? 8 : 2
        }
        var best = Double.infinity
        for _ in 0..<repeats {
            let t0 = now()
            for _ in 0..<calls { body() }
            best = min(best, (now() - t0) / Double(calls))
        }
        return best
    }

    /// The seconds taken by one call (for runs of a second or more), best of `repeats`.
    static func once(repeats: Int = 1, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<repeats {
            let t0 = now()
            body()
            best = min(best, now() - t0)
        }
        return best
    }
}

/// What `lscpu` and /proc say about this machine, and its double-precision FMA peak.
struct Machine {
    let model: String
    let megahertz: Double
    let cores: Int
    /// Doubles per SIMD register: 8 with AVX-512, 4 with AVX2, 2 otherwise.
    let simdWidth: Int
    /// FMA pipes per core: 2 on the AVX-512 Xeons (Skylake-SP and later Gold/Platinum) and on
    /// AVX2 cores since Haswell; an assumption, not something /proc reports.
    let fmaUnits = 2
    let loadAverage: String

    /// GHz × FMA units × SIMD width × 2 flops, in GFLOP/s (one core).
    var nominalPeak: Double { megahertz / 1000 * Double(fmaUnits) * Double(simdWidth) * 2 }

    static func current() -> Machine {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        func field(_ name: String) -> String? {
            for line in info.split(separator: "\n") where line.hasPrefix(name) {
                if let colon = line.firstIndex(of: ":") {
                    return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
            }
            return nil
        }
        let flags = Set((field("flags") ?? "").split(separator: " ").map(String.init))
        let width = flags.contains("avx512f") ? 8 : flags.contains("avx2") ? 4 : 2
        let load = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?")
            .split(separator: " ").prefix(3).joined(separator: " ")
        return Machine(model: field("model name") ?? "unknown",
                       megahertz: Double(field("cpu MHz") ?? "") ?? 0,
                       cores: ProcessInfo.processInfo.activeProcessorCount,
                       simdWidth: width, loadAverage: load)
    }
}

/// 12 independent chains a ← a + a·x of `SIMD8<Double>` FMAs (enough to cover the 4-cycle
/// latency of 2 pipes). The values overflow to ∞ after ~10³ steps, which costs nothing.
@inline(never)
func fmaChains(_ iterations: Int, _ x: SIMD8<Double>) -> SIMD8<Double> {
    typealias V = SIMD8<Double>
    var a0 = V(repeating: 1), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0
    var a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0
    for _ in 0..<iterations {
        a0 = a0.addingProduct(a0, x); a1 = a1.addingProduct(a1, x); a2 = a2.addingProduct(a2, x)
        a3 = a3.addingProduct(a3, x); a4 = a4.addingProduct(a4, x); a5 = a5.addingProduct(a5, x)
        a6 = a6.addingProduct(a6, x); a7 = a7.addingProduct(a7, x); a8 = a8.addingProduct(a8, x)
        a9 = a9.addingProduct(a9, x); a10 = a10.addingProduct(a10, x); a11 = a11.addingProduct(a11, x)
    }
    return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11
}

/// Measured FMA throughput of one core for this code (`fmaChains`), GFLOP/s, best of 3.
func measuredFMAPeak() -> Double {
    let iterations = 20_000_000
    var best = 0.0
    for _ in 0..<3 {
        let t0 = Harness.now()
        let r = fmaChains(iterations, SIMD8(repeating: 0.999999))
        let dt = Harness.now() - t0
        precondition(r[0] > 0)
        best = max(best, Double(iterations) * 12 * 8 * 2 / dt / 1e9)
    }
    return best
}

/// One line of the result table. `id` is shared with `numpy_baseline.py` for the comparison.
struct Row {
    let id: String
    let label: String
    /// Seconds per unit of work (a product, a step, a run, a sweep); nil when not measured.
    let seconds: Double?
    let detail: String
}

/// Collects rows, prints them as a table, and writes them as TSV for `run.sh`.
final class Table {
    private(set) var rows: [Row] = []
    let filter: String?

    init(filter: String?) { self.filter = filter }

    func wants(_ id: String) -> Bool { filter.map { id.hasPrefix($0) } ?? true }

    func add(_ row: Row) {
        rows.append(row)
        let time = row.seconds.map(Table.formatSeconds) ?? "—"
        print(row.label.padding(toLength: 48, withPad: " ", startingAt: 0)
              + time.leftPadded(12) + "   " + row.detail)
        fflush(nil)   // all streams: the table appears line by line when piped
    }

    func header(_ title: String) {
        print("\n" + title)
        print(String(repeating: "-", count: 100))
    }

    static func formatSeconds(_ s: Double) -> String {
        if s < 1e-6 { return String(format: "%.1f ns", s * 1e9) }
        if s < 1e-3 { return String(format: "%.2f µs", s * 1e6) }
        if s < 1 { return String(format: "%.2f ms", s * 1e3) }
        return String(format: "%.2f s", s)
    }

    func writeTSV(to path: String) {
        var text = "id\tseconds\tdetail\n"
        for r in rows { text += "\(r.id)\t\(r.seconds.map { String($0) } ?? "nan")\t\(r.detail)\n" }
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
