import Foundation
import EOSCore
import EOSModels

/// Full-matrix gradient descent on the deep matrix factorization loss (DLN-EOS Eqs. 1–2) from
/// the initializations the two papers use, and the parameter declarations the DLN claims share.
enum DLNSimulation {
    /// The initializations of DLN-EOS Eqs. (3), (4), App. B.2 (Original/Orthogonal/Random,
    /// l.1093–1101) and BOMIS Eq. (10):
    /// - `balanced` (3): W_ℓ = αI for all ℓ;
    /// - `unbalanced` (4) = BOMIS (3): W_L = 0, W_ℓ = αI (ℓ < L);
    /// - `orthogonal` (8): W_L = 0, W_ℓ = αP_ℓ with seeded random orthogonal P_ℓ;
    /// - `random`: W_L = 0, W_ℓ = αH_ℓ with standard Gaussian H_ℓ;
    /// - `balancedOrthogonal` (BOMIS App. B.1): W_ℓ = αP_ℓ for all ℓ;
    /// - `perturbed`: (4) plus αε·Gaussian on every layer (a point off the SVS set).
    static let initializations = ["balanced", "unbalanced", "orthogonal", "random", "balancedOrthogonal", "perturbed"]

    /// The layers of an initialization and the orthogonal P_ℓ it drew (identities otherwise).
    static func initialize(_ kind: String, width d: Int, depth L: Int, alpha: Double,
                           seed: UInt64, perturbation: Double = 0.1) -> (layers: [Matrix], p: [Matrix]) {
        var gen = SeededGenerator(seed: seed &+ 1000)
        var layers = [Matrix](), ps = [Matrix]()
        for l in 0..<L {
            let last = l == L - 1
            var w: Matrix
            var p = Matrix.identity(d)
            switch kind {
            case "balanced": w = alpha * Matrix.identity(d)
            case "orthogonal", "balancedOrthogonal":
                p = MPDLNLinearAlgebra.randomOrthogonal(d, using: &gen)
                w = (last && kind == "orthogonal") ? Matrix(rows: d, columns: d) : alpha * p
            case "random":
                w = last ? Matrix(rows: d, columns: d) : alpha * gen.gaussianMatrix(rows: d, columns: d)
            case "perturbed":
                w = (last ? Matrix(rows: d, columns: d) : alpha * Matrix.identity(d))
                    + (alpha * perturbation) * gen.gaussianMatrix(rows: d, columns: d)
            default: w = last ? Matrix(rows: d, columns: d) : alpha * Matrix.identity(d)
            }
            layers.append(w); ps.append(p)
        }
        return (layers, ps)
    }

    /// Runs θ_{t+1} = θ_t − η∇f(θ_t) for `steps` steps, calling `observe(t, θ_t)` at
    /// t = 0, …, steps (θ_steps is returned).
    /// - Throws: `ClaimError.diverged` at the first step where θ or f is non-finite or
    ///   |θ_i| > 1e8 (far outside every basin the claims consider).
    static func run<Loss: DifferentiableLoss>(_ loss: Loss, from θ0: [Double], eta: Double, steps: Int,
                                              observe: (Int, [Double]) throws -> Void = { _, _ in }) throws -> [Double] {
        let eval = loss.makeGradientEvaluator()
        var θ = θ0
        var g = [Double](repeating: 0, count: θ.count)
        for t in 0...steps {
            guard DivergenceGuard.isHealthy(θ, bound: 1e8) else {
                throw ClaimError.diverged(step: t, what: "|θ| left [−1e8, 1e8]")
            }
            try observe(t, θ)
            if t == steps { break }
            let f = eval(θ, gradient: &g)
            guard f.isFinite else { throw ClaimError.diverged(step: t, what: "loss not finite") }
            for i in 0..<θ.count { θ[i] -= eta * g[i] }
        }
        return θ
    }

    // MARK: Shared parameter declarations

    static func sigmaSpec(_ meaning: String = "σ⋆,1 > … > σ⋆,r > 0, the non-zero singular values of M⋆") -> ParameterSpec {
        ParameterSpec("sigma", .vector(minCount: 1, distinct: true, descending: true), .open(0, 1e3), meaning: meaning)
    }
    static let depthSpec = ParameterSpec("depth", .integer, .closed(2, 12), meaning: "L, the number of layers")
    static let widthSpec = ParameterSpec("d", .integer, .closed(1, 120), meaning: "d, the width of every layer (M⋆ is d × d)")
    static let alphaSpec = ParameterSpec("alpha", .real, .closed(0, 10), meaning: "α, the initialization scale")
    static let seedSpec = ParameterSpec("seed", .integer, .closed(0, 1e9), required: false,
                                       meaning: "seed of the random frames U⋆, V⋆ (and P_ℓ); default 1")
    static let scaleSpec = ParameterSpec("scale", .real, .open(0, 10), required: false,
                                         meaning: "c in f = c‖W_{L:1} − M⋆‖² (½ in Eq. 1; 1 = the loss without ½); default ½")
    static func stepsSpec(_ max: Double = 1e6) -> ParameterSpec {
        ParameterSpec("steps", .integer, .closed(1, max), meaning: "number of GD steps")
    }
    static let initSpec = ParameterSpec("init", .choice(initializations), required: false,
                                        meaning: "initialization (default unbalanced, Eq. 4)")
}
