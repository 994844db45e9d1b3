import Foundation
import EOSCore
import EOSModels

/// Machinery of the DLN-EOS / BOMIS *figure* checks, on top of `DLN` (DLNSupport.swift).
///
/// **The per-index reduction.** On the singular vector stationary set (DLN-EOS Prop. 1; the
/// unbalanced init (4) is in it for t ≥ 1 by Prop. 3, the balanced init (3) for a symmetric
/// target by Prop. 4) GD on f(Θ) = c‖W_{L:1} − M⋆‖²_F is GD on the decoupled scalar losses
/// c(Π_ℓ σ_{ℓ,i} − σ⋆,i)², one per index i (Eq. 5). For a diagonal target and the identity-type
/// inits the layers stay *exactly* diagonal in floating point (every off-diagonal product is
/// 0·x), so `indexRun` reproduces the full matrix GD bit for bit on index i; the figure checks
/// use it for the paper-scale widths (d = 50, 100), and cross-check it against the full
/// `DeepMatrixFactorization` run where d is small.
///
/// **Orbits.** A run is classified by `TrajectoryClassification` on the tail of the end-to-end
/// singular value π_i(t) = Π_ℓ σ_{ℓ,i}(t) (period 1 = converged, p ≥ 2 = p-periodic, nil =
/// aperiodic/chaotic); the oscillation amplitude is max − min of π_i over the tail.
enum DLNFig {
    /// Which initialization of DLN-EOS Eq. (3)/(4) a run starts from.
    enum Initialization: String, Sendable { case balanced, unbalanced }

    /// One per-index GD run: σ_ℓ ← σ_ℓ − η ∂_{σ_ℓ} c(Πσ − σ⋆)², from σ_ℓ = α (ℓ < L) and
    /// σ_L = 0 (unbalanced) or α (balanced).
    struct IndexRun: Sendable {
        /// π(t) = Π_ℓ σ_ℓ(t), t = 0 … last step.
        let products: [Double]
        /// The balancing gap max_{ℓ<L} |σ_L² − σ_ℓ²| (DLN-EOS Prop. 2) at every step.
        let gaps: [Double]
        /// σ_1 … σ_L at the last step.
        let final: [Double]
        /// σ_1 … σ_L at the last two steps (time order), for Hessians along the orbit.
        let lastTwo: [[Double]]
        /// `layers[ℓ][t]` = σ_{ℓ+1}(t) at every step (only when requested, else empty).
        let layers: [[Double]]
        /// The step at which the run left the bounded region, if it did.
        let divergedAt: Int?
        /// The classification of the last `tail` products (`TrajectoryClassification`).
        let behaviour: TrajectoryBehaviour
        /// max − min of π over the classified tail (0 for a fixed point).
        let amplitude: Double

        /// 1 = converged, p = p-cycle, nil = aperiodic or diverged.
        var period: Int? { behaviour.period }
        /// Whether π oscillates at the end (bounded, not converged).
        var oscillates: Bool { divergedAt == nil && period != 1 }

        /// Whether π oscillates *persistently*: `oscillates`, and its range over the last 256
        /// steps is at least 0.99 of the range over the 256 steps before. Just below 2/S the
        /// linearised multiplier is −(1 − εS), so a transient alternation decays only like
        /// e^{−εSt}: with T = 20000 steps it is still above the classifier's 1e-8 recurrence
        /// tolerance for ε ≲ ln(A₀/1e-8)/(S·T) ≈ 1e-5 (a truncation of the finite run, not an
        /// orbit); over 256 steps such a transient shrinks by e^{−256εS} (≈ 0.86 at ε = 1e-5,
        /// S = 56), while an attracting orbit keeps its range to rounding. Used by onset checks
        /// (Fig. 7, Sec. 4.1).
        var oscillatesPersistently: Bool {
            guard oscillates else { return false }
            guard products.count >= 512 else { return true }
            let last = products.suffix(256), previous = products.dropLast(256).suffix(256)
            let rangeLast = (last.max() ?? 0) - (last.min() ?? 0)
            let rangePrevious = (previous.max() ?? 0) - (previous.min() ?? 0)
            return rangeLast >= 0.99 * rangePrevious
        }
    }

    /// The classification rule of every figure check: the last 512 products, periods up to
    /// 32, recurrence within 1e-8 relative (π is O(σ⋆); GD's rounding noise on an attracting
    /// orbit is ~1e-14 relative, a transient still visible at 1e-8 means the run is too short).
    static let orbitOptions = TrajectoryClassification.Options(
        tail: 512, maxPeriod: 32, relativeTolerance: 1e-8, absoluteTolerance: 1e-12, bound: 1e8)

    /// Runs GD on index i's scalar loss c(Π_ℓ σ_ℓ − σ⋆)² for `steps` steps.
    /// - Throws: never for divergence (recorded in `divergedAt`); `ClaimError.computation` if
    ///   the run diverged before two states were recorded.
    static func indexRun(target σ: Double, depth L: Int, eta: Double, scale c: Double = 0.5,
                         alpha: Double, initialization: Initialization = .unbalanced,
                         steps: Int, keepLayers: Bool = false) -> IndexRun {
        let loss = ScalarProductLoss(depth: L, target: σ, scale: c)
        var θ0 = [Double](repeating: alpha, count: L)
        if initialization == .unbalanced { θ0[L - 1] = 0 }
        let gap = GradientDescent.Observable("gap") { s in
            var g = 0.0
            for l in 0..<(L - 1) { g = max(g, abs(s[L - 1] * s[L - 1] - s[l] * s[l])) }
            return g
        }
        let product = GradientDescent.Observable("product") { s in s.reduce(1, *) }
        let gd = GradientDescent(learningRate: eta, steps: steps, recordEvery: 1, tailLength: 2,
                                 parameterBound: 1e8)
        let layerObservables = keepLayers ? (0..<L).map { l in GradientDescent.Observable("layer\(l)") { $0[l] } } : []
        let run = gd.run(loss, from: θ0, observables: [product, gap] + layerObservables)
        let layers = keepLayers ? (0..<L).map { run.observations["layer\($0)"] ?? [] } : []
        let products = run.observations["product"] ?? []
        let gaps = run.observations["gap"] ?? []
        let behaviour: TrajectoryBehaviour
        var amplitude = 0.0
        if let t = run.divergenceStep {
            behaviour = .diverged(step: t)
        } else if products.count >= 2 {
            behaviour = TrajectoryClassification.classify(scalars: products, options: orbitOptions)
            let tail = products.suffix(orbitOptions.tail)
            amplitude = (tail.max() ?? 0) - (tail.min() ?? 0)
        } else {
            behaviour = .diverged(step: 0)
        }
        return IndexRun(products: products, gaps: gaps, final: run.finalParameters, lastTwo: run.tail, layers: layers,
                        divergedAt: run.divergenceStep, behaviour: behaviour, amplitude: amplitude)
    }

    /// The per-index runs of a rank-r target σ⋆,1 > … > σ⋆,r (the d − r zero indices stay at
    /// π = 0 exactly: W_L's entry starts at 0 and its gradient is 0).
    static func indexRuns(targets: [Double], depth L: Int, eta: Double, scale c: Double = 0.5,
                          alpha: Double, initialization: Initialization = .unbalanced,
                          steps: Int, keepLayers: Bool = false) -> [IndexRun] {
        targets.map { indexRun(target: $0, depth: L, eta: eta, scale: c, alpha: alpha,
                               initialization: initialization, steps: steps, keepLayers: keepLayers) }
    }

    /// The full deep-matrix-factorization model of a diagonal rank-r target diag(σ⋆, 0) ∈ ℝ^{d×d}
    /// and the parameters Θ whose layers are diagonal with index i's σ_{ℓ,i} taken from
    /// `states[i]` (indices ≥ r: σ_ℓ = α for ℓ < L, σ_L = 0, as the unbalanced init leaves them).
    static func fullModel(targets: [Double], d: Int, depth L: Int, scale c: Double, alpha: Double,
                          states: [[Double]]) -> (loss: DeepMatrixFactorization, theta: [Double]) {
        let sigma = targets + [Double](repeating: 0, count: d - targets.count)
        let loss = DeepMatrixFactorization(target: Matrix.diagonal(sigma), depth: L, scale: c)
        let layers = (0..<L).map { l in
            (0..<d).map { i in i < states.count ? states[i][l] : (l == L - 1 ? 0 : alpha) }
        }
        return (loss, loss.svsParameters(layers))
    }

    /// η⋆ = 2/(2c · Lσ^{2−2/L}): the stability limit of index σ at its balanced minimum for the
    /// loss c‖·‖² (0.0309 for σ = 10, L = 3, c = ½; half of it for c = 1).
    static func threshold(_ σ: Double, depth L: Int, scale c: Double = 0.5) -> Double {
        2 / DLN.stabilityLimit(σ, depth: L, scale: c)
    }

    /// `body(i)` for i in 0..<n, concurrently (`DispatchQueue.concurrentPerform`), results in
    /// index order: each result depends only on its index, so the output is identical whatever
    /// the number of cores.
    static func parallelMap<T: Sendable>(_ n: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let box = ResultBox<T>(n)
        DispatchQueue.concurrentPerform(iterations: n) { i in box.set(i, body(i)) }
        return box.values()
    }

    /// Results written by index from concurrent workers (each slot written once).
    private final class ResultBox<T>: @unchecked Sendable {
        private var slots: [T?]
        private let lock = NSLock()
        init(_ n: Int) { slots = [T?](repeating: nil, count: n) }
        func set(_ i: Int, _ v: T) { lock.lock(); slots[i] = v; lock.unlock() }
        func values() -> [T] { slots.map { $0! } }
    }

    /// Least-squares slope of log₁₀ y against x over the points with y > floor (a decay rate:
    /// log₁₀ of the per-step factor when x is the step). nil with fewer than 3 such points.
    static func logSlope(x: [Double], y: [Double], floor: Double) -> Double? {
        let pts = zip(x, y).filter { $0.1 > floor && $0.1.isFinite }
        guard pts.count >= 3 else { return nil }
        let n = Double(pts.count)
        let mx = pts.reduce(0) { $0 + $1.0 } / n
        let my = pts.reduce(0) { $0 + log10($1.1) } / n
        var sxy = 0.0, sxx = 0.0
        for (a, b) in pts { sxy += (a - mx) * (log10(b) - my); sxx += (a - mx) * (a - mx) }
        return sxx > 0 ? sxy / sxx : nil
    }

    /// Every k-th point of a series (and the last), so a figure stays ≤ ~`maxPoints` points.
    static func downsample(_ y: [Double], maxPoints: Int = 1500) -> (x: [Double], y: [Double]) {
        guard !y.isEmpty else { return ([], []) }
        let k = max(1, y.count / maxPoints)
        var xs: [Double] = [], ys: [Double] = []
        var t = 0
        while t < y.count { xs.append(Double(t)); ys.append(y[t]); t += k }
        if xs.last != Double(y.count - 1) { xs.append(Double(y.count - 1)); ys.append(y[y.count - 1]) }
        return (xs, ys)
    }

    /// The number of sign changes of π_t − σ⋆ between consecutive steps where both |π − σ⋆|
    /// exceed 1e-6 · σ⋆ — genuine over/undershoots of the minimum, not rounding noise about a
    /// converged value (which flips sign at ~1e-15 relative).
    static func overshoots(_ products: [Double], target σ: Double) -> Int {
        let floor = 1e-6 * abs(σ)
        var n = 0
        for t in 1..<max(1, products.count) {
            let a = products[t - 1] - σ, b = products[t] - σ
            if abs(a) > floor && abs(b) > floor && a * b < 0 { n += 1 }
        }
        return n
    }

    /// A period in words ("converged", "period 2", "aperiodic", "diverged at step t").
    static func describe(_ run: IndexRun) -> String {
        if let t = run.divergedAt { return "diverged at step \(t)" }
        switch run.period {
        case 1?: return "converged"
        case let p?: return "period \(p)"
        case nil: return "aperiodic (no period ≤ 32)"
        }
    }
}
