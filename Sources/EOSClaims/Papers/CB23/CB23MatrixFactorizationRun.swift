import EOSCore

/// Gradient descent on the matrix factorisation loss of Section 6 (Eq. 7),
/// L(Y, Z) = ½‖YZᵀ − C‖²_F with Y, Z ∈ ℝ^{d×d}:
///
///     R = YZᵀ − C,   Y ← Y − η R Z,   Z ← Z − η Rᵀ Y.
///
/// The state is the concatenation [vec Y; vec Z] (row-major), as in `CB23MatrixFactorization`
/// (whose XY form is this one with Y ↦ Y, Z ↦ Zᵀ). Used by the Section 6 observations, the
/// tightness claim and Figures 1, 2 and 6.
struct CB23MatrixFactorizationRun: Sendable {
    let target: Matrix
    let eta: Double
    var d: Int { target.rows }

    func split(_ s: [Double]) -> (y: Matrix, z: Matrix) {
        let n = d * d
        return (Matrix(rows: d, columns: d, storage: Array(s[0..<n])),
                Matrix(rows: d, columns: d, storage: Array(s[n...])))
    }

    func loss(_ s: [Double]) -> Double {
        let (y, z) = split(s)
        let r = Matrix.product(y, z, transposeB: true) - target
        return 0.5 * r.frobeniusNorm * r.frobeniusNorm
    }

    /// ∇L = (RZ, RᵀY).
    func gradient(_ s: [Double]) -> [Double] {
        let (y, z) = split(s)
        let r = Matrix.product(y, z, transposeB: true) - target
        return (r * z).storage + Matrix.product(r, transposeA: true, y).storage
    }

    /// One GD step (Eq. 1 on Eq. 7).
    func step(_ s: [Double], eta override: Double? = nil) -> [Double] {
        let e = override ?? eta
        let (y, z) = split(s)
        let r = Matrix.product(y, z, transposeB: true) - target
        return (y - e * (r * z)).storage + (z - e * Matrix.product(r, transposeA: true, y)).storage
    }

    /// A run of `steps` steps: the last `tail` states (time order) and the step at which a
    /// component became non-finite or exceeded `bound` (nil if it never did).
    func run(from s0: [Double], steps: Int, tail: Int = 64, bound: Double = 1e6,
             eta override: Double? = nil) -> (tail: [[Double]], divergedAt: Int?) {
        var s = s0
        var kept: [[Double]] = []
        kept.reserveCapacity(tail)
        for t in 1...max(steps, 1) {
            s = step(s, eta: override)
            if !s.allSatisfy({ $0.isFinite && abs($0) <= bound }) { return (kept, t) }
            if t > steps - tail { kept.append(s) }
        }
        return (kept, nil)
    }

    /// The largest singular values (σmax(Y), σmax(Z)) of a state.
    func topSingularValues(_ s: [Double]) -> (Double, Double) {
        let (y, z) = split(s)
        return (CB23Support.topSingularTriple(y).sigma, CB23Support.topSingularTriple(z).sigma)
    }

    /// The largest eigenvalue of the loss Hessian (the sharpness) at a state: the dense Hessian
    /// of `CB23MatrixFactorization` (XY form, X = Y, Y = Zᵀ; same spectrum) and Jacobi.
    func sharpness(_ s: [Double]) -> Double {
        let (y, z) = split(s)
        let mf = CB23MatrixFactorization(target: target, p: d)
        let theta = mf.join(y, z.transposed)
        let h = CB23Support.denseMatrix(dimension: theta.count) { v in mf.hessianVectorProduct(theta, v) }
        return CB23Support.jacobiEigen(h).values[0]
    }

    /// C = Q diag(σ²) Qᵀ with Q = I (`rotate` false) or the eigenvectors of a seeded symmetric
    /// Gaussian matrix, and its square root X₀ = Q diag(σ) Qᵀ (so C = X₀X₀ᵀ).
    static func target(sigmaSquared s2: [Double], rotate: Bool, seed: UInt64) -> (c: Matrix, root: Matrix, q: Matrix) {
        let d = s2.count
        var q = Matrix.identity(d)
        if rotate {
            var rng = SeededGenerator(seed: seed)
            let g = rng.gaussianMatrix(rows: d, columns: d)
            q = CB23Support.jacobiEigen(g + g.transposed).vectors
        }
        let c = q * Matrix.diagonal(s2) * q.transposed
        let root = q * Matrix.diagonal(s2.map { $0.squareRoot() }) * q.transposed
        return (c, root, q)
    }
}
