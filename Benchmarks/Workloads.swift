import Foundation
import EOSCore
import EOSModels

/// The timed workloads of `eos-bench`; each returns seconds (and whatever it checks).
enum Workloads {
    /// Seconds per C = A·B for n × n matrices (`Matrix.product`, allocation of C included).
    static func product(_ n: Int) -> Double {
        let a = Problems.dense(n, seed: 0.1), b = Problems.dense(n, seed: 0.2)
        var sink = 0.0
        let t = Harness.bestTime(repeats: 7, minimumBatch: 0.1) { sink += Matrix.product(a, b).storage[n - 1] }
        precondition(sink.isFinite)
        return t
    }

    /// Seconds per GD step θ ← θ − η∇f(θ) of the deep matrix factorisation loss (value and
    /// gradient from the allocation-free evaluator, then the update).
    static func gradientStep(width d: Int, depth: Int) -> Double {
        let loss = Problems.loss(width: d, depth: depth)
        let evaluate = loss.makeGradientEvaluator()
        var θ = Problems.initialParameters(width: d, depth: depth)
        var g = [Double](repeating: 0, count: θ.count)
        let eta = Problems.stableLearningRate
        let n = θ.count
        return Harness.bestTime(repeats: 5, minimumBatch: 0.05) {
            _ = evaluate(θ, gradient: &g)
            θ.withUnsafeMutableBufferPointer { x in
                g.withUnsafeBufferPointer { gp in for i in 0..<n { x[i] -= eta * gp[i] } }
            }
        }
    }

    /// A full `GradientDescent.run` of `steps` steps; returns seconds and the final loss.
    static func gradientDescentRun(width d: Int, depth: Int, steps: Int) -> (seconds: Double, finalLoss: Double) {
        let loss = Problems.loss(width: d, depth: depth)
        let θ0 = Problems.initialParameters(width: d, depth: depth)
        let gd = GradientDescent(learningRate: Problems.stableLearningRate, steps: steps, tailLength: 1)
        var run: GradientDescent.Run?
        let t = Harness.once(repeats: 2) { run = gd.run(loss, from: θ0) }
        precondition(run!.outcome == .completed, "benchmark run \(run!.outcome)")
        return (t, run!.finalLoss!)
    }

    /// What one run of the sweep leaves: the last loss and the divergence step (−1 if none).
    struct SweepPoint: Sendable, Equatable {
        let finalLoss: Double
        let divergenceStep: Int
    }

    static func sweepPoint(_ i: Int, _ loss: DeepMatrixFactorization, _ θ0: [Double]) -> SweepPoint {
        let gd = GradientDescent(learningRate: Problems.sweepLearningRate(i), steps: Problems.sweepSteps,
                                 tailLength: 1, parameterBound: 1e6)
        let run = gd.run(loss, from: θ0)
        return SweepPoint(finalLoss: run.finalLoss ?? .nan, divergenceStep: run.divergenceStep ?? -1)
    }

    static func serialSweep() -> [SweepPoint] {
        let loss = Problems.sweepLoss, θ0 = Problems.sweepStart
        return (0..<Problems.sweepCount).map { sweepPoint($0, loss, θ0) }
    }

    /// The same sweep split into `workers` contiguous chunks run as child tasks of a task
    /// group; each result is stored at its own index, so the output equals the serial one.
    static func parallelSweep(workers: Int) async -> [SweepPoint] {
        let loss = Problems.sweepLoss, θ0 = Problems.sweepStart
        let count = Problems.sweepCount
        let chunk = (count + workers - 1) / workers
        return await withTaskGroup(of: (Int, [SweepPoint]).self) { group in
            for w in 0..<workers {
                let range = (w * chunk)..<min(count, (w + 1) * chunk)
                group.addTask { (range.lowerBound, range.map { sweepPoint($0, loss, θ0) }) }
            }
            var out = [SweepPoint](repeating: SweepPoint(finalLoss: 0, divergenceStep: 0), count: count)
            for await (start, part) in group {
                for (offset, p) in part.enumerated() { out[start + offset] = p }
            }
            return out
        }
    }

    /// A bitwise checksum of the sweep (FNV-1a over the bit patterns) and Σ final losses of the
    /// runs that did not diverge, and how many diverged.
    static func checksum(_ points: [SweepPoint]) -> (hash: UInt64, lossSum: Double, diverged: Int) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ x: UInt64) { h = (h ^ x) &* 0x0000_0100_0000_01b3 }
        var s = 0.0, diverged = 0
        for p in points {
            mix(p.finalLoss.bitPattern); mix(UInt64(bitPattern: Int64(p.divergenceStep)))
            if p.divergenceStep < 0 { s += p.finalLoss } else { diverged += 1 }
        }
        return (h, s, diverged)
    }

    /// The dense Hessian of the loss L = `depth`, width d at θ₀ (not timed).
    static func hessian(width d: Int, depth: Int) -> Matrix {
        let loss = Problems.loss(width: d, depth: depth)
        return DenseHessian(of: loss, at: Problems.initialParameters(width: d, depth: depth)).matrix
    }

    /// Least-squares slope of log y against log x.
    static func logLogSlope(_ x: [Double], _ y: [Double]) -> Double {
        let lx = x.map { log($0) }, ly = y.map { log($0) }
        let mx = lx.reduce(0, +) / Double(lx.count), my = ly.reduce(0, +) / Double(ly.count)
        var sxy = 0.0, sxx = 0.0
        for i in 0..<lx.count { sxy += (lx[i] - mx) * (ly[i] - my); sxx += (lx[i] - mx) * (lx[i] - mx) }
        return sxy / sxx
    }
}
