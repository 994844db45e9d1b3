import Foundation
import EOSCore
import EOSModels

/// The experiments of seed 001's App. B.1 (file l.656–718): full-matrix GD (Eqs. 1–2, loss with ½)
/// from the *balanced orthogonal* init W_ℓ(0) = αP_ℓ (all ℓ) and from init (10),
/// W_L(0) = 0, W_ℓ(0) = αP_ℓ (ℓ < L), and what oscillates at the end — the singular values, the
/// singular vectors, or both.
///
/// **Setting.** 001 prints d = 100, r = 5, α = 0.01, η = 160 (and 172 for Fig. 13) but neither
/// L nor σ⋆. With σ⋆ = O(1) (000's 10, 9.5, 9) η = 160 diverges at once, so the target must be
/// tiny; the checks use Sec. 4.1's reading (BOMIS+Sec4.1.swift): L = 3, ½ loss,
/// σ⋆ = (0.018, 0.016, 0.012, 0.008, 0.004), so S_i = Lσ⋆,i^{2−2/L} gives 2/S_1 = 141.3 and
/// 2/S_2 = 165.3 — η = 160 is beyond the edge of stability for σ⋆,1 only, η = 172 for σ⋆,1 and
/// σ⋆,2, the two regimes of 001's Fig. 7 (onsets "145" and "165").
///
/// **Cross eigenvalue.** In the frames of the SVS set (Prop. 1 of 000; Conj. 2 of 001) the
/// Gauss–Newton Hessian at the balanced minimum has, besides S_i on the diagonal indices, the
/// off-diagonal ("singular-vector") eigenvalues λ_ij = Σ_{ℓ=1}^L s_i^{2(L−ℓ)} s_j^{2(ℓ−1)},
/// s_i = σ⋆,i^{1/L} (the (i, j) entry of W_{L:1} moves by Σ_ℓ s_i^{L−ℓ} δW_ℓ,ij s_j^{ℓ−1}).
/// λ_12 lies between S_2 and S_1 for every σ⋆, so an η in (2/λ_12, 2/S_2) makes the minimum
/// unstable in a singular-vector direction while only σ_1 is beyond its own limit.
///
/// **Singular vectors oscillating, frame-free.** Two matrices A, B have a simultaneous real SVD
/// (A = UΣ_AVᵀ, B = UΣ_BVᵀ, Σ diagonal) iff ABᵀ and AᵀB are symmetric (Eckart & Young, 1939).
/// `commonSVDDefect` measures the failure; between consecutive iterates it is 0 (to rounding,
/// ~1e-15) exactly when the singular vectors did not move, whatever the ordering or the
/// degeneracy of the singular values (which swap order on a large σ_1 orbit, so per-index
/// vector tracking would report spurious jumps).
enum BOMISAppB1 {
    static let parameters: [ParameterSpec] = [
        DLNSimulation.sigmaSpec(), DLNSimulation.widthSpec, DLNSimulation.depthSpec, DLNSimulation.alphaSpec,
        ParameterSpec("eta", .real, .positive, meaning: "η, the learning rate"),
        DLNSimulation.stepsSpec(1e5),
        ParameterSpec("init", .choice(["balancedOrthogonal", "orthogonal", "random"]),
                      meaning: "balancedOrthogonal: W_ℓ = αP_ℓ for all ℓ (App. B.1); orthogonal: init (10); random: W_L = 0, W_ℓ = αH_ℓ (control)"),
        DLNSimulation.seedSpec,
        ParameterSpec("target", .choice(["general", "symmetric", "diagonal"]), required: false,
                      meaning: "M⋆ = U⋆Σ⋆V⋆ᵀ with random U⋆ ≠ V⋆ (default), U⋆ = V⋆ random, or diag(σ⋆, 0)"),
        ParameterSpec("printedEta", .real, .positive, required: false,
                      meaning: "the η the paper prints for this case (listed in the printed-number audit)"),
        ParameterSpec("printedAt", .integer, .closed(1, 2000), required: false, meaning: "file line of printedEta"),
    ]

    /// Steps at the end over which the final behaviour is judged.
    static let tail = 64

    /// What one run recorded.
    struct Trace {
        let eta: Double
        /// The step at which θ or f left the bounded region (|θ_i| > 1e8 or non-finite), if any.
        let divergedAt: Int?
        /// max_ℓ commonSVDDefect(W_ℓ(t−1), W_ℓ(t)) for t = 1 … last step (entry t − 1).
        let layerDefects: [Double]
        /// commonSVDDefect(W_{L:1}(t−1), W_{L:1}(t)), t = 1 … last step.
        let endToEndDefects: [Double]
        /// Relative off-diagonal part of the layers in the frames of Conj. 2 (11)–(13), t = 1 …
        /// (init (10) only; empty otherwise).
        let formResiduals: [Double]
        /// Steps at which σ(W_{L:1}) (and, for init (10), the Fig. 11 distance) were recorded.
        let sampledSteps: [Int]
        /// σ_1 … σ_r(W_{L:1}) at `sampledSteps`.
        let sampledValues: [[Double]]
        /// The Fig. 11 distance at `sampledSteps` (init (10) only).
        let conj2Distances: [Double]
        /// σ_1 … σ_r(W_{L:1}) over the last `tail` steps.
        let tailValues: [[Double]]
        /// f(Θ) at the last step.
        let finalLoss: Double

        /// (max − min)/σ⋆,1 of σ_i(W_{L:1}) over the tail, per i ≤ r.
        func tailRanges(scale: Double) -> [Double] {
            guard let first = tailValues.first else { return [] }
            return (0..<first.count).map { i in
                let v = tailValues.map { $0[i] }
                return ((v.max() ?? 0) - (v.min() ?? 0)) / scale
            }
        }
        /// Mean of the layer defect over the last `tail` steps (∞ after a divergence).
        var tailLayerDefect: Double { divergedAt != nil ? .infinity : mean(layerDefects.suffix(BOMISAppB1.tail)) }
        var tailEndToEndDefect: Double { divergedAt != nil ? .infinity : mean(endToEndDefects.suffix(BOMISAppB1.tail)) }
        /// The first t ≥ 1 at which the Conj. 2 form residual exceeds `threshold`.
        func firstFormBreak(_ threshold: Double) -> Int? {
            formResiduals.firstIndex { !($0 <= threshold) }.map { $0 + 1 }
        }
        private func mean<C: Collection>(_ c: C) -> Double where C.Element == Double {
            c.isEmpty ? 0 : c.reduce(0, +) / Double(c.count)
        }
    }

    /// Eckart–Young defect (‖ABᵀ − BAᵀ‖_F + ‖AᵀB − BᵀA‖_F)/(‖A‖_F‖B‖_F): 0 iff A and B have a
    /// common real SVD (see the type's doc); ≤ ~4ε·d for B = A. 0 if A or B is 0.
    static func commonSVDDefect(_ a: Matrix, _ b: Matrix) -> Double {
        let n = a.frobeniusNorm * b.frobeniusNorm
        guard n > 0 else { return 0 }
        return (asymmetry(Matrix.product(a, b, transposeB: true)) + asymmetry(Matrix.product(a, transposeA: true, b))) / n
    }

    /// ‖M − Mᵀ‖_F of a square matrix.
    static func asymmetry(_ m: Matrix) -> Double {
        var s = 0.0
        for i in 0..<m.rows { for j in (i + 1)..<max(i + 1, m.columns) { let x = m[i, j] - m[j, i]; s += 2 * x * x } }
        return s.squareRoot()
    }

    /// r − ‖Aᵣᵀ Bᵣ‖²_F for the first r columns of two orthogonal matrices: 0 iff they span the
    /// same r-dimensional subspace, r(1 − r/d) on average for unrelated ones (sign-invariant).
    static func subspaceGap(_ a: Matrix, _ b: Matrix, rank r: Int) -> Double {
        var s = 0.0
        for i in 0..<r { for j in 0..<r {
            var dot = 0.0
            for k in 0..<a.rows { dot += a[k, i] * b[k, j] }
            s += dot * dot
        } }
        return Double(r) - s
    }

    /// The distance of Fig. 11 (l.708–710): for every layer, the top-r left and right singular
    /// subspaces of W_ℓ (Jacobi SVD) against the first r columns of the frames Conj. 2 predicts
    /// (left Q_ℓ = P_ℓ⋯P_1V⋆, U⋆ for ℓ = L; right Q_{ℓ−1}); the largest `subspaceGap`.
    static func conj2Distance(_ layers: [Matrix], left: [Matrix], right: [Matrix], rank r: Int) -> Double {
        var worst = 0.0
        for (l, w) in layers.enumerated() {
            let s = DLN.svd(w)
            worst = max(worst, subspaceGap(left[l], s.u, rank: r), subspaceGap(right[l], s.v, rank: r))
        }
        return worst
    }

    /// 2/λ_ij with λ_ij = Σ_ℓ s_i^{2(L−ℓ)} s_j^{2(ℓ−1)}, s = σ⋆^{1/L} (loss with ½): `DLN.crossEigenvalue`.
    static func crossLimit(_ σi: Double, _ σj: Double, depth L: Int) -> Double {
        2 / DLN.crossEigenvalue(σi, σj, depth: L)
    }

    /// Runs GD from the case's init and records the `Trace`. A divergence is recorded, not thrown.
    static func run(_ c: ClaimCase) throws -> Trace {
        let σ = try c.vector("sigma"), d = try c.integer("d"), L = try c.integer("depth")
        let alpha = try c.number("alpha"), eta = try c.number("eta"), steps = try c.integer("steps")
        let seed = UInt64(try c.integer("seed", default: 1)), kind = try c.text("init")
        let targetKind = try c.text("target", default: "general")
        let r = σ.count
        guard r <= d else { throw ClaimError.computation("rank r = \(r) exceeds d = \(d)") }
        guard steps > tail else { throw ClaimError.computation("needs more than \(tail) steps") }
        let t = DLN.target(d: d, singularValues: σ, seed: targetKind == "diagonal" ? nil : seed,
                           symmetric: targetKind == "symmetric")
        let loss = DeepMatrixFactorization(target: t.matrix, depth: L)
        let (w0, ps) = DLNSimulation.initialize(kind, width: d, depth: L, alpha: alpha, seed: seed)
        let orthogonal = kind != "balancedOrthogonal"   // (10) and its random control: frames of Conj. 2
        // Frames of (11)–(13): Q_0 = V⋆, Q_ℓ = P_ℓ Q_{ℓ−1}; W_ℓ is Q_ℓ D Q_{ℓ−1}ᵀ (W_L: U⋆ D Q_{L−1}ᵀ).
        var q = [t.v]
        for l in 0..<(L - 1) { q.append(ps[l] * q[l]) }
        let left = (0..<L).map { l in l == L - 1 ? t.u : q[l + 1] }, right = Array(q[0..<L])
        let every = max(1, steps / 150)
        var layerDefects = [Double](), e2eDefects = [Double](), forms = [Double]()
        var sampledSteps = [Int](), sampledValues = [[Double]](), distances = [Double](), tailValues = [[Double]]()
        var previous: [Matrix]? = nil, previousE2E: Matrix? = nil
        let eval = loss.makeGradientEvaluator()
        var θ = loss.flatten(w0)
        var g = [Double](repeating: 0, count: θ.count)
        var divergedAt: Int? = nil
        var f = 0.0
        for step in 0...steps {
            guard DivergenceGuard.isHealthy(θ, bound: 1e8) else { divergedAt = step; break }
            let w = loss.unflatten(θ)
            let e2e = w.dropFirst().reduce(w[0]) { $1 * $0 }
            if let p = previous, let pe = previousE2E {
                layerDefects.append((0..<L).map { commonSVDDefect(p[$0], w[$0]) }.max() ?? 0)
                e2eDefects.append(commonSVDDefect(pe, e2e))
                if orthogonal { forms.append(DLN.relativeFormResidual(w, left: left, right: right)) }
            }
            let sampled = step <= 10 || step % every == 0 || step == steps
            if sampled || step > steps - tail {
                let s = Array(DLN.singularValues(e2e).prefix(r))
                if sampled {
                    sampledSteps.append(step); sampledValues.append(s)
                    if orthogonal { distances.append(conj2Distance(w, left: left, right: right, rank: r)) }
                }
                if step > steps - tail { tailValues.append(s) }
            }
            previous = w; previousE2E = e2e
            f = eval(θ, gradient: &g)
            guard f.isFinite else { divergedAt = step; break }
            if step == steps { break }
            for i in 0..<θ.count { θ[i] -= eta * g[i] }
        }
        return Trace(eta: eta, divergedAt: divergedAt, layerDefects: layerDefects, endToEndDefects: e2eDefects,
                     formResiduals: forms, sampledSteps: sampledSteps, sampledValues: sampledValues,
                     conj2Distances: distances, tailValues: tailValues, finalLoss: f)
    }

    // MARK: Shared quantities and figure data

    /// The stability limits of the setting, as context, and the printed η when the case gives it.
    static func settingQuantities(_ c: ClaimCase) throws -> [Quantity] {
        let σ = try c.vector("sigma"), L = try c.integer("depth"), eta = try c.number("eta")
        var q: [Quantity] = [
            .context("2/S_i, S_i = Lσ⋆,i^{2−2/L} (loss with ½)", σ.map { formatNumber(DLNFig.threshold($0, depth: L)) }.joined(separator: ", ")),
            .context("η·S_1", eta * DLN.stabilityLimit(σ[0], depth: L)),
        ]
        if σ.count >= 2 {
            // Cross-check of the formula: the dense Hessian of f at the balanced minimum with d = r
            // (dimension L·r², Jacobi eigenvalues to ~n·ε·‖H‖) has λ_12 among its eigenvalues.
            let predicted = crossLimit(σ[0], σ[1], depth: L)
            let t = DLN.target(d: σ.count, singularValues: σ, seed: 3)
            let loss = DeepMatrixFactorization(target: t.matrix, depth: L)
            let spectrum = DLN.hessianSpectrum(loss, at: DLN.balancedMinimum(loss, t, alpha: 0))
            let nearest = spectrum.min { abs($0 - 2 / predicted) < abs($1 - 2 / predicted) } ?? .nan
            q.append(.compare("2/λ_12, λ_12 the Hessian eigenvalue at the balanced minimum (dense, d = r) nearest Σ_ℓ s_1^{2(L−ℓ)}s_2^{2(ℓ−1)}",
                              measured: 2 / nearest, predicted: predicted,
                              .relative(1e-8, "Jacobi eigenvalues of a 75 × 75 Hessian are accurate to ~1e-14·‖H‖; the formula is exact")))
        }
        if let printed = c.parameters["printedEta"], case .number(let p) = printed {
            let line = try c.integer("printedAt", default: 669)
            q.append(.printed("η", printed: p, computed: eta, .relative(1e-12, "the run uses the printed value"),
                              at: "line \(line)",
                              convention: "f = ½‖W_{L:1} − M⋆‖²_F (001 Eq. 1), L = 3 and σ⋆ = (0.018, 0.016, 0.012, 0.008, 0.004) (not printed; Sec. 4.1's fitted target): 2/S_1 = 141.3 < η, so η is beyond the EOS limit of σ⋆,1 (with σ⋆ = O(1) or without the ½, η = 160 diverges at once)"))
        }
        return q
    }

    /// "GD stays bounded" and "σ_1(W_{L:1}) oscillates" (its tail range over σ⋆,1 above 1e-6, judged; a
    /// converged run ranges over ~1e-15, rounding, an orbit over ≥ 1e-3).
    static func oscillationQuantities(_ tr: Trace, sigma1 σ1: Double) -> [Quantity] {
        let valueRange = tr.tailRanges(scale: σ1).first ?? 0
        return [
            .judge("GD run", measured: tr.divergedAt.map { "diverged at step \($0)" } ?? "bounded",
                   predicted: "bounded", holds: tr.divergedAt == nil),
            .judge("σ_1(W_{L:1}): (max − min)/σ⋆,1 over the last 64 steps",
                   measured: tr.divergedAt == nil ? formatNumber(valueRange) : "— (diverged)",
                   measuredValue: tr.divergedAt == nil ? valueRange : nil,
                   predicted: "> 1e-6 (the singular values oscillate)", holds: tr.divergedAt == nil && valueRange > 1e-6),
        ]
    }

    /// The judged tail defect of the layers (text "— (diverged)" and not holding after a divergence).
    static func defectQuantity(_ tr: Trace, predicted: String, _ holds: (Double) -> Bool) -> Quantity {
        let name = "layers: mean over the last 64 steps of max_ℓ defect(W_ℓ(t−1), W_ℓ(t))"
        guard tr.divergedAt == nil else { return .judge(name, measured: "— (diverged)", predicted: predicted, holds: false) }
        return .judge(name, tr.tailLayerDefect, predicted: predicted, holds: holds(tr.tailLayerDefect))
    }

    /// σ_i(W_{L:1}) against t, the layer defect against t (log), for one figure.
    static func series(_ tr: Trace, figure: String) -> [DataSeries] {
        var out = [DataSeries]()
        let r = tr.sampledValues.first?.count ?? 0
        for i in 0..<r {
            out.append(DataSeries(name: "σ_\(i + 1)(W_{L:1})", x: tr.sampledSteps.map(Double.init), y: tr.sampledValues.map { $0[i] },
                                  figure: figure + ": singular values", xLabel: "GD step t", yLabel: "σ_i(W_{L:1})"))
        }
        let dl = DLNFig.downsample(tr.layerDefects.map { max($0, 1e-17) }, maxPoints: 600)
        out.append(DataSeries(name: "max_ℓ defect(W_ℓ(t−1), W_ℓ(t)) (0 ⇔ same singular vectors)", x: dl.x.map { $0 + 1 }, y: dl.y,
                              figure: figure + ": singular-vector motion", xLabel: "GD step t", yLabel: "Eckart–Young defect", yScale: .log))
        return out
    }
}
