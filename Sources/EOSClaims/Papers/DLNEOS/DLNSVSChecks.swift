import Foundation
import EOSCore
import EOSModels

/// Checks of the singular-vector-stationary (SVS) structure shared by DLN-EOS Props. 1, 3, 4,
/// Eqs. (5), (8)–(11) and BOMIS Thm 1, Eqs. (5), (6), Conj. 2. Each is a function of a case.
enum DLNSVSChecks {
    // MARK: Trajectory form (Props. 3–4, Eqs. 8–11)

    /// The predicted form of the layers at step t, as printed by each statement:
    /// - `prop3` (DLN-EOS (26), BOMIS (4)): W_L = U⋆ diag(Σ̃_L, 0) V⋆ᵀ, W_ℓ = V⋆ diag(Σ̃, αI) V⋆ᵀ with
    ///   the printed recursions Σ̃_L ← Σ̃_L − η(Σ̃_LΣ̃^{L−1} − Σ⋆)Σ̃^{L−1},
    ///   Σ̃ ← Σ̃(I − ηΣ̃_L(Σ̃_LΣ̃^{L−1} − Σ⋆)Σ̃^{L−3}) from Σ̃_L(1) = ηα^{L−1}Σ⋆, Σ̃(1) = αI;
    /// - `prop4` (DLN-EOS (27)): W_ℓ = V⋆ Σ(t) V⋆ᵀ with Σ ← Σ − ηΣ^{L−1}(Σ^L − Σ⋆) (all d indices);
    /// - frames only (`eq9to11`): W_ℓ diagonal in the frames of (9)–(11).
    enum Form: String { case prop3, prop4, eq9to11 }

    static let trajectoryParameters: [ParameterSpec] = [
        DLNSimulation.sigmaSpec(), DLNSimulation.widthSpec, DLNSimulation.depthSpec, DLNSimulation.alphaSpec,
        ParameterSpec("eta", .real, .positive, meaning: "η, the learning rate"),
        DLNSimulation.stepsSpec(1e5), DLNSimulation.initSpec, DLNSimulation.seedSpec,
        ParameterSpec("target", .choice(["general", "symmetric"]), required: false,
                      meaning: "general M⋆ = U⋆Σ⋆V⋆ᵀ (default) or symmetric M⋆ = V⋆Σ⋆V⋆ᵀ"),
    ]

    /// Runs full-matrix GD and measures, over t = 1…T (t = 0…T for `prop4`), the largest
    /// relative deviation of the layers from the printed form. Holds when it is below 1e-9.
    static func trajectoryForm(_ c: ClaimCase, form: Form, defaultInit: String) throws -> CaseOutcome {
        let σ = try c.vector("sigma"), d = try c.integer("d"), L = try c.integer("depth")
        let alpha = try c.number("alpha"), eta = try c.number("eta"), steps = try c.integer("steps")
        let seed = UInt64(try c.integer("seed", default: 1))
        let kind = try c.text("init", default: defaultInit)
        let symmetric = try c.text("target", default: "general") == "symmetric"
        guard σ.count <= d else { throw ClaimError.computation("rank r = \(σ.count) exceeds d = \(d)") }
        let t = DLN.target(d: d, singularValues: σ, seed: seed, symmetric: symmetric)
        let loss = DeepMatrixFactorization(target: t.matrix, depth: L)
        let (layers0, ps) = DLNSimulation.initialize(kind, width: d, depth: L, alpha: alpha, seed: seed)
        let r = σ.count
        // Printed recursions, per index (r for prop3, d for prop4).
        var sL = [Double](repeating: 0, count: r), s = [Double](repeating: alpha, count: r)
        var sb = [Double](repeating: alpha, count: d)
        var worst = 0.0, worstStep = 0, firstStepError = 0.0
        // Frames of (9)–(11): right frame of W_ℓ is Q_{ℓ−1} = P_{ℓ−1}⋯P_1 V⋆, left Q_ℓ (U⋆ for ℓ = L).
        var q = [t.v]
        for l in 0..<(L - 1) { q.append(ps[l] * q[l]) }
        let θT = try DLNSimulation.run(loss, from: loss.flatten(layers0), eta: eta, steps: steps) { step, θ in
            let w = loss.unflatten(θ)
            var dev = 0.0
            switch form {
            case .prop3:
                if step == 0 { return }
                if step == 1 {   // printed initial values
                    for i in 0..<r {
                        sL[i] = eta * DLN.intPow(alpha, L - 1) * σ[i]
                        s[i] = alpha
                    }
                    let predicted = eta * DLN.intPow(alpha, L - 1) * σ[0]
                    firstStepError = abs(Matrix.product(t.u, transposeA: true, w[L - 1] * t.v)[0, 0] - predicted) / predicted
                } else {
                    for i in 0..<r {
                        let res = sL[i] * DLN.intPow(s[i], L - 1) - σ[i]
                        let newL = sL[i] - eta * res * DLN.intPow(s[i], L - 1)
                        let newS = s[i] * (1 - eta * sL[i] * res * DLN.intPow(s[i], L - 3))
                        sL[i] = newL; s[i] = newS
                    }
                }
                let lastDiag = sL + [Double](repeating: 0, count: d - r)
                let innerDiag = s + [Double](repeating: alpha, count: d - r)
                let wl = Matrix.product(t.u * Matrix.diagonal(lastDiag), t.v, transposeB: true)
                let wi = Matrix.product(t.v * Matrix.diagonal(innerDiag), t.v, transposeB: true)
                for l in 0..<L {
                    let p = l == L - 1 ? wl : wi
                    dev = max(dev, (w[l] - p).frobeniusNorm / max(1, p.frobeniusNorm))
                }
            case .prop4:
                if step > 0 {
                    for i in 0..<d {
                        let target = i < r ? σ[i] : 0
                        sb[i] = sb[i] - eta * DLN.intPow(sb[i], L - 1) * (DLN.intPow(sb[i], L) - target)
                    }
                }
                let p = Matrix.product(t.v * Matrix.diagonal(sb), t.v, transposeB: true)
                for l in 0..<L { dev = max(dev, (w[l] - p).frobeniusNorm / max(1, p.frobeniusNorm)) }
            case .eq9to11:
                if step == 0 { return }
                let left = (0..<L).map { l in l == L - 1 ? t.u : q[l + 1] }
                dev = DLN.relativeFormResidual(w, left: left, right: Array(q[0..<L]))
            }
            if dev > worst { worst = dev; worstStep = step }
        }
        let final = loss.value(θT)
        // T steps of O(d) fused products each, relative rounding ε·d per step, amplified at
        // most linearly away from chaos: 1e-9 ≫ T·d·ε for every case (T ≤ 1e4, d ≤ 100).
        var q1: [Quantity] = [
            .judge("max_t relative deviation from the printed form", worst, predicted: "≤ 1e-9 (rounding)",
                   holds: worst <= 1e-9),
            .context("step of the largest deviation", Double(worstStep)),
            .context("final loss f(Θ(T))", final),
        ]
        if form == .prop3 {
            q1.append(.judge("relative error of Σ̃_L(1)₁₁ = ηα^{L−1}σ⋆,1", firstStepError,
                             predicted: "≤ 1e-12 (one step of rounding)", holds: firstStepError <= 1e-12))
        }
        return CaseOutcome(q1, note: "init \(kind), \(symmetric ? "symmetric" : "general") target, d = \(d), L = \(L)")
    }

    // MARK: Stationarity of the SVS set (Prop. 1)

    static let stationarityParameters: [ParameterSpec] = [
        DLNSimulation.sigmaSpec(), DLNSimulation.widthSpec, DLNSimulation.depthSpec,
        ParameterSpec("eta", .real, .positive, meaning: "η"),
        DLNSimulation.stepsSpec(1e4), DLNSimulation.seedSpec,
        ParameterSpec("misalign", .choice(["none", "inner", "outer"]), meaning:
                      "none: a point of the printed SVS set; inner: V_ℓ ≠ U_{ℓ−1} for one ℓ; outer: V_1 ≠ V⋆"),
        ParameterSpec("angle", .real, .closed(0, 3.2), required: false, meaning: "rotation angle of the misaligned frame (default 0.3)"),
    ]

    /// A point W_ℓ = A_ℓ D_ℓ B_ℓᵀ with random positive diagonal D_ℓ and frames from the SVS set
    /// (A_L = U⋆, B_1 = V⋆, B_{ℓ+1} = A_ℓ = Q_{ℓ+1} random), optionally with one frame rotated.
    /// After `steps` GD steps, measures how far each layer is from being diagonal in its initial
    /// frames (A_ℓ, B_ℓ): zero (to rounding) exactly when the singular vectors did not move.
    static func stationarity(_ c: ClaimCase) throws -> CaseOutcome {
        let σ = try c.vector("sigma"), d = try c.integer("d"), L = try c.integer("depth")
        let eta = try c.number("eta"), steps = try c.integer("steps")
        let seed = UInt64(try c.integer("seed", default: 1))
        let mis = try c.text("misalign"), angle = try c.number("angle", default: 0.3)
        let t = DLN.target(d: d, singularValues: σ, seed: seed)
        let loss = DeepMatrixFactorization(target: t.matrix, depth: L)
        var gen = SeededGenerator(seed: seed &+ 77)
        let q = [t.v] + (1..<L).map { _ in MPDLNLinearAlgebra.randomOrthogonal(d, using: &gen) } + [t.u]
        // Distinct positive singular values near the balanced ones (distinctness is assumed, l.1445).
        let diag = (0..<L).map { _ in (0..<d).map { i in (i < σ.count ? pow(σ[i], 1 / Double(L)) : 0.3) * (0.8 + 0.4 * gen.nextUniform()) } }
        let left = (0..<L).map { q[$0 + 1] }
        var right = (0..<L).map { q[$0] }
        let rot = givens(d, angle)
        switch mis {
        case "inner" where L >= 2: right[L - 1] = right[L - 1] * rot   // V_L ≠ U_{L−1}
        case "outer": right[0] = right[0] * rot                         // V_1 ≠ V⋆
        default: break
        }
        let layers = (0..<L).map { l in Matrix.product(left[l] * Matrix.diagonal(diag[l]), right[l], transposeB: true) }
        let θ = try DLNSimulation.run(loss, from: loss.flatten(layers), eta: eta, steps: steps)
        let after = loss.unflatten(θ)
        let residual = DLN.relativeFormResidual(after, left: left, right: right)
        let moved = (0..<L).map { (after[$0] - layers[$0]).frobeniusNorm }.max() ?? 0
        return CaseOutcome([
            // Exact invariance in exact arithmetic; T steps of rounding at relative ε·d each.
            .judge("relative off-diagonal part in the initial frames after T steps", residual,
                   predicted: "≤ 1e-10 (singular vectors stationary)", holds: residual <= 1e-10),
            .context("max_ℓ ‖W_ℓ(T) − W_ℓ(0)‖_F (the singular values did move)", moved),
        ], note: "misalignment: \(mis)")
    }

    /// The Givens rotation in the (0, 1) plane by `angle` (identity for d = 1).
    static func givens(_ d: Int, _ angle: Double) -> Matrix {
        var g = Matrix.identity(d)
        guard d >= 2 else { return g }
        g[0, 0] = cos(angle); g[1, 1] = cos(angle); g[0, 1] = -sin(angle); g[1, 0] = sin(angle)
        return g
    }

    // MARK: The reduced loss (Eq. 5, BOMIS Eqs. 5–6)

    static let reducedLossParameters: [ParameterSpec] = [
        DLNSimulation.sigmaSpec(), DLNSimulation.widthSpec, DLNSimulation.depthSpec, DLNSimulation.alphaSpec,
        ParameterSpec("eta", .real, .positive, meaning: "η"), DLNSimulation.stepsSpec(1e5),
        DLNSimulation.initSpec, DLNSimulation.seedSpec,
        ParameterSpec("perturbation", .real, .closed(0, 10), required: false, meaning: "ε of the perturbed init (default 0.1)"),
    ]

    /// Which printed right-hand side: ½Σ_{i≤r}(σ_i(W_{L:1}) − σ⋆,i)² (DLN-EOS (5)), the same
    /// sum to d (BOMIS (5)), or Σ_i ½(Π_ℓ σ_i(W_ℓ) − σ⋆,i)² with sorted layer singular values
    /// (BOMIS (6)).
    enum Reduced { case endToEndToR, endToEndToD, perLayerProduct }

    /// Along a GD run, max_t |f(Θ(t)) − RHS(t)| / (½‖M⋆‖²_F).
    static func reducedLoss(_ c: ClaimCase, _ kind: Reduced) throws -> CaseOutcome {
        let σ = try c.vector("sigma"), d = try c.integer("d"), L = try c.integer("depth")
        let alpha = try c.number("alpha"), eta = try c.number("eta"), steps = try c.integer("steps")
        let seed = UInt64(try c.integer("seed", default: 1))
        let kindName = try c.text("init", default: "unbalanced")
        let eps = try c.number("perturbation", default: 0.1)
        let t = DLN.target(d: d, singularValues: σ, seed: seed)
        let loss = DeepMatrixFactorization(target: t.matrix, depth: L)
        let (layers0, _) = DLNSimulation.initialize(kindName, width: d, depth: L, alpha: alpha, seed: seed, perturbation: eps)
        let norm = 0.5 * σ.reduce(0) { $0 + $1 * $1 }
        let every = max(1, steps / 200)
        var worst = 0.0
        var xs = [Double](), fs = [Double](), rs = [Double]()
        _ = try DLNSimulation.run(loss, from: loss.flatten(layers0), eta: eta, steps: steps) { step, θ in
            guard step % every == 0 || step == steps else { return }
            let f = loss.value(θ)
            let full = t.singularValues
            var rhs = 0.0
            switch kind {
            case .endToEndToR, .endToEndToD:
                let s = DLN.singularValues(loss.endToEnd(θ))
                let n = kind == .endToEndToR ? σ.count : d
                for i in 0..<n { rhs += 0.5 * (s[i] - full[i]) * (s[i] - full[i]) }
            case .perLayerProduct:
                let sv = loss.unflatten(θ).map { DLN.singularValues($0) }
                for i in 0..<d {
                    let p = sv.reduce(1.0) { $0 * $1[i] }
                    rhs += 0.5 * (p - full[i]) * (p - full[i])
                }
            }
            worst = max(worst, abs(f - rhs) / norm)
            xs.append(Double(step)); fs.append(f); rs.append(rhs)
        }
        return CaseOutcome([
            // Both sides are O(‖M⋆‖²) sums of d² products; the Jacobi SVD is accurate to ~ε‖W‖.
            .judge("max_t |f(Θ(t)) − printed reduced loss| / (½‖M⋆‖²_F)", worst,
                   predicted: "≤ 1e-10 (rounding of the SVD)", holds: worst <= 1e-10),
        ], note: "init \(kindName)",
        series: [DataSeries(name: "f(Θ(t))", x: xs, y: fs, figure: "reduced loss vs full loss",
                            xLabel: "iteration t", yLabel: "loss", yScale: .log),
                 DataSeries(name: "printed reduced loss", x: xs, y: rs, figure: "reduced loss vs full loss",
                            xLabel: "iteration t", yLabel: "loss", yScale: .log)])
    }
}
