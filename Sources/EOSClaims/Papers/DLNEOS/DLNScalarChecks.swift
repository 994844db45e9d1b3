import Foundation
import EOSCore
import EOSModels

/// Checks on the per-index scalar loss c(Π_ℓ σ_ℓ − σ⋆)² (DLN-EOS Eq. 5 / Lemmas 2–6, Prop. 2,
/// Eqs. 44–48; BOMIS Eq. 6, Lemma 2, Conjecture 1), shared by both papers.
enum DLNScalarChecks {
    static let sigmaStarSpec = ParameterSpec("sigmaStar", .real, .open(0, 1e3), meaning: "σ⋆, the target singular value")
    static let etaSSpec = ParameterSpec("etaTimesS", .real, .open(0, 20), required: false,
                                        meaning: "η·S with S = Lσ⋆^{2−2/L} (the stability limit at the balanced minimum)")
    static let alphaFractionSpec = ParameterSpec("alphaFraction", .real, .open(0, 100), required: false,
                                                 meaning: "α as a multiple of the printed bound of Prop. 2 / Lemma 5")

    /// GD on the scalar loss from the unbalanced point (α, …, α, 0); `observe(t, σ)` at every t.
    static func run(_ loss: ScalarProductLoss, alpha: Double, eta: Double, steps: Int,
                    observe: (Int, [Double]) -> Void) throws -> [Double] {
        var s = [Double](repeating: alpha, count: loss.depth)
        s[loss.depth - 1] = 0
        for t in 0...steps {
            guard s.allSatisfy({ $0.isFinite && abs($0) < 1e8 }) else {
                throw ClaimError.diverged(step: t, what: "σ left [−1e8, 1e8]")
            }
            observe(t, s)
            if t == steps { break }
            let g = loss.gradient(s)
            for i in 0..<s.count { s[i] -= eta * g[i] }
        }
        return s
    }

    // MARK: Proposition 2 (and BOMIS Conjecture 1)

    static let balancingParameters: [ParameterSpec] = [
        sigmaStarSpec, DLNSimulation.depthSpec, etaSSpec, alphaFractionSpec,
        ParameterSpec("alpha", .real, .open(0, 10), required: false, meaning: "α directly (instead of alphaFraction)"),
        ParameterSpec("eta", .real, .positive, required: false, meaning: "η directly (instead of etaTimesS)"),
        DLNSimulation.stepsSpec(1e6), DLNSimulation.scaleSpec,
        ParameterSpec("printedLimit", .real, .positive, required: false,
                      meaning: "a stability limit 2/S the paper prints for these σ⋆, L (recomputed with Quantity.printed)"),
    ]

    struct Balancing {
        var maxRatio = 0.0, finalGap = 0.0, initialGap = 0.0, diverged: Int? = nil
        var xs = [Double](), gaps = [Double]()
    }

    /// Runs GD and records the balancing gap max_ℓ |σ²_L − σ²_ℓ| and the largest one-step ratio
    /// |b(t+1)|/|b(t)| over the steps before convergence (|π − σ⋆| > 1e-6σ⋆: once converged the
    /// factor of Eq. 48 is 1 − O(1e-12), below the rounding of b, and the ratio is 1 to rounding)
    /// and with |b(t)| above the rounding level 1e-10·max σ_ℓ².
    static func balancing(_ loss: ScalarProductLoss, alpha: Double, eta: Double, steps: Int) -> Balancing {
        var out = Balancing()
        var previous: [Double]? = nil, previousActive = false, floor = 0.0
        let L = loss.depth, every = max(1, steps / 400)
        do {
            _ = try run(loss, alpha: alpha, eta: eta, steps: steps) { t, s in
                let b = (0..<(L - 1)).map { s[L - 1] * s[L - 1] - s[$0] * s[$0] }
                if let p = previous, previousActive {
                    for (x, y) in zip(b, p) where abs(y) > floor { out.maxRatio = max(out.maxRatio, abs(x) / abs(y)) }
                }
                let pi = s.reduce(1, *)
                previous = b
                previousActive = abs(pi - loss.target) > 1e-6 * loss.target
                // A gap at the rounding level of σ_ℓ² (ε·σ² ≈ 1e-16·σ²) has no meaningful ratio:
                // only gaps above 1e-10·max σ_ℓ² are compared.
                floor = 1e-10 * (s.map { $0 * $0 }.max() ?? 0)
                let g = b.map { abs($0) }.max() ?? 0
                if t == 0 { out.initialGap = g }
                out.finalGap = g
                if t % every == 0 { out.xs.append(Double(t)); out.gaps.append(g) }
            }
        } catch ClaimError.diverged(let step, _) { out.diverged = step } catch {}
        return out
    }

    static func proposition2(_ c: ClaimCase) throws -> CaseOutcome {
        let σ = try c.number("sigmaStar"), L = try c.integer("depth"), steps = try c.integer("steps")
        let scale = try c.number("scale", default: 0.5)
        let S = DLN.stabilityLimit(σ, depth: L)
        let eta = c.parameters["eta"] != nil ? try c.number("eta") : try c.number("etaTimesS") / S
        let bound = DLN.prop2AlphaBound(eta: eta, sigma: σ, depth: L)
        let alpha = c.parameters["alpha"] != nil ? try c.number("alpha") : try c.number("alphaFraction") * bound
        guard alpha.isFinite, alpha > 0 else { throw ClaimError.computation("α undefined: the printed bound needs η·S < 2√2") }
        let loss = ScalarProductLoss(depth: L, target: σ, scale: scale)
        let b = balancing(loss, alpha: alpha, eta: eta, steps: steps)
        let below = balancing(loss, alpha: alpha, eta: 1.8 / S, steps: steps)
        var q: [Quantity] = [
            .context("η·S_i", eta * S),
            .context("printed α bound", bound),
            .context("α", alpha),
            .context("hypotheses: 2 < η·S_i < 2√2 and α < bound", (eta * S > 2 && eta * S < 2 * 2.0.squareRoot() && alpha < bound) ? 1 : 0),
        ]
        if c.parameters["printedLimit"] != nil {
            q.append(.printed("stability limit 2/S = 2/(Lσ⋆^{2−2/L})", printed: try c.number("printedLimit"), computed: 2 / S,
                              .relative(1e-9, "closed form; printed to the digits shown"), at: "000 l.896–897",
                              convention: "loss with ½ (Eq. 1); without ½ the limit would be \(formatNumber(1 / S))"))
        }
        if let t = b.diverged {
            q.append(.judge("GD run", measured: "diverged at step \(t)", predicted: "gap contracts every step", holds: false))
            return CaseOutcome(q)
        }
        q.append(.judge("max_t |b(t+1)|/|b(t)| before convergence (c of Prop. 2)", b.maxRatio,
                        predicted: "< 1 (a c ∈ (0, 1] with strict contraction)", holds: b.maxRatio < 1))
        q.append(.context("final gap / initial gap", b.finalGap / b.initialGap))
        q.append(.context("below the window (η·S = 1.8, same α): max ratio", below.maxRatio))
        q.append(.context("below the window: final gap / initial gap (stalls > 0)", below.finalGap / below.initialGap))
        return CaseOutcome(q, note: "scale c = \(formatNumber(scale))",
                           series: [DataSeries(name: "balancing gap max_ℓ|σ²_L − σ²_ℓ|", x: b.xs, y: b.gaps,
                                               figure: "Prop. 2: balancing gap", xLabel: "iteration t", yLabel: "gap", yScale: .log),
                                    DataSeries(name: "below the window (η·S = 1.8)", x: below.xs, y: below.gaps,
                                               figure: "Prop. 2: balancing gap", xLabel: "iteration t", yLabel: "gap", yScale: .log)])
    }

    /// BOMIS Conjecture 1: with η = 1/σ⋆^{2−2/L} (or the case's η) and the init (3),
    /// |w_L − w_ℓ| → 0. Holds when the final |w_L − w_ℓ| is below 1e-6·α.
    static func conjecture1(_ c: ClaimCase) throws -> CaseOutcome {
        let σ = try c.number("sigmaStar"), L = try c.integer("depth"), steps = try c.integer("steps")
        let scale = try c.number("scale", default: 0.5)
        let alpha = try c.number("alpha")
        let eta = c.parameters["eta"] != nil ? try c.number("eta")
            : (c.parameters["etaTimesS"] != nil ? try c.number("etaTimesS") / DLN.stabilityLimit(σ, depth: L) : 1 / pow(σ, 2 - 2 / Double(L)))
        let loss = ScalarProductLoss(depth: L, target: σ, scale: scale)
        var last = [Double](), products = [Double]()
        do {
            last = try run(loss, alpha: alpha, eta: eta, steps: steps) { t, s in
                if t > steps - 64 { products.append(s.reduce(1, *)) }
            }
        } catch ClaimError.diverged(let step, _) {
            return CaseOutcome([.judge("GD run", measured: "diverged at step \(step)", predicted: "|w_L − w_ℓ| → 0", holds: false)],
                               note: "η·S = \(formatNumber(eta * DLN.stabilityLimit(σ, depth: L, scale: scale)))")
        }
        let gap = (0..<(L - 1)).map { abs(last[L - 1] - last[$0]) }.max() ?? 0
        return CaseOutcome([
            .judge("|w_L − w_ℓ| after T steps", gap, predicted: "→ 0 (≤ 1e-6·α)", holds: gap <= 1e-6 * alpha),
            .context("η", eta),
            .context("η·(top Hessian eigenvalue at the balanced minimum, this loss scale)", eta * DLN.stabilityLimit(σ, depth: L, scale: scale)),
            .context("min Π w on the last 64 steps", products.min() ?? .nan),
            .context("max Π w on the last 64 steps", products.max() ?? .nan),
        ], note: "loss scale c = \(formatNumber(scale))")
    }

    // MARK: Gradient-flow solution (Def-GFS, Lemma 5, Lemma 6)

    /// The GF limit from s: the balancedness b_ℓ = σ_ℓ² − σ_L² is conserved (Lemma 2), so the
    /// limit is σ_ℓ² = u + b_ℓ with Π σ_ℓ = σ⋆, u ≥ max(0, −min b) found by Brent (positive σ).
    static func flowLimit(from s: [Double], sigmaStar σ: Double) throws -> [Double] {
        let L = s.count
        let b = s.map { $0 * $0 - s[L - 1] * s[L - 1] }
        let lo = max(0, -(b.min() ?? 0))
        let f: (Double) -> Double = { u in b.reduce(1.0) { $0 * (u + $1).squareRoot() } - σ }
        var hi = lo + 1
        while f(hi) < 0 { hi = lo + 2 * (hi - lo) }
        let u = try RootFinding.brent(in: lo, hi, f)
        return b.map { (u + $0).squareRoot() }
    }

    /// ψ(s) = Σ σ⋆²/σ_ℓ² at the GF limit (Lemma 3's sharpness at a minimum, ½ loss).
    static func gfsSharpness(from s: [Double], sigmaStar σ: Double) throws -> Double {
        try flowLimit(from: s, sigmaStar: σ).reduce(0) { $0 + σ * σ / ($1 * $1) }
    }

    /// Gradient flow σ̇ = −∇L(σ) by classical RK4 with step h for time τ.
    static func gradientFlow(_ loss: ScalarProductLoss, from s0: [Double], h: Double, time τ: Double) -> [Double] {
        var s = s0
        let n = Int((τ / h).rounded())
        func add(_ a: [Double], _ b: [Double], _ k: Double) -> [Double] { zip(a, b).map { $0 + k * $1 } }
        for _ in 0..<n {
            let k1 = loss.gradient(s).map { -$0 }
            let k2 = loss.gradient(add(s, k1, h / 2)).map { -$0 }
            let k3 = loss.gradient(add(s, k2, h / 2)).map { -$0 }
            let k4 = loss.gradient(add(s, k3, h)).map { -$0 }
            for i in 0..<s.count { s[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) }
        }
        return s
    }
}
