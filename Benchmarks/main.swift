// eos-bench: speed benchmarks of EOSVerify's numeric core (README, "Performance").
//
//   swift run -c release eos-bench [--only PREFIX] [--tsv FILE] [--clock wall|cpu]
//
// Prints one table; `--tsv` also writes it for Benchmarks/run.sh, which sets it beside the
// same rows computed by Benchmarks/numpy_baseline.py. Row ids are shared with that script.
import Foundation
import EOSCore
import EOSModels

var arguments = CommandLine.arguments.dropFirst()
var only: String?
var tsvPath: String?
while let a = arguments.popFirst() {
    switch a {
    case "--only": only = arguments.popFirst()
    case "--tsv": tsvPath = arguments.popFirst()
    case "--clock": Harness.useThreadCPUTime = arguments.popFirst() == "cpu"
    default:
        print("usage: eos-bench [--only PREFIX] [--tsv FILE] [--clock wall|cpu]")
        exit(2)
    }
}

let machine = Machine.current()
let table = Table(filter: only)
print("eos-bench — \(machine.model), \(machine.cores) cores, \(String(format: "%.0f", machine.megahertz)) MHz, "
      + "load average \(machine.loadAverage)")
print("times: " + (Harness.useThreadCPUTime ? "thread CPU time (--clock cpu)" : "wall clock")
      + ", best of repeated batches; single-threaded except the parallel sweep (always wall clock)")

// MARK: Matrix product

if table.wants("product") {
    let measured = measuredFMAPeak()
    let peak = max(machine.nominalPeak, measured)
    table.header("Matrix product C = A·B (n × n, Matrix.product); FMA peak = max(nominal "
                 + String(format: "%.1f", machine.nominalPeak) + " = \(String(format: "%.2f", machine.megahertz / 1000)) GHz × "
                 + "\(machine.fmaUnits) FMA × \(machine.simdWidth) doubles × 2, measured "
                 + String(format: "%.1f", measured) + ") GFLOP/s")
    table.add(Row(id: "peak.fma", label: "FMA peak, one core (GFLOP/s)", seconds: nil,
                  detail: String(format: "%.1f GFLOP/s (measured SIMD8 FMA chains %.1f)", peak, measured)))
    for n in [64, 128, 256] {
        let t = Workloads.product(n)
        let gflops = 2 * Double(n * n * n) / t / 1e9
        let fraction = gflops / peak
        let verdict = n >= 128 ? (fraction >= 0.5 ? "target ≥ 50% met" : String(format: "target ≥ 50%% MISSED by %.0f points", (0.5 - fraction) * 100)) : "(no target below n = 128)"
        table.add(Row(id: "product.n\(n)", label: "product n = \(n)", seconds: t,
                      detail: String(format: "%.1f GFLOP/s = %.0f%% of peak  ", gflops, fraction * 100) + verdict))
    }
}

// MARK: Gradient descent on the deep matrix factorisation loss

if table.wants("gd") {
    table.header("Deep matrix factorisation f = ½‖W₃W₂W₁ − M⋆‖²_F (L = 3): one GD step (value, gradient, update)")
    for d in [5, 10, 50, 100] {
        let t = Workloads.gradientStep(width: d, depth: 3)
        let flops = Double(2 * 3 * 2 * d * d * d)   // ≈ 6 products of d×d (2 forward + 2·2 backward − …)
        table.add(Row(id: "gd.step.d\(d)", label: "GD step d = \(d), L = 3", seconds: t,
                      detail: String(format: "~%.2f GFLOP/s (counting 6 d³-products)", flops / t / 1e9)))
    }
    for d in [50, 100] {
        let t = CoreGemmGradient.stepTime(width: d, depth: 3)
        table.add(Row(id: "gd.gemm.d\(d)", label: "  projection: same step via Matrix.gemm, d = \(d)", seconds: t,
                      detail: "what DeepMatrixFactorization would take with Matrix.gemm (Benchmarks/CoreGemmGradient.swift)"))
    }
    let (t, f) = Workloads.gradientDescentRun(width: 50, depth: 3, steps: 10_000)
    table.add(Row(id: "gd.run.d50", label: "GD run 10⁴ steps d = 50, L = 3", seconds: t,
                  detail: String(format: "final loss %.12e", f)))
}

// MARK: Bifurcation sweep

if table.wants("sweep") {
    table.header("Bifurcation sweep: \(Problems.sweepCount) η × \(Problems.sweepSteps) steps, d = 5, L = 3 (GradientDescent.run)")
    var serial: [Workloads.SweepPoint] = []
    var t0 = Harness.wallNow()
    serial = Workloads.serialSweep()
    let ts = Harness.wallNow() - t0
    let cs = Workloads.checksum(serial)
    table.add(Row(id: "sweep.serial", label: "sweep, serial (wall clock)", seconds: ts,
                  detail: String(format: "checksum %016llx, Σ final loss %.12e, %d diverged", cs.hash, cs.lossSum, cs.diverged)))
    let workers = max(2, machine.cores)
    t0 = Harness.wallNow()
    // The child tasks run on the global concurrent executor while the top level awaits.
    let parallel = await Workloads.parallelSweep(workers: workers)
    let tp = Harness.wallNow() - t0
    let cp = Workloads.checksum(parallel)
    let same = parallel == serial
    table.add(Row(id: "sweep.parallel", label: "sweep, task group (\(workers) tasks, wall clock)", seconds: tp,
                  detail: String(format: "checksum %016llx, %@, speed-up %.2f×", cp.hash,
                                 same ? "identical to serial" : "DIFFERS FROM SERIAL", ts / tp)))
    if !same { print("error: the parallel sweep differs from the serial one"); exit(1) }
}

// MARK: Spectra

if table.wants("eig") || table.wants("lanczos") {
    table.header("Hessian spectra of the deep matrix factorisation loss at θ₀")
    for (d, depth) in [(10, 3), (10, 10)] where table.wants("eig") {
        let h = Workloads.hessian(width: d, depth: depth)
        let n = h.rows
        var top = 0.0
        let t = Harness.once(repeats: n <= 300 ? 3 : 1) {
            top = (try! SymmetricEigendecomposition(h)).eigenvalues.last!
        }
        table.add(Row(id: "eig.n\(n)", label: "dense eigen \(n)×\(n) Hessian (d = \(d), L = \(depth))",
                      seconds: t, detail: String(format: "λ_max %.12f (values and vectors)", top)))
    }
    if table.wants("lanczos") {
        LanczosBenchmark.run(table)
    }
}

// MARK: Scaling

if table.wants("scaling") {
    table.header("Scaling of the GD-step cost (expected O(L d³))")
    let widths = [25, 50, 100, 200]
    let byWidth = widths.map { Workloads.gradientStep(width: $0, depth: 3) }
    let depths = [2, 4, 8, 16]
    let byDepth = depths.map { Workloads.gradientStep(width: 50, depth: $0) }
    let ed = Workloads.logLogSlope(widths.map(Double.init), byWidth)
    let el = Workloads.logLogSlope(depths.map(Double.init), byDepth)
    table.add(Row(id: "scaling.d", label: "exponent of d (L = 3, d = 25…200)", seconds: nil,
                  detail: String(format: "%.2f (expected 3); times ", ed)
                      + byWidth.map(Table.formatSeconds).joined(separator: ", ")))
    table.add(Row(id: "scaling.L", label: "exponent of L (d = 50, L = 2…16)", seconds: nil,
                  detail: String(format: "%.2f (expected 1); times ", el)
                      + byDepth.map(Table.formatSeconds).joined(separator: ", ")))
}

if let path = tsvPath { table.writeTSV(to: path) }
