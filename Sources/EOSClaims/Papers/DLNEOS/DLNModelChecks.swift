import Foundation
import EOSCore
import EOSModels

/// Checks of the model equations shared by DLN-EOS Eqs. (1)–(4) and BOMIS Eqs. (1)–(3): the
/// loss value, the printed layer gradient, one GD step, and the initializations.
enum DLNModelChecks {
    static let modelParameters: [ParameterSpec] = [
        DLNSimulation.sigmaSpec(), DLNSimulation.widthSpec, DLNSimulation.depthSpec, DLNSimulation.seedSpec,
        DLNSimulation.scaleSpec,
        ParameterSpec("formula", .choice(["printed", "noTranspose"]), required: false,
                      meaning: "printed: ∇_{W_ℓ}f = W_{L:ℓ+1}ᵀ(W_{L:1} − M⋆)W_{ℓ−1:1}ᵀ; noTranspose: the same without transposes (a wrong formula)"),
        ParameterSpec("eta", .real, .positive, required: false, meaning: "η for the GD step (default 0.01)"),
    ]

    /// W_{j:i} = W_j⋯W_i (identity when j < i), 1-based as printed.
    static func product(_ w: [Matrix], _ j: Int, _ i: Int) -> Matrix {
        var p = Matrix.identity(w[0].rows)
        if j < i { return p }
        for l in i...j { p = w[l - 1] * p }
        return p
    }

    /// The printed layer gradient at a random point, and a GD step built from it.
    static func printedGradient(_ w: [Matrix], target: Matrix, transpose: Bool) -> [Matrix] {
        let L = w.count
        let r = product(w, L, 1) - target
        return (1...L).map { l in
            let a = product(w, L, l + 1), b = product(w, l - 1, 1)
            return transpose ? Matrix.product(Matrix.product(a, transposeA: true, r), b, transposeB: true) : a * r * b
        }
    }

    /// Eq. (1)/(2): value ½‖W_{L:1} − M⋆‖² and the printed gradient / GD step at a random point,
    /// against `DeepMatrixFactorization` with c = ½ and against central finite differences of the
    /// value of a model with the case's `scale`.
    static func lossAndGradient(_ c: ClaimCase, step: Bool) throws -> CaseOutcome {
        let σ = try c.vector("sigma"), d = try c.integer("d"), L = try c.integer("depth")
        let seed = UInt64(try c.integer("seed", default: 1)), scale = try c.number("scale", default: 0.5)
        let transpose = try c.text("formula", default: "printed") == "printed"
        let eta = try c.number("eta", default: 0.01)
        let t = DLN.target(d: d, singularValues: σ, seed: seed)
        let model = DeepMatrixFactorization(target: t.matrix, depth: L, scale: scale)
        var gen = SeededGenerator(seed: seed &+ 11)
        let w = (0..<L).map { _ in gen.gaussianMatrix(rows: d, columns: d, standardDeviation: pow(σ[0], 1 / Double(L)) / Double(d).squareRoot()) }
        let θ = model.flatten(w)
        let printedValue = 0.5 * pow((product(w, L, 1) - t.matrix).frobeniusNorm, 2)
        let fd = FiniteDifferences.gradient({ model.value($0) }, at: θ)
        let printed = model.flatten(printedGradient(w, target: t.matrix, transpose: transpose))
        let gScale = max(1, fd.map { abs($0) }.max() ?? 1)
        let gErr = zip(fd, printed).map { abs($0 - $1) }.max()! / gScale
        var q: [Quantity] = []
        if !step {
            q.append(.compare("f(Θ) of the model vs ½‖W_{L:1} − M⋆‖²_F", measured: model.value(θ), predicted: printedValue,
                              .relative(1e-12, "same products, different summation order")))
        }
        // Coordinate central differences are truncation-free here (f is quadratic in each entry);
        // rounding ~ ε^{2/3} ≈ 4e-11 relative, so 1e-7 is a wide margin.
        q.append(.judge("max |FD gradient − printed ∇_{W_ℓ}f| / max|∇f|", gErr, predicted: "≤ 1e-7 (FD rounding)", holds: gErr <= 1e-7))
        if step {
            let after = try DLNSimulation.run(model, from: θ, eta: eta, steps: 1)
            let expected = zip(θ, printed).map { $0 - eta * $1 }
            let sErr = zip(after, expected).map { abs($0 - $1) }.max()! / max(1, θ.map { abs($0) }.max()!)
            q.append(.judge("max |GD step − (W_ℓ − η·printed gradient)| (relative)", sErr,
                            predicted: "≤ 1e-7 (FD-grade)", holds: sErr <= 1e-7))
        }
        return CaseOutcome(q, note: "scale c = \(formatNumber(scale)), formula \(transpose ? "printed" : "without transposes")")
    }
}

extension DLNModelChecks {
    static let initParameters: [ParameterSpec] = [
        DLNSimulation.sigmaSpec(), DLNSimulation.widthSpec, DLNSimulation.depthSpec, DLNSimulation.alphaSpec,
        ParameterSpec("eta", .real, .positive, meaning: "η"), DLNSimulation.stepsSpec(1e5),
        DLNSimulation.initSpec, DLNSimulation.seedSpec,
        ParameterSpec("alphaPrime", .real, .closed(0, 10), required: false, meaning: "α′, the scale of the 'zero' layer W_L(0) = α′I (Eq. 4 check)"),
    ]

    /// max_ℓ ‖W_{ℓ+1}ᵀW_{ℓ+1} − W_ℓW_ℓᵀ‖_F, the zero-balancedness defect (000 l.158–163).
    static func imbalance(_ w: [Matrix]) -> Double {
        (0..<(w.count - 1)).map { l in
            (Matrix.product(w[l + 1], transposeA: true, w[l + 1]) - Matrix.product(w[l], w[l], transposeB: true)).frobeniusNorm
        }.max() ?? 0
    }

    /// Eq. (3): the balanced init is zero-balanced (defect exactly 0) and the defect is a GF
    /// invariant: after the same time τ = ηT, GD with η and with η/2 drifts by amounts in ratio ≈ 2
    /// (drift O(η), so it vanishes in the GF limit).
    static func zeroBalanced(_ c: ClaimCase) throws -> CaseOutcome {
        let σ = try c.vector("sigma"), d = try c.integer("d"), L = try c.integer("depth")
        let alpha = try c.number("alpha"), eta = try c.number("eta"), steps = try c.integer("steps")
        let seed = UInt64(try c.integer("seed", default: 1)), kind = try c.text("init", default: "balanced")
        let t = DLN.target(d: d, singularValues: σ, seed: seed)
        let loss = DeepMatrixFactorization(target: t.matrix, depth: L)
        let (w0, _) = DLNSimulation.initialize(kind, width: d, depth: L, alpha: alpha, seed: seed)
        let d0 = imbalance(w0)
        let a = imbalance(loss.unflatten(try DLNSimulation.run(loss, from: loss.flatten(w0), eta: eta, steps: steps)))
        let b = imbalance(loss.unflatten(try DLNSimulation.run(loss, from: loss.flatten(w0), eta: eta / 2, steps: 2 * steps)))
        let drift = abs(a - d0), driftHalf = abs(b - d0)
        let ratio = driftHalf > 0 ? drift / driftHalf : .infinity
        return CaseOutcome([
            .judge("zero-balancedness defect at t = 0", d0, predicted: "0 (W_{ℓ+1}ᵀW_{ℓ+1} = W_ℓW_ℓᵀ)", holds: d0 <= 1e-15 * max(1, alpha * alpha)),
            .context("defect after time τ = ηT with η", a),
            .context("defect after time τ with η/2", b),
            // GD drifts from the GF invariant by O(η) over a fixed time: halving η halves it.
            .judge("drift(η)/drift(η/2)", ratio, predicted: "≈ 2 (O(η) drift: conserved by GF), in [1.5, 2.5]",
                   holds: ratio >= 1.5 && ratio <= 2.5 || (drift <= 1e-14 && driftHalf <= 1e-14)),
            .context("α ∈ (0, σ⋆,r) (assumed, l.153)", alpha > 0 && alpha < σ.last! ? 1 : 0),
        ], note: "init \(kind)")
    }

    /// Eq. (4): the zero layer is the α′ → 0 limit of W_L(0) = α′I. The trajectories from α′ and
    /// α′/10 are compared with the one from W_L(0) = 0 over T steps; the limit holds when the
    /// difference is small (≤ 1e-3 of the trajectory's size) and shrinks linearly (ratio ≈ 10).
    static func zeroLayerLimit(_ c: ClaimCase) throws -> CaseOutcome {
        let σ = try c.vector("sigma"), d = try c.integer("d"), L = try c.integer("depth")
        let alpha = try c.number("alpha"), eta = try c.number("eta"), steps = try c.integer("steps")
        let seed = UInt64(try c.integer("seed", default: 1)), ap = try c.number("alphaPrime", default: 1e-6)
        let t = DLN.target(d: d, singularValues: σ, seed: seed)
        let loss = DeepMatrixFactorization(target: t.matrix, depth: L)
        func trajectory(_ a: Double) throws -> [[Double]] {
            var (w, _) = DLNSimulation.initialize("unbalanced", width: d, depth: L, alpha: alpha, seed: seed)
            w[L - 1] = a * Matrix.identity(d)
            var out = [[Double]]()
            _ = try DLNSimulation.run(loss, from: loss.flatten(w), eta: eta, steps: steps) { _, θ in out.append(θ) }
            return out
        }
        let zero = try trajectory(0), one = try trajectory(ap), tenth = try trajectory(ap / 10)
        func gap(_ x: [[Double]]) -> Double {
            zip(x, zero).map { zip($0, $1).map { abs($0 - $1) }.max()! }.max()!
        }
        let size = zero.map { $0.map { abs($0) }.max()! }.max()!
        let g1 = gap(one), g2 = gap(tenth)
        return CaseOutcome([
            .judge("max_t ‖θ_{α′}(t) − θ_0(t)‖∞ / max_t ‖θ_0(t)‖∞", g1 / size, predicted: "≤ 1e-3 (the zero layer is the α′ ≪ α limit)", holds: g1 / size <= 1e-3),
            .judge("difference ratio α′ vs α′/10", g1 / g2, predicted: "≈ 10 (linear in α′), in [5, 20]", holds: g1 / g2 >= 5 && g1 / g2 <= 20),
            .context("α′/α", ap / alpha),
        ])
    }
}
