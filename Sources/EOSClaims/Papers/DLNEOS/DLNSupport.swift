import Foundation
import EOSCore
import EOSModels

/// Shared machinery of the deep-linear-network claims (DLN-EOS, seed 000, and its earlier
/// version BOMIS, seed 001). Everything here is a small pure function; the claims and the
/// figure checks call it so that one formula is written once.
///
/// Conventions (both papers): M⋆ = U⋆ Σ⋆ V⋆ᵀ ∈ ℝ^{d×d} of rank r with distinct singular values
/// σ⋆,1 > … > σ⋆,r > 0; L square layers W_ℓ ∈ ℝ^{d×d}; f(Θ) = c‖W_{L:1} − M⋆‖²_F with c = ½
/// (Eq. 1) unless a case says `scale = 1` (some printed learning rates fit the loss without ½:
/// every Hessian eigenvalue, hence every stability limit 2/η, doubles).
enum DLN {
    // MARK: Targets

    /// A target M⋆ = U⋆ diag(σ⋆) V⋆ᵀ with its frames.
    struct Target {
        /// M⋆ (d × d).
        let matrix: Matrix
        /// U⋆, V⋆ (d × d orthogonal; identities for a diagonal target).
        let u: Matrix
        let v: Matrix
        /// σ⋆,1, …, σ⋆,d (the r given values, then zeros).
        let singularValues: [Double]
        /// r.
        let rank: Int
        var d: Int { matrix.rows }
    }

    /// M⋆ = U⋆ diag(σ⋆, 0) V⋆ᵀ with Haar-like random U⋆, V⋆ from `seed` (Gram–Schmidt on Gaussian
    /// matrices), or identity frames when `seed` is nil. With `symmetric`, V⋆ = U⋆ (a PSD target,
    /// as DLN-EOS Prop. 4 and BOMIS Lemma 1 / Theorem 2 assume).
    static func target(d: Int, singularValues σ: [Double], seed: UInt64?, symmetric: Bool = false) -> Target {
        precondition(σ.count <= d && !σ.isEmpty, "need 1 ≤ r ≤ d singular values")
        let full = σ + [Double](repeating: 0, count: d - σ.count)
        var u = Matrix.identity(d), v = Matrix.identity(d)
        if let s = seed {
            var g = SeededGenerator(seed: s)
            u = MPDLNLinearAlgebra.randomOrthogonal(d, using: &g)
            v = symmetric ? u : MPDLNLinearAlgebra.randomOrthogonal(d, using: &g)
        }
        let m = Matrix.product(u * Matrix.diagonal(full), v, transposeB: true)
        return Target(matrix: m, u: u, v: v, singularValues: full, rank: σ.count)
    }

    /// A random orthogonal d × d matrix (seeded).
    static func randomOrthogonal(_ d: Int, seed: UInt64) -> Matrix {
        var g = SeededGenerator(seed: seed)
        return MPDLNLinearAlgebra.randomOrthogonal(d, using: &g)
    }

    /// The SVS frames of Props. 3–4 (DLN-EOS l.1714–1718): Q_0 = V⋆, Q_1 = … = Q_{L−1} = V⋆,
    /// Q_L = U⋆, for `DeepMatrixFactorization.svsParameters(_:frames:)`.
    static func svsFrames(_ t: Target, depth L: Int) -> [Matrix] {
        [Matrix](repeating: t.v, count: L) + [t.u]
    }

    // MARK: Points

    /// The balanced minimum of DLN-EOS Lemma 1 as its proof states it (l.5373–5388):
    /// Σ_ℓ = diag(Σ⋆,r^{1/L}, α I_{d−r}) for ℓ ∈ [L−1] and Σ_L = diag(Σ⋆,r^{1/L}, 0), in the frames
    /// of `svsFrames` — the limit of GD from the unbalanced init (4) once balanced (Prop. 2).
    static func balancedMinimum(_ loss: DeepMatrixFactorization, _ t: Target, alpha: Double) -> [Double] {
        let L = loss.depth, d = t.d, r = t.rank
        var layers = [[Double]]()
        for l in 0..<L {
            layers.append((0..<d).map { i in
                i < r ? pow(t.singularValues[i], 1 / Double(L)) : (l == L - 1 ? 0 : alpha)
            })
        }
        return loss.svsParameters(layers, frames: svsFrames(t, depth: L))
    }

    /// A global minimum that is not balanced: the balanced minimum with the top-r layer singular
    /// values of layers 1 and 2 scaled by κ and 1/κ (Π_ℓ κ_ℓ = 1, so W_{L:1} = M⋆ still).
    static func unbalancedMinimum(_ loss: DeepMatrixFactorization, _ t: Target, alpha: Double, kappa: Double = 1.6) -> [Double] {
        let L = loss.depth, frames = svsFrames(t, depth: L)
        var layers = loss.layerSingularValues(balancedMinimum(loss, t, alpha: alpha), frames: frames)
        let factors: [Double] = (0..<L).map { $0 == 0 ? kappa : ($0 == 1 ? 1 / kappa : 1) }
        for l in 0..<L { for i in 0..<t.rank { layers[l][i] *= factors[l] } }
        return loss.svsParameters(layers, frames: frames)
    }

    // MARK: Stability limits and printed thresholds

    /// S_i = 2c · L σ^{2−2/L}: the top Hessian eigenvalue at the balanced minimum of index i
    /// (DLN-EOS Lemma 1 / Prop. 2 with c = ½).
    static func stabilityLimit(_ σ: Double, depth L: Int, scale c: Double = 0.5) -> Double {
        2 * c * Double(L) * pow(σ, 2 - 2 / Double(L))
    }

    /// λ_ij = Σ_{k=0}^{L−1} (σ_i^{1−1/L−k/L} σ_j^{k/L})² = (σ_i² − σ_j²)/(σ_i^{2/L} − σ_j^{2/L}) (i ≠ j):
    /// the cross eigenvalue of the Hessian at the balanced minimum (loss with ½; each appears twice;
    /// DLN-EOS Lemma 1, l.417–487), coupling the singular-vector directions of indices i and j.
    /// For σ_i > σ_j, S_j ≤ λ_ij ≤ S_i. Once η·λ_12 > 2 a rank-p orbit is transversally unstable in
    /// the full model (see docs/Status.md).
    static func crossEigenvalue(_ σi: Double, _ σj: Double, depth L: Int) -> Double {
        let l = Double(L)
        return (0..<L).reduce(0.0) { acc, k in
            let x = pow(σi, 1 - 1 / l - Double(k) / l) * pow(σj, Double(k) / l)
            return acc + x * x
        }
    }

    /// The α bound of DLN-EOS Prop. 2 / Lemma 5 as printed (l.300–302, l.2509):
    /// (ln(2√2/(ηS)) · σ^{4/L} / (L² · 2^{(2L−3)/L}))^{1/4}; NaN when ηS ≥ 2√2.
    static func prop2AlphaBound(eta: Double, sigma σ: Double, depth L: Int) -> Double {
        let l = Double(L)
        let S = stabilityLimit(σ, depth: L)
        let log = log(2 * 2.0.squareRoot() / (eta * S))
        guard log > 0 else { return .nan }
        return pow(log * pow(σ, 4 / l) / (l * l * pow(2, (2 * l - 3) / l)), 0.25)
    }

    // MARK: The balanced scalar dynamics (Theorem 1)

    /// One GD step of a balanced index under Eq. (2) with loss c(ρ^L − σ)²: every layer has the
    /// same singular value ρ and ∂f/∂σ_ℓ = 2c(π − σ)π/σ_ℓ, so ρ ← ρ + 2cη(σ − ρ^L)ρ^{L−1}.
    /// `factor` multiplies η: DLN-EOS's proof of Thm 1 (l.5577) writes ηL instead of η.
    static func balancedStep(_ ρ: Double, sigma σ: Double, depth L: Int, eta: Double,
                             scale c: Double = 0.5, factor: Double = 1) -> Double {
        ρ + 2 * c * factor * eta * (σ - intPow(ρ, L)) * intPow(ρ, L - 1)
    }

    /// g(ρ) of DLN-EOS Theorem 1 (l.600–605): ρ^L (1 + z^{2L−1})/(1 + z^{L−1}) − σ with
    /// z = 1 + κη(σ − ρ^L)ρ^{L−2}, κ = L as printed. With κ = 1 (the step of Eq. 2, ½ loss) its
    /// non-trivial roots are exactly the two points of the period-2 orbit of `balancedStep`.
    static func g(_ ρ: Double, sigma σ: Double, depth L: Int, eta: Double, kappa: Double) -> Double {
        let z = 1 + kappa * eta * (σ - intPow(ρ, L)) * intPow(ρ, L - 2)
        return intPow(ρ, L) * (1 + intPow(z, 2 * L - 1)) / (1 + intPow(z, L - 1)) - σ
    }

    /// The roots of g in (lo, hi) other than the fixed point σ^{1/L} (always a root, z = 1).
    static func gRoots(sigma σ: Double, depth L: Int, eta: Double, kappa: Double,
                       in lo: Double, _ hi: Double) throws -> [Double] {
        let fixed = pow(σ, 1 / Double(L))
        let scan = try RootFinding.allRoots(in: lo, hi, gridPoints: 4001) { ρ in
            g(ρ, sigma: σ, depth: L, eta: eta, kappa: kappa)
        }
        // The fixed point is a simple root of g; separate it from orbit roots by 1e-9 relative
        // (orbit points sit at a distance ∝ √(ηS − 2) ≫ 1e-9 in every case used).
        return scan.roots.filter { abs($0 - fixed) > 1e-9 * fixed }
    }

    // MARK: Linear algebra

    /// The SVD A = U diag(s) Vᵀ of a square matrix (EOSCore's one-sided Jacobi
    /// `SingularValueDecomposition`): singular values descending, each accurate to ~ε‖A‖; the
    /// vectors of a singular value separated by a gap δ to ~ε‖A‖/δ. A non-finite input (a run
    /// that blew up) gives NaN singular values, which no tolerance accepts.
    static func svd(_ a: Matrix) -> (u: Matrix, s: [Double], v: Matrix) {
        precondition(a.isSquare, "svd: square matrices only")
        guard let d = try? SingularValueDecomposition(a, vectors: .thin) else {
            return (Matrix.identity(a.rows), [Double](repeating: .nan, count: a.rows), Matrix.identity(a.rows))
        }
        return (d.u, d.singularValues, d.v)
    }

    /// Singular values of a square matrix, descending.
    static func singularValues(_ a: Matrix) -> [Double] { svd(a).s }

    /// All eigenvalues of a symmetric matrix, descending (EOSCore's
    /// `SymmetricEigendecomposition`; accurate to ~c·n·ε·‖A‖). NaN when the input is not finite.
    static func symmetricEigenvalues(_ a: Matrix) -> [Double] {
        guard let values = try? SymmetricEigendecomposition.eigenvalues(of: a) else {
            return [Double](repeating: .nan, count: a.rows)
        }
        return values.reversed()
    }

    /// The full Hessian spectrum of a loss at θ, descending: dense Hessian from HVPs (`DenseHessian`)
    /// and Jacobi. For n = dim θ up to a few hundred (O(n³)).
    static func hessianSpectrum<Loss: DifferentiableLoss>(_ loss: Loss, at θ: [Double]) -> [Double] {
        symmetricEigenvalues(DenseHessian(of: loss, at: θ).matrix)
    }

    /// The sharpness λ_max(∇²f(θ)). Dense (exact to rounding) when dim θ ≤ `denseLimit`,
    /// otherwise EOSCore's `Lanczos` (full reorthogonalisation, seeded start) on exact
    /// Hessian–vector products, to a relative residual of 1e-10·‖H‖. NaN when the Hessian is not
    /// finite or Lanczos does not converge, so no tolerance accepts it.
    static func sharpness<Loss: DifferentiableLoss>(_ loss: Loss, at θ: [Double], denseLimit: Int = 200,
                                                    seed: UInt64 = 7) -> Double {
        if loss.dimension <= denseLimit { return hessianSpectrum(loss, at: θ).first ?? 0 }
        let h = loss.hessianOperator(at: θ)
        let top = try? Lanczos.eigenpairs(count: 1, dimension: loss.dimension, target: .largestAlgebraic,
                                          tolerance: 1e-10, seed: seed, h)
        return top?.values.first ?? .nan
    }

    // MARK: Subspace distances

    /// DLN-EOS Eq. (12): ‖U_{ℓ−1,r}ᵀ V_{ℓ,r} − I_r‖_F for consecutive layers (W_{ℓ−1}, W_ℓ),
    /// ℓ = 2…L, with U, V the top-r singular vectors. The SVD fixes each pair (u_i, v_i) only up
    /// to a common sign; the printed formula is not sign-invariant, so the sign of each v_i of
    /// W_ℓ is chosen to make the diagonal of U_{ℓ−1,r}ᵀV_{ℓ,r} non-negative (along a chain this
    /// choice is consistent: flipping (u_i, v_i) of W_ℓ changes only its own pair's V side here).
    /// Returns one distance per ℓ = 2…L.
    static func subspaceDistances(layers: [Matrix], rank r: Int) -> [Double] {
        let svds = layers.map { svd($0) }
        return (1..<layers.count).map { l in
            let uPrev = svds[l - 1].u, v = svds[l].v
            // Sign fix: v_i of W_ℓ is flipped when the diagonal entry is negative, so the diagonal
            // contributes (|dot| − 1)²; off-diagonal entries only change sign.
            var s = 0.0
            for i in 0..<r {
                for j in 0..<r {
                    var dot = 0.0
                    for k in 0..<uPrev.rows { dot += uPrev[k, i] * v[k, j] }
                    s += i == j ? (abs(dot) - 1) * (abs(dot) - 1) : dot * dot
                }
            }
            return s.squareRoot()
        }
    }

    /// BOMIS Eq. (8): r − ‖U_r(W(t))ᵀ U_r(W(t+1))‖²_F, the distance between the top-r left
    /// singular subspaces of a layer at consecutive iterates (sign-invariant; in [0, r]).
    static func leftSubspaceDistance(_ a: Matrix, _ b: Matrix, rank r: Int) -> Double {
        let ua = svd(a).u, ub = svd(b).u
        var s = 0.0
        for i in 0..<r {
            for j in 0..<r {
                var dot = 0.0
                for k in 0..<ua.rows { dot += ua[k, i] * ub[k, j] }
                s += dot * dot
            }
        }
        return Double(r) - s
    }

    /// The distance of each layer from a prescribed SVS form: ‖offdiag(Aᵀ W_ℓ B)‖_F / ‖W_ℓ‖_F for
    /// left/right frames (A_ℓ, B_ℓ); 0 exactly when W_ℓ = A_ℓ D B_ℓᵀ with D diagonal. Returns the
    /// largest over layers (0 for all-zero layers).
    static func relativeFormResidual(_ layers: [Matrix], left: [Matrix], right: [Matrix]) -> Double {
        var worst = 0.0
        for (l, w) in layers.enumerated() {
            let m = Matrix.product(left[l], transposeA: true, w * right[l])
            var off = 0.0
            for i in 0..<m.rows { for j in 0..<m.columns where i != j { off += m[i, j] * m[i, j] } }
            let n = w.frobeniusNorm
            if n > 0 { worst = max(worst, off.squareRoot() / n) }
        }
        return worst
    }

    /// x^n for an integer n ≥ 0 (n < 0: 1/x^{−n}), by repeated squaring.
    @inline(__always) static func intPow(_ x: Double, _ n: Int) -> Double {
        if n < 0 { return 1 / intPow(x, -n) }
        var r = 1.0, b = x, e = n
        while e > 0 { if e & 1 == 1 { r *= b }; b *= b; e >>= 1 }
        return r
    }
}

