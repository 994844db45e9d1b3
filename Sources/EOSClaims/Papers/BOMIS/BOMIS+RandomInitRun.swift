import Foundation
import EOSCore
import EOSModels

/// One full-matrix GD run of the deep matrix factorization loss (BOMIS Eq. 1, loss with ½) from
/// the "normal random initialization with scale α" of App. B.2 (l.735 of seed 001), read in the
/// frames of M⋆, with a twin run that measures the divergence of nearby trajectories.
///
/// - The initialization: 001 prints neither the variance nor what W_L starts at. Used: 000's
///   "Random" init (l.1100 of seed 000, which prints αH_ℓ) with H_ℓ scaled by 1/√d: W_L(0) = 0,
///   W_ℓ(0) = αH_ℓ/√d with H_ℓ standard Gaussian
///   (entries N(0, α²/d), so ‖W_ℓ(0)‖₂ ≈ 2α); with N(0, α²) entries (‖W_ℓ‖₂ ≈ 2α√d ≈ 1.4 at
///   d = 50) the first step on W_L already has η·λ ≫ 2 at η ≈ 90 and diverges. `init = unbalanced`
///   gives the init (3) of the theory instead.
/// - Read-out: π_i(t) = u⋆,iᵀ W_{L:1}(t) v⋆,i for i ≤ r (the singular values of W_{L:1} on the
///   singular-vector-stationary set, index-matched even when an orbit point of σ_1 dips below σ_2,
///   where sorted singular values would swap).
/// - Chaos: the tail of (π_1, …, π_r) is bounded and has no period ≤ 32
///   (`TrajectoryClassification`, `DLNFig.orbitOptions`), and a twin started from the state at
///   step T − `twin` with every layer scaled by (1 + 1e-9) separates: max over the last 64 twin
///   steps of ‖W_{L:1} − W′_{L:1}‖_F over the initial separation ≥ 1e3 (an attracting orbit
///   contracts the separation, a neutral direction keeps it O(1); 1e3 over `twin` steps is a
///   positive finite-time exponent ≥ ln(1e3)/twin).
enum BOMISRandomInitRun {
    struct Result {
        /// Step at which the run left the bounded region, if it did.
        var divergedAt: Int?
        /// π_i over the last 512 steps, per index.
        var tails: [[Double]]
        /// Per index: classification of its own tail (1 converged, p periodic, nil aperiodic).
        var periods: [Int?]
        /// Joint classification of (π_1, …, π_r).
        var joint: TrajectoryBehaviour
        /// Separation growth of the twin (nil when the main run diverged or the twin did).
        var separationGrowth: Double?
        /// Per index: max − min of π_i over the tail.
        var ranges: [Double]

        var bounded: Bool { divergedAt == nil }
        /// Bounded, aperiodic and sensitive to the initial state.
        var chaotic: Bool { bounded && joint.period == nil && (separationGrowth ?? 0) >= 1e3 }
        /// Index i is not converged at the end (bounded run).
        func oscillates(_ i: Int) -> Bool { bounded && periods[i] != 1 }
        var summary: String {
            if let t = divergedAt { return "diverged at step \(t)" }
            return "π_i: " + periods.map { $0 == nil ? "aperiodic" : BOMISFullOrbit.describe($0) }.joined(separator: ", ")
                + "; twin separation ×" + (separationGrowth.map { formatNumber($0) } ?? "n/a")
        }
    }

    static func run(_ t: DLN.Target, depth L: Int, alpha: Double, eta: Double, steps: Int, seed: UInt64,
                    init kind: String, twin: Int) throws -> Result {
        let d = t.d, r = t.rank, tail = DLNFig.orbitOptions.tail
        let loss = DeepMatrixFactorization(target: t.matrix, depth: L)
        let layers = kind == "random"
            ? DLNSimulation.initialize("random", width: d, depth: L, alpha: alpha / Double(d).squareRoot(), seed: seed).layers
            : DLNSimulation.initialize("unbalanced", width: d, depth: L, alpha: alpha, seed: seed).layers
        func readOut(_ θ: [Double]) -> [Double] {
            let m = Matrix.product(t.u, transposeA: true, loss.endToEnd(θ) * t.v)
            return (0..<r).map { m[$0, $0] }
        }
        var states = [[Double]](), twinStart: [Double]? = nil
        let twinAt = max(0, steps - twin)
        do {
            _ = try DLNSimulation.run(loss, from: loss.flatten(layers), eta: eta, steps: steps) { step, θ in
                if step == twinAt { twinStart = θ }
                if step > steps - tail { states.append(readOut(θ)) }
            }
        } catch ClaimError.diverged(let step, _) {
            return Result(divergedAt: step, tails: [], periods: [Int?](repeating: nil, count: r),
                          joint: .diverged(step: step), separationGrowth: nil, ranges: [Double](repeating: .nan, count: r))
        }
        let tails = (0..<r).map { i in states.map { $0[i] } }
        let periods = tails.map { TrajectoryClassification.classify(scalars: $0, options: DLNFig.orbitOptions).period }
        let joint = TrajectoryClassification.classify(states, options: DLNFig.orbitOptions)
        let ranges = tails.map { ($0.max() ?? 0) - ($0.min() ?? 0) }
        var growth: Double? = nil
        if let θa = twinStart {
            let θb = θa.map { $0 * (1 + 1e-9) }
            var ea = [Matrix](), eb = [Matrix]()
            let keep = min(64, twin)
            let a = try? DLNSimulation.run(loss, from: θa, eta: eta, steps: twin) { step, θ in
                if step == 0 || step > twin - keep { ea.append(loss.endToEnd(θ)) } }
            let b = try? DLNSimulation.run(loss, from: θb, eta: eta, steps: twin) { step, θ in
                if step == 0 || step > twin - keep { eb.append(loss.endToEnd(θ)) } }
            // A twin that diverges (only the perturbed one can: the other replays the main run) leaves
            // the growth unmeasured (nil), which the claims report as "n/a" and do not count as chaos.
            if a != nil, b != nil, ea.count == eb.count, ea.count > 1 {
                let sep0 = (ea[0] - eb[0]).frobeniusNorm
                let sepEnd = zip(ea.dropFirst(), eb.dropFirst()).map { ($0 - $1).frobeniusNorm }.max() ?? 0
                growth = sep0 > 0 ? sepEnd / sep0 : nil
            }
        }
        return Result(divergedAt: nil, tails: tails, periods: periods, joint: joint, separationGrowth: growth, ranges: ranges)
    }
}
