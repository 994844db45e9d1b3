import Foundation
import EOSCore
import EOSModels

/// Rank-p two-period orbits of the full-matrix DLN (DLN-EOS Theorem 1 and Lemma 7): simulate,
/// read the orbit in the frames of M⋆, and compare it with the window and with the roots of g.
enum DLNOrbitChecks {
    static let parameters: [ParameterSpec] = [
        DLNSimulation.sigmaSpec(), DLNSimulation.widthSpec, DLNSimulation.depthSpec, DLNSimulation.alphaSpec,
        ParameterSpec("p", .integer, .closed(1, 50), meaning: "p, the predicted rank of the oscillation"),
        ParameterSpec("etaTimesS", .real, .open(0, 10), meaning: "η·S_p, i.e. 2S_p/K (the window K′_p < K < S_p is 2 < η·S_p < 2S_p/K′_p)"),
        ParameterSpec("g", .choice(["printed", "corrected"]), meaning: "printed: g with ηL (l.600–605); corrected: g with η (the step of Eq. 2)"),
        DLNSimulation.stepsSpec(1e6), DLNSimulation.seedSpec, DLNSimulation.initSpec,
        ParameterSpec("frames", .choice(["random", "identity"]), required: false, meaning:
                      "random U⋆ ≠ V⋆ (default) or a diagonal M⋆ (identity frames: GD then stays exactly in the SVS set, rounding cannot leave it)"),
    ]

    struct Orbit {
        /// Per index i < r: the last two values of the layer-1 singular value and of the end-to-end one.
        var layer: [[Double]], endToEnd: [[Double]]
        /// Per index: max |π(t) − π(t−1)|, max |π(t) − π(t−2)| over the tail.
        var a1: [Double], a2: [Double]
        /// Max over the tail of the relative off-diagonal mass in the SVS frames and of the balancing gap.
        var offDiagonal: Double, gap: Double
        /// The final iterate.
        var θ: [Double]
        var tail: [[Double]]

        /// The period of index i's end-to-end singular value on the tail: max step-to-step jump
        /// ≤ 1e-7σ_i → 1; max two-step jump ≤ 1e-7σ_i → 2; otherwise nil (the slowest multiplier
        /// used leaves < 1e-9 after the burn-in; a genuine period 2 jumps by ≫ 1e-7σ_i).
        func period(index i: Int, sigma σ: Double) -> Int? {
            let tol = 1e-7 * σ
            return a1[i] <= tol ? 1 : (a2[i] <= tol ? 2 : nil)
        }

        /// "The top k end-to-end singular values are period 2, the others converged at σ⋆_i
        /// (relative 1e-7)": the periods and whether the pattern holds.
        func topOscillate(sigma σ: [Double], count k: Int) -> (periods: [Int?], holds: Bool) {
            let periods = σ.indices.map { period(index: $0, sigma: σ[$0]) }
            let holds = σ.indices.allSatisfy { i in
                i < k ? periods[i] == 2 : (periods[i] == 1 && abs(endToEnd[i].last! - σ[i]) <= 1e-7 * σ[i])
            }
            return (periods, holds)
        }
    }

    /// "converged", "period k" or "not period 1 or 2" for `Orbit.period`.
    static func describe(_ p: Int?) -> String {
        switch p { case 1?: return "converged"; case let k?: return "period \(k)"; case nil: return "not period 1 or 2" }
    }

    /// Runs GD and summarises the last `tail` iterates in the frames (V⋆, …, V⋆, U⋆).
    static func simulate(_ loss: DeepMatrixFactorization, _ t: DLN.Target, init kind: String, alpha: Double,
                         eta: Double, steps: Int, seed: UInt64, tail: Int = 64) throws -> Orbit {
        let L = loss.depth, r = t.rank
        let (w0, _) = DLNSimulation.initialize(kind, width: t.d, depth: L, alpha: alpha, seed: seed)
        var kept = [[Double]]()
        _ = try DLNSimulation.run(loss, from: loss.flatten(w0), eta: eta, steps: steps) { step, θ in
            if step > steps - tail { kept.append(θ) }
        }
        let frames = DLN.svsFrames(t, depth: L)
        var layerSeq = [[Double]](repeating: [], count: r), e2e = [[Double]](repeating: [], count: r)
        var off = 0.0, gap = 0.0
        for θ in kept {
            let w = loss.unflatten(θ)
            off = max(off, DLN.relativeFormResidual(w, left: Array(frames[1...]), right: Array(frames[0..<L])))
            let s = loss.layerSingularValues(θ, frames: frames)
            for i in 0..<r {
                layerSeq[i].append(s[0][i])
                e2e[i].append(s.reduce(1.0) { $0 * $1[i] })
                for l in 0..<(L - 1) { gap = max(gap, abs(s[L - 1][i] * s[L - 1][i] - s[l][i] * s[l][i])) }
            }
        }
        var a1 = [Double](), a2 = [Double]()
        for i in 0..<r {
            let x = e2e[i]
            a1.append((1..<x.count).map { abs(x[$0] - x[$0 - 1]) }.max() ?? 0)
            a2.append((2..<x.count).map { abs(x[$0] - x[$0 - 2]) }.max() ?? 0)
        }
        return Orbit(layer: layerSeq.map { Array($0.suffix(2)) }, endToEnd: e2e.map { Array($0.suffix(2)) },
                     a1: a1, a2: a2, offDiagonal: off, gap: gap, θ: kept.last ?? [], tail: kept)
    }

    static func theorem1(_ c: ClaimCase) throws -> CaseOutcome {
        let σ = try c.vector("sigma"), d = try c.integer("d"), L = try c.integer("depth")
        let alpha = try c.number("alpha"), p = try c.integer("p"), etaS = try c.number("etaTimesS")
        let corrected = try c.text("g") == "corrected", steps = try c.integer("steps")
        let seed = UInt64(try c.integer("seed", default: 1)), kind = try c.text("init", default: "unbalanced")
        guard p <= σ.count, σ.count <= d else { throw ClaimError.computation("need p ≤ r ≤ d") }
        let S = σ.map { DLN.stabilityLimit($0, depth: L) }
        let sp = S[p - 1], sNext = p < σ.count ? S[p] : 0
        let eta = etaS / sp, K = 2 / eta
        let kPrime = max(sNext, sp / (2 * 2.0.squareRoot()))
        var q: [Quantity] = [
            .judge("K = 2/η in the printed window (K′_p, S_p)", K, predicted: "in (\(formatNumber(kPrime)), \(formatNumber(sp)))",
                   holds: K > kPrime && K < sp),
            .context("η", eta),
            .context("η·S_i, i = 1…r", σ.indices.map { formatNumber(eta * S[$0]) }.joined(separator: ", ")),
        ]
        let identity = try c.text("frames", default: "random") == "identity"
        let t = DLN.target(d: d, singularValues: σ, seed: identity ? nil : seed)
        let loss = DeepMatrixFactorization(target: t.matrix, depth: L)
        // The largest Hessian eigenvalue at the balanced minimum that is not one of S_1…S_p: the
        // cross terms λ_{ij} of Lemma 1 with i ≤ p, j > i, and S_{p+1}.
        var crossMax = sNext
        for i in 0..<p { for j in (i + 1)..<max(σ.count, i + 1) {
            crossMax = max(crossMax, DLN.crossEigenvalue(σ[i], σ[j], depth: L))
        } }
        q.append(.context("largest Hessian eigenvalue at the balanced minimum besides S_1…S_p (cross terms of Lemma 1)", crossMax))
        q.append(.context("K above it (cross directions linearly stable)", K > crossMax ? 1 : 0))
        let orbit: Orbit
        do {
            orbit = try simulate(loss, t, init: kind, alpha: alpha, eta: eta, steps: steps, seed: seed)
        } catch ClaimError.diverged(let step, _) {
            q.append(.judge("GD run", measured: "diverged at step \(step)", predicted: "2-period orbit", holds: false))
            return CaseOutcome(q, note: "the run diverged: no orbit")
        }
        // Orbit classification (`Orbit.period`): converged to 1e-7·σ⋆,i, or period 2.
        let (periods, periodOK) = orbit.topOscillate(sigma: σ, count: p)
        q.append(.judge("period of σ_i(W_{L:1}) for i = 1…r", measured: periods.map(describe).joined(separator: ", "),
                        predicted: "2 for i ≤ p, 1 (at σ⋆,i) for i > p", holds: periodOK))
        q.append(.judge("max relative off-diagonal mass in the frames of M⋆ (decomposition (6))", orbit.offDiagonal,
                        predicted: "≤ 1e-9", holds: orbit.offDiagonal <= 1e-9))
        q.append(.context("balancing gap max|σ²_{L,i} − σ²_{ℓ,i}| on the orbit", orbit.gap))
        // Roots of g in the printed intervals vs the simulated orbit.
        var rootsOK = true, detail = [String]()
        for i in 0..<min(p, σ.count) where periods[i] == 2 {
            let s1 = pow(σ[i], 1 / Double(L)), s2 = pow(2 * σ[i], 1 / Double(L))
            let kappa = corrected ? 1.0 : Double(L)
            let low = try DLN.gRoots(sigma: σ[i], depth: L, eta: eta, kappa: kappa, in: 1e-6 * s1, s1)
            let high = try DLN.gRoots(sigma: σ[i], depth: L, eta: eta, kappa: kappa, in: s1, s2)
            let sim = orbit.layer[i].sorted()
            // Orbit points converged to ~1e-9 relative; 1e-6 relative is a wide margin.
            let matchLow = low.contains { abs($0 - sim[0]) <= 1e-6 * s1 }
            let matchHigh = high.contains { abs($0 - sim[1]) <= 1e-6 * s1 }
            let ok = low.count == 1 && high.count == 1 && matchLow && matchHigh
            rootsOK = rootsOK && ok
            detail.append("i=\(i + 1): orbit ρ = {\(formatNumber(sim[0])), \(formatNumber(sim[1]))}; g roots in (0, σ^{1/L}) = \(low.map { formatNumber($0) }), in (σ^{1/L}, (2σ)^{1/L}) = \(high.map { formatNumber($0) })")
        }
        q.append(.judge("ρ_{i,1}, ρ_{i,2} = the unique roots of g (\(corrected ? "with η" : "with ηL, as printed")) in the two intervals",
                        measured: detail.joined(separator: "; "), predicted: "one root per interval, equal to the orbit (1e-6 rel.)",
                        holds: rootsOK && periods.prefix(p).allSatisfy { $0 == 2 }))
        let series = (0..<min(p, σ.count)).map { i in
            DataSeries(name: "σ_\(i + 1)(W_{L:1}) on the tail", x: orbit.tail.indices.map { Double(steps - orbit.tail.count + 1 + $0) },
                       y: orbit.tail.map { θ in loss.layerSingularValues(θ, frames: DLN.svsFrames(t, depth: L)).reduce(1.0) { $0 * $1[i] } },
                       figure: "Thm 1: end-to-end singular values on the orbit", xLabel: "iteration t", yLabel: "σ_i(W_{L:1})", style: .points)
        }
        return CaseOutcome(q, note: "d = \(d), L = \(L), p = \(p), init \(kind), \(identity ? "diagonal M⋆" : "random frames")", series: series)
    }
}
